import type { CometD, Message } from 'cometd';
import type { BackoffOptions } from './backoff';
import { jitter } from './backoff';
import { isSessionGone } from './cometd-failure';
import { addConnectPacing } from './connect-pacing';
import { cacheConfigurationReads } from './cometd-configuration';
import type { ConnectPacingOptions, PendingConnectTracker } from './connect-pacing';
import { CSRF_WAIT_MS, attachCsrf, mayBeCsrfRefusal } from './csrf-header';
import type { CsrfAttachment, CsrfHeaderSource } from './csrf-header';
import { keepTimersIfWorkerFails } from './worker-timers';
import { refusalOf } from './refusal';

/** The part of the CometD client the channel uses (a real `CometD` satisfies it; tests pass a fake). */
export type CometdClient = Pick<
  CometD,
  | 'configure'
  | 'handshake'
  | 'disconnect'
  | 'addListener'
  | 'removeListener'
  | 'subscribe'
  | 'batch'
  | 'unregisterTransport'
  | 'registerExtension'
  | 'getStatus'
  | 'findTransport'
  | 'getURL'
>;

/** What one CometD client tells the channel. */
export interface SessionEvents {
  message(data: unknown): void;
  resyncNeeded(): void;
  connected(): void;
  reconnecting(): void;
  /**
   * CometD stopped retrying on its own (reconnect `none`, no transport, refused subscription).
   * `refusal`: the server's error for a subscription it refused (see {@link refusalOf}).
   */
  gaveUp(refusal?: string): void;
  /** 401, or a handshake refused with 403: the HTTP session is gone. */
  unauthorized(): void;
  /**
   * Handshakes keep succeeding but lead nowhere, cycle after cycle: each session is unknown at
   * once (`402`), or its subscription is refused (the Workspace API v3 simulator disconnects a
   * session it cannot tie to an agent, then answers `403::subscribe_failed`). The HTTP session may
   * be gone without the handshake being refused. Worth asking the server over REST.
   */
  sessionCheckNeeded(): void;
  /**
   * The server refused (`403::…`) the subscription to a wildcard channel of the list, such as
   * `/workspace/v3/media/*`: it may accept only exact channels. Told before the session starts over.
   */
  wildcardRefused?(): void;
}

/**
 * After this many successful handshakes in a row that led nowhere (no subscription and
 * `/meta/connect` both in place), ask whether the session is gone. Counted across the channel's
 * restarts: a refused subscription restarts the session, and the count must survive that.
 */
export const SESSION_CHECK_AFTER_CYCLES = 3;

/** The channel's count of handshakes that led nowhere, shared by its successive sessions. */
export interface HandshakeCycles {
  count: number;
}

/**
 * What makes a CometD client ready for the channel, done once per client: `configure` starts a
 * Web Worker (from a blob URL) each time it runs, and nothing ever stops it, so a client is
 * configured once and re-handshaken for every session instead of replaced.
 */
export interface PreparedCometd {
  readonly cometd: CometdClient;
  /** Lets the current session's messages out; a closed session's late attempts are dropped. */
  gate: SessionGate;
  /** The CSRF token its requests carry, when the channel has a source of one. */
  readonly csrf: CsrfAttachment | undefined;
  /**
   * Stops what `configure` started and CometD never stops: terminates its timer Worker and
   * revokes the Worker's blob URL. For a client that will not be used again. Idempotent.
   */
  dispose(): void;
}

/**
 * The client's gate, shared by its successive sessions: whether the current session's messages may
 * go out, and the handshake on the wire, so that a session closed while its handshake was out can
 * still end the server session that handshake makes.
 */
export interface SessionGate {
  open: boolean;
  /** The id of the `/meta/handshake` sent and not answered yet. */
  handshakeOut?: string | undefined;
  /** The id of a handshake whose session was closed before it answered: its session is disconnected once it does. */
  orphan?: string | undefined;
}

/**
 * Ends the server session `clientId` names with a `/meta/disconnect` of its own, through CometD's
 * long-polling transport (its cookies, headers and CSRF token). For a handshake answered after its
 * session was closed: CometD itself sent its disconnect before it knew the clientId (the server
 * cannot tell which session it ends, and keeps this one until it times out).
 */
