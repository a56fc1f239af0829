import { leftTheAgent } from '../protocol/interaction';
import type { OpenmediaInteraction } from '../protocol/types';
import { freshEntry, isEnded, putEntry, withIdFirst } from './entry';
import { reuseEqualParts } from './interaction-equal';
import { heldForOmitted, withOmittedFrom } from './omitted-fields';
import type { OpenmediaState } from './types';

/** What a notification's resource did to the state, for the diagnostics log. */
export type UpsertOutcome = 'new' | 'updated' | 'unchanged' | 'revived' | 'ignored-ended';

/**
 * Completed is terminal: an ended entry ignores any later resource but a new `Invited` offer, and
 * so does an evicted one (its tombstone). "Gone" is only an inference from a snapshot that did
 * not list it: news about a gone interaction that never completed proves it alive, and revives it.
 * Also asked by whoever merges notifications into a snapshot, so both paths follow one rule.
 */
export function ignoresResource(state: OpenmediaState, interaction: OpenmediaInteraction): boolean {
  if (interaction.state === 'Invited') return false;
  const existing = state.byId.get(interaction.id);
  if (existing === undefined) return state.tombstones.has(interaction.id);
  if (!isEnded(existing)) return false;
  return !(existing.gone && !leftTheAgent(existing.interaction));
}

/**
 * Apply the resource of a notification. It replaces the stored one, but for the fields it left out
 * (GWS's StatusChange sends no user data: unchanged), which are kept; an equal resource keeps the
 * entry (and the state) as they are. `statusChange`: the
 * notification is a StatusChange (false: PropertiesUpdated), see `InteractionEntry.stateSinceExact`.
 * `onTime`: `at` is when the news came (false: heard late, a state it begins is timed "at least").
 *
 * Completed is terminal: an ended entry (Completed or gone) ignores later resources, except a new
 * `Invited` offer of the same id (the interaction was transferred back), which starts afresh at
 * the front of `order`. New ids are prepended: `order` is newest first.
 */
export function upsertInteraction(
  state: OpenmediaState,
  resource: OpenmediaInteraction,
  at: number,
  statusChange: boolean,
  onTime = true,
): { readonly state: OpenmediaState; readonly outcome: UpsertOutcome } {
  const { id } = resource;
  if (ignoresResource(state, resource)) return { state, outcome: 'ignored-ended' };
  const existing = state.byId.get(id);
  // Also for an ended entry offered again: the fields GWS left out are still the interaction's.
  const interaction = withOmittedFrom(heldForOmitted(existing), resource);
  // A StatusChange that brings an interaction the widget does not have (or had ended) is an offer
  // starting, when it is Invited; anything else was in its state before the widget heard of it.
  const beganNow = statusChange && interaction.state === 'Invited' && onTime;
  if (existing === undefined) {
    let next = putEntry(state, id, freshEntry(interaction, at, beganNow));
    // A new offer of an evicted id is a new interaction: its tombstone goes.
    if (next.tombstones.has(id)) next = { ...next, tombstones: next.tombstones.delete(id) };
    // The only O(n) step of a notification, and only for an id never seen before.
    return { state: { ...next, order: [id, ...state.order] }, outcome: 'new' };
  }

  if (isEnded(existing)) {
    // Keep a request still in flight: its answer or timeout must still find it.
    const revived = { ...freshEntry(interaction, at, beganNow), pending: existing.pending };
    const next = putEntry(state, id, revived);
    return { state: { ...next, order: withIdFirst(state.order, id) }, outcome: 'revived' };
  }

  const merged = reuseEqualParts(existing.interaction, interaction);
  if (merged === existing.interaction) return { state, outcome: 'unchanged' };
  const stateChanged = merged.state !== existing.interaction.state;
  const next = putEntry(state, id, {
    ...existing,
    interaction: merged,
    stateSince: stateChanged ? at : existing.stateSince,
    stateSinceExact: stateChanged ? onTime : existing.stateSinceExact,
    endedAt: leftTheAgent(merged) ? at : undefined,
  });
  return { state: next, outcome: 'updated' };
}
