import { describe, expect, it, vi } from 'vitest';
import { EARLY_OUTCOME_LIMIT, rememberOutcome } from './early-outcomes';
import { emptyPersistentMap } from './persistent-map';
import { openmediaReducer } from './reducer';
import { selectDisplayOrder, selectPendingActions } from './selectors';
import { createOpenmediaStore } from './store';
import { dropExpiredUnsettled, rememberUnsettled, UNSETTLED_LIMIT } from './unsettled';
import { interaction, requested, run, statusChange } from '../test-support/builders';
import type { EarlyOutcome, ReadonlyPersistentMap, UnsettledAction, UnsettledKey } from './types';

// Bounded maps (which entry goes first when full, where the age limit falls), the selectors'
// memos and tie-breaks, and the store's error and observer rules.

describe('early outcomes at the limit', () => {
  const resolvedAt = (at: number): EarlyOutcome => ({ kind: 'resolved', at });

  it('the first outcome for a referenceId wins', () => {
    const once = rememberOutcome(emptyPersistentMap(), 5, resolvedAt(1));
    const twice = rememberOutcome(once, 5, { kind: 'failed', message: 'x', code: undefined, at: 2 });
    expect(twice).toBe(once);
    expect(twice.get(5)).toEqual(resolvedAt(1));
  });

  it('drops the oldest by time, whatever its referenceId', () => {
    let map: ReadonlyPersistentMap<number, EarlyOutcome> = emptyPersistentMap();
    for (let i = 0; i < EARLY_OUTCOME_LIMIT; i++) map = rememberOutcome(map, i, resolvedAt(i === 200 ? 1 : 1000 + i));
    const next = rememberOutcome(map, 9999, resolvedAt(5000));
    expect(next.size).toBe(EARLY_OUTCOME_LIMIT);
    expect(next.has(200)).toBe(false);
    expect(next.has(0)).toBe(true);
    expect(next.has(9999)).toBe(true);
  });

  it('among outcomes of the same time, drops the smallest referenceId', () => {
    let map: ReadonlyPersistentMap<number, EarlyOutcome> = emptyPersistentMap();
    // Inserted in a scrambled order, so the map's iteration order is no help.
    for (let i = 0; i < EARLY_OUTCOME_LIMIT; i++) map = rememberOutcome(map, 1000 + ((i * 97) % EARLY_OUTCOME_LIMIT), resolvedAt(7));
    const next = rememberOutcome(map, 1, resolvedAt(7));
    expect(next.has(1000)).toBe(false);
    expect(next.has(1001)).toBe(true);
    expect(next.has(1000 + EARLY_OUTCOME_LIMIT - 1)).toBe(true);
    expect(next.has(1)).toBe(true);
  });
});

describe('unsettled requests', () => {
  const given = (at: number): UnsettledAction => ({ requestId: `r${at}`, interactionId: 'I', operation: 'Complete', at, late: undefined });

  it('are kept for ten minutes exactly, and forgotten a millisecond later', () => {
    const map = rememberUnsettled(emptyPersistentMap(), 1, given(1000));
    expect(dropExpiredUnsettled(map, 1000 + 600_000)).toBe(map);
    expect(dropExpiredUnsettled(map, 1000 + 600_001).size).toBe(0);
    expect(dropExpiredUnsettled(map, 1000 + 599_999).has(1)).toBe(true);
  });

  it('at the limit, the oldest goes first', () => {
    let map: ReadonlyPersistentMap<UnsettledKey, UnsettledAction> = emptyPersistentMap();
    for (let i = 0; i < UNSETTLED_LIMIT; i++) map = rememberUnsettled(map, i, given(i === 100 ? 5 : 1000 + i));
    const next = rememberUnsettled(map, 5000, given(9000));
    expect(next.size).toBe(UNSETTLED_LIMIT);
    expect(next.has(100)).toBe(false);
    expect(next.has(5000)).toBe(true);
    expect(next.has(0)).toBe(true);
  });
});

describe('selectPendingActions order', () => {
  const p1 = interaction({ id: 'P1' });
  const base = run([statusChange(p1, 1)]);

  it('oldest first, whatever the requestIds say', () => {
    const state = run([requested('a', 'P1', 'Complete', 5), requested('b', 'P1', 'Transfer', 3)], undefined, base);
    expect(selectPendingActions(state).map((action) => action.requestId)).toEqual(['b', 'a']);
  });

  it.each([
    ['in order', ['r1', 'r2', 'r3']],
    ['reversed', ['r3', 'r2', 'r1']],
    ['mixed', ['r2', 'r3', 'r1']],
  ])('started at the same time (%s): by requestId', (_name, ids) => {
    const state = run(
      ids.map((id) => requested(id, 'P1', 'Complete', 4)),
      undefined,
      base,
    );
    expect(selectPendingActions(state).map((action) => action.requestId)).toEqual(['r1', 'r2', 'r3']);
  });
});

describe('selectDisplayOrder memo', () => {
  it('an interaction that changes group but keeps its place returns the same array', () => {
    const single = run([statusChange(interaction({ id: 'P1' }), 1)]);
    const first = selectDisplayOrder(single);
    const offered = openmediaReducer(single, statusChange(interaction({ id: 'P1', state: 'Invited' }), 2));
    expect(offered.order).toBe(single.order);
    expect(selectDisplayOrder(offered)).toBe(first);
  });

  it('a group change that moves an interaction gives the new sequence', () => {
    const two = run([statusChange(interaction({ id: 'P1' }), 1), statusChange(interaction({ id: 'P2' }), 2)]);
    expect(selectDisplayOrder(two)).toEqual(['P2', 'P1']);
    const offered = openmediaReducer(two, statusChange(interaction({ id: 'P1', state: 'Invited' }), 3));
    expect(selectDisplayOrder(offered)).toEqual(['P1', 'P2']);
  });
});

describe('the store', () => {
  it('every listener hears of a flush; the first failure is the one reported', () => {
    const store = createOpenmediaStore({ schedule: () => undefined });
    const first = new Error('first');
    const heard: string[] = [];
    store.subscribe(() => {
      heard.push('a');
      throw first;
    });
    store.subscribe(() => {
      heard.push('b');
      throw new Error('second');
    });
    store.subscribe(() => heard.push('c'));
    store.dispatch(statusChange(interaction(), 1));
    expect(() => store.flush()).toThrow(first);
    expect(heard).toEqual(['a', 'b', 'c']);
  });

  it('observers hear of changes only', () => {
    const store = createOpenmediaStore({ schedule: () => undefined });
    const observer = vi.fn();
    store.observe(observer);
    store.dispatch({ type: 'clockTicked', at: 1 });
    expect(observer).not.toHaveBeenCalled();
    store.dispatch(statusChange(interaction(), 2));
    expect(observer).toHaveBeenCalledTimes(1);
    expect(observer).toHaveBeenCalledWith(store.getState());
  });
});
