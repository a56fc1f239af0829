import { leftTheAgent } from '../protocol/interaction';
import type { OpenmediaInteraction } from '../protocol/types';
import { logEvent } from './diagnostics';
import { freshEntry, isEnded, putEntry } from './entry';
import { type Effect, showsEffect } from './effects';
import { reuseEqualParts } from './interaction-equal';
import { applyLateOutcome, failAction, resolveAction, settleUnnumbered } from './pending-actions';
import type { InteractionEntry, OpenmediaState, StateStart } from './types';

/** What the agent reads when an outcome was lost in a gap and the snapshot does not show it. */
export const OUTCOME_UNKNOWN_MESSAGE = 'Outcome unknown — the interaction was refreshed. Check it before trying again.';

export interface SnapshotOptions {
  /** Listed items that could not be read: listed all the same (their entries stay as they are). */
  readonly unreadableIds: readonly string[];
  /** Read after a gap: settle the pending actions from what the snapshot shows. */
  readonly afterGap: boolean;
  /** Starts seen earlier by this browser (see the `snapshotLoaded` event). */
  readonly starts?: Readonly<Record<string, StateStart>>;
}

/**
 * `entry` with the start this browser saw of its state, when it was not seen here: the same state,
 * begun no later than this read.
 */
function withKnownStart(entry: InteractionEntry, starts: SnapshotOptions['starts'], at: number): InteractionEntry {
  if (entry.stateSinceExact || starts === undefined) return entry;
  const start = starts[entry.interaction.id];
  if (start === undefined || start.state !== entry.interaction.state || start.since > at) return entry;
  return { ...entry, stateSince: start.since, stateSinceExact: true };
}

/**
 * A Complete, Reject or Transfer the read shows done, on an interaction it no longer lists: the
 * agent's own action ended it, so the card ends as its notification would have ended it
 * (Completed), not as taken away from the agent ("gone", last known state).
 */
function endedByAction(state: OpenmediaState, action: Effect & { readonly interactionId: string }, at: number): OpenmediaState {
  if (action.operation !== 'Complete' && action.operation !== 'Reject' && action.operation !== 'Transfer') return state;
  const entry = state.byId.get(action.interactionId);
  if (entry === undefined || !entry.gone) return state;
  return putEntry(state, action.interactionId, {
    ...entry,
    interaction: { ...entry.interaction, state: 'Completed', capabilities: [] },
    gone: false,
    stateSince: entry.endedAt ?? at,
    stateSinceExact: false,
  });
}

/**
 * Settle requests from what a read shows. `afterGap`: the outcome of a request accepted before or
 * during the gap may never come; each is settled from the snapshot, done where it shows the
 * effect, otherwise "outcome unknown" (never a plain timeout). Any read: a request already given
 * up on (timed out, outcome unknown) is settled late where the read shows it worked — after a gap,
 * or on the read a doubtful outcome asks for, so the card's "timed out" gives way to the truth
 * instead of waiting for a notification that may never come.
 */
function settleFromSnapshot(
  state: OpenmediaState,
  covered: ReadonlySet<string>,
  listed: ReadonlyMap<string, OpenmediaInteraction>,
  unreadable: ReadonlySet<string>,
  at: number,
  afterGap: boolean,
): OpenmediaState {
  let next = state;
  // Whether the read shows `action` took effect; undefined when the read did not cover it.
  const shows = (action: Effect & { readonly interactionId: string }): boolean | undefined => {
    const entry = next.byId.get(action.interactionId);
    if (entry === undefined || !covered.has(entry.interaction.mediaType)) return undefined;
    return showsEffect(action, listed.get(action.interactionId), unreadable.has(action.interactionId));
  };
  if (afterGap) {
    for (const action of state.pending.values()) {
      // The POST is still travelling: its answer decides.
      if (action.referenceId === undefined && action.unnumbered !== true) continue;
      const done = shows(action);
      if (done === undefined) continue;
      next = done
        ? endedByAction(resolveAction(next, action.requestId, at, ' (seen in the snapshot)'), action, at)
        : failAction(next, action.requestId, { kind: 'outcome-unknown', message: OUTCOME_UNKNOWN_MESSAGE, code: undefined, reason: 'outcome-lost' }, at);
    }
  }
  // A read without a gap settles only what it shows done of a request no notification can name.
  if (!afterGap) {
    for (const action of state.pending.values()) {
      if (action.unnumbered !== true) continue;
      const settled = settleUnnumbered(next, action.interactionId, at);
      if (settled !== next) next = endedByAction(settled, action, at);
    }
  }
  for (const [key, action] of state.unsettled.entries()) {
    if (action.late !== undefined) continue;
    const done = shows(action);
    if (done === true) {
      next = endedByAction(applyLateOutcome(next, key, { kind: 'resolved' }, at, undefined, ' (late, seen in the snapshot)'), action, at);
    } else if (done === false && typeof key === 'string') {
      // A request the network cut off has no notification to come: a read that does not show it
      // done ends the question (else the agent's retry, once done, would pass for this one too).
      next = { ...next, unsettled: next.unsettled.delete(key) };
    }
  }
  return next;
}

