import { useEffect, useState } from 'react';
import type { OpenmediaClient } from '../client/openmedia-client';

/** At the latest this long after mounting, the hook says "due" even if the server has not answered. */
export const AFTER_FIRST_ANSWER_AT_LATEST_MS = 1_000;

/**
 * True once the widget has had its first answer from the server — its state changed (the
 * snapshot, or a notification), a snapshot read failed, or the session was refused — and the
 * frame that draws it has run; or {@link AFTER_FIRST_ANSWER_AT_LATEST_MS} after mounting,
 * whichever comes first. The standalone page mounts its mock panel then: the panel's code, its
 * Worker and its first read of the mock do not run between the snapshot request and the first
 * cards. Once due, stays due.
 */
export function useAfterFirstAnswer(client: Pick<OpenmediaClient, 'subscribe' | 'getSnapshot'>, atLatestMs = AFTER_FIRST_ANSWER_AT_LATEST_MS): boolean {
  const [due, setDue] = useState(false);
  useEffect(() => {
    if (due) return undefined;
    const initial = client.getSnapshot().state;
    let frame: number | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const release = () => {
      if (frame !== undefined) return;
      // A task after the next frame: the answer is drawn before the panel costs anything.
      frame = requestAnimationFrame(() => {
        timer = setTimeout(() => setDue(true), 0);
      });
    };
    const unsubscribe = client.subscribe(() => {
      const { state, snapshotError, status } = client.getSnapshot();
      if (state !== initial || snapshotError !== undefined || status === 'unauthorized') release();
    });
    const latest = setTimeout(release, atLatestMs);
    return () => {
      unsubscribe();
      clearTimeout(latest);
      if (frame !== undefined) cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [client, due, atLatestMs]);
  return due;
}
