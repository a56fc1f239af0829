import { describe, expect, it } from 'vitest';
import { OUTCOME_UNKNOWN_MESSAGE, applySnapshot } from './apply-snapshot';
import { openmediaReducer } from './reducer';
import { SEED, accepted, interaction, requested, run, statusChange } from '../test-support/builders';
import type { InteractionEntry, OpenmediaEvent, OpenmediaState } from './types';
import type { OpenmediaInteraction, Operation, UserData } from '../protocol/types';

// The corners of snapshot reconciliation: which pending actions a resync settles and how, the
// order new ids take, and what an entry keeps when the snapshot lists it again.

const ID = SEED.id;
const invited = interaction({ state: 'Invited' });
const processing = interaction({ userData: { A: '1', B: '2' } });
const completed = interaction({ state: 'Completed' });

function entry(state: OpenmediaState, id = ID): InteractionEntry {
  const found = state.byId.get(id);
  if (found === undefined) throw new Error(`no entry ${id}`);
  return found;
}

function resync(listed: readonly OpenmediaInteraction[], extra: Partial<Extract<OpenmediaEvent, { type: 'snapshotLoaded' }>> = {}): OpenmediaEvent {
  return { type: 'snapshotLoaded', mediaTypes: ['promotion'], interactions: listed, afterGap: true, at: 5000, ...extra };
}

/** `operation` sent on a card showing `start`, accepted as referenceId 7. */
function sent(start: OpenmediaInteraction, operation: Operation, effect: { userData?: UserData; keys?: string[] } = {}): OpenmediaState {
  return run([statusChange(start, 1000), { ...requested('r1', ID, operation, 1100), ...effect }, accepted('r1', 7, 1200)]);
}

type Verdict = 'done' | 'unknown';

function verdict(state: OpenmediaState): Verdict {
  expect(state.pending.size).toBe(0);
  const error = entry(state).error;
  if (error === undefined) return 'done';
  expect(error).toMatchObject({ kind: 'outcome-unknown', message: OUTCOME_UNKNOWN_MESSAGE });
  return 'unknown';
}

describe('a resync after a gap: does the snapshot show the effect?', () => {
  it.each<{ name: string; start: OpenmediaInteraction; op: Operation; effect?: { userData?: UserData; keys?: string[] }; listed: OpenmediaInteraction[]; expected: Verdict }>([
    { name: 'Accept, not listed any more', start: invited, op: 'Accept', listed: [], expected: 'unknown' },
    { name: 'Reject, still Invited', start: invited, op: 'Reject', listed: [invited], expected: 'unknown' },
    { name: 'Reject, Completed', start: invited, op: 'Reject', listed: [completed], expected: 'done' },
    { name: 'Transfer, still Processing', start: processing, op: 'Transfer', listed: [processing], expected: 'unknown' },
    { name: 'AttachUserData, the values are there', start: processing, op: 'AttachUserData', effect: { userData: { C: '3' } }, listed: [interaction({ userData: { A: '1', B: '2', C: '3' } })], expected: 'done' },
    { name: 'AttachUserData, one of two values missing', start: processing, op: 'AttachUserData', effect: { userData: { C: '3', D: '4' } }, listed: [interaction({ userData: { A: '1', C: '3' } })], expected: 'unknown' },
    { name: 'AttachUserData, not listed', start: processing, op: 'AttachUserData', effect: { userData: { C: '3' } }, listed: [], expected: 'unknown' },
    { name: 'AttachUserData without user data', start: processing, op: 'AttachUserData', listed: [processing], expected: 'unknown' },
    { name: 'UpdateUserData, a null value is there', start: processing, op: 'UpdateUserData', effect: { userData: { A: null } }, listed: [interaction({ userData: { A: null } })], expected: 'done' },
    { name: 'UpdateUserData, a null value is absent', start: processing, op: 'UpdateUserData', effect: { userData: { Z: null } }, listed: [interaction({ userData: {} })], expected: 'unknown' },
    { name: 'DeleteUserData, both keys gone', start: processing, op: 'DeleteUserData', effect: { keys: ['A', 'B'] }, listed: [interaction({ userData: {} })], expected: 'done' },
    { name: 'DeleteUserData, one of two keys still there', start: processing, op: 'DeleteUserData', effect: { keys: ['A', 'B'] }, listed: [interaction({ userData: { B: '2' } })], expected: 'unknown' },
    { name: 'DeleteUserData, not listed', start: processing, op: 'DeleteUserData', effect: { keys: ['A'] }, listed: [], expected: 'unknown' },
    { name: 'DeleteUserData without keys', start: processing, op: 'DeleteUserData', listed: [interaction({ userData: {} })], expected: 'unknown' },
    { name: 'SetInFocus, listed', start: processing, op: 'SetInFocus', listed: [processing], expected: 'unknown' },
  ])('$name → $expected', ({ start, op, effect, listed, expected }) => {
    expect(verdict(openmediaReducer(sent(start, op, effect), resync(listed)))).toBe(expected);
  });

  it('an item listed but unreadable shows nothing, even for an operation that ends in "not listed"', () => {
    const state = openmediaReducer(sent(processing, 'Complete'), resync([], { unreadableIds: [ID] }));
    expect(verdict(state)).toBe('unknown');
    expect(entry(state).gone).toBe(false);
  });

  it('an item listed but unreadable: an Accept it cannot see is unknown', () => {
    expect(verdict(openmediaReducer(sent(invited, 'Accept'), resync([], { unreadableIds: [ID] })))).toBe('unknown');
  });

  it('an action on a media type the snapshot did not cover is left pending', () => {
    const state = openmediaReducer(sent(processing, 'Complete'), resync([], { mediaTypes: ['workitem'] }));
    expect(state.pending.has('r1')).toBe(true);
    expect(entry(state).pending?.requestId).toBe('r1');
  });

  it('an action whose card is no longer shown is left pending', () => {
    const before = sent(processing, 'Complete');
    const state = applySnapshot({ ...before, byId: before.byId.delete(ID) }, ['promotion'], [], 5000, { unreadableIds: [], afterGap: true });
    expect(state.pending.has('r1')).toBe(true);
  });
});

