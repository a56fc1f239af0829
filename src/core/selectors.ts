import type { Operation } from '../protocol/types';
import { isEnded } from './entry';
import { diffPersistentMaps } from './persistent-map';
import type { Diagnostics, InteractionEntry, OpenmediaState, PendingAction, ReadonlyPersistentMap } from './types';

export { isEnded };

/** The entry for `id`, or undefined. */
export function selectEntry(state: OpenmediaState, id: string): InteractionEntry | undefined {
  return state.byId.get(id);
}

/**
 * Whether the agent may request `operation` now: the server lists it in `capabilities`, nothing is
 * in flight on the interaction, and it has not ended. Buttons follow this, never a guess from `state`.
 */
export function canPerform(entry: InteractionEntry | undefined, operation: Operation): boolean {
  return entry !== undefined && entry.pending === undefined && !isEnded(entry) && entry.interaction.capabilities.includes(operation);
}

const OFFER = 0;
const ACTIVE = 1;
const ENDED = 2;

function groupOf(entry: InteractionEntry): typeof OFFER | typeof ACTIVE | typeof ENDED {
  if (isEnded(entry)) return ENDED;
  return entry.interaction.state === 'Invited' ? OFFER : ACTIVE;
}

interface DisplayMemo {
  byId: ReadonlyPersistentMap<string, InteractionEntry>;
  result: readonly string[];
}

// Keyed by the `order` array: it changes only when ids are added or evicted, and each store has its own.
const displayMemo = new WeakMap<readonly string[], DisplayMemo>();

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Ids in display order: offers (`Invited`) first, then the other active interactions, then the
 * ended ones (Completed or gone); newest first within each group. Returns the same array as long
 * as no interaction joined, left or changed group, so a `PropertiesUpdated` re-renders no list.
 * Checking that costs O(changes × log n) between calls, not O(n).
 */
export function selectDisplayOrder(state: OpenmediaState): readonly string[] {
  const memo = displayMemo.get(state.order);
  if (memo !== undefined) {
    if (memo.byId === state.byId) return memo.result;
    let regrouped = false;
    diffPersistentMaps(memo.byId, state.byId, (_id, before, after) => {
      if (before === undefined || after === undefined || groupOf(before) !== groupOf(after)) regrouped = true;
    });
    memo.byId = state.byId;
    if (!regrouped) return memo.result;
  }

  const offers: string[] = [];
  const active: string[] = [];
  const ended: string[] = [];
  const groups = [offers, active, ended] as const;
  for (const id of state.order) {
    const entry = state.byId.get(id);
    if (entry !== undefined) groups[groupOf(entry)].push(id);
  }
  const computed = offers.concat(active, ended);
  // Regrouped back to the same sequence (e.g. an entry left and rejoined a group): keep the old array.
  const result = memo !== undefined && sameIds(memo.result, computed) ? memo.result : computed;
  displayMemo.set(state.order, { byId: state.byId, result });
  return result;
}

const pendingMemo = new WeakMap<ReadonlyPersistentMap<string, PendingAction>, readonly PendingAction[]>();

/** Every request in flight, oldest first; the same array while `state.pending` is unchanged. */
export function selectPendingActions(state: OpenmediaState): readonly PendingAction[] {
  const cached = pendingMemo.get(state.pending);
  if (cached !== undefined) return cached;
  const list = [...state.pending.values()].sort((a, b) => a.startedAt - b.startedAt || (a.requestId < b.requestId ? -1 : 1));
  pendingMemo.set(state.pending, list);
  return list;
}

/** Counters and the recent-event log for the diagnostics panel. */
export function selectDiagnostics(state: OpenmediaState): Diagnostics {
  return state.diagnostics;
}
