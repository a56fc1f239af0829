import { OPENMEDIA_CHANNEL } from '../protocol/parse';
import type { ChannelDescriptor } from '../protocol/parse';
import { createListenerSet, subscribeCounted } from './listener-set';
import { refusalWith } from './refusal';
import type { ChannelListener, ConnectionStatus, NotificationChannel } from './types';

/** An in-memory {@link NotificationChannel} with the controls a test or a story needs. */
export interface MemoryChannel extends NotificationChannel {
  /**
   * Delivers one Bayeux `data` payload to every listener, synchronously. Dropped when nobody
   * listens. `receivedAt`: when it reached the browser, as a connection Worker tells it.
   */
  emit(data: unknown, receivedAt?: number): void;
  /**
   * Sets the status and tells the listeners. Set while nobody listens, it is kept: a channel set
   * to `unauthorized` before the widget mounts stays `unauthorized` (a story can show it).
   * `refusal`, with `reconnecting`: the server's error for a refused subscription (see
   * `ChannelListener.onStatus`).
   */
  setStatus(status: ConnectionStatus, refusal?: string): void;
  /** Tells the listeners that notifications may have been lost (as after a re-handshake). */
  requestResync(): void;
  /** Tells the listeners the session may be gone (as after repeated 402s following handshakes). */
  requestSessionCheck(): void;
  /** How many listeners are subscribed now. */
  listenerCount(): number;
}

/**
 * Creates an in-memory notification channel for tests, Storybook and demos.
 *
 * Like the CometD channel, it starts with the first listener and stops with the last: the
 * first `subscribe()` turns `disconnected` into `connected` (there is no handshake to wait
 * for), and removing the last listener turns any status back into `disconnected`.
 */
export function createMemoryChannel(descriptor: ChannelDescriptor = OPENMEDIA_CHANNEL): MemoryChannel {
  const listeners = createListenerSet();
  let status: ConnectionStatus = 'disconnected';
  let refusal: string | undefined;

  function setStatus(next: ConnectionStatus, why?: string): void {
    const shownWhy = refusalWith(next, why);
    if (next === status && shownWhy === refusal) return;
    status = next;
    refusal = shownWhy;
    listeners.status(next, shownWhy);
  }

  return {
    descriptor,
    getStatus: () => status,
    getRefusal: () => refusal,
    subscribe(listener: ChannelListener) {
      return subscribeCounted(
        listeners,
        listener,
        () => {
          if (status === 'disconnected') setStatus('connected');
        },
        () => setStatus('disconnected'),
      );
    },
    emit(data, receivedAt) {
      listeners.message(data, receivedAt);
    },
    setStatus,
    requestResync() {
      listeners.resyncNeeded();
    },
    requestSessionCheck() {
      listeners.sessionCheckNeeded();
    },
    reconnect() {
      if (status !== 'unauthorized' || listeners.size === 0) return;
      setStatus('connected');
      listeners.resyncNeeded();
    },
    sessionEnded() {
      if (listeners.size > 0) setStatus('unauthorized');
    },
    retryNow() {
      // As a fresh handshake would: back at once, with the gap to read again.
      if (status !== 'reconnecting' || listeners.size === 0) return;
      setStatus('connected');
      listeners.resyncNeeded();
    },
    listenerCount: () => listeners.size,
  };
}