describe('a resync after a gap: requests already given up on', () => {
  const timedOut = run([{ type: 'actionTimedOut', requestId: 'r1', at: 4000 }], undefined, sent(processing, 'Complete'));

  it('settles them late, with a note that says how it knows', () => {
    const state = openmediaReducer(timedOut, resync([]));
    expect(state.unsettled.get(7)?.late).toBe('succeeded');
    expect(state.diagnostics.log.at(-1)).toMatchObject({ kind: 'action-resolved', referenceId: 7, detail: 'Complete done (late, seen in the snapshot)' });
  });

  it('leaves them when the snapshot does not show the effect', () => {
    const state = openmediaReducer(timedOut, resync([processing]));
    expect(state.unsettled.get(7)?.late).toBeUndefined();
    expect(entry(state).error?.kind).toBe('timeout');
  });

  it('leaves them when the media type was not covered', () => {
    const state = openmediaReducer(timedOut, resync([], { mediaTypes: ['workitem'] }));
    expect(state.unsettled.get(7)?.late).toBeUndefined();
  });

  it('leaves them when their card is no longer shown', () => {
    const state = applySnapshot({ ...timedOut, byId: timedOut.byId.delete(ID) }, ['promotion'], [], 5000, { unreadableIds: [], afterGap: true });
    expect(state.unsettled.get(7)?.late).toBeUndefined();
  });

  it('does not settle one a second time once its late outcome came', () => {
    const failedLate = run([statusChange(processing, 4500)], undefined, timedOut);
    const withLate = { ...failedLate, unsettled: failedLate.unsettled.set(7, { ...(failedLate.unsettled.get(7) as NonNullable<ReturnType<typeof failedLate.unsettled.get>>), late: 'failed' as const }) };
    const state = openmediaReducer(withLate, resync([]));
    expect(state.unsettled.get(7)?.late).toBe('failed');
    expect(state.diagnostics.log.at(-1)?.kind).toBe('snapshot');
  });
});

