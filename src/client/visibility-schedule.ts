import type { OpenmediaEvent } from '../core/types';

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
  /**
   * Runs `callback` once the push channel's next long poll, if one is about to go out, has gone
   * (see `NotificationChannel.afterPendingConnect`), and returns whether it waits (false: it ran
   * `callback` already). A visible tab draws server news after it, and at the second frame at the
   * latest. Default: at once.
   */
  readonly afterPendingConnect?: (callback: () => void) => boolean;
}

function defaultVisibility(): VisibilitySource | undefined {
  return typeof document === 'undefined' ? undefined : document;
}

function defaultRequestFrame(): ((callback: () => void) => unknown) | undefined {
  return typeof globalThis.requestAnimationFrame === 'function' ? (callback) => globalThis.requestAnimationFrame(() => callback()) : undefined;
}

let soonQueue: (() => void)[] = [];
let soonPort: MessagePort | undefined;

function runQueued(): void {
  const callbacks = soonQueue;
  soonQueue = [];
  for (const callback of callbacks) {
    try {
      callback();
    } catch (error) {
      // The others still run; the error still reaches the page's error reporting.
      setTimeout(() => {
        throw error;
      }, 0);
    }
  }
}

/**
 * A MessageChannel message is not throttled in a background tab (a timer is: once a second, once a
 * minute after five minutes in Chrome), so a hidden tab still publishes within milliseconds. One
 * channel for the page, made on first use (making one costs more than the message): what is asked
 * for before its message is handled runs in the same task, in order.
 */
function runSoonDefault(callback: () => void): void {
  if (typeof MessageChannel !== 'function') {
    setTimeout(callback, 0);
    return;
  }
  if (soonPort === undefined) {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = runQueued;
    // Node (tests, server rendering) would otherwise stay alive for the open port.
    (port1 as { unref?: () => void }).unref?.();
    soonPort = port2;
  }
  soonQueue.push(callback);
  if (soonQueue.length === 1) soonPort.postMessage(null);
}

/** A change that came from the server: worth drawing before the next frame when nothing else was. */
function isNews(cause: OpenmediaEvent | undefined): boolean {
  return cause?.type === 'notificationReceived' || cause?.type === 'snapshotLoaded';
}

/**
 * A store `schedule` that draws changes early but at most once per animation frame, and does not
 * depend on frames while they do not run:
 *
 * - visible, news from the server (a notification, a snapshot), and no flush ran since the last
 *   frame: a task later, so what arrived in one network answer reaches the DOM before the next
 *   paint instead of waiting for the frame — after the next long poll has gone out when that
 *   answer asked for it at once (`afterPendingConnect`), and at the second frame at the latest;
 * - visible otherwise (a flush already ran since the last frame, or a change of the widget's own:
 *   a timer, a click): the next frame, so there is one React commit per frame however fast answers
 *   arrive, and changes made by timers that fire together (ten actions timing out) land together;
 * - hidden: at once (a task later) — browsers run no frames in a background tab, and the host's
 *   callbacks must still fire. A flush waiting for a frame when the page becomes hidden runs at
 *   once too.
 */
export function createVisibilitySchedule(options: VisibilityScheduleOptions = {}): (flush: () => void, cause?: OpenmediaEvent) => void {
  const visibility = 'visibility' in options ? options.visibility : defaultVisibility();
  const requestFrame = 'requestFrame' in options ? options.requestFrame : defaultRequestFrame();
  const runSoon = options.runSoon ?? runSoonDefault;
  const { afterPendingConnect } = options;
  /** A flush ran and no frame has run since (a frame callback is then pending to clear it). */
  let flushedThisFrame = false;
  const frameRan = () => {
    flushedThisFrame = false;
  };

  return (flush, cause) => {
    let done = false;
    const run = () => {
      if (done) return;
      done = true;
      visibility?.removeEventListener('visibilitychange', onVisibilityChange);
      if (requestFrame !== undefined && visibility?.visibilityState !== 'hidden') {
        if (!flushedThisFrame) requestFrame(frameRan);
        flushedThisFrame = true;
      }
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
    if (!flushedThisFrame && isNews(cause)) {
      // After the long poll that the same answer asked to send at once (a burst): the server
      // gathers the next answer while this one is drawn. The frame is the latest it waits: the
      // second frame, not the first, because after a long answer the browser runs an overdue
      // frame before CometD's timer message, so the first frame would always come before the long
      // poll. No frame is asked for when nothing waits: an empty frame is work too.
      runSoon(() => {
        if (afterPendingConnect === undefined || !afterPendingConnect(run)) run();
        else requestFrame(() => requestFrame(run));
      });
      return;
    }
    visibility?.addEventListener('visibilitychange', onVisibilityChange);
    requestFrame(run);
  };
}
