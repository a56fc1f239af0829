type Listener = (now: number) => void;

/** A beat a second, as the timers show whole seconds. */
const BEAT_MS = 1000;
/** How early a beat may run to share a frame the page draws anyway (see {@link beatIfDueSoon}). */
export const EARLY_BEAT_MS = 250;
/**
 * After a beat that shared a frame, the next is due this much more than a second later, so that
 * news a second apart keeps landing just before the beat (and carrying it) instead of just after.
 * Small: a beat more than a second after the last can show a timer two seconds on.
 */
export const SHARED_BEAT_SLACK_MS = 20;
/**
 * News after at least this long without any carries the beat whatever its phase: at an agent's
 * pace (a notification every second or few) the beat then moves onto the news and stays there,
 * instead of drawing a frame of its own in between for as long as the two keep their phases.
 */
export const QUIET_MS = 500;

// One clock for every timer on the page, so all cards tick on the same beat instead of drifting
// apart by up to a second each. The shown seconds lag the true ones by less than a beat either way,
// so a beat may move (EARLY_BEAT_MS earlier, SHARED_BEAT_SLACK_MS later, or onto news after
// QUIET_MS) where that saves a frame: a timer's second then reaches the screen in the frame that
// draws a notification.
const listeners = new Set<Listener>();
let timer: ReturnType<typeof setTimeout> | undefined;
let dueAt = 0;
let lastNewsAt = Number.NEGATIVE_INFINITY;

function beat(now: number, nextInMs: number): void {
  arm(now, nextInMs);
  for (const listener of listeners) listener(now);
}

function arm(now: number, inMs: number): void {
  if (timer !== undefined) clearTimeout(timer);
  dueAt = now + inMs;
  timer = setTimeout(() => beat(Date.now(), BEAT_MS), inMs);
}

// A background tab's timers are throttled (to once a minute after a while in Chrome): the moment
// the page is seen again, every timer catches up instead of showing a time minutes old.
function onVisibilityChange(): void {
  if (document.visibilityState === 'visible' && timer !== undefined) beat(Date.now(), BEAT_MS);
}

/** Calls `listener` with the time every second until the returned function is called. */
export function subscribeToClock(listener: Listener): () => void {
  listeners.add(listener);
  if (timer === undefined) {
    arm(Date.now(), BEAT_MS);
    if (typeof document !== 'undefined') document.addEventListener('visibilitychange', onVisibilityChange);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== undefined) {
      clearTimeout(timer);
      timer = undefined;
      if (typeof document !== 'undefined') document.removeEventListener('visibilitychange', onVisibilityChange);
    }
  };
}

/**
 * The page is about to draw anyway (new state was published): when the next beat is due within
 * {@link EARLY_BEAT_MS}, or the news comes after {@link QUIET_MS} without any, the beat runs now,
 * so its timers change in that frame instead of costing a frame of their own a moment later.
 * Nothing happens when no timer is shown. A beat run early changes only the timers whose second
 * has turned (the others are left alone), and the next is due a second (and a little) after it.
 */
export function beatIfDueSoon(): void {
  const now = Date.now();
  const afterQuiet = now - lastNewsAt >= QUIET_MS;
  lastNewsAt = now;
  if (timer === undefined) return;
  if (!afterQuiet && dueAt - now > EARLY_BEAT_MS) return;
  beat(now, BEAT_MS + SHARED_BEAT_SLACK_MS);
}
