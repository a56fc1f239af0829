import { isEnded } from '../core/selectors';
import type { InteractionEntry } from '../core/types';
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

/**
 * Whether the widget's frame would look and announce the same with `next` as with `previous`:
 * the same ids in the same order and groups, the same error objects (the failure announcements),
 * and the same subjects for offers (the offer announcement). Everything else an entry holds is
 * the card's own business: each card reads its entry from the store itself.
 */
export function sameFrame(previous: readonly InteractionEntry[], next: readonly InteractionEntry[]): boolean {
  if (previous === next) return true;
  if (previous.length !== next.length) return false;
  for (let i = 0; i < next.length; i += 1) {
    const a = previous[i];
    const b = next[i];
    if (a === b) continue;
    if (a === undefined || b === undefined) return false;
    if (a.interaction.id !== b.interaction.id || a.error !== b.error) return false;
    const group = groupOf(a);
    if (group !== groupOf(b)) return false;
    if (group === 'offer' && interactionSubject(a) !== interactionSubject(b)) return false;
  }
  return true;
}