function disconnectOrphan(cometd: CometdClient, clientId: string, id: string): void {
  const transport = cometd.findTransport('long-polling') as
    | (ReturnType<CometdClient['findTransport']> & {
        xhrSend?: (packet: object) => unknown;
        configuration?: { readonly requestHeaders?: Record<string, string> };
      })
    | null;
  const url = cometd.getURL();
  if (transport === null || typeof transport.xhrSend !== 'function' || url === null) return;
  try {
    transport.xhrSend({
      url: `${url.replace(/\/$/, '')}/disconnect`,
      sync: false,
      headers: transport.configuration?.requestHeaders,
      body: JSON.stringify([{ id: `${id}-orphan`, channel: '/meta/disconnect', clientId }]),
      onSuccess: () => undefined,
      onError: () => undefined,
    });
  } catch {
    // Nothing to tell anyone: the server ends the session when it times out.
  }
}

export function prepareCometd(
  cometd: CometdClient,
  params: Pick<SessionParams, 'url' | 'transport' | 'backoff' | 'random'> & {
    readonly pacing?: ConnectPacingOptions;
    /** Told when a connect is about to go out at once, and when it did (see connect-pacing). */
    readonly pendingConnect?: PendingConnectTracker;
    /** Run CometD's timers on its Worker (default true). */
    readonly timersInWorker?: boolean;
    /** Where the session's CSRF token comes from; without one, requests carry none. */
    readonly csrf?: CsrfHeaderSource;
    /** Headers every long-polling request carries (`x-api-key`); the CSRF token is added over them. */
    readonly requestHeaders?: Readonly<Record<string, string>>;
  },
): PreparedCometd {
  const started = captureWorkers(() => configure(cometd, params, params.timersInWorker ?? true, params.requestHeaders));
  // CometD deep-copies its whole configuration each time its transports read a setting, several
  // times per long poll (see cometd-configuration.ts).
  const reads = cacheConfigurationReads(cometd);
  const csrf = params.csrf === undefined ? undefined : attachCsrf(cometd, reads, params.csrf);
  const prepared: PreparedCometd = {
    cometd,
    gate: { open: false },
    csrf,
    dispose() {
      prepared.gate.open = false;
      csrf?.detach();
      started.release();
    },
  };
  // Callback-polling (JSONP) cannot carry the CSRF-safe POST semantics and needs a document.
  cometd.unregisterTransport('callback-polling');
  // Most GWS deployments have no WebSocket; trying it first only delays the first handshake.
  if (params.transport === 'long-polling') cometd.unregisterTransport('websocket');
  // After close(), whatever CometD still has scheduled (a delayed re-handshake, the next long
  // poll) must not reach the server, or a closed channel would keep a zombie session alive.
  const { gate } = prepared;
  cometd.registerExtension('openmedia-widget-close-guard', {
    outgoing: (message) => {
      if (!gate.open && message.channel !== '/meta/disconnect') return null;
      if (message.channel === '/meta/handshake') gate.handshakeOut = message.id;
      return message;
    },
    // The server's answer to the handshake on the wire: a session closed meanwhile gets its
    // server session ended, now that its clientId is known.
    incoming: (reply) => {
      // Bayeux ids are strings; a server that echoes one as a number would have CometD drop its
      // long poll's answer as "mismatched" (it compares with ===) and never poll again.
      const message = typeof reply.id === 'number' ? { ...reply, id: String(reply.id) } : reply;
      if (message.channel !== '/meta/handshake' || message.id === undefined || message.id !== gate.handshakeOut) return message;
      gate.handshakeOut = undefined;
      if (message.id === gate.orphan) {
        gate.orphan = undefined;
        if (message.successful === true && typeof message.clientId === 'string') disconnectOrphan(cometd, message.clientId, message.id);
      }
      return message;
    },
  });
  addRetryJitter(cometd, params.random);
  if (params.pacing !== undefined) addConnectPacing(cometd, params.pacing, params.pendingConnect);
  return prepared;
}

export interface SessionParams {
  readonly cometd: CometdClient;
  /** The client's gate (from {@link prepareCometd}); this session owns it until it closes. */
  readonly gate?: SessionGate;
  /** The client's CSRF token (from {@link prepareCometd}): the first handshake waits for one. */
  readonly csrf?: CsrfAttachment;
  readonly url: string;
  /**
   * The channels to subscribe to, all of them on every handshake (one batched request); the
   * session is live once every one is in place. A message that reaches several of them (an exact
   * channel listed beside a wildcard that covers it) is passed on once.
   */
  readonly channels: readonly string[];
  readonly transport: 'long-polling' | 'websocket';
  readonly backoff: BackoffOptions;
  readonly random: () => number;
  /** The channel restarted after a failure: the first successful handshake must trigger a resync. */
  readonly resyncOnFirstHandshake: boolean;
  /** Handshakes that led nowhere so far (the channel's, so restarts keep counting). Default: this session's own. */
  readonly cycles?: HandshakeCycles;
  readonly events: SessionEvents;
}

