import { createListenerSet } from '../channel/listener-set';
import type { ChannelListener, NotificationChannel } from '../channel/types';
import { RECORDING_VERSION } from './recording';
import type { RecordedEvent, Recording } from './recording';

export interface RecordingChannelOptions {
  /** Oldest events are dropped past this many. Default 10 000. */
  readonly maxEvents?: number;
  readonly now?: () => number;
}

/** A channel that passes everything through and keeps what it saw, ready to replay. */
export interface RecordingChannel extends NotificationChannel {
  /** What was received so far, `at` counted from the first event kept. */
  getRecording(): Recording;
  /** Forget what was recorded. */
  clear(): void;
}

/**
 * Wraps a channel (the CometD one in production) and records every Bayeux payload and status
 * change it delivers, in the format {@link createReplayChannel} plays back: attach the recording
 * to a support ticket and the problem can be watched again, message by message.
 */
export function createRecordingChannel(inner: NotificationChannel, options: RecordingChannelOptions = {}): RecordingChannel {
  const maxEvents = Math.max(1, options.maxEvents ?? 10_000);
  const now = options.now ?? Date.now;
  const listeners = createListenerSet();
  type Kept = { readonly wall: number; readonly event: Omit<RecordedEvent, 'at'> };
  // A ring of at most maxEvents: each message overwrites the oldest once full, in O(1) and with
  // nothing held past the limit (a buffer trimmed at twice the limit held up to twice as many
  // raw messages, a megabyte and more on a busy page).
  let ring: Kept[] = [];
  let next = 0;
  let release: (() => void) | undefined;

  function keep(event: Omit<RecordedEvent, 'at'>): void {
    const kept = { wall: now(), event };
    if (ring.length < maxEvents) ring.push(kept);
    else ring[next] = kept;
    next = (next + 1) % maxEvents;
  }

  /** The kept events, oldest first. */
  function latest(): readonly Kept[] {
    return ring.length < maxEvents ? ring : [...ring.slice(next), ...ring.slice(0, next)];
  }

  // One subscription to the inner channel, however many listeners: each message is recorded once.
  const relay: ChannelListener = {
    onMessage(data) {
      keep({ data });
      listeners.message(data);
    },
    onStatus(status) {
      keep({ status });
      listeners.status(status);
    },
    onResyncNeeded() {
      listeners.resyncNeeded();
    },
    onSessionCheckNeeded() {
      listeners.sessionCheckNeeded();
    },
  };

  return {
    descriptor: inner.descriptor,
    getStatus: () => inner.getStatus(),
    // The widget's "Reconnect" after a lost session must reach the real channel.
    reconnect: inner.reconnect ? () => inner.reconnect?.() : undefined,
    sessionEnded: inner.sessionEnded ? () => inner.sessionEnded?.() : undefined,
    afterPendingConnect: inner.afterPendingConnect ? (callback: () => void) => inner.afterPendingConnect?.(callback) ?? false : undefined,
    subscribe(listener) {
      const remove = listeners.add(listener);
      if (release === undefined) release = inner.subscribe(relay);
      let removed = false;
      return () => {
        if (removed) return;
        removed = true;
        remove();
        if (listeners.size === 0 && release !== undefined) {
          const stop = release;
          release = undefined;
          stop();
        }
      };
    },
    getRecording() {
      const kept = latest();
      const start = kept[0]?.wall ?? 0;
      return { version: RECORDING_VERSION, events: kept.map(({ wall, event }) => ({ ...event, at: wall - start }) as RecordedEvent) };
    },
    clear() {
      ring = [];
      next = 0;
    },
  };
}
