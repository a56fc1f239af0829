import { describe, expect, it } from 'vitest';
import type { Operation } from '../protocol/types';
import { openmediaReducer } from './reducer';
import { canPerform, isEnded, selectDiagnostics, selectDisplayOrder, selectEntry, selectPendingActions } from './selectors';
import { SEED, accepted, interaction, propertiesUpdated, requested, run, statusChange } from '../test-support/builders';
import type { InteractionEntry } from './types';

const p1 = interaction({ id: 'P1' });
const p2 = interaction({ id: 'P2' });
const o1 = interaction({ id: 'O1', state: 'Invited' });
const o2 = interaction({ id: 'O2', state: 'Invited' });
const c1 = interaction({ id: 'C1', state: 'Completed' });

describe('selectDisplayOrder', () => {
  const mixed = run([statusChange(p1, 1), statusChange(o1, 2), statusChange(c1, 3), statusChange(p2, 4), statusChange(o2, 5)]);

  it('puts offers first, then the other active ones, then the ended ones, newest first in each group', () => {
    expect(mixed.order).toEqual(['O2', 'P2', 'C1', 'O1', 'P1']);
    expect(selectDisplayOrder(mixed)).toEqual(['O2', 'O1', 'P2', 'P1', 'C1']);
  });

  it('counts gone entries as ended', () => {
    const state = openmediaReducer(mixed, { type: 'snapshotLoaded', mediaTypes: ['promotion'], interactions: [o1, o2, p1, c1], at: 6 });
    expect(selectDisplayOrder(state)).toEqual(['O2', 'O1', 'P1', 'P2', 'C1']);
  });

  it('returns the same array when only user data changed', () => {
    const first = selectDisplayOrder(mixed);
    const next = openmediaReducer(mixed, propertiesUpdated(interaction({ id: 'P1', userData: { Subject: 'changed' } }), 10));
    expect(next.byId).not.toBe(mixed.byId);
    expect(selectDisplayOrder(next)).toBe(first);
    expect(selectDisplayOrder(next)).toBe(first);
  });

  it('returns a new array when an interaction changes group', () => {
    const first = selectDisplayOrder(mixed);
    const next = openmediaReducer(mixed, statusChange(interaction({ id: 'O1' }), 10));
    const second = selectDisplayOrder(next);
    expect(second).not.toBe(first);
    expect(second).toEqual(['O2', 'P2', 'O1', 'P1', 'C1']);
  });

  it('returns a new array when an interaction arrives or is evicted', () => {
    const first = selectDisplayOrder(mixed);
    const added = openmediaReducer(mixed, statusChange(interaction({ id: 'P3' }), 10));
    expect(selectDisplayOrder(added)).toEqual(['O2', 'O1', 'P3', 'P2', 'P1', 'C1']);
    const evicted = openmediaReducer(mixed, { type: 'clockTicked', at: 3 + 60_000 });
    expect(selectDisplayOrder(evicted)).not.toBe(first);
    expect(selectDisplayOrder(evicted)).toEqual(['O2', 'O1', 'P2', 'P1']);
  });

  it('keeps separate memos for separate states that share nothing', () => {
    const other = run([statusChange(p2, 1)]);
    expect(selectDisplayOrder(other)).toEqual(['P2']);
    expect(selectDisplayOrder(mixed)).toEqual(['O2', 'O1', 'P2', 'P1', 'C1']);
    expect(selectDisplayOrder(other)).toEqual(['P2']);
  });
});

describe('canPerform and isEnded', () => {
  const base = run([statusChange(interaction(), 1)]);
  const processing = selectEntry(base, SEED.id) as InteractionEntry;
  const pendingState = run([requested('r1', SEED.id, 'Complete', 2)], undefined, base);
  const completed = run([statusChange(interaction({ state: 'Completed', capabilities: ['Complete'] }), 2)], undefined, base);
  const gone = openmediaReducer(base, { type: 'snapshotLoaded', mediaTypes: ['promotion'], interactions: [], at: 2 });

  it.each<{ name: string; entry: InteractionEntry | undefined; operation: Operation; allowed: boolean }>([
    { name: 'a listed capability', entry: processing, operation: 'Complete', allowed: true },
    { name: 'a capability the server did not list', entry: processing, operation: 'Accept', allowed: false },
    { name: 'while a request is in flight', entry: selectEntry(pendingState, SEED.id), operation: 'Transfer', allowed: false },
    { name: 'a Completed interaction, even with the capability listed', entry: selectEntry(completed, SEED.id), operation: 'Complete', allowed: false },
    { name: 'a gone interaction', entry: selectEntry(gone, SEED.id), operation: 'Complete', allowed: false },
    { name: 'an unknown interaction', entry: undefined, operation: 'Complete', allowed: false },
  ])('$name → $allowed', ({ entry, operation, allowed }) => {
    expect(canPerform(entry, operation)).toBe(allowed);
  });

  it('isEnded is true for Completed and gone entries only', () => {
    expect(isEnded(processing)).toBe(false);
    expect(isEnded(selectEntry(completed, SEED.id) as InteractionEntry)).toBe(true);
    expect(isEnded(selectEntry(gone, SEED.id) as InteractionEntry)).toBe(true);
  });
});

describe('selectPendingActions and selectDiagnostics', () => {
  it('lists the requests in flight, oldest first, as the same array until pending changes', () => {
    const state = run([statusChange(p1, 1), statusChange(p2, 1), requested('r2', 'P2', 'Complete', 5), requested('r1', 'P1', 'Transfer', 3)]);
    const list = selectPendingActions(state);
    expect(list.map((action) => action.requestId)).toEqual(['r1', 'r2']);
    const unrelated = openmediaReducer(state, propertiesUpdated(interaction({ id: 'P1', userData: { a: 'b' } }), 6));
    expect(selectPendingActions(unrelated)).toBe(list);
    const accepting = openmediaReducer(state, accepted('r1', 9, 7));
    expect(selectPendingActions(accepting)[0]?.referenceId).toBe(9);
  });

  it('selectDiagnostics counts rejected messages by reason', () => {
    const state = run([
      { type: 'messageRejected', reason: 'missing-id', at: 1 },
      { type: 'messageRejected', reason: 'missing-id', at: 2 },
      { type: 'messageRejected', reason: 'invalid-state', at: 3 },
    ]);
    expect(selectDiagnostics(state).rejected).toEqual({ 'missing-id': 2, 'invalid-state': 1 });
  });
});
