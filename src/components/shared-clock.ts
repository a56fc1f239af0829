import { useEffect, useState } from 'react';

type Listener = (now: number) => void;

// One interval for every timer on the page, so all cards tick on the same beat instead of
// drifting apart by up to a second each.
const listeners = new Set<Listener>();
let interval: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: Listener): () => void {
  listeners.add(listener);
  if (interval === undefined) {
    interval = setInterval(() => {
      const now = Date.now();
      for (const l of listeners) l(now);
    }, 1000);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && interval !== undefined) {
      clearInterval(interval);
      interval = undefined;
    }
  };
}

/** The current time, refreshed every second while the component is mounted. */
export function useNow(enabled = true): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!enabled) return undefined;
    return subscribe(setNow);
  }, [enabled]);
  return now;
}
