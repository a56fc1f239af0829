type Listener = (now: number) => void;

// One interval for every timer on the page, so all cards tick on the same beat instead of
// drifting apart by up to a second each.
const listeners = new Set<Listener>();
let interval: ReturnType<typeof setInterval> | undefined;

/** Calls `listener` with the time every second until the returned function is called. */
export function subscribeToClock(listener: Listener): () => void {
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
