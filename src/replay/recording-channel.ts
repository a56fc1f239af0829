import { createListenerSet } from '../channel/listener-set';
import type { ChannelListener, ConnectionStatus, NotificationChannel } from '../channel/types';
import { createStringCache } from '../core/string-cache';
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

/** A status change in the ring (a payload is kept as itself, and may be anything, even a string). */
class StatusChange {
  constructor(
    readonly status: ConnectionStatus,
    readonly refusal: string | undefined,
  ) {}
}

/** Strings at most this long are shared; longer ones are rare (free text) and kept as they came. */
const INTERN_MAX_LENGTH = 512;
/** Distinct strings remembered before the table starts afresh (and lets go of strings the ring no longer holds). */
const INTERN_TABLE_SIZE = 4096;
/** Nesting followed into a payload: a message is four levels deep, a nested user-data list a few more. */
const INTERN_MAX_DEPTH = 8;
/** Arrays of strings at most this long are shared whole (a capability list is under ten). */
const SHARED_ARRAY_MAX_LENGTH = 16;
/** Distinct string arrays remembered before the table starts afresh. */
const SHARED_ARRAY_TABLE_SIZE = 256;

/**
 * Makes the strings of a parsed payload share one copy with the payloads before it. `JSON.parse`
 * gives every message its own copy of each value: a full ring of 1,000 messages held 1,000 copies
 * of "OpenmediaStateChangeMessage", of the state, of each capability and of each card's URI
 * (about 350 KB of a 10 MB page in a heap snapshot). A short array of strings (an interaction's
 * capabilities) equal to one seen before is replaced by that one: 1,000 recorded messages held
 * 1,000 equal capability lists, 48 bytes each (a heap snapshot of the standalone page, 2026-12-06).
 * Only plain objects and arrays are walked, and a property that cannot be written is left as it
 * is: the payload's values never change (the parser copies what it keeps), so sharing is unseen.
 */
function createInterner(): (payload: unknown) => void {
  const table = createStringCache(INTERN_TABLE_SIZE);
  const shared = (value: string): string => (value.length > INTERN_MAX_LENGTH ? value : table.get(value, () => value));
  const arrays = new Map<string, unknown[]>();
  /** The walked `value` itself, or an equal array of strings kept from an earlier payload. */
  function sharedArray(value: unknown[]): unknown[] {
    if (value.length === 0 || value.length > SHARED_ARRAY_MAX_LENGTH || Object.getPrototypeOf(value) !== Array.prototype) return value;
    let key = '';
    for (let i = 0; i < value.length; i += 1) {
      const item: unknown = value[i];
      // A hole or another type: kept as it is (only plain lists of strings are alike enough).
      if (typeof item !== 'string' || !Object.hasOwn(value, i)) return value;
      // The separator cannot be confused with the text: each item is prefixed by its length.
      key += `${item.length}:${item}`;
    }
    const known = arrays.get(key);
    if (known !== undefined) return known;
    if (arrays.size >= SHARED_ARRAY_TABLE_SIZE) arrays.clear();
    arrays.set(key, value);
    return value;
  }
  /** Shares the strings of `item`'s slot (a string, or an array or object walked in place) and an equal string list. */
  function visit(item: object, depth: number): unknown {
    walk(item, depth + 1);
    return Array.isArray(item) && !Object.isFrozen(item) ? sharedArray(item) : item;
  }
  function walk(value: object, depth: number): void {
    if (Object.isFrozen(value)) return;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i += 1) {
        const item: unknown = value[i];
        if (typeof item === 'string') value[i] = shared(item);
        else if (typeof item === 'object' && item !== null && depth < INTERN_MAX_DEPTH) {
          const next = visit(item, depth);
          if (next !== item) value[i] = next;
        }
      }
      return;
    }
    if (Object.getPrototypeOf(value) !== Object.prototype) return;
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const item = record[key];
      if (typeof item === 'string') record[key] = shared(item);
      else if (typeof item === 'object' && item !== null && depth < INTERN_MAX_DEPTH) {
        const next = visit(item, depth);
        if (next !== item) record[key] = next;
      }
    }
  }
  return (payload) => {
    if (typeof payload !== 'object' || payload === null) return;
    try {
      walk(payload, 0);
    } catch {
      // A read-only property (an accessor, a sealed object from a test channel): sharing is only
      // a saving, and every value was left as it was.
    }
  };
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
  const intern = createInterner();
  // A ring of at most maxEvents: each message overwrites the oldest once full, in O(1) and with
  // nothing held past the limit (a buffer trimmed at twice the limit held up to twice as many
  // raw messages, a megabyte and more on a busy page). Two parallel arrays, not an object per
  // event: the times stay unboxed numbers, and a message is kept as the payload itself.
  let walls: number[] = [];
  let events: unknown[] = [];
  let next = 0;
  let release: (() => void) | undefined;

  function keep(event: unknown): void {
    if (events.length < maxEvents) {
      walls.push(now());
      events.push(event);
    } else {
      walls[next] = now();
      events[next] = event;
    }
    next = (next + 1) % maxEvents;
  }

  /** Index `i` of the kept events, oldest first. */
  const slot = (i: number): number => (events.length < maxEvents ? i : (next + i) % maxEvents);

  // One subscription to the inner channel, however many listeners: each message is recorded once.
  const relay: ChannelListener = {
    onMessage(data, receivedAt) {
      // Before anyone else reads it: the values stay the same, only their copies are shared.
      intern(data);
      keep(data);
      listeners.message(data, receivedAt);
    },
    onStatus(status, refusal) {
      keep(new StatusChange(status, refusal));
      listeners.status(status, refusal);
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
    getRefusal: () => inner.getRefusal?.(),
    // The widget's "Reconnect" after a lost session must reach the real channel.
    reconnect: inner.reconnect ? () => inner.reconnect?.() : undefined,
    sessionEnded: inner.sessionEnded ? () => inner.sessionEnded?.() : undefined,
    retryNow: inner.retryNow ? () => inner.retryNow?.() : undefined,
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
      const start = walls[slot(0)] ?? 0;
      const recorded: RecordedEvent[] = [];
      for (let i = 0; i < events.length; i += 1) {
        const at = (walls[slot(i)] ?? start) - start;
        const event = events[slot(i)];
        recorded.push(
          event instanceof StatusChange
            ? event.refusal === undefined
              ? { at, status: event.status }
              : { at, status: event.status, refusal: event.refusal }
            : { at, data: event },
        );
      }
      return { version: RECORDING_VERSION, events: recorded };
    },
    clear() {
      walls = [];
      events = [];
      next = 0;
    },
  };
}
