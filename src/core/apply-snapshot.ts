import type { OpenmediaInteraction } from '../protocol/types';
import { logEvent } from './diagnostics';
import { freshEntry, putEntry } from './entry';
import { reuseEqualParts } from './interaction-equal';
import type { InteractionEntry, OpenmediaState } from './types';

/** The snapshot is the truth: its version replaces the stored one, and may revive an ended entry. */
function snapshotVersion(existing: InteractionEntry, interaction: OpenmediaInteraction, at: number): InteractionEntry {
  const merged = reuseEqualParts(existing.interaction, interaction);
  const completed = merged.state === 'Completed';
  const endedAt = completed ? (existing.endedAt ?? at) : undefined;
  if (merged === existing.interaction && endedAt === existing.endedAt && !existing.gone) return existing;
  return {
    ...existing,
    interaction: merged,
    stateSince: merged.state === existing.interaction.state ? existing.stateSince : at,
    endedAt,
    gone: false,
  };
}

/** Newest first by the server's receivedDate; undated ones after, in the order listed. */
function newestFirst(interactions: readonly OpenmediaInteraction[]): string[] {
  return interactions
    .map((interaction, index) => ({ id: interaction.id, at: interaction.receivedAt, index }))
    .sort((a, b) => {
      if (a.at !== undefined && b.at !== undefined && a.at !== b.at) return b.at - a.at;
      if ((a.at === undefined) !== (b.at === undefined)) return a.at === undefined ? 1 : -1;
      return a.index - b.index;
    })
    .map((item) => item.id);
}

/**
 * Reconcile with a snapshot of `mediaTypes` (read after start-up or after a gap in the push
 * channel). Listed interactions take the snapshot's version; active entries of those media types
 * that are not listed are marked gone and start their linger. Other media types are untouched.
 * O(n): snapshots are rare.
 */
export function applySnapshot(
  state: OpenmediaState,
  mediaTypes: readonly string[],
  interactions: readonly OpenmediaInteraction[],
  at: number,
): OpenmediaState {
  const listed = new Map<string, OpenmediaInteraction>();
  for (const interaction of interactions) listed.set(interaction.id, interaction);

  let next = state;
  const added: OpenmediaInteraction[] = [];
  for (const interaction of listed.values()) {
    const existing = next.byId.get(interaction.id);
    if (existing === undefined) {
      added.push(interaction);
      next = putEntry(next, interaction.id, freshEntry(interaction, at));
    } else {
      next = putEntry(next, interaction.id, snapshotVersion(existing, interaction, at));
    }
  }

  const covered = new Set(mediaTypes);
  let goneCount = 0;
  for (const id of state.order) {
    const entry = next.byId.get(id);
    if (entry === undefined || entry.endedAt !== undefined || listed.has(id) || !covered.has(entry.interaction.mediaType)) continue;
    goneCount++;
    next = putEntry(next, id, { ...entry, gone: true, endedAt: at });
  }

  if (added.length > 0) next = { ...next, order: [...newestFirst(added), ...state.order] };
  return logEvent(next, {
    at,
    kind: 'snapshot',
    interactionId: undefined,
    referenceId: undefined,
    detail: `${mediaTypes.join(', ') || 'no media types'}: ${listed.size} listed, ${added.length} new, ${goneCount} gone`,
  });
}
