import { useEffect, useRef } from 'react';
import type { InteractionEntry } from '../core/types';
import { interactionSubject } from './interaction-card';
import { endedByThisTab } from './own-doing';
import type { Politeness } from './live-announcer';
import type { Messages } from './messages';

/** An offer is announced this long after the last one of its burst arrived… */
export const OFFER_QUIET_MS = 600;
/** …and at the latest this long after the first: a steady trickle is still heard. */
export const OFFER_MAX_WAIT_MS = 2_000;

/** A batch of announcements being gathered: its timer and when its first news came. */
export type BatchTimer = { handle: ReturnType<typeof setTimeout>; firstAt: number } | undefined;

/**
 * (Re)arm `timer` to run `flush` {@link OFFER_QUIET_MS} after this news, and at the latest
 * {@link OFFER_MAX_WAIT_MS} after the batch's first: a burst is one announcement, a steady trickle
 * is still heard.
 */
/**
 * Whether `entry` came with the first list of its media type, read after the others (its first
 * read failed, a retry answered): it was there all along, not news. `before` and `now` are the
 * `baselineTypes` of the previous and the current render.
 */
export function firstListedNow(entry: InteractionEntry | undefined, before: ReadonlySet<string> | undefined, now: ReadonlySet<string> | undefined): boolean {
  if (entry === undefined || before === undefined || now === undefined || now === before) return false;
  const { mediaType } = entry.interaction;
  return now.has(mediaType) && !before.has(mediaType);
}

export function gatherAnnouncement(timer: { current: BatchTimer }, flush: () => void): void {
  const now = Date.now();
  const firstAt = timer.current?.firstAt ?? now;
  if (timer.current) clearTimeout(timer.current.handle);
  const delay = Math.max(0, Math.min(OFFER_QUIET_MS, firstAt + OFFER_MAX_WAIT_MS - now));
  timer.current = {
    handle: setTimeout(() => {
      timer.current = undefined;
      flush();
    }, delay),
    firstAt,
  };
}

/**
 * Announces new offers politely, once per offer: "New offer: <subject>", or one summary
 * ("20 new offers") for a burst. The offers shown once the list has been read (`settled`) are not
 * new, nor are those notified while that first read travelled; an offer that leaves the Offers
 * group and comes back later is a new offer again. An offer that is gone before its announcement
 * (accepted at once) is not announced.
 *
 * An announced offer that stops being offered without this agent's doing — withdrawn, taken by
 * someone else, or no longer listed after a reconnect: it ends, with no Accept or Reject of this
 * tab pending on it — is announced too ("No longer offered: <subject>", or a count), so a
 * screen-reader agent does not go looking for an offer that has gone. An offer accepted (it moves
 * to In progress) or one this tab accepted or rejected is not.
 */
export function useOfferAnnouncements(
  offers: readonly InteractionEntry[],
  ended: readonly InteractionEntry[],
  /** Every media type's first read has answered (a list or a failure): before, what appears is not news. */
  settled: boolean,
  messages: Messages,
  announce: (text: string, politeness: Politeness) => void,
  /** The media types whose first list was read outside a gap (see `OpenmediaClientSnapshot.baselineTypes`). */
  baselineTypes?: ReadonlySet<string>,
): void {
  /** The offers as last rendered. */
  const known = useRef<ReadonlyMap<string, InteractionEntry> | undefined>(undefined);
  /** `baselineTypes` as last rendered. */
  const typesBefore = useRef<ReadonlySet<string> | undefined>(undefined);
  /** New offers not announced yet. */
  const waiting = useRef<string[]>([]);
  /** Offers that ended meanwhile, by subject, not announced yet. */
  const gone = useRef<string[]>([]);
  const latest = useRef({ offers, messages, announce });
  const timer = useRef<BatchTimer>(undefined);

  useEffect(() => {
    latest.current = { offers, messages, announce };
  });

  useEffect(() => {
    // The first render comes before the first snapshot read (on every load, and in a tab joining
    // a shared connection): what that read lists is what was already there, not news.
    if (!settled) {
      known.current = undefined;
      return;
    }
    const current = new Map(offers.map((entry) => [entry.interaction.id, entry] as const));
    const before = known.current;
    const types = typesBefore.current;
    known.current = current;
    typesBefore.current = baselineTypes;
    if (before === undefined) return;
    const fresh = [...current.keys()].filter((id) => !before.has(id) && !firstListedNow(current.get(id), types, baselineTypes));
    const endedById = new Map(ended.map((entry) => [entry.interaction.id, entry] as const));
    let leftEnded = 0;
    for (const [id, entry] of before) {
      if (current.has(id)) continue;
      const unannounced = waiting.current.indexOf(id);
      // Never announced as new: its going is not news either.
      if (unannounced >= 0) waiting.current.splice(unannounced, 1);
      // The agent's own Reject (pending when it went, or done since) is said as done instead.
      else if (endedById.has(id) && entry.pending === undefined && !endedByThisTab(entry, endedById.get(id))) {
        gone.current.push(interactionSubject(entry));
        leftEnded += 1;
      }
    }
    if (fresh.length === 0 && leftEnded === 0) return;
    waiting.current.push(...fresh);

    gatherAnnouncement(timer, () => {
      const now = latest.current;
      const byId = new Map(now.offers.map((entry) => [entry.interaction.id, entry]));
      const still = waiting.current.flatMap((id) => byId.get(id) ?? []);
      const subjects = gone.current;
      waiting.current = [];
      gone.current = [];
      const [only] = still;
      if (still.length > 0) now.announce(still.length === 1 && only ? now.messages.newOffer(interactionSubject(only)) : now.messages.newOffers(still.length), 'polite');
      const [onlyGone] = subjects;
      if (subjects.length > 0) now.announce(subjects.length === 1 && onlyGone !== undefined ? now.messages.offerEnded(onlyGone) : now.messages.offersEnded(subjects.length), 'polite');
    });
  }, [offers, ended, settled, baselineTypes]);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current.handle);
      timer.current = undefined;
    },
    [],
  );
}
