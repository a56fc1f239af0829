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
export function addConnectPacing(cometd: CometdClient, options: ConnectPacingOptions): void {
  if (!(options.paceMs > 0)) return;
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
      if (message.successful !== true) return message;
      const base = serverAdvice ?? {};
      if (base.reconnect !== undefined && base.reconnect !== 'retry') return message;
      const serverInterval = typeof base.interval === 'number' && base.interval > 0 ? base.interval : 0;
      const flowing = options.now() - lastNotificationAt < FLOWING_MS;
      const interval = flowing && !backlog && options.visible() ? Math.max(serverInterval, options.paceMs) : serverInterval;
      // Unchanged advice needs no rewrite (and an answer without advice keeps CometD's current one,
      // which is only right when the last rewrite, if any, asked for the same interval).
      if (advice !== undefined && interval === serverInterval) return message;
      return { ...message, advice: { ...base, interval } };
    },
  });
}
