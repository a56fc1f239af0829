/**
 * Notices that the machine slept (a laptop lid closed, the screen locked into standby) while a
 * channel was open. On waking, nothing else tells the page: no `online` event fires when the
 * network did not change, and the long poll sent before the sleep waits out CometD's own network
 * timeout, its timers having not counted the sleep, while "Live" stays on screen over a list that
 * missed what happened meanwhile.
 *
 * Two signs, looked for every `periodMs`:
 * - the wall clock moved further than the monotonic clock: `performance.now()` does not count a
 *   sleep where the browser's monotonic clock stops in it (macOS, Linux, ChromeOS), `Date.now()`
 *   does. Throttling in a background tab delays both alike, so it never looks like a sleep.
 * - with `timersOnTime` (a Worker, whose timers a background tab does not throttle), a look that
 *   comes far later than due: nothing ran, whichever clock counted the sleep (Windows).
 */
export interface WakeWatchOptions {
  /** How often to look, in ms. Default 5,000. */
  readonly periodMs?: number;
  /** How far ahead a clock must be for a sleep (ms). Default 20,000: far above a GC pause or a busy thread. */
  readonly sleptMs?: number;
  /** Timers run on time here (a Worker's): a late look alone is a sleep. Default false. */
  readonly timersOnTime?: boolean;
  /** Tests pass their clocks. Defaults: `Date.now`, `performance.now`. */
  readonly wallNow?: () => number;
  readonly monotonicNow?: () => number;
}

export const DEFAULT_WAKE_PERIOD_MS = 5_000;
export const DEFAULT_SLEPT_MS = 20_000;

/** Calls `onWake` after each sleep noticed, until the returned stop is called. */
export function watchForWake(onWake: () => void, options: WakeWatchOptions = {}): () => void {
  const periodMs = options.periodMs ?? DEFAULT_WAKE_PERIOD_MS;
  const sleptMs = options.sleptMs ?? DEFAULT_SLEPT_MS;
  // Read through the globals each time (not the functions as they are now), as Date.now() is.
  const wallNow = options.wallNow ?? (() => Date.now());
  const monotonicNow = options.monotonicNow ?? (() => performance.now());
  let wall = wallNow();
  let monotonic = monotonicNow();
  let timer: ReturnType<typeof setTimeout> | undefined;

  const look = () => {
    const nextWall = wallNow();
    const nextMonotonic = monotonicNow();
    const wallElapsed = nextWall - wall;
    const monotonicElapsed = nextMonotonic - monotonic;
    wall = nextWall;
    monotonic = nextMonotonic;
    const clocksApart = wallElapsed - monotonicElapsed > sleptMs;
    const lookLate = options.timersOnTime === true && Math.min(wallElapsed, monotonicElapsed) - periodMs > sleptMs;
    // A chained timeout, not an interval: a late look is one look, never a catch-up run of them.
    timer = setTimeout(look, periodMs);
    if (clocksApart || lookLate) onWake();
  };
  timer = setTimeout(look, periodMs);
  return () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
}