export interface CometdSession {
  /** Disconnects and silences every later callback. Idempotent. */
  close(): void;
}

/**
 * One session of a prepared CometD client, from handshake to disconnect: a generation of the
 * channel. The channel re-handshakes the same client for the next one after CometD gives up; a
 * closed session's callbacks are silenced by `live`, its messages by the gate.
 */
export function openCometdSession(params: SessionParams): CometdSession {
  const { cometd, events } = params;
  const gate = params.gate ?? prepareCometd(cometd, { url: params.url, transport: params.transport, backoff: params.backoff, random: params.random }).gate;
  gate.open = true;
  let live = true;
  /** Subscriptions of this handshake that the server accepted; live needs all of them. */
  let subscribed = 0;
  /** The message last passed on: CometD hands one message to each subscription it matches. */
  let lastDelivered: Message | undefined;
  let connectBroken = false;
  /** Live means push works: declared only once a /meta/connect of this handshake succeeded. */
  let connectSucceeded = false;
  const cycles = params.cycles ?? { count: 0 };
  /** This handshake was already counted as one that led nowhere (a 402 fails subscribe and connect both). */
  let cycleCounted = false;
  let resyncPending = params.resyncOnFirstHandshake;
  let handshakeTimer: ReturnType<typeof setTimeout> | undefined;
  const { csrf } = params;
  /** A refused handshake was retried with a fresh CSRF token since the last one accepted. */
  let csrfRetried = false;
  /** A refused /meta/connect or subscription asked for a fresh token since the last handshake. */
  let csrfRefreshed = false;
  /** Set while the first handshake waits for a CSRF token (see the end). */
  let csrfTimer: ReturnType<typeof setTimeout> | undefined;

  const handles = [
    cometd.addListener('/meta/handshake', onHandshake),
    cometd.addListener('/meta/connect', onConnect),
  ];

  function onHandshake(reply: Message): void {
    if (!live) return;
    if (reply.successful) {
      // Every handshake, including CometD's own re-handshake after a 402, drops the client's
      // subscriptions: subscribing here is what keeps notifications flowing after a restart.
      if (reply.reestablish === true) resyncPending = true;
      subscribed = 0;
      connectBroken = false;
      connectSucceeded = false;
      cycleCounted = false;
      csrfRetried = false;
      csrfRefreshed = false;
      const deliver = (message: Message) => {
        if (!live || message === lastDelivered) return;
        lastDelivered = message;
        events.message(message.data);
      };
      // One request for all of them; a refusal of any one ends the handshake (see onSubscribed).
      cometd.batch(() => {
        for (const channel of params.channels) cometd.subscribe(channel, deliver, (reply: Message) => onSubscribed(reply, channel));
      });
      return;
    }
    subscribed = 0;
    resyncPending = true;
    if (csrf !== undefined && !csrfRetried && mayBeCsrfRefusal(reply, csrf.handshakeSentWithToken())) {
      // Refused for want of a (valid) CSRF token, not for a lost session: read one and try once
      // more. A second refusal is the session's end, as any other 403.
      retryWithFreshToken(csrf.source);
      return;
    }
    if (isSessionGone(reply, 'handshake')) {
      unauthorized();
      return;
    }
    events.reconnecting();
    checkGaveUpAfterCometdDecides();
  }

  function onSubscribed(reply: Message, channel: string): void {
    if (!live) return;
    if (reply.successful) {
      subscribed += 1;
      maybeConnected();
      return;
    }
    if (isSessionGone(reply, 'connect')) {
      unauthorized();
      return;
    }
    refreshIfCsrfRefused(reply);
    if (channel.endsWith('*') && typeof reply.error === 'string' && reply.error.startsWith('403')) events.wildcardRefused?.();
    // A handshake accepted, then its subscription refused: a session the server may not know.
    ledNowhere();
    if (!live) return;
    // A subscription CometD could not place is not retried by CometD: start over.
    resyncPending = true;
    giveUp(refusalOf(reply));
  }

  function onConnect(reply: Message): void {
    if (!live) return;
    if (reply.successful && reply.advice?.reconnect === 'none') {
      // The server ended the session on its side (the Java CometD server answers a disconnected
      // session's long poll successfully, with reconnect "none"): CometD stops polling without a
      // failure. Nothing more will arrive on it: not Live, and a new session with a re-read.
      // Ended before it ever polled, it counts as a handshake that led nowhere: a server that does
      // so every time may have signed the agent out.
      connectLost();
      return;
    }
    if (reply.successful) {
      if (connectBroken || !connectSucceeded) {
        connectBroken = false;
        connectSucceeded = true;
        maybeConnected();
      }
      return;
    }
    if (isSessionGone(reply, 'connect')) {
      unauthorized();
      return;
    }
    refreshIfCsrfRefused(reply);
    connectLost();
  }

  /** The long poll failed or the server ended the session: reconnecting, with a re-read once back. */
  function connectLost(): void {
    if (!connectSucceeded) {
      // A handshake that led nowhere (typically 402 session_unknown at once).
      ledNowhere();
      if (!live) return;
    }
    connectBroken = true;
    resyncPending = true;
    events.reconnecting();
    checkGaveUpAfterCometdDecides();
  }

  /**
   * Counts the current handshake (once) as one that led nowhere; after a few in a row, the
   * session itself may be gone while handshakes are still accepted.
   */
  function ledNowhere(): void {
    if (cycleCounted) return;
    cycleCounted = true;
    cycles.count += 1;
    if (cycles.count < SESSION_CHECK_AFTER_CYCLES) return;
    cycles.count = 0;
    events.sessionCheckNeeded();
  }

  function maybeConnected(): void {
    if (subscribed < params.channels.length || connectBroken || !connectSucceeded) return;
    // Push works: whatever failed before, the session is known.
    cycles.count = 0;
    if (resyncPending) {
      resyncPending = false;
      events.resyncNeeded();
      // A listener may have unsubscribed the last one from inside the callback.
      if (!live) return;
    }
    events.connected();
  }

  /**
   * CometD notifies the listeners first and decides afterwards (retry, re-handshake or stop),
   * synchronously; a microtask later its status tells whether it will retry by itself. It stops
   * more often than one would think: after an HTTP error its long-polling transport refuses
   * cross-origin URLs until reset, so a failed cross-origin handshake ends in "no transport".
   */
  function checkGaveUpAfterCometdDecides(): void {
    queueMicrotask(() => {
      if (live && cometd.getStatus() === 'disconnected') giveUp();
    });
  }

  function giveUp(refusal?: string): void {
    close();
    if (refusal === undefined) events.gaveUp();
    else events.gaveUp(refusal);
  }

  function retryWithFreshToken(source: CsrfHeaderSource): void {
    csrfRetried = true;
    // From inside the listener: CometD then schedules no retry of its own with the refused token.
    if (cometd.getStatus() !== 'disconnected') cometd.disconnect();
    const retry = () => {
      if (live) handshakeWhenDisconnected();
    };
    source.refresh().then(retry, retry);
  }

  /**
   * A long poll or subscription refused for its CSRF token (rotated since, or never known): read
   * a fresh one, once per handshake, so the retry CometD or the channel makes carries it.
   */
  function refreshIfCsrfRefused(reply: Message): void {
    if (csrf === undefined || csrfRefreshed || !mayBeCsrfRefusal(reply, csrf.source.current() !== undefined)) return;
    csrfRefreshed = true;
    csrf.source.refresh().catch(() => undefined);
  }

  function unauthorized(): void {
    // Called from inside a CometD listener: CometD sees itself disconnected when the listener
    // returns, so it schedules no further attempt.
    close();
    events.unauthorized();
  }

  function close(): void {
    if (!live) return;
    live = false;
    gate.open = false;
    if (handshakeTimer !== undefined) clearTimeout(handshakeTimer);
    if (csrfTimer !== undefined) clearTimeout(csrfTimer);
    csrfTimer = undefined;
    for (const handle of handles) cometd.removeListener(handle);
    // Closed with the handshake on the wire: the session it makes is ended once it answers.
    if (cometd.getStatus() === 'handshaking' && gate.handshakeOut !== undefined) gate.orphan = gate.handshakeOut;
    if (cometd.getStatus() !== 'disconnected') cometd.disconnect();
  }

  /** The previous session's disconnect may still be travelling: handshake once it is done. */
  function handshakeWhenDisconnected(): void {
    handshakeTimer = undefined;
    if (!live) return;
    if (cometd.getStatus() === 'disconnected') {
      cometd.handshake();
      return;
    }
    handshakeTimer = setTimeout(handshakeWhenDisconnected, DISCONNECT_POLL_MS);
  }

  /**
   * The first handshake goes out once a CSRF token could be known (GWS's first answer hands it
   * out; the client reads the snapshot as it subscribes), or after {@link CSRF_WAIT_MS} at most.
   * A server that hands out no token is known by its first answer and waits no longer.
   */
  if (csrf === undefined || csrf.source.current() !== undefined) {
    handshakeWhenDisconnected();
  } else {
    const go = () => {
      if (csrfTimer === undefined) return;
      clearTimeout(csrfTimer);
      csrfTimer = undefined;
      handshakeWhenDisconnected();
    };
    csrfTimer = setTimeout(go, CSRF_WAIT_MS);
    csrf.source.ready().then(go, go);
  }
  return { close };
}

