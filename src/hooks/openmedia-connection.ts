import type { QueryClient } from '@tanstack/react-query';
import type { GwsClient } from '../api/client';
import type { ChannelListener, ConnectionStatus, NotificationChannel } from '../channel/types';
import type { OpenmediaStore } from '../core/store';
import type { ActionSettlement } from '../core/types';
import { parseNotification } from '../protocol/parse';
import type { OperationRequest } from '../protocol/types';
import { createActionRunner } from './action-runner';
import { createSnapshotLoader } from './snapshot-loader';

/** What the provider knows about the link to GWS, beside the interactions themselves. */
export interface ConnectionState {
  readonly status: ConnectionStatus;
  /** Why the last snapshot read failed (per media type, joined), or undefined. */
  readonly snapshotError: string | undefined;
}

export interface OpenmediaConnectionOptions {
  readonly channel: NotificationChannel;
  readonly client: GwsClient;
  readonly queryClient: QueryClient;
  readonly store: OpenmediaStore;
  /** Media types whose snapshot is read on start and after every gap. */
  readonly mediaTypes: readonly string[];
  readonly actionTimeoutMs: number;
  /** Clock period for linger eviction. Default 1000 ms. */
  readonly tickMs?: number;
  readonly now?: () => number;
}

/**
 * The provider's single link between the channel and the store. Hooks `retain()` it while they
 * are mounted; while at least one does, ONE channel listener folds every message into the store,
 * the snapshot is read on start and on every resync, and a clock drives linger eviction.
 */
export interface OpenmediaConnection {
  /** Keep the connection open; returns the idempotent release. */
  retain(): () => void;
  getState(): ConnectionState;
  /** Notified synchronously on every change of {@link ConnectionState}. */
  subscribe(listener: () => void): () => void;
  /** Run an operation on an interaction; resolves when it has settled (see `ActionRunner.perform`). */
  perform(interactionId: string, request: OperationRequest): Promise<ActionSettlement>;
  /** The provider mounted; returns its unmount, which stops timers and requests in flight. */
  attach(): () => void;
  /**
   * The agent asked to try again: after `unauthorized`, reconnect the channel (which resyncs
   * once back); otherwise read the snapshots again (after a failed read).
   */
  retry(): void;
}

export function createOpenmediaConnection(options: OpenmediaConnectionOptions): OpenmediaConnection {
  const { channel, store } = options;
  const now = options.now ?? Date.now;
  const tickMs = options.tickMs ?? 1000;
  const stateListeners = new Set<{ readonly listener: () => void }>();
  const mediaTypes = new Set(options.mediaTypes);

  let state: ConnectionState = { status: channel.getStatus(), snapshotError: undefined };
  let holders = 0;
  let running: { readonly unsubscribe: () => void; readonly clock: ReturnType<typeof setInterval> } | undefined;
  let stopQueued = false;
  /** The first snapshot was read before the channel was subscribed: read again once it is. */
  let awaitingConnectedLoad = false;

  function setState(patch: Partial<ConnectionState>): void {
    const next = { ...state, ...patch };
    if (next.status === state.status && next.snapshotError === state.snapshotError) return;
    state = next;
    for (const { listener } of [...stateListeners]) listener();
  }

  const snapshots = createSnapshotLoader({
    client: options.client,
    queryClient: options.queryClient,
    store,
    now,
    onErrorChange: (snapshotError) => setState({ snapshotError }),
  });
  const actions = createActionRunner({ store, client: options.client, timeoutMs: options.actionTimeoutMs, now });

  function start(): void {
    let live = true;
    const listener: ChannelListener = {
      onMessage(data) {
        if (!live) return;
        const parsed = parseNotification(data, channel.descriptor);
        if (!parsed.ok) {
          store.dispatch({ type: 'messageRejected', reason: parsed.reason, at: now() });
          return;
        }
        const { notification } = parsed;
        // A media type first met on the channel is part of every later resync.
        if (notification.openmedia) mediaTypes.add(notification.openmedia.mediaType);
        snapshots.noteNotification(notification);
        store.dispatch({ type: 'notificationReceived', notification, at: now() });
      },
      onStatus(status) {
        if (!live) return;
        setState({ status });
        if (status === 'connected' && awaitingConnectedLoad) {
          awaitingConnectedLoad = false;
          snapshots.load(mediaTypes);
        }
      },
      onResyncNeeded() {
        if (!live) return;
        awaitingConnectedLoad = false;
        snapshots.load(mediaTypes);
      },
    };
    awaitingConnectedLoad = false;
    const unsubscribeChannel = channel.subscribe(listener);
    const clock = setInterval(() => store.dispatch({ type: 'clockTicked', at: now() }), tickMs);
    running = {
      unsubscribe: () => {
        live = false;
        unsubscribeChannel();
      },
      clock,
    };
    setState({ status: channel.getStatus() });
    // Read at once for a quick first paint; if the channel is not subscribed yet, notifications
    // sent before it is would be missed, hence the second read on the first `connected`.
    awaitingConnectedLoad = channel.getStatus() !== 'connected';
    snapshots.load(mediaTypes);
  }

  function stop(): void {
    if (running === undefined) return;
    running.unsubscribe();
    clearInterval(running.clock);
    running = undefined;
    awaitingConnectedLoad = false;
    setState({ status: channel.getStatus() });
  }

  return {
    retain() {
      holders += 1;
      if (running === undefined) start();
      let released = false;
      return () => {
        if (released) return;
        released = true;
        holders -= 1;
        if (holders > 0 || stopQueued) return;
        // Deferred by a microtask: React StrictMode (and a list re-keying its cards) releases
        // and retains again in the same task; stopping in between would re-handshake for nothing.
        stopQueued = true;
        queueMicrotask(() => {
          stopQueued = false;
          if (holders === 0) stop();
        });
      };
    },
    getState: () => state,
    subscribe(listener) {
      const record = { listener };
      stateListeners.add(record);
      return () => {
        stateListeners.delete(record);
      };
    },
    perform: (interactionId, request) => actions.perform(interactionId, request),
    retry() {
      if (running === undefined) return;
      if (channel.getStatus() === 'unauthorized') channel.reconnect?.();
      else snapshots.load(mediaTypes);
    },
    attach() {
      return () => actions.dispose();
    },
  };
}
