import { useEffect, useRef } from 'react';
import { type LiveMark, type LiveMirror, alertsSince, markLive } from './live-mirror';
import type { Messages } from './messages';

/**
 * Screen readers speak the live regions of the tab in front only: what the widget said while its
 * tab was in the background (an offer, a failure, "Signed out") was never heard, and nothing
 * repeated it. When the tab comes back to the front, one announcement sums it up — what was
 * announced, the cards' own failures, the connection status if it changed — assertive when it
 * holds a failure or a lost session, else polite. Nothing is said when nothing happened.
 */
export function useAwaySummary(mirror: LiveMirror, messages: Messages): void {
  const latest = useRef({ mirror, messages });
  useEffect(() => {
    latest.current = { mirror, messages };
  });

  useEffect(() => {
    if (typeof document === 'undefined') return undefined;
    let mark: LiveMark | undefined;
    const markNow = () => {
      mark = markLive(latest.current.mirror, latest.current.messages);
    };
    const onChange = () => {
      if (document.visibilityState === 'hidden') {
        markNow();
        return;
      }
      if (mark === undefined) return;
      const since = mark;
      mark = undefined;
      const { mirror: now, messages: words } = latest.current;
      const lines = now.announcer.saidSince(since.id);
      const alerts = alertsSince(since, now, words);
      const status = now.status !== undefined && now.status !== since.status ? now.status : undefined;
      const parts = [...lines.map((line) => line.text), ...alerts.map((alert) => alert.text), ...(status === undefined ? [] : [status])];
      if (parts.length === 0) return;
      const urgent = lines.some((line) => line.politeness === 'assertive') || alerts.length > 0 || (status !== undefined && now.statusUrgent);
      now.announcer.announce(words.whileAway(parts), urgent ? 'assertive' : 'polite');
    };
    // A tab opened in the background starts away.
    if (document.visibilityState === 'hidden') markNow();
    document.addEventListener('visibilitychange', onChange);
    return () => document.removeEventListener('visibilitychange', onChange);
  }, []);
}
