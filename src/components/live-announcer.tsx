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
}

// A few lines are kept so a quick second announcement does not replace the first before it is read;
// older ones go (removals are not announced).
const KEPT = 3;

/** The state of the two live regions; `announce` is stable. */
export function useAnnouncer(): Announcer {
  const [polite, setPolite] = useState<readonly Announcement[]>([]);
  const [assertive, setAssertive] = useState<readonly Announcement[]>([]);
  const nextId = useRef(0);
  const announce = useCallback((text: string, politeness: Politeness) => {
    nextId.current += 1;
    // A new node each time: the same words twice (two offers with one subject) are read twice.
    const line = { id: nextId.current, text };
    (politeness === 'polite' ? setPolite : setAssertive)((lines) => [...lines, line].slice(-KEPT));
  }, []);
  return useMemo(() => ({ polite, assertive, announce }), [polite, assertive, announce]);
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
