import { CometD } from 'cometd';
import { OPENMEDIA_CHANNEL } from '../protocol/parse';
import type { ChannelDescriptor } from '../protocol/parse';
import { DEFAULT_BACKOFF, backoffDelay } from './backoff';
import type { BackoffOptions } from './backoff';
import { checkCometdChannels } from './cometd-channels';
import { openCometdSession, prepareCometd } from './cometd-session';
import { DEFAULT_CONNECT_PACING_MS, createPendingConnect, documentVisible } from './connect-pacing';
import type { CometdClient, CometdSession, HandshakeCycles, PreparedCometd } from './cometd-session';
import type { CsrfHeaderSource } from './csrf-header';
import { createListenerSet, subscribeCounted } from './listener-set';
import type { ChannelListener, ConnectionStatus, NotificationChannel } from './types';
import { watchForWake } from './wake-watch';
import type { WakeWatchOptions } from './wake-watch';

/** Where GWS serves CometD unless told otherwise (spec §1: deployments differ, hence the option). */
export const DEFAULT_COMETD_URL = '/api/v2/notifications';

export interface CometdChannelOptions {
  /** The CometD endpoint, e.g. `${gwsBase}/api/v2/notifications`. Default: same origin `/api/v2/notifications`. */
  readonly url?: string;
  /** Channel, message type and resource key. Default: {@link OPENMEDIA_CHANNEL}. */
  readonly descriptor?: ChannelDescriptor;
  /**
   * The channels to subscribe to, all on every handshake. Default: the descriptor's one channel.
   * For a server that refuses a wildcard, the exact channels it covers (checked by
   * {@link checkCometdChannels}; a bad list throws here).
   */
  readonly channels?: readonly string[];
  /**
   * Exact channels to subscribe to instead, from the next session on, once the server refused
   * (`403`) a wildcard channel of the list in two sessions in a row (see
   * {@link WILDCARD_REFUSALS_BEFORE_EXACT}): a server may accept only exact channels (Genesys's own
   * libraries subscribe to those). Kept until the channel is started afresh or reconnected after
   * a sign-out. Default: none (a refused wildcard keeps the channel reconnecting).
   */
  readonly exactChannels?: readonly string[];
  /**
   * Headers every long-polling request carries (e.g. `{ 'x-api-key': … }`); a WebSocket cannot
   * carry headers. Default: none.
   */
  readonly requestHeaders?: Readonly<Record<string, string>>;
  /**
   * `long-polling` (default) is what every GWS serves. `websocket` is an opt-in that keeps
   * long-polling as the fallback CometD negotiates when the WebSocket upgrade fails.
   */
  readonly transport?: 'long-polling' | 'websocket';
  /** Reconnect back-off (jittered, capped). Default 1 s steps, 30 s cap. */
  readonly backoff?: Partial<BackoffOptions>;
  /**
   * Creates the CometD client, once per channel: every restart re-handshakes the same one (a new
   * `CometD` starts a Web Worker that is never stopped). Default `new CometD()`; tests pass a fake.
   */
  readonly cometdFactory?: () => CometdClient;
  /** Source of randomness for the jitter (tests make it deterministic). Default `Math.random`. */
  readonly random?: () => number;
  /**
   * While notifications flow in a visible tab, wait this long (ms) after each long-poll answer
   * before the next, so the server gathers what arrives meanwhile into one answer. 0 turns it off.
   * Default {@link DEFAULT_CONNECT_PACING_MS}. A hidden tab never waits.
   */
  readonly connectPacingMs?: number;
  /** Whether the page is shown (pacing never waits in a hidden tab). Default: the document's visibility. */
  readonly visible?: () => boolean;
  /**
   * Run CometD's timers on a Worker of its own, so a background tab does not throttle them.
   * Default true; the connection Worker turns it off (a Worker's timers are not throttled).
   */
  readonly timersInWorker?: boolean;
  /**
   * Noticing that the machine slept (see wake-watch.ts): the channel then starts a new session
   * at once and re-reads, as the long poll open before the sleep may be dead. `false` turns it off.
   */
  readonly wake?: WakeWatchOptions | false;
  /**
   * The session's CSRF token (spec §3), for a GWS that checks it on CometD's POSTs too: every
   * long-polling request carries it (WebSocket frames cannot), the first handshake waits until
   * one could be known, and a handshake refused for want of one is retried once with a fresh one.
   * Default: none sent. The client passes its REST client's (`GwsClient.csrf`).
   */
  readonly csrf?: CsrfHeaderSource;
}