describe('snapshot reconciliation', () => {
  it('orders new ids newest first, the undated after the dated ones in listed order', () => {
    const a = interaction({ id: 'U1', receivedAt: undefined });
    const b = interaction({ id: 'D100', receivedAt: 100 });
    const c = interaction({ id: 'U2', receivedAt: undefined });
    const d = interaction({ id: 'D300', receivedAt: 300 });
    const e = interaction({ id: 'U3', receivedAt: undefined });
    const f = interaction({ id: 'D200', receivedAt: 200 });
    const g = interaction({ id: 'D200b', receivedAt: 200 });
    const state = applySnapshot(run([statusChange(processing, 1)]), ['promotion'], [a, b, c, d, e, f, g, processing], 5000);
    expect(state.order).toEqual(['D300', 'D200', 'D200b', 'D100', 'U1', 'U2', 'U3', ID]);
  });

  it('merges a second media type’s read into the first newest first (each type is its own answer, in any order)', () => {
    const promotions = [interaction({ id: 'P12', mediaType: 'promotion', receivedAt: 12_000 }), interaction({ id: 'P40', mediaType: 'promotion', receivedAt: 40_000 })];
    const workitems = [interaction({ id: 'W30', mediaType: 'workitem', receivedAt: 30_000 }), interaction({ id: 'W5', mediaType: 'workitem', receivedAt: 5_000 })];
    const first = applySnapshot(run([]), ['promotion'], promotions, 50_000);
    const both = applySnapshot(first, ['workitem'], workitems, 50_000);
    expect(both.order).toEqual(['P40', 'W30', 'P12', 'W5']);
    // An entry without a date keeps its place behind the ones read later, as before.
    const undated = applySnapshot(run([statusChange(interaction({ id: 'U', receivedAt: undefined }), 1)]), ['workitem'], workitems, 50_000);
    expect(undated.order).toEqual(['W30', 'W5', 'U']);
  });

  it('orders undated ids listed before dated ones after them too', () => {
    const state = applySnapshot(run([]), ['promotion'], [interaction({ id: 'U1', receivedAt: undefined }), interaction({ id: 'D1', receivedAt: 5 })], 5000);
    expect(state.order).toEqual(['D1', 'U1']);
  });

  it('without options it does not settle pending actions and treats every item as readable', () => {
    const before = sent(processing, 'Complete');
    const state = applySnapshot(before, ['promotion'], [], 5000);
    expect(state.pending.has('r1')).toBe(true);
    expect(entry(state).gone).toBe(true);
  });

  it('logs "no media types" when none was covered', () => {
    const state = applySnapshot(run([]), [], [], 5000);
    expect(state.diagnostics.log.at(-1)).toEqual({ at: 5000, kind: 'snapshot', interactionId: undefined, referenceId: undefined, detail: 'no media types: 0 listed, 0 new, 0 gone' });
  });

  it('a listed Completed version ends an active entry then', () => {
    const state = applySnapshot(run([statusChange(processing, 1000)]), ['promotion'], [completed], 5000);
    expect(entry(state)).toMatchObject({ endedAt: 5000, stateSince: 5000, gone: false });
  });

  it('an entry already Completed keeps its end time (and the entry itself)', () => {
    const before = run([statusChange(processing, 1000), statusChange(completed, 2000)]);
    const state = applySnapshot(before, ['promotion'], [completed], 5000);
    expect(entry(state).endedAt).toBe(2000);
    expect(entry(state)).toBe(entry(before));
  });

  it('a changed version in the same state keeps stateSince', () => {
    const before = run([statusChange(processing, 1000)]);
    const state = applySnapshot(before, ['promotion'], [interaction({ userData: { A: 'changed' } })], 5000);
    expect(entry(state).stateSince).toBe(1000);
    expect(entry(state).interaction.userData).toEqual({ A: 'changed' });
  });

  it('an entry that had an end time without being Completed loses it when listed active', () => {
    const before = run([statusChange(processing, 1000)]);
    const odd = { ...before, byId: before.byId.set(ID, { ...entry(before), endedAt: 500 }) };
    const state = applySnapshot(odd, ['promotion'], [processing], 5000);
    expect(entry(state).endedAt).toBeUndefined();
  });

  it('listed entries are neither gone nor ended; an entry that already ended is not marked gone again', () => {
    const before = run([statusChange(processing, 1000), statusChange(interaction({ id: 'C1', state: 'Completed' }), 1100)]);
    const state = applySnapshot(before, ['promotion'], [processing], 5000);
    expect(entry(state)).toMatchObject({ gone: false, endedAt: undefined });
    expect(entry(state, 'C1')).toMatchObject({ gone: false, endedAt: 1100 });
    expect(state.diagnostics.log.at(-1)?.detail).toBe('promotion: 1 listed, 0 new, 0 gone');
  });

  it('a re-listed evicted id loses its tombstone; other tombstones stay', () => {
    const before = run([statusChange(completed, 1000), statusChange(interaction({ id: 'X', state: 'Completed' }), 1000), { type: 'clockTicked', at: 100_000 }]);
    expect(before.tombstones.has(ID)).toBe(true);
    const state = applySnapshot(before, ['promotion'], [processing], 200_000);
    expect(state.tombstones.has(ID)).toBe(false);
    expect(state.tombstones.has('X')).toBe(true);
  });
});
