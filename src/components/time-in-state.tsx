import { memo, useEffect, useRef, useState } from 'react';
import { formatDuration } from './format';
import { useMessages } from './messages-context';
import { subscribeToClock } from './shared-clock';

export interface TimeInStateProps {
  /** Epoch ms when the current state began. */
  readonly since: number;
  /** Stop ticking (an ended interaction keeps the time it reached). */
  readonly frozenAt?: number | undefined;
  /** The state began before `since`, when exactly is unknown: shown as "≥ 12:03", read as "at least". */
  readonly atLeast?: boolean;
}

function wholeSeconds(ms: number): number {
  return Math.max(0, Math.floor(ms / 1000));
}

/**
 * Time spent in the current state, ticking every second (`mm:ss`, `h:mm:ss` past an hour).
 *
 * The tick writes the new text into the `<time>` element itself: a page with 200 cards would
 * otherwise re-render 200 components every second for a change React has nothing to reconcile.
 * React renders it again when `since` or `frozenAt` change (or the widget's messages), not when
 * its card re-renders for new user data: it is a `memo`.
 */
export const TimeInState = memo(function TimeInState({ since, frozenAt, atLeast = false }: TimeInStateProps) {
  const messages = useMessages();
  const [mountedAt] = useState(() => Date.now());
  const time = useRef<HTMLTimeElement>(null);
  const elapsed = (frozenAt ?? mountedAt) - since;
  const seconds = wholeSeconds(elapsed);

  useEffect(() => {
    if (frozenAt !== undefined) return undefined;
    let shown = -1;
    const paint = (now: number) => {
      const element = time.current;
      const next = wholeSeconds(now - since);
      if (element === null || next === shown) return;
      shown = next;
      element.dateTime = `PT${next}S`;
      // The text node React made is kept and only its text changes: cheaper than textContent,
      // which replaces the node (and so its layout object) every second on every card.
      const text = element.firstChild;
      if (text !== null && text.nodeType === Node.TEXT_NODE && text.nextSibling === null) text.nodeValue = formatDuration(now - since);
      else element.textContent = formatDuration(now - since);
    };
    // At once, too: the render may be older than a second (a card mounted from a cached state).
    paint(Date.now());
    return subscribeToClock(paint);
  }, [since, frozenAt]);

  // An interaction that ended the moment it entered its state (Completed) spent no time in it:
  // a frozen 00:00 would say nothing, so there is no timer.
  if (frozenAt !== undefined && seconds === 0) return null;
  return (
    <span className={atLeast ? 'omw-timer omw-timer--at-least' : 'omw-timer'} title={atLeast ? messages.timeInStateAtLeastTitle : messages.labelTimeInState}>
      <span className="omw-visually-hidden">{atLeast ? `${messages.labelTimeInState} ${messages.timeInStateAtLeast} ` : `${messages.labelTimeInState} `}</span>
      <time ref={time} dateTime={`PT${seconds}S`}>
        {formatDuration(elapsed)}
      </time>
    </span>
  );
});