/**
 * Refusals of the wildcard in a row before the exact channels are subscribed instead. One is not
 * enough: a Workspace API v3 server also refuses (`403::subscribe_failed`) a subscription of a
 * session it cannot tie to an agent yet, and the exact channels, fixed from the media types the
 * widget knows, would miss a type it meets later. A server that refuses wildcards refuses every
 * time: one more session (a back-off's first step) and the widget is Live on the exact channels.
 */
export const WILDCARD_REFUSALS_BEFORE_EXACT = 2;

/** A `retryNow` this soon after a restart leaves the new session alone (see `retryNow`). */
export const RETRY_NOW_QUIET_MS = 2_000;

/**
 * Creates the production {@link NotificationChannel}: a CometD (Bayeux) client subscribed to the
 * descriptor's channel (or to `channels`).
 *
 * - Ref-counted: the first `subscribe()` handshakes, removing the last listener disconnects.
 * - Re-subscribes after every successful handshake (CometD drops subscriptions on each one,
 *   including its automatic re-handshake after a `402::Unknown client`).
 * - Calls `onResyncNeeded` whenever notifications may have been lost — a handshake after the
 *   first or after a failure, or a `/meta/connect` that succeeds after failing — once the
 *   subscription is in place, just before the status turns `connected`.
 * - Retries with jittered, capped back-off, and restarts by itself when CometD gives up
 *   (e.g. a handshake answered with `reconnect: none`).
 * - Stops for good on a 401, or on a handshake refused with 403, and reports `unauthorized`; with
 *   a CSRF source, a 403 that a token may cure is first retried once after reading a fresh one.
 * - Every CometD request carries the session cookie: CometD's long-polling transport sets
 *   `withCredentials` on each XMLHttpRequest, so this also holds for a cross-origin GWS.
 */