const DISCONNECT_POLL_MS = 100;

interface WorkerGlobals {
  Worker?: new (url: string | URL, options?: WorkerOptions) => Worker;
  URL?: { createObjectURL?: (blob: Blob) => string; revokeObjectURL?: (url: string) => void };
}

/**
 * Runs `start` (CometD's `configure`) while noting the Workers and blob URLs it creates, so they
 * can be stopped later: CometD 9 offers no way to. The globals are restored before returning.
 * The Workers are CometD's timer schedulers: see {@link keepTimersIfWorkerFails}.
 */
function captureWorkers(start: () => void): { release(): void } {
  // Where CometD looks them up (`window.Worker`): the page's global, or a test's window.
  const scope = ((globalThis as { window?: unknown }).window ?? globalThis) as WorkerGlobals;
  const OriginalWorker = scope.Worker;
  const urlApi = scope.URL;
  const originalCreate = urlApi?.createObjectURL;
  const workers: Worker[] = [];
  const urls: string[] = [];
  const stops: (() => void)[] = [];
  if (OriginalWorker !== undefined) {
    scope.Worker = function CapturedWorker(url: string | URL, options?: WorkerOptions): Worker {
      const worker = new OriginalWorker(url, options);
      workers.push(worker);
      stops.push(keepTimersIfWorkerFails(worker));
      return worker;
    } as unknown as WorkerGlobals['Worker'];
  }
  if (urlApi !== undefined && originalCreate !== undefined) {
    urlApi.createObjectURL = (blob: Blob) => {
      const url = originalCreate.call(urlApi, blob);
      urls.push(url);
      return url;
    };
  }
  try {
    start();
  } finally {
    if (OriginalWorker !== undefined) scope.Worker = OriginalWorker;
    if (urlApi !== undefined && originalCreate !== undefined) urlApi.createObjectURL = originalCreate;
  }
  return {
    release() {
      for (const stop of stops.splice(0)) stop();
      for (const worker of workers.splice(0)) worker.terminate();
      for (const url of urls.splice(0)) urlApi?.revokeObjectURL?.(url);
    },
  };
}

