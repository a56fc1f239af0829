import { logEvents } from './diagnostics';
import { dropExpiredOutcomes } from './early-outcomes';
import type { OpenmediaState } from './types';
import { dropExpiredUnsettled, rememberTombstone } from './unsettled';

/**
 * Time passed: evict entries that ended at least `lingerMs` ago and have no request in flight, and
 * forget early outcomes nobody claimed. Walks only the `ended` index and the (bounded) early
 * outcomes, never `byId`; `order` is rebuilt only when something is evicted. Returns `state`
 * itself when nothing changed, so a ticking clock does not re-render anything.
 */
export function applyClockTick(state: OpenmediaState, at: number): OpenmediaState {
  const earlyOutcomes = dropExpiredOutcomes(state.earlyOutcomes, at);
  const unsettled = dropExpiredUnsettled(state.unsettled, at);
  const evicted = new Set<string>();
  for (const [id, endedAt] of state.ended.entries()) {
    if (endedAt + state.options.lingerMs > at) continue;
    if (state.byId.get(id)?.pending === undefined) evicted.add(id);
  }
  if (evicted.size === 0) {
    return earlyOutcomes === state.earlyOutcomes && unsettled === state.unsettled ? state : { ...state, earlyOutcomes, unsettled };
  }

  let { byId, ended, tombstones } = state;
  for (const id of evicted) {
    byId = byId.delete(id);
    ended = ended.delete(id);
    tombstones = rememberTombstone(tombstones, id, at);
  }
  const next: OpenmediaState = {
    ...state,
    byId,
    ended,
    earlyOutcomes,
    unsettled,
    tombstones,
    order: state.order.filter((id) => !evicted.has(id)),
    ...(state.focusedId !== undefined && evicted.has(state.focusedId) ? { focusedId: undefined, focusedElsewhere: false } : {}),
  };
  const lines = [...evicted].map((id) => ({ at, kind: 'evicted' as const, interactionId: id, referenceId: undefined, detail: 'linger over' }));
  return logEvents(next, lines);
}
