import type { ChannelDescriptor } from '../protocol/parse';
import type { BackoffOptions } from './backoff';
import { absoluteUrl } from './absolute-url';
import { documentVisible } from './connect-pacing';
import type { CsrfHeaderSource } from './csrf-header';
import { createListenerSet, subscribeCounted } from './listener-set';
import { refusalWith } from './refusal';
import type { ChannelListener, ConnectionStatus, NotificationChannel } from './types';
import { relayCsrfToWorker } from './worker-csrf';
import type { CsrfRelay } from './worker-csrf';
import type { FromConnectionWorker, ToConnectionWorker } from './worker-protocol';

/** The part of a `Worker` the channel uses (tests pass a fake). */
export interface ConnectionWorker {
  postMessage(message: ToConnectionWorker): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<FromConnectionWorker>) => void): void;
  addEventListener(type: 'error', listener: (event: Event) => void): void;
  terminate(): void;
}

/** Whether the page is shown, and when that changes. Default: the document's visibility. */
export interface PageVisibility {
  visible(): boolean;
  /** Calls `listener` on every change; returns the remover. */
  onChange(listener: () => void): () => void;
}

export interface WorkerChannelOptions {
  /** Starts the connection Worker (its entry calls `serveConnection`). */
  readonly createWorker: () => ConnectionWorker;
  /**
   * The channel to run on the page instead when the Worker cannot: it fails to load (a
   * Content-Security-Policy without `worker-src`, a missing file) or to open CometD, or it dies.
   */
  readonly fallback: () => NotificationChannel;
  /** The CometD endpoint; resolved against the page before it is sent to the Worker. */
  readonly url: string;
  readonly descriptor: ChannelDescriptor;
  /** The channels to subscribe to (see `CometdChannelOptions.channels`). Default: the descriptor's. */
  readonly channels?: readonly string[];
  /** Exact channels to fall back to (see `CometdChannelOptions.exactChannels`). */
  readonly exactChannels?: readonly string[];
  /** Headers every CometD request carries (see `CometdChannelOptions.requestHeaders`). */
  readonly requestHeaders?: Readonly<Record<string, string>>;
  readonly transport?: 'long-polling' | 'websocket';
  readonly backoff?: Partial<BackoffOptions>;
  readonly connectPacingMs?: number;
  readonly visibility?: PageVisibility;
  /** The session's CSRF token, relayed to the Worker (see `CometdChannelOptions.csrf`). */
  readonly csrf?: CsrfHeaderSource;
}

/**
 * A {@link NotificationChannel} whose CometD client runs in a Web Worker: the long polls, their
 * responses, JSON parsing of the answers and CometD's own work leave the page's main thread, which
 * receives one message per long-poll answer with the notifications' data (parsed on the page as
 * before, so a bad notification is still a counted rejection there).
 *
 * - The Worker starts with the first listener and is terminated after the last one leaves (it
 *   disconnects its CometD session first).
 * - If the Worker cannot run the connection, the channel runs `fallback()` on the page for the
 *   rest of its life, and asks for a resync if notifications may have been lost meanwhile.
 * - `afterPendingConnect` is not offered: the Worker sends the next long poll whatever the page
 *   is drawing.
 * - The CSRF token lives on the page (the REST client learns it): the Worker gets it in `start`
 *   and on every change, and asks the page when a refused request needs a fresh one.
 */
