import { useCallback, useMemo, useRef, useState } from 'react';
import { useMessages } from './messages-context';

export type Politeness = 'polite' | 'assertive';

interface Announcement {
  readonly id: number;
  readonly text: string;
}

export interface Announcer {
  readonly polite: readonly Announcement[];
  readonly assertive: readonly Announcement[];
  announce(text: string, politeness: Politeness): void;
  /** The id of the last announcement (0: none yet). */
  lastId(): number;
  /** What was announced after the announcement `id` (the last {@link REMEMBERED} at most), oldest first. */
  saidSince(id: number): readonly (Announcement & { readonly politeness: Politeness })[];
}

// A few lines are kept so a quick second announcement does not replace the first before it is read;
// older ones go (removals are not announced).
const KEPT = 3;
/** Announcements remembered (not shown) for a summary of what a hidden tab said. */
export const REMEMBERED = 50;

/** The state of the two live regions; `announce` is stable. */
export function useAnnouncer(): Announcer {
  const [polite, setPolite] = useState<readonly Announcement[]>([]);
  const [assertive, setAssertive] = useState<readonly Announcement[]>([]);
  const nextId = useRef(0);
  const said = useRef<(Announcement & { readonly politeness: Politeness })[]>([]);
  const announce = useCallback((text: string, politeness: Politeness) => {
    nextId.current += 1;
    // A new node each time: the same words twice (two offers with one subject) are read twice.
    const line = { id: nextId.current, text };
    said.current.push({ ...line, politeness });
    if (said.current.length > REMEMBERED) said.current.shift();
    (politeness === 'polite' ? setPolite : setAssertive)((lines) => [...lines, line].slice(-KEPT));
  }, []);
  const lastId = useCallback(() => nextId.current, []);
  const saidSince = useCallback((id: number) => said.current.filter((line) => line.id > id), []);
  return useMemo(() => ({ polite, assertive, announce, lastId, saidSince }), [polite, assertive, announce, lastId, saidSince]);
}

/**
 * Two visually hidden live regions, rendered from the first paint so that what is added later is
 * announced (a region inserted together with its text often is not): polite for new offers,
 * assertive for a burst of failures. `role="log"`: each announcement is appended, as React Aria's
 * LiveAnnouncer does.
 */
export function LiveAnnouncer({ announcer }: { announcer: Announcer }) {
  const messages = useMessages();
  return (
    <div className="omw-visually-hidden">
      <div role="log" aria-live="polite" aria-relevant="additions" aria-label={messages.announcementsLabel}>
        {announcer.polite.map((line) => (
          <p key={line.id}>{line.text}</p>
        ))}
      </div>
      <div role="log" aria-live="assertive" aria-relevant="additions" aria-label={messages.urgentAnnouncementsLabel}>
        {announcer.assertive.map((line) => (
          <p key={line.id}>{line.text}</p>
        ))}
      </div>
    </div>
  );
}
