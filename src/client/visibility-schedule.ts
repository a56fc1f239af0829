/**
 * What the scheduler needs of the page; `document` in a browser, a fake in tests, absent in Node.
 */
export interface VisibilitySource {
  readonly visibilityState: string;
  addEventListener(type: 'visibilitychange', listener: () => void): void;
  removeEventListener(type: 'visibilitychange', listener: () => void): void;
}

export interface VisibilityScheduleOptions {
  /** Default: `document` when there is one. */
  readonly visibility?: VisibilitySource | undefined;
  /** Default: `requestAnimationFrame` when there is one. */
  readonly requestFrame?: ((callback: () => void) => unknown) | undefined;
  /** Runs `callback` soon without waiting for a frame. Default: a MessageChannel message, else `setTimeout(0)`. */
  readonly runSoon?: (callback: () => void) => void;
}

function defaultVisibility(): VisibilitySource | undefined {
  return typeof document === 'undefined' ? undefined : document;
}

function defaultRequestFrame(): ((callback: () => void) => unknown) | undefined {
  return typeof globalThis.requestAnimationFrame === 'function' ? (callback) => globalThis.requestAnimationFrame(() => callback()) : undefined;
}

/**
 * A MessageChannel message is not throttled in a background tab (a timer is: once a second, once a
 * minute after five minutes in Chrome), so a hidden tab still publishes within milliseconds.
 */
function runSoonDefault(callback: () => void): void {
  if (typeof MessageChannel === 'function') {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      callback();
    };
    port2.postMessage(null);
    return;
  }
  setTimeout(callback, 0);
}

/**
 * A store `schedule` that does not depend on animation frames while they do not run: the next
 * frame while the page is visible (one React commit per frame), at once (a task later) while it is
 * hidden — browsers run no frames in a background tab, and the host's callbacks must still fire.
 * A flush waiting for a frame when the page becomes hidden runs at once too.
 */
export function createVisibilitySchedule(options: VisibilityScheduleOptions = {}): (flush: () => void) => void {
  const visibility = 'visibility' in options ? options.visibility : defaultVisibility();
  const requestFrame = 'requestFrame' in options ? options.requestFrame : defaultRequestFrame();
  const runSoon = options.runSoon ?? runSoonDefault;

  return (flush) => {
    let done = false;
    const run = () => {
      if (done) return;
      done = true;
      visibility?.removeEventListener('visibilitychange', onVisibilityChange);
      flush();
    };
    function onVisibilityChange(): void {
      if (visibility?.visibilityState === 'hidden') runSoon(run);
    }
    if (requestFrame === undefined) {
      setTimeout(run, 16);
      return;
    }
    if (visibility?.visibilityState === 'hidden') {
      runSoon(run);
      return;
    }
    visibility?.addEventListener('visibilitychange', onVisibilityChange);
    requestFrame(run);
  };
}
