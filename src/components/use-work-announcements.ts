import { useEffect, useRef } from 'react';
import type { InteractionEntry } from '../core/types';
import { interactionSubject } from './interaction-card';
import { endedByThisTab } from './own-doing';
import type { Politeness } from './live-announcer';
import type { Messages } from './messages';
import { type BatchTimer, firstListedNow, gatherAnnouncement } from './use-offer-announcements';

/**
 * Announces, politely, what happens to the agent's work without the agent's doing (offers have
 * their own, see `useOfferAnnouncements`):
 * - an interaction that appears in progress without having been an offer here (pushed straight
 *   to Processing, given back from a workbin, listed by a read after a gap): "New interaction in
 *   progress: <subject>";
 * - one in progress that ends with no action of this tab pending on it (completed or transferred
 *   by another application or a supervisor, or no longer listed by GWS): "Ended: <subject>", or
 *   "No longer assigned to you: <subject>".
 * A burst is one summary. What the first read lists (on every load, and in a tab that joins) is
 * not news; the agent's own Complete or Transfer is not announced (the agent did it).
 */
export function useWorkAnnouncements(
  offers: readonly InteractionEntry[],
  active: readonly InteractionEntry[],
  ended: readonly InteractionEntry[],
  /** Every media type's first read has answered (a list or a failure): before, what appears is not news. */
  settled: boolean,
  messages: Messages,
  announce: (text: string, politeness: Politeness) => void,
  /** The media types whose first list was read outside a gap (see `OpenmediaClientSnapshot.baselineTypes`). */
  baselineTypes?: ReadonlySet<string>,
): void {
  /** `baselineTypes` as last rendered. */
  const typesBefore = useRef<ReadonlySet<string> | undefined>(undefined);
  const known = useRef<{ readonly offers: ReadonlySet<string>; readonly active: ReadonlyMap<string, InteractionEntry> } | undefined>(undefined);
  /** Interactions new in progress, not announced yet. */
  const fresh = useRef<string[]>([]);
  /** What to say of those that left, not announced yet. */
  const left = useRef<string[]>([]);
  const latest = useRef({ active, messages, announce });
  const timer = useRef<BatchTimer>(undefined);

  useEffect(() => {
    latest.current = { active, messages, announce };
  });

  useEffect(() => {
    if (!settled) {
      known.current = undefined;
      return;
    }
    const current = { offers: new Set(offers.map((entry) => entry.interaction.id)), active: new Map(active.map((entry) => [entry.interaction.id, entry] as const)) };
    const before = known.current;
    const types = typesBefore.current;
    known.current = current;
    typesBefore.current = baselineTypes;
    if (before === undefined) return;
    let news = false;
    for (const [id, entry] of current.active) {
      if (before.active.has(id) || before.offers.has(id) || firstListedNow(entry, types, baselineTypes)) continue;
      fresh.current.push(id);
      news = true;
    }
    const endedById = new Map(ended.map((entry) => [entry.interaction.id, entry] as const));
    for (const [id, entry] of before.active) {
      if (current.active.has(id)) continue;
      const unannounced = fresh.current.indexOf(id);
      // Came and went before it was announced: neither is news.
      if (unannounced >= 0) {
        fresh.current.splice(unannounced, 1);
        continue;
      }
      const now = endedById.get(id);
      // The agent's own action (pending when it ended, or done since: request and outcome can land
      // in one frame) is no news; nor is a card that went back to offered.
      if (now === undefined || entry.pending !== undefined || endedByThisTab(entry, now)) continue;
      left.current.push(now.gone ? messages.interactionGone(interactionSubject(entry)) : messages.interactionEnded(interactionSubject(entry)));
      news = true;
    }
    if (!news) return;
    gatherAnnouncement(timer, () => {
      const { active: shown, messages: words, announce: say } = latest.current;
      const byId = new Map(shown.map((entry) => [entry.interaction.id, entry]));
      const still = fresh.current.flatMap((id) => byId.get(id) ?? []);
      const gone = left.current;
      fresh.current = [];
      left.current = [];
      const [only] = still;
      if (still.length > 0) say(still.length === 1 && only ? words.newInteraction(interactionSubject(only)) : words.newInteractions(still.length), 'polite');
      const [onlyGone] = gone;
      if (gone.length > 0) say(gone.length === 1 && onlyGone !== undefined ? onlyGone : words.interactionsEnded(gone.length), 'polite');
    });
  }, [offers, active, ended, settled, messages, baselineTypes]);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current.handle);
      timer.current = undefined;
    },
    [],
  );
}
