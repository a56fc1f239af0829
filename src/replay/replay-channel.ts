import { createListenerSet } from '../channel/listener-set';
import { withOmittedFrom } from '../core/omitted-fields';
import { refusalWith } from '../channel/refusal';
import type { ConnectionStatus, NotificationChannel } from '../channel/types';
import { OPENMEDIA_CHANNEL, parseNotification } from '../protocol/parse';
import type { ChannelDescriptor } from '../protocol/parse';
import type { OpenmediaInteraction } from '../protocol/types';
import { isDataEvent } from './recording';
import type { RecordedEvent, Recording } from './recording';

/** Where a replay stands. A new object on every change (usable with `useSyncExternalStore`). */
export interface ReplayState {
  readonly playing: boolean;
  /** Recording milliseconds per wall-clock millisecond: 1 plays in real time, 10 ten times faster. */
  readonly speed: number;
  /** How many events have been delivered. */
  readonly position: number;
  readonly total: number;
  /** Recording time reached when the state last changed. */
  readonly elapsedMs: number;
  /** Time of the last event. */
  readonly durationMs: number;
  /** Every event has been delivered. */
  readonly finished: boolean;
}

export interface ReplayChannelOptions {
  /** Default 1. */
  readonly speed?: number;
  /** Start playing when the first listener subscribes. Default false (paused until `play()`). */
  readonly autoplay?: boolean;
  readonly descriptor?: ChannelDescriptor;
  /** Wall clock; default `Date.now` (so fake timers drive it). */
  readonly now?: () => number;
}

/**
 * A {@link NotificationChannel} that plays a recording back, timer-driven, with the controls a
 * player needs. Listeners receive the recorded Bayeux payloads as the live channel would deliver
 * them; recorded status changes are replayed too, and a return to `connected` after a gap asks
 * for a resync, as the CometD channel does.
 */
export interface ReplayChannel extends NotificationChannel {
  play(): void;
  pause(): void;
  /** Pause, then deliver the next event at once. False when there was none left. */
  step(): boolean;
  /** Any positive number; the next event's timer is rescheduled at the new pace. */
  setSpeed(speed: number): void;
  /** Back to the first event, paused. Listeners are asked to resync (so a widget re-reads its snapshot). */
  restart(): void;
  getReplayState(): ReplayState;
  /** Called on every change of {@link ReplayState}; returns the idempotent unsubscribe. */
  subscribeReplay(listener: () => void): () => void;
  /**
   * The interactions the agent holds as of the events delivered so far: the latest version of each,
   * without the Completed ones (what a GWS snapshot would list now).
   */
  currentInteractions(mediaType?: string): readonly OpenmediaInteraction[];
}

/** The status a live channel would report once connected; the recording may change it. */
const INITIAL_STATUS: ConnectionStatus = 'connected';

