import { CometD } from 'cometd';
import { createCometdChannel } from './cometd-channel';
import type { CometdChannelOptions } from './cometd-channel';
import type { CometdClient } from './cometd-session';
import type { CsrfHeaderSource } from './csrf-header';
import type { NotificationChannel } from './types';
import { createRelayedCsrfSource } from './worker-csrf';
import type { RelayedCsrfSource } from './worker-csrf';
import type { FromConnectionWorker, ToConnectionWorker, WorkerChannelConfig } from './worker-protocol';

/** The side of a Worker's global scope (or of a MessagePort) that the connection talks through. */
export interface ConnectionPort {
  postMessage(message: FromConnectionWorker): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ToConnectionWorker>) => void): void;
  /** Ends the Worker (a Worker's global `close`). */
  close(): void;
}

/**
 * How long a stopped connection Worker lives on, so the `/meta/disconnect` it sends leaves before
 * the Worker ends and the server frees the session at once instead of at its timeout.
 */
export const CLOSE_GRACE_MS = 1_000;

/**
 * Makes the channel from the page's configuration (tests pass one over a fake CometD). `csrf` is
 * the page's token, relayed, when the page has one to give.
 */
export type WorkerChannelFactory = (config: WorkerChannelConfig, visible: () => boolean, csrf?: CsrfHeaderSource) => NotificationChannel;

/**
 * Runs the CometD connection inside a Worker (see `createWorkerChannel` for the page's side): the
 * entry of a connection Worker calls it once, with no arguments (the Worker's global scope).
 *
 * - Opens the channel on `start` and keeps it until the page terminates the Worker.
 * - Every notification of one long-poll answer goes to the page in one message: CometD delivers
 *   an answer's messages in one task, so they are gathered until its microtasks run.
 * - Status, resync and session-check signals go in the order they happened: the notifications
 *   gathered so far are sent first.
 * - The page's visibility arrives as commands: connect pacing never waits in a hidden tab.
 * - So does the CSRF token; a fresh one the channel needs is asked of the page (`csrfRefresh`).
 */
export function serveConnection(
  port: ConnectionPort = globalThis as unknown as ConnectionPort,
  createChannel: WorkerChannelFactory = createWorkerCometdChannel,
): void {
  let channel: NotificationChannel | undefined;
  let unsubscribe: (() => void) | undefined;
  let stopped = false;
  let visible = true;
  let gathered: unknown[] = [];
  let csrf: RelayedCsrfSource | undefined;

  function flush(): void {
    if (gathered.length === 0) return;
    const data = gathered;
    gathered = [];
    port.postMessage({ kind: 'messages', data });
  }

  function send(message: FromConnectionWorker): void {
    flush();
    port.postMessage(message);
  }

  port.addEventListener('message', (event) => {
    const command = event.data;
    switch (command.kind) {
      case 'start': {
        if (channel !== undefined || stopped) return;
        visible = command.config.visible;
        const relayed = command.config.csrf;
        csrf = relayed === undefined ? undefined : createRelayedCsrfSource(relayed.token, () => send({ kind: 'csrfRefresh' }));
        // What the channel says while it opens is held back: a channel that cannot open reports
        // `failed` alone, not a `disconnected` the page would show before it falls back.
        const opening: FromConnectionWorker[] = [];
        let held: FromConnectionWorker[] | undefined = opening;
        const report = (message: FromConnectionWorker) => (held === undefined ? send(message) : held.push(message));
        try {
          const opened = createChannel(command.config, () => visible, csrf);
          channel = opened;
          unsubscribe = opened.subscribe({
            onMessage(data) {
              if (gathered.length === 0) queueMicrotask(flush);
              gathered.push(data);
            },
            onStatus: (status) => report({ kind: 'status', status }),
            onResyncNeeded: () => report({ kind: 'resyncNeeded' }),
            onSessionCheckNeeded: () => report({ kind: 'sessionCheckNeeded' }),
          });
        } catch (error) {
          channel = undefined;
          held = undefined;
          send({ kind: 'failed', reason: error instanceof Error ? error.message : String(error) });
          return;
        }
        held = undefined;
        for (const message of opening) send(message);
        return;
      }
      case 'visibility':
        visible = command.visible;
        return;
      case 'reconnect':
        channel?.reconnect?.();
        return;
      case 'sessionEnded':
        channel?.sessionEnded?.();
        return;
      case 'retryNow':
        channel?.retryNow?.();
        return;
      case 'csrf':
        csrf?.changed(command.token);
        return;
      case 'csrfRefreshed':
        csrf?.refreshed(command.token);
        return;
      case 'stop':
        if (stopped) return;
        stopped = true;
        flush();
        unsubscribe?.();
        unsubscribe = undefined;
        channel = undefined;
        setTimeout(() => port.close(), CLOSE_GRACE_MS);
        return;
    }
  });
}

/** The production channel inside a Worker: CometD on the Worker's own XMLHttpRequest and timers. */
function createWorkerCometdChannel(config: WorkerChannelConfig, visible: () => boolean, csrf?: CsrfHeaderSource): NotificationChannel {
  return createCometdChannel(workerCometdOptions(config, visible, csrf));
}

/** The channel's options inside a Worker (exported for tests). */
export function workerCometdOptions(config: WorkerChannelConfig, visible: () => boolean, csrf?: CsrfHeaderSource): CometdChannelOptions {
  return {
    csrf,
    url: config.url,
    descriptor: config.descriptor,
    channels: config.channels,
    exactChannels: config.exactChannels,
    requestHeaders: config.requestHeaders,
    transport: config.transport,
    backoff: config.backoff,
    connectPacingMs: config.connectPacingMs,
    visible,
    cometdFactory: createCometdInWorker,
    // A Worker's timers are not throttled in a background tab, CometD's included; and a look of
    // the wake watch far later than due means the machine slept.
    timersInWorker: false,
    wake: { timersOnTime: true },
  };
}

function createCometdInWorker(): CometdClient {
  const scope = globalThis as unknown as { window?: unknown; XMLHttpRequest?: unknown };
  if (typeof scope.XMLHttpRequest !== 'function') throw new Error('This Worker has no XMLHttpRequest for CometD.');
  // CometD 9 reaches its globals (XMLHttpRequest, WebSocket, location, console, timers) through
  // `window`; a Worker's global scope has them all under `self`.
  scope.window ??= globalThis;
  return new CometD();
}
