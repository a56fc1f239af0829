import type { OpenmediaInteraction } from '../protocol/types';
import { freshEntry, isEnded, putEntry, withIdFirst } from './entry';
import { reuseEqualParts } from './interaction-equal';
import type { InteractionEntry, OpenmediaState } from './types';

/** What a notification's resource did to the state, for the diagnostics log. */
export type UpsertOutcome = 'new' | 'updated' | 'unchanged' | 'revived' | 'ignored-ended';

/**
 * Completed is terminal: an ended entry ignores any later resource but a new `Invited` offer.
 * Also asked by whoever merges notifications into a snapshot, so both paths follow one rule.
 */
export function ignoresResource(existing: InteractionEntry | undefined, interaction: OpenmediaInteraction): boolean {
  return existing !== undefined && isEnded(existing) && interaction.state !== 'Invited';
}

/**
 * Apply the resource of a notification. GWS sends the whole resource, so it replaces the stored
 * one; an equal resource keeps the entry (and the state) as they are.
 *
 * Completed is terminal: an ended entry (Completed or gone) ignores later resources, except a new
 * `Invited` offer of the same id (the interaction was transferred back), which starts afresh at
 * the front of `order`. New ids are prepended: `order` is newest first.
 */
export function upsertInteraction(
  state: OpenmediaState,
  interaction: OpenmediaInteraction,
  at: number,
): { readonly state: OpenmediaState; readonly outcome: UpsertOutcome } {
  const { id } = interaction;
  const existing = state.byId.get(id);
  if (existing === undefined) {
    const next = putEntry(state, id, freshEntry(interaction, at));
    // The only O(n) step of a notification, and only for an id never seen before.
    return { state: { ...next, order: [id, ...state.order] }, outcome: 'new' };
  }

  if (ignoresResource(existing, interaction)) return { state, outcome: 'ignored-ended' };
  if (isEnded(existing)) {
    // Keep a request still in flight: its answer or timeout must still find it.
    const revived = { ...freshEntry(interaction, at), pending: existing.pending };
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
    endedAt: merged.state === 'Completed' ? at : undefined,
  });
  return { state: next, outcome: 'updated' };
}