/** The snapshot is the truth: its version replaces the stored one, and may revive an ended entry. */
function snapshotVersion(existing: InteractionEntry, interaction: OpenmediaInteraction, at: number): InteractionEntry {
  const merged = reuseEqualParts(existing.interaction, interaction);
  const completed = leftTheAgent(merged);
  const endedAt = completed ? (existing.endedAt ?? at) : undefined;
  if (merged === existing.interaction && endedAt === existing.endedAt && !existing.gone) return existing;
  return {
    ...existing,
    interaction: merged,
    // A state that changed while the channel was down began before this read, when exactly is
    // unknown; so did one listed again after the widget took it for ended or gone (it may have
    // left and come back meanwhile).
    ...(merged.state === existing.interaction.state && (completed || !isEnded(existing)) ? {} : { stateSince: at, stateSinceExact: false }),
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
 * `added` (newest first) merged into `order`: an added interaction goes after the ones already
 * there that the server received later, so reads of several media types (one answer each, in
 * whatever order they come) still list newest first. Where either date is unknown, the added one
 * goes first, as everything new does.
 */
function mergedNewestFirst(added: readonly string[], order: readonly string[], state: OpenmediaState): string[] {
  const receivedAt = (id: string) => state.byId.get(id)?.interaction.receivedAt;
  const merged: string[] = [];
  let j = 0;
  for (const id of added) {
    const at = receivedAt(id);
    if (at !== undefined) {
      for (let existing = order[j]; existing !== undefined; existing = order[j]) {
        const existingAt = receivedAt(existing);
        if (existingAt === undefined || existingAt <= at) break;
        merged.push(existing);
        j++;
      }
    }
    merged.push(id);
  }
  for (; j < order.length; j++) merged.push(order[j] as string);
  return merged;
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
  options: SnapshotOptions = { unreadableIds: [], afterGap: false },
): OpenmediaState {
  const listed = new Map<string, OpenmediaInteraction>();
  const unreadable = new Set(options.unreadableIds);
  for (const interaction of interactions) listed.set(interaction.id, interaction);

  let next = state;
  const added: OpenmediaInteraction[] = [];
  for (const interaction of listed.values()) {
    const existing = next.byId.get(interaction.id);
    if (existing === undefined) {
      added.push(interaction);
      // Listed, so already in its state when read: for how long, the server does not say.
      next = putEntry(next, interaction.id, withKnownStart(freshEntry(interaction, at, false), options.starts, at));
      // The server lists it: whatever was evicted under this id is back.
      if (next.tombstones.has(interaction.id)) next = { ...next, tombstones: next.tombstones.delete(interaction.id) };
    } else {
      next = putEntry(next, interaction.id, withKnownStart(snapshotVersion(existing, interaction, at), options.starts, at));
    }
  }

  const covered = new Set(mediaTypes);
  let goneCount = 0;
  for (const id of state.order) {
    const entry = next.byId.get(id);
    if (entry === undefined || entry.endedAt !== undefined || listed.has(id) || !covered.has(entry.interaction.mediaType)) continue;
    // Listed but unreadable is still listed: keep the entry as it was (the rejection is counted).
    if (unreadable.has(id)) continue;
    goneCount++;
    next = putEntry(next, id, { ...entry, gone: true, endedAt: at });
  }

  if (added.length > 0) next = { ...next, order: mergedNewestFirst(newestFirst(added), state.order, next) };
  next = logEvent(next, {
    at,
    kind: 'snapshot',
    interactionId: undefined,
    referenceId: undefined,
    detail: `${mediaTypes.join(', ') || 'no media types'}: ${listed.size} listed, ${added.length} new, ${goneCount} gone`,
  });
  return settleFromSnapshot(next, covered, listed, unreadable, at, options.afterGap);
}
