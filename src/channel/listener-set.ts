import type { ChannelListener, ConnectionStatus } from './types';
import { callHost } from '../core/host-callback';

/**
 * The listeners of one channel. Removal is idempotent and takes effect at once: a listener
 * removed while a notification is being delivered is not called any more, so callbacks are
 * harmless after unsubscribe.
 */
export interface ListenerSet {
  /** Adds a listener; returns its idempotent remover. */
  add(listener: ChannelListener): () => void;
  readonly size: number;
  message(data: unknown, receivedAt?: number): void;
  status(status: ConnectionStatus, refusal?: string): void;
  resyncNeeded(): void;
  sessionCheckNeeded(): void;
}

interface Slot {
  readonly listener: ChannelListener;
  active: boolean;
}

/**
 * A throwing listener is a programmer error: it must not starve the other listeners, and it
 * must not vanish either, so it is rethrown on its own stack where the host's error reporting
 * (window.onerror, the test runner) sees it.
 */
function isolate(call: () => void): void {
  callHost(call, undefined);
}

export function createListenerSet(): ListenerSet {
  const slots = new Set<Slot>();

  function each(call: (listener: ChannelListener) => void): void {
    // Iterate over a copy: listeners may subscribe or unsubscribe from inside a callback.
    for (const slot of [...slots]) {
      if (slot.active) isolate(() => call(slot.listener));
    }
  }

  return {
    add(listener) {
      const slot: Slot = { listener, active: true };
      slots.add(slot);
      return () => {
        slot.active = false;
        slots.delete(slot);
      };
    },
    get size() {
      return slots.size;
    },
    message(data, receivedAt) {
      each((l) => l.onMessage(data, receivedAt));
    },
    status(status, refusal) {
      // Two arguments only when there is a refusal: a listener that counts them sees what it did.
      each((l) => (refusal === undefined ? l.onStatus?.(status) : l.onStatus?.(status, refusal)));
    },
    resyncNeeded() {
      each((l) => l.onResyncNeeded?.());
    },
    sessionCheckNeeded() {
      each((l) => l.onSessionCheckNeeded?.());
    },
  };
}

/**
 * Adds `listener` to a ref-counted channel: the first listener starts it, removing the last
 * stops it. A `start` that throws (no client could be made: a programmer error) leaves no
 * half-started channel behind: the listener is removed, `stop` runs and the error reaches the
 * caller. Returns the listener's idempotent remover.
 */
export function subscribeCounted(
  listeners: ListenerSet,
  listener: ChannelListener,
  start: () => void,
  stop: () => void,
): () => void {
  const remove = listeners.add(listener);
  if (listeners.size === 1) {
    try {
      start();
    } catch (error) {
      remove();
      stop();
      throw error;
    }
  }
  let removed = false;
  return () => {
    if (removed) return;
    removed = true;
    remove();
    if (listeners.size === 0) stop();
  };
}
