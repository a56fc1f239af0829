import { CometD } from 'cometd';
import { createCometdChannel } from './cometd-channel';
import type { CometdChannelOptions } from './cometd-channel';
import type { CometdClient } from './cometd-session';
import type { CsrfHeaderSource } from './csrf-header';
import type { NotificationChannel } from './types';
import { statusMessage } from './refusal';
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

/** The part of a BroadcastChannel the relay to the other tabs uses (tests pass a fake). */
export interface RelayBus {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: { readonly data: unknown }) => void): void;
  close(): void;
}

/** Opens the other tabs' BroadcastChannel; undefined where the Worker has none. */
export type RelayBusFactory = (name: string) => RelayBus | undefined;

function openBroadcastChannel(name: string): RelayBus | undefined {
  return typeof BroadcastChannel === 'function' ? new BroadcastChannel(name) : undefined;
}

/** What the other tabs send that only another tab sends: proof that one is there. */
function fromAnotherTab(data: unknown): 'hello' | 'ping' | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const kind = (data as { kind?: unknown }).kind;
  return kind === 'hello' || kind === 'ping' ? kind : undefined;
}

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
 * - A page that leads other tabs (`relay`) has the Worker relay to them over their
 *   BroadcastChannel, as the page would (the relay protocol's `message`, `status` and `resync`,
 *   a `pong` to each `ping`, the status to a `hello`), so that a page held by a long task does not
 *   hold them: the page relays only what came before `relaying`.
 */
export function serveConnection(
  port: ConnectionPort = globalThis as unknown as ConnectionPort,
  createChannel: WorkerChannelFactory = createWorkerCometdChannel,
  openBus: RelayBusFactory = openBroadcastChannel,
): void {
  let channel: NotificationChannel | undefined;
  let unsubscribe: (() => void) | undefined;
  let stopped = false;
  let visible = true;
  let gathered: unknown[] = [];
  /** When the first of `gathered` arrived. */
  let gatheredAt = 0;
  let csrf: RelayedCsrfSource | undefined;
  /** The other tabs' bus, once the page leads them. */
  let bus: RelayBus | undefined;
  /**
   * Relaying to the other tabs: `off`; `handing-over` once the page was told `relaying` and until
   * it answers `relayed` (what the Worker would post meanwhile is kept in `forTabs`, so that it
   * follows what the page relays itself); `on`.
   */
  let relaying: 'off' | 'handing-over' | 'on' = 'off';
  let forTabs: unknown[] = [];
  /** The channel has been connected once: the tabs must re-read what the gap before it lost. */
  let connectedOnce = false;

  function post(message: unknown): void {
    try {
      bus?.postMessage(message);
    } catch {
      // A closed channel: nobody is left to tell.
    }
  }

  function toTabs(message: unknown): void {
    if (relaying === 'on') post(message);
    else if (relaying === 'handing-over') forTabs.push(message);
  }

  function flush(): void {
    if (gathered.length === 0) return;
    const data = gathered;
    const at = gatheredAt;
    gathered = [];
    // The other tabs first, as the page did: what the page says because of it comes after.
    for (const each of data) toTabs({ kind: 'message', data: each, at });
    port.postMessage({ kind: 'messages', data, at });
  }

  function send(message: FromConnectionWorker): void {
    flush();
    if (message.kind === 'status') {
      toTabs(statusMessage(message.status, message.refusal));
      // What was sent between the last leader's end and this session reached no tab (the page
      // asks the same when it relays itself).
      if (message.status === 'connected' && !connectedOnce) {
        connectedOnce = true;
        toTabs({ kind: 'resync' });
      }
    } else if (message.kind === 'resyncNeeded') {
      toTabs({ kind: 'resync' });
    }
    port.postMessage(message);
  }

  function startRelaying(): void {
    if (relaying !== 'off' || bus === undefined || stopped) return;
    // What was gathered so far goes to the page unrelayed (the page relays it); all after, relayed.
    flush();
    relaying = 'handing-over';
    port.postMessage({ kind: 'relaying' });
  }

  function relayed(): void {
    if (relaying !== 'handing-over') return;
    relaying = 'on';
    const kept = forTabs;
    forTabs = [];
    for (const message of kept) post(message);
  }

  function relay(name: string, others: boolean): void {
    if (stopped) return;
    if (bus === undefined) {
      try {
        bus = openBus(name);
      } catch {
        bus = undefined;
      }
      bus?.addEventListener('message', (event) => {
        const heard = fromAnotherTab(event.data);
        if (heard === undefined || stopped) return;
        startRelaying();
        // A pong says the relay is live: not while the page still relays what came before.
        if (heard === 'ping') {
          if (relaying === 'on') post({ kind: 'pong' });
        }
        // A tab that joins waits for the status before it reads its list.
        else if (channel !== undefined) toTabs(statusMessage(channel.getStatus(), channel.getRefusal?.()));
      });
    }
    if (others) startRelaying();
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
              if (gathered.length === 0) {
                gatheredAt = Date.now();
                queueMicrotask(flush);
              }
              gathered.push(data);
            },
            onStatus: (status, refusal) => report(statusMessage(status, refusal)),
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
      case 'relay':
        relay(command.name, command.others);
        return;
      case 'relayed':
        relayed();
        return;
      case 'stop':
        if (stopped) return;
        stopped = true;
        flush();
        relaying = 'off';
        forTabs = [];
        bus?.close();
        bus = undefined;
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
