import { leftTheAgent } from '../protocol/interaction';
import type { OpenmediaInteraction } from '../protocol/types';
import type { InteractionEntry, OpenmediaState } from './types';

/** Completed (or another state that left the agent), or no longer listed by a snapshot: shown dimmed during the linger, then evicted. */
export function isEnded(entry: InteractionEntry): boolean {
  return entry.endedAt !== undefined || entry.gone || leftTheAgent(entry.interaction);
}

/**
 * An interaction seen for the first time (or offered again after it ended). `stateBeganNow`: the
 * message that shows it is the start of its state (see `InteractionEntry.stateSinceExact`).
 */
export function freshEntry(interaction: OpenmediaInteraction, at: number, stateBeganNow: boolean): InteractionEntry {
  return {
    interaction,
    stateSince: at,
    stateSinceExact: stateBeganNow,
    endedAt: leftTheAgent(interaction) ? at : undefined,
    gone: false,
    pending: undefined,
    error: undefined,
  };
}

/**
 * Store `entry` under `id`, keeping the `ended` index in step with `entry.endedAt`. Storing the
 * entry already there returns `state` itself (the persistent maps keep their identity).
 */
export function putEntry(state: OpenmediaState, id: string, entry: InteractionEntry): OpenmediaState {
  const byId = state.byId.set(id, entry);
  const ended = entry.endedAt === undefined ? state.ended.delete(id) : state.ended.set(id, entry.endedAt);
  if (byId === state.byId && ended === state.ended) return state;
  return { ...state, byId, ended };
}

/** `order` with `id` moved (or added) to the front: newest first. */
export function withIdFirst(order: readonly string[], id: string): readonly string[] {
  if (order[0] === id) return order;
  const next = [id];
  for (const other of order) if (other !== id) next.push(other);
  return next;
}