export function createReplayChannel(recording: Recording, options: ReplayChannelOptions = {}): ReplayChannel {
  const descriptor = options.descriptor ?? OPENMEDIA_CHANNEL;
  const now = options.now ?? (() => Date.now());
  const events: readonly RecordedEvent[] = recording.events;
  const durationMs = events.at(-1)?.at ?? 0;
  const listeners = createListenerSet();
  const stateListeners = new Set<{ readonly listener: () => void }>();

  /** With `reconnecting`: the recorded refusal of the subscription. */
  let refusal: string | undefined;
  let status: ConnectionStatus = 'disconnected';
  let position = 0;
  let playing = false;
  let speed = validSpeed(options.speed ?? 1);
  /** Recording time at `anchor` (wall clock). */
  let baseElapsed = 0;
  let anchor = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let state = snapshotState();

  function validSpeed(value: number): number {
    if (!Number.isFinite(value) || value <= 0) throw new Error(`Replay speed must be a positive number, not ${value}.`);
    return value;
  }

  function elapsed(): number {
    if (!playing) return baseElapsed;
    return Math.min(durationMs, baseElapsed + (now() - anchor) * speed);
  }

  function snapshotState(): ReplayState {
    return { playing, speed, position, total: events.length, elapsedMs: elapsed(), durationMs, finished: position >= events.length };
  }

  function changed(): void {
    state = snapshotState();
    for (const { listener } of [...stateListeners]) listener();
  }

  function setStatus(next: ConnectionStatus, why?: string): void {
    const shownWhy = refusalWith(next, why);
    if (next === status && shownWhy === refusal) return;
    const previous = status;
    status = next;
    refusal = shownWhy;
    listeners.status(next, shownWhy);
    // A live channel that comes back after a gap asks for a snapshot: messages may have been lost.
    if (next === 'connected' && (previous === 'reconnecting' || previous === 'connecting')) listeners.resyncNeeded();
  }

  function deliver(event: RecordedEvent): void {
    position += 1;
    if (isDataEvent(event)) listeners.message(event.data);
    else setStatus(event.status, event.refusal);
  }

  function clearTimer(): void {
    if (timer === undefined) return;
    clearTimeout(timer);
    timer = undefined;
  }

  function schedule(): void {
    clearTimer();
    if (!playing) return;
    const next = events[position];
    if (next === undefined) {
      baseElapsed = durationMs;
      playing = false;
      return;
    }
    timer = setTimeout(fire, Math.max(0, (next.at - elapsed()) / speed));
  }

  function fire(): void {
    timer = undefined;
    // Everything due by now, and at least the event this timer was set for (timers may fire early).
    const reached = elapsed();
    let first = true;
    for (let next = events[position]; next !== undefined && (first || next.at <= reached); next = events[position]) {
      first = false;
      deliver(next);
      if (!playing) break; // a listener paused the replay from inside a callback
    }
    schedule();
    changed();
  }

  function pause(): void {
    if (!playing) return;
    baseElapsed = elapsed();
    playing = false;
    clearTimer();
    changed();
  }

  const api: ReplayChannel = {
    descriptor,
    getStatus: () => status,
    getRefusal: () => refusal,
    subscribe(listener) {
      const remove = listeners.add(listener);
      if (listeners.size === 1) {
        setStatus(INITIAL_STATUS);
        if (options.autoplay) queueMicrotask(() => listeners.size > 0 && api.play());
      }
      let removed = false;
      return () => {
        if (removed) return;
        removed = true;
        remove();
        if (listeners.size > 0) return;
        // Nobody is watching: stop the clock rather than play to an empty room.
        pause();
        setStatus('disconnected');
      };
    },
    play() {
      if (playing || position >= events.length) return;
      playing = true;
      anchor = now();
      schedule();
      changed();
    },
    pause,
    step() {
      pause();
      const next = events[position];
      if (next === undefined) return false;
      deliver(next);
      baseElapsed = Math.max(baseElapsed, next.at);
      changed();
      return true;
    },
    setSpeed(value) {
      const next = validSpeed(value);
      if (next === speed) return;
      baseElapsed = elapsed();
      anchor = now();
      speed = next;
      schedule();
      changed();
    },
    restart() {
      pause();
      position = 0;
      baseElapsed = 0;
      if (listeners.size > 0) {
        if (status !== INITIAL_STATUS) {
          status = INITIAL_STATUS;
          refusal = undefined;
          listeners.status(status);
        }
        listeners.resyncNeeded();
      }
      changed();
    },
    getReplayState: () => state,
    subscribeReplay(listener) {
      const record = { listener };
      stateListeners.add(record);
      return () => {
        stateListeners.delete(record);
      };
    },
    currentInteractions(mediaType) {
      const latest = new Map<string, OpenmediaInteraction>();
      for (const event of events.slice(0, position)) {
        if (!isDataEvent(event)) continue;
        const parsed = parseNotification(event.data, descriptor);
        const resource = parsed.ok ? parsed.notification.openmedia : undefined;
        // A StatusChange that left the user data out did not change them.
        if (resource) latest.set(resource.id, withOmittedFrom(latest.get(resource.id), resource));
      }
      return [...latest.values()].filter((i) => i.state !== 'Completed' && (mediaType === undefined || i.mediaType === mediaType));
    },
  };
  return api;
}
