import { diffPersistentMaps } from '../core/persistent-map';
import { isEnded, selectDisplayOrder } from '../core/selectors';
import type { InteractionEntry, OpenmediaState } from '../core/types';
import { interactionSubject } from './interaction-card';

export interface EntryGroups {
  readonly offers: readonly InteractionEntry[];
  readonly active: readonly InteractionEntry[];
  readonly ended: readonly InteractionEntry[];
}

/**
 * Split entries, already in display order, into offers (Invited), in progress, and recently
 * completed, keeping the order within each group.
 */
export function groupEntries(entries: readonly InteractionEntry[]): EntryGroups {
  const offers: InteractionEntry[] = [];
  const active: InteractionEntry[] = [];
  const ended: InteractionEntry[] = [];
  for (const entry of entries) {
    if (isEnded(entry)) ended.push(entry);
    else if (entry.interaction.state === 'Invited') offers.push(entry);
    else active.push(entry);
  }
  return { offers, active, ended };
}

type Group = 'offer' | 'active' | 'ended';

function groupOf(entry: InteractionEntry): Group {
  if (isEnded(entry)) return 'ended';
  return entry.interaction.state === 'Invited' ? 'offer' : 'active';
}

/** Whether one entry, changed into another, changes what the frame draws or announces (see {@link sameFrame}). */
function changesFrame(a: InteractionEntry, b: InteractionEntry): boolean {
  // lastDone: this tab's action confirmed done is announced ("Data saved"), and tells the agent's
  // own ending of an interaction from another's.
  if (a.interaction.id !== b.interaction.id || a.error !== b.error || a.lastDone !== b.lastDone) return true;
  const group = groupOf(a);
  if (group !== groupOf(b)) return true;
  // An offer's or an interaction in progress's subject is announced; whether this tab has an
  // action pending on it decides whether its going is announced ("No longer offered", "Ended")
  // or was the agent's own doing.
  return group !== 'ended' && (interactionSubject(a) !== interactionSubject(b) || (a.pending === undefined) !== (b.pending === undefined));
}

/**
 * Whether the widget's frame would look and announce the same with `next` as with `previous`:
 * the same ids in the same order and groups, the same error objects (the failure announcements)
 * and actions done (the announcements of the agent's own actions),
 * and the same subjects and pending-or-not for offers and interactions in progress (the
 * announcements of offers and of work that ends without the agent). Everything else an entry holds is
 * the card's own business: each card reads its entry from the store itself.
 */
export function sameFrame(previous: readonly InteractionEntry[], next: readonly InteractionEntry[]): boolean {
  if (previous === next) return true;
  if (previous.length !== next.length) return false;
  for (let i = 0; i < next.length; i += 1) {
    const a = previous[i];
    const b = next[i];
    if (a === b) continue;
    if (a === undefined || b === undefined || changesFrame(a, b)) return false;
  }
  return true;
}

/**
 * The entries the widget's frame draws, state after state: the same array for as long as the
 * frame would look and announce the same ({@link sameFrame}). While the display order is the
 * same array (no entry came, went or changed group), only the entries that changed since the
 * last state are looked at, so a notification inside one card costs O(changes), not a walk of
 * every card.
 */
export function createFrameSelector(): (state: OpenmediaState) => readonly InteractionEntry[] {
  let ids: readonly string[] | undefined;
  let byId: OpenmediaState['byId'] | undefined;
  let entries: readonly InteractionEntry[] = [];
  return (state) => {
    const nextIds = selectDisplayOrder(state);
    if (nextIds === ids && state.byId === byId) return entries;
    if (nextIds === ids && byId !== undefined) {
      let changed = false;
      diffPersistentMaps(byId, state.byId, (_id, before, after) => {
        if (before === undefined || after === undefined || changesFrame(before, after)) changed = true;
      });
      byId = state.byId;
      if (!changed) return entries;
    }
    ids = nextIds;
    byId = state.byId;
    const next: InteractionEntry[] = [];
    for (const id of nextIds) {
      const entry = state.byId.get(id);
      if (entry !== undefined) next.push(entry);
    }
    if (!sameFrame(entries, next)) entries = next;
    return entries;
  };
}