export function createCometdChannel(options: CometdChannelOptions = {}): NotificationChannel {
  const url = options.url ?? DEFAULT_COMETD_URL;
  const descriptor = options.descriptor ?? OPENMEDIA_CHANNEL;
  const initialChannels = options.channels === undefined ? [descriptor.channel] : checkCometdChannels(options.channels);
  const exactChannels = options.exactChannels === undefined || options.exactChannels.length === 0 ? undefined : checkCometdChannels(options.exactChannels);
  /** What the next session subscribes to: the exact channels once the server refused a wildcard. */
  let channels = initialChannels;
  /** Sessions in a row whose wildcard subscription was refused (see WILDCARD_REFUSALS_BEFORE_EXACT). */
  let wildcardRefusals = 0;
  const backoff: BackoffOptions = { ...DEFAULT_BACKOFF, ...options.backoff };
  const random = options.random ?? Math.random;
  const factory = options.cometdFactory ?? createBrowserCometd;
  const listeners = createListenerSet();
  const pendingConnect = createPendingConnect();

  let status: ConnectionStatus = 'disconnected';
  /** With `reconnecting`: why the server refused the last subscription (see SessionEvents.gaveUp). */
  let refusal: string | undefined;
  let session: CometdSession | undefined;
  let client: PreparedCometd | undefined;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let retryAttempt = 0;
  /** When the last new session was started by {@link restartNow} (0: never). */
  let restartedAt = 0;
  let stopWakeWatch: (() => void) | undefined;
  /** Handshakes that led nowhere, across restarts (see SESSION_CHECK_AFTER_CYCLES). */
  const cycles: HandshakeCycles = { count: 0 };

  function setStatus(next: ConnectionStatus, why?: string): void {
    if (next === status && why === refusal) return;
    status = next;
    refusal = why;
    listeners.status(next, why);
  }

  function clearRetry(): void {
    if (retryTimer !== undefined) clearTimeout(retryTimer);
    retryTimer = undefined;
  }

  function open(resyncOnFirstHandshake: boolean): void {
    const transport = options.transport ?? 'long-polling';
    client ??= prepareCometd(factory(), {
      url,
      transport,
      backoff,
      random,
      pacing: { paceMs: options.connectPacingMs ?? DEFAULT_CONNECT_PACING_MS, visible: options.visible ?? documentVisible, now: () => Date.now() },
      pendingConnect,
      timersInWorker: options.timersInWorker,
      csrf: options.csrf,
      requestHeaders: options.requestHeaders,
    });
    session = openCometdSession({
      cometd: client.cometd,
      gate: client.gate,
      csrf: client.csrf,
      url,
      channels,
      transport,
      backoff,
      random,
      resyncOnFirstHandshake,
      cycles,
      events: {
        message: (data) => listeners.message(data),
        resyncNeeded: () => listeners.resyncNeeded(),
        connected: () => {
          retryAttempt = 0;
          wildcardRefusals = 0;
          setStatus('connected');
        },
        reconnecting: () => setStatus('reconnecting'),
        gaveUp: restartLater,
        unauthorized: () => {
          session = undefined;
          clearRetry();
          setStatus('unauthorized');
        },
        sessionCheckNeeded: () => listeners.sessionCheckNeeded(),
        wildcardRefused: () => {
          wildcardRefusals += 1;
          if (exactChannels !== undefined && wildcardRefusals >= WILDCARD_REFUSALS_BEFORE_EXACT) channels = exactChannels;
        },
      },
    });
  }

  /**
   * CometD stopped retrying by itself: start a fresh client after a jittered, growing delay. The
   * server's refusal, if that is why, is said until the next outcome.
   */
  function restartLater(why?: string): void {
    session?.close();
    session = undefined;
    setStatus('reconnecting', why);
    clearRetry();
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      open(true);
    }, backoffDelay(retryAttempt++, backoff, random));
  }

  /**
   * A new session at once, with the resync it brings (the gap's notifications are lost): the
   * network is back after a back-off, or the machine woke up and the open long poll may be dead.
   */
  /**
   * A new session at once, resynced when it is up. `quietly`: the status stays as it is meanwhile
   * (a connection that looks Live restarted on the browser's `online`: for the moment the new
   * handshake takes, "Live" still stands, and an action pressed then is sent — REST does not need
   * the push session, and the resync settles what its lost notification would have). A handshake
   * that fails says "reconnecting" as any does.
   */
  function restartNow(quietly = false): void {
    restartedAt = Date.now();
    clearRetry();
    session?.close();
    session = undefined;
    retryAttempt = 0;
    if (!quietly) setStatus('reconnecting');
    open(true);
  }

  function start(): void {
    retryAttempt = 0;
    cycles.count = 0;
    channels = initialChannels;
    wildcardRefusals = 0;
    setStatus('connecting');
    open(false);
    if (options.wake !== false) {
      stopWakeWatch = watchForWake(() => {
        // Signed out stays signed out (the agent signs in again); a channel nobody listens to is stopped.
        if (status !== 'unauthorized' && status !== 'disconnected') restartNow();
      }, options.wake);
    }
  }

  function stop(): void {
    stopWakeWatch?.();
    stopWakeWatch = undefined;
    clearRetry();
    session?.close();
    session = undefined;
    // Nobody listens any more: tear the client down fully (its Worker included). A listener that
    // comes back gets a new one; restarts while someone listens re-handshake this one.
    client?.dispose();
    client = undefined;
    setStatus('disconnected');
  }

  return {
    descriptor,
    getStatus: () => status,
    getRefusal: () => refusal,
    afterPendingConnect: (callback) => pendingConnect.afterPendingConnect(callback),
    reconnect() {
      if (status !== 'unauthorized' || listeners.size === 0) return;
      retryAttempt = 0;
      cycles.count = 0;
      // A new sign-in: the wildcard may have been refused only because the session was unknown.
      channels = initialChannels;
      wildcardRefusals = 0;
      setStatus('connecting');
      open(true);
    },
    retryNow() {
      if (listeners.size === 0 || status === 'unauthorized' || status === 'disconnected') return;
      // Two `online` a moment apart (a network that flaps, two clients of the page on this channel):
      // a session opened a moment ago already started after the network came back. (Each tab
      // hears its own `online`; a follower's is not relayed: the leader's own restarts the session.)
      const since = Date.now() - restartedAt;
      // (A clock set back meanwhile makes it negative: not "a moment ago".)
      if (since >= 0 && since < RETRY_NOW_QUIET_MS) return;
      // CometD has no "retry now": its next attempt is a private timer. A new session is the
      // quickest way back; the gap's notifications come from the resync it triggers. "Connected"
      // too: the long poll out when the network went may have died with it, unnoticed (a NAT or
      // VPN drops the socket without closing it), and would keep "Live" on screen with nothing
      // arriving until its timeout, about 40 s later.
      restartNow(status === 'connected');
    },
    sessionEnded() {
      if (listeners.size === 0 || status === 'unauthorized' || status === 'disconnected') return;
      clearRetry();
      session?.close();
      session = undefined;
      setStatus('unauthorized');
    },
    subscribe(listener: ChannelListener) {
      // A start that throws (no window in Node, a bad URL) reaches the caller; see subscribeCounted.
      return subscribeCounted(listeners, listener, start, stop);
    },
  };
}

function createBrowserCometd(): CometdClient {
  if (typeof window === 'undefined') {
    throw new Error(
      'createCometdChannel needs a browser window. In Node, call adapt() from cometd-nodejs-client first, or pass cometdFactory.',
    );
  }
  return new CometD();
}