export function createWorkerChannel(options: WorkerChannelOptions): NotificationChannel {
  const { descriptor } = options;
  const listeners = createListenerSet();
  const visibility = options.visibility ?? documentVisibility();

  let status: ConnectionStatus = 'disconnected';
  /** See `NotificationChannel.getRefusal`. */
  let refusal: string | undefined;
  let worker: ConnectionWorker | undefined;
  let stopVisibility: (() => void) | undefined;
  let csrfRelay: CsrfRelay | undefined;
  /** The page-side channel, once the Worker has failed (kept for the channel's life). */
  let fallback: NotificationChannel | undefined;
  let workerFailed = false;
  let unsubscribeFallback: (() => void) | undefined;
  /** Push worked at some point of this run: a switch to the fallback must re-read what it missed. */
  let everConnected = false;
  let resyncWhenConnected = false;
  /** The other tabs this channel's Worker is asked to relay to (see `relayTo`). */
  let relayRequest: { readonly name: string; others: boolean; readonly relaying: (on: boolean) => void } | undefined;
  /** The Worker said it relays. */
  let workerRelays = false;

  function stopRelaying(): void {
    if (!workerRelays) return;
    workerRelays = false;
    relayRequest?.relaying(false);
  }

  function setStatus(next: ConnectionStatus, why?: string): void {
    if (next === 'connected') everConnected = true;
    const shownWhy = refusalWith(next, why);
    if (next === status && shownWhy === refusal) return;
    status = next;
    refusal = shownWhy;
    listeners.status(next, shownWhy);
  }

  function onWorkerMessage(from: ConnectionWorker, message: FromConnectionWorker): void {
    switch (message.kind) {
      case 'messages':
        for (const data of message.data) {
          // The last listener may leave from inside a delivery: the rest of the answer is dropped.
          if (worker !== from) return;
          listeners.message(data, message.at);
        }
        return;
      case 'status':
        setStatus(message.status, typeof message.refusal === 'string' ? message.refusal : undefined);
        return;
      case 'resyncNeeded':
        listeners.resyncNeeded();
        return;
      case 'sessionCheckNeeded':
        listeners.sessionCheckNeeded();
        return;
      case 'csrfRefresh':
        csrfRelay?.refresh();
        return;
      case 'failed':
        switchToFallback();
        return;
      case 'relaying':
        if (workerRelays || relayRequest === undefined) return;
        workerRelays = true;
        relayRequest.relaying(true);
        // Everything before this the page has relayed (it handles the Worker's messages in order).
        from.postMessage({ kind: 'relayed' });
        return;
    }
  }

  function startWorker(): boolean {
    let started: ConnectionWorker;
    try {
      started = options.createWorker();
    } catch {
      return false;
    }
    worker = started;
    started.addEventListener('message', (event) => {
      if (worker === started) onWorkerMessage(started, event.data);
    });
    started.addEventListener('error', (event) => {
      if (worker !== started) return;
      // Handled here: the page holds the connection itself from now on.
      event.preventDefault();
      switchToFallback();
    });
    csrfRelay = options.csrf === undefined ? undefined : relayCsrfToWorker(options.csrf, (message) => started.postMessage(message));
    started.postMessage({
      kind: 'start',
      config: {
        url: absoluteUrl(options.url),
        descriptor: { channel: descriptor.channel, messageType: descriptor.messageType, resourceKey: descriptor.resourceKey },
        ...(options.channels === undefined ? {} : { channels: [...options.channels] }),
        ...(options.exactChannels === undefined ? {} : { exactChannels: [...options.exactChannels] }),
        ...(options.requestHeaders === undefined ? {} : { requestHeaders: { ...options.requestHeaders } }),
        transport: options.transport ?? 'long-polling',
        backoff: options.backoff === undefined ? undefined : { ...options.backoff },
        connectPacingMs: options.connectPacingMs,
        visible: visibility.visible(),
        ...(csrfRelay === undefined ? {} : { csrf: csrfRelay.initial }),
      },
    });
    stopVisibility = visibility.onChange(() => worker?.postMessage({ kind: 'visibility', visible: visibility.visible() }));
    if (relayRequest !== undefined) started.postMessage({ kind: 'relay', name: relayRequest.name, others: relayRequest.others });
    return true;
  }

  /** `graceful`: let the Worker disconnect its session and close itself; otherwise end it now. */
  function stopWorker(graceful: boolean): void {
    // What comes next (the fallback on the page, or nothing) the page relays itself.
    stopRelaying();
    stopVisibility?.();
    stopVisibility = undefined;
    csrfRelay?.stop();
    csrfRelay = undefined;
    if (graceful) worker?.postMessage({ kind: 'stop' });
    else worker?.terminate();
    worker = undefined;
  }

  function switchToFallback(): void {
    stopWorker(false);
    workerFailed = true;
    resyncWhenConnected = everConnected;
    if (everConnected) setStatus('reconnecting');
    startFallback();
  }

  function startFallback(): void {
    fallback ??= options.fallback();
    unsubscribeFallback = fallback.subscribe({
      onMessage: (data) => listeners.message(data),
      onStatus(next, why) {
        if (next === 'connected' && resyncWhenConnected) {
          resyncWhenConnected = false;
          listeners.resyncNeeded();
        }
        setStatus(next === 'connecting' && everConnected ? 'reconnecting' : next, why);
      },
      onResyncNeeded: () => listeners.resyncNeeded(),
      onSessionCheckNeeded: () => listeners.sessionCheckNeeded(),
    });
  }

  function start(): void {
    everConnected = false;
    resyncWhenConnected = false;
    setStatus('connecting');
    if (workerFailed || !startWorker()) {
      workerFailed = true;
      startFallback();
    }
  }

  function stop(): void {
    stopWorker(true);
    unsubscribeFallback?.();
    unsubscribeFallback = undefined;
    setStatus('disconnected');
  }

  return {
    descriptor,
    getStatus: () => status,
    getRefusal: () => refusal,
    reconnect() {
      if (status !== 'unauthorized' || listeners.size === 0) return;
      if (worker !== undefined) worker.postMessage({ kind: 'reconnect' });
      else fallback?.reconnect?.();
    },
    sessionEnded() {
      if (listeners.size === 0 || status === 'unauthorized' || status === 'disconnected') return;
      if (worker !== undefined) worker.postMessage({ kind: 'sessionEnded' });
      else fallback?.sessionEnded?.();
    },
    retryNow() {
      // As the channel in the Worker decides (see NotificationChannel.retryNow): Live too.
      if (listeners.size === 0 || status === 'unauthorized' || status === 'disconnected') return;
      if (worker !== undefined) worker.postMessage({ kind: 'retryNow' });
      else fallback?.retryNow?.();
    },
    relayTo(name, others, relaying) {
      if (relayRequest !== undefined && relayRequest.name === name) {
        if (!others || relayRequest.others) return;
        relayRequest.others = true;
      } else {
        stopRelaying();
        relayRequest = { name, others, relaying };
      }
      worker?.postMessage({ kind: 'relay', name, others: relayRequest.others });
    },
    subscribe(listener: ChannelListener) {
      return subscribeCounted(listeners, listener, start, stop);
    },
  };
}

function documentVisibility(): PageVisibility {
  return {
    visible: documentVisible,
    onChange(listener) {
      if (typeof document === 'undefined') return () => {};
      document.addEventListener('visibilitychange', listener);
      return () => document.removeEventListener('visibilitychange', listener);
    },
  };
}
