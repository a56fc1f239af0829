import { useEffect, useRef } from 'react';
import type { InteractionEntry } from '../core/types';
import { interactionSubject } from './interaction-card';
import type { Politeness } from './live-announcer';
import type { Messages } from './messages';

/** An offer is announced this long after the last one of its burst arrived… */
export const OFFER_QUIET_MS = 600;
/** …and at the latest this long after the first: a steady trickle is still heard. */
export const OFFER_MAX_WAIT_MS = 2_000;

/**
 * Announces new offers politely, once per offer: "New offer: <subject>", or one summary
 * ("20 new offers") for a burst. Offers already shown when the widget mounts are not new; an offer
 * that leaves the Offers group and comes back later is a new offer again. An offer that is gone
 * before its announcement (accepted at once) is not announced.
 */
export function useOfferAnnouncements(
  offers: readonly InteractionEntry[],
  messages: Messages,
  announce: (text: string, politeness: Politeness) => void,
): void {
  const known = useRef<Set<string> | undefined>(undefined);
  const waiting = useRef<string[]>([]);
  const latest = useRef({ offers, messages, announce });
  const timer = useRef<{ handle: ReturnType<typeof setTimeout>; firstAt: number } | undefined>(undefined);

  useEffect(() => {
    latest.current = { offers, messages, announce };
  });

  useEffect(() => {
    const ids = new Set(offers.map((entry) => entry.interaction.id));
    if (known.current === undefined) {
      known.current = ids;
      return;
    }
    const fresh = [...ids].filter((id) => !known.current?.has(id));
    known.current = ids;
    if (fresh.length === 0) return;
    waiting.current.push(...fresh);

    const flush = () => {
      timer.current = undefined;
      const current = latest.current;
      const byId = new Map(current.offers.map((entry) => [entry.interaction.id, entry]));
      const still = waiting.current.flatMap((id) => byId.get(id) ?? []);
      waiting.current = [];
      if (still.length === 0) return;
      const [only] = still;
      current.announce(still.length === 1 && only ? current.messages.newOffer(interactionSubject(only)) : current.messages.newOffers(still.length), 'polite');
    };
    const now = Date.now();
    const firstAt = timer.current?.firstAt ?? now;
    if (timer.current) clearTimeout(timer.current.handle);
    const delay = Math.max(0, Math.min(OFFER_QUIET_MS, firstAt + OFFER_MAX_WAIT_MS - now));
    timer.current = { handle: setTimeout(flush, delay), firstAt };
  }, [offers]);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current.handle);
      timer.current = undefined;
    },
    [],
  );
}
