import type { Message } from 'cometd';
import type { CometdClient } from './cometd-session';

/**
 * How long a visible tab waits after a `/meta/connect` that brought notifications before it sends
 * the next one, by default. Long-polling costs a round trip per answer: a server that answers each
 * notification at once (GWS, CometD servers) makes a busy stream one HTTP request per
 * notification, and the request, its timers and its response then cost the page more than the
 * notification itself. Waiting about a frame lets the server gather what arrives meanwhile into
 * one answer; the widget draws once per frame anyway, so what waited is drawn in the same frame
 * or the next.
 */
export const DEFAULT_CONNECT_PACING_MS = 16;

/** Traffic counts as flowing when a notification arrived this recently (ms). */
const FLOWING_MS = 1_000;

/**
 * An answer with this many notifications or more is a backlog (a burst, the server catching up):
 * the server most likely holds more already, so the next poll goes at once. Pacing gathers a
 * steady trickle; it would only delay a backlog.
 */
export const BACKLOG_NOTIFICATIONS = 50;

export interface ConnectPacingOptions {
  /** The wait in ms (0: never wait). */
  readonly paceMs: number;
  /** Whether the page is shown; a hidden tab never waits (an offer must not wait in a background tab). */
  readonly visible: () => boolean;
  readonly now: () => number;
}

/** Whether the document is visible; true where there is no document (nothing is drawn late there). */
export function documentVisible(): boolean {
  return typeof document === 'undefined' || document.visibilityState !== 'hidden';
}

type Advice = Record<string, unknown>;

/**
 * Whether the next `/meta/connect` is about to go out (its answer asked for no wait), so work that
 * can wait a moment (drawing a burst) runs after it is sent: the server then gathers the next
 * answer while the page draws this one, instead of waiting for the drawing to end. Lives as long
 * as the channel's CometD client.
 */
export interface PendingConnect {
  /**
   * Runs `callback` once the connect about to be sent has gone out (or failed); at once when none
   * is. Returns whether it waits (false: `callback` has already run).
   */
  afterPendingConnect(callback: () => void): boolean;
}

export interface PendingConnectTracker extends PendingConnect {
  /** A connect answer asked for the next one at once. */
  expect(): void;
  /** The next connect went out, or none will (a failure, a disconnect): run what waited. */
  release(): void;
}

export function createPendingConnect(): PendingConnectTracker {
  let pending = false;
  let waiting: (() => void)[] = [];
  return {
    afterPendingConnect(callback) {
      if (!pending) {
        callback();
        return false;
      }
      waiting.push(callback);
      return true;
    },
    expect() {
      pending = true;
    },
    release() {
      pending = false;
      if (waiting.length === 0) return;
      const callbacks = waiting;
      waiting = [];
      // Told from CometD's outgoing extension, before the request is written: run once it is.
      queueMicrotask(() => {
        for (const callback of callbacks) callback();
      });
    },
  };
}

/**
 * Sets the interval CometD waits before its next `/meta/connect`, through the advice of the
 * successful `/meta/connect` answer, which is how a Bayeux server asks the same of a client.
 *
 * - Only while notifications flow, only in a visible tab, and never shorter than the server's
 *   own interval. An idle long poll, a backlog (an answer of {@link BACKLOG_NOTIFICATIONS} or
 *   more), a hidden tab or a failed connect is left untouched.
 * - CometD replaces its whole advice with each advice it receives, so the rewritten advice is the
 *   server's last one with the interval changed: its `timeout`, `maxInterval` and `reconnect`
 *   keep applying.
 * - The wait runs on CometD's scheduler (its Worker by default), so it is never throttled.
 */
export function addConnectPacing(cometd: CometdClient, options: ConnectPacingOptions, pendingConnect?: PendingConnectTracker): void {
  const pacing = options.paceMs > 0;
  if (!pacing && pendingConnect === undefined) return;
  let serverAdvice: Advice | undefined;
  let lastNotificationAt = Number.NEGATIVE_INFINITY;
  /** Notifications since the last connect reply (servers write an answer's notifications before its reply). */
  let sinceReply = 0;
  cometd.registerExtension('openmedia-widget-connect-pacing', {
    incoming(message: Message) {
      const channel = message.channel;
      if (typeof channel === 'string' && !channel.startsWith('/meta/')) {
        lastNotificationAt = options.now();
        sinceReply += 1;
        return message;
      }
      const advice = message.advice as Advice | undefined;
      if (advice !== undefined && advice !== null && typeof advice === 'object') serverAdvice = advice;
      if (channel !== '/meta/connect') return message;
      const backlog = sinceReply >= BACKLOG_NOTIFICATIONS;
      sinceReply = 0;
      if (message.successful !== true) {
        // CometD backs off or stops: no connect follows at once.
        pendingConnect?.release();
        return message;
      }
      const base = serverAdvice ?? {};
      if (base.reconnect !== undefined && base.reconnect !== 'retry') {
        pendingConnect?.release();
        return message;
      }
      const serverInterval = typeof base.interval === 'number' && base.interval > 0 ? base.interval : 0;
      const flowing = options.now() - lastNotificationAt < FLOWING_MS;
      const interval = pacing && flowing && !backlog && options.visible() ? Math.max(serverInterval, options.paceMs) : serverInterval;
      // The next connect goes out at once (after CometD's timer hop): what draws this answer waits for it.
      if (interval === 0) pendingConnect?.expect();
      // Unchanged advice needs no rewrite (and an answer without advice keeps CometD's current one,
      // which is only right when the last rewrite, if any, asked for the same interval).
      if (advice !== undefined && interval === serverInterval) return message;
      return { ...message, advice: { ...base, interval } };
    },
    outgoing(message: Message) {
      if (message.channel === '/meta/connect' || message.channel === '/meta/disconnect' || message.channel === '/meta/handshake') pendingConnect?.release();
      return message;
    },
  });
}