function configure(
  cometd: CometdClient,
  params: Pick<SessionParams, 'url' | 'backoff'>,
  timersInWorker: boolean,
  requestHeaders: Readonly<Record<string, string>> | undefined,
): void {
  const config = {
    url: params.url,
    backoffIncrement: params.backoff.baseMs,
    maxBackoff: params.backoff.maxMs,
    logLevel: 'warn' as const,
    ...(timersInWorker ? {} : { useWorkerScheduler: false }),
    ...(requestHeaders !== undefined && Object.keys(requestHeaders).length > 0 ? { requestHeaders: { ...requestHeaders } } : {}),
  };
  try {
    cometd.configure(config);
  } catch (error) {
    // CometD runs its timers in a Blob Worker so background tabs are not throttled; a strict
    // Content-Security-Policy forbids that Worker. Window timers still work.
    if (typeof Worker === 'undefined') throw error;
    cometd.configure({ ...config, useWorkerScheduler: false });
  }
}

interface FailureDecision {
  delay?: number;
}
type FailureHook = (message: Message, decision: FailureDecision, proceed: (decision: FailureDecision) => void) => void;

/**
 * CometD's own retries grow linearly by `backoffIncrement` up to `maxBackoff`, but every client
 * waits exactly as long as the others. `onTransportFailure` is the public hook CometD calls to
 * decide the next attempt; wrapping it spreads the delays. A client without the hook (a test
 * fake) is left as is.
 */
function addRetryJitter(cometd: CometdClient, random: () => number): void {
  const target = cometd as unknown as { onTransportFailure?: FailureHook };
  const original = target.onTransportFailure;
  if (typeof original !== 'function') return;
  target.onTransportFailure = (message, decision, proceed) => {
    original.call(cometd, message, decision, (decided) => {
      if (typeof decided.delay === 'number') decided.delay = jitter(decided.delay, random);
      proceed(decided);
    });
  };
}
