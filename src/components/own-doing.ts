import type { InteractionEntry } from '../core/types';
import type { Operation } from '../protocol/types';

/**
 * How long after this tab's action was confirmed done a change of its interaction still counts as
 * the action's: an answer that said "done at once" (Workspace API v3's status 0) comes before the
 * notification that shows it.
 */
export const OWN_DOING_MS = 10_000;

/** The agent's actions that end an interaction for this agent. */
const ENDING: ReadonlySet<Operation> = new Set(['Complete', 'Reject', 'Transfer']);

/**
 * Whether interaction `now` (as drawn `before`) ended by this tab's own Complete, Reject or
 * Transfer: still in flight (its outcome came before its answer), done since the last render
 * (request and outcome can land in one frame, as with other tabs open), or done a moment ago. Its ending is then no news ("Ended", "No longer offered").
 */
export function endedByThisTab(before: InteractionEntry, now: InteractionEntry | undefined, at = Date.now()): boolean {
  // Its outcome came before the request's answer: ended, the action still waiting for that answer.
  if (now?.pending !== undefined && ENDING.has(now.pending.operation)) return true;
  const done = now?.lastDone;
  if (done === undefined || !ENDING.has(done.operation)) return false;
  return done.requestId !== before.lastDone?.requestId || at - done.at <= OWN_DOING_MS;
}
