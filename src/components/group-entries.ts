import { isEnded } from '../core/selectors';
import type { InteractionEntry } from '../core/types';

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
