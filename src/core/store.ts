import { createInitialState, openmediaReducer } from './reducer';
import type { CoreOptions, OpenmediaEvent, OpenmediaState } from './types';

/**
 * Holds the state, folds events into it and publishes it to subscribers at most once per frame.
 * Shaped for React's `useSyncExternalStore(subscribe, getSnapshot)`.
 */
export interface OpenmediaStore {
  /** The latest state, with every dispatched event applied (for event handlers and timers). */
  getState(): OpenmediaState;
  /** The state as of the last flush: what subscribers were told about and what React renders. */
  getSnapshot(): OpenmediaState;
  /** Apply an event now; subscribers hear of it at the next flush. */
  dispatch(event: OpenmediaEvent): void;
  /** Call `listener` after each flush that changed the snapshot. Returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
  /** Publish the latest state now (and notify subscribers if it changed). */
  flush(): void;
  /**
   * Call `observer` synchronously after every dispatch that changed the latest state (not once
   * per frame): for code that must see every transition, such as settling an action's promise.
   * Returns the unsubscribe function.
   */
  observe(observer: (state: OpenmediaState) => void): () => void;
}

export interface OpenmediaStoreOptions extends Partial<CoreOptions> {
  /**
   * Arrange for `flush` to run soon; called once per burst of dispatches, with the event that
   * started the burst. Default: the next animation frame when there is one, else a 16 ms timer.
   */
  readonly schedule?: (flush: () => void, cause: OpenmediaEvent) => void;
}

function scheduleNextFrame(flush: () => void): void {
  if (typeof globalThis.requestAnimationFrame === 'function') globalThis.requestAnimationFrame(() => flush());
  else setTimeout(flush, 16);
}

/**
 * Create a store. A burst of messages (say 1,000 notifications in one tick) is folded into the state
 * as it arrives but published once, so React commits at most once per frame.
 */
export function createOpenmediaStore(options: OpenmediaStoreOptions = {}): OpenmediaStore {
  const { schedule = scheduleNextFrame, ...coreOptions } = options;
  let state = createInitialState(coreOptions);
  let snapshot = state;
  let scheduled = false;
  const listeners = new Set<{ readonly listener: () => void }>();
  const observers = new Set<{ readonly observer: (state: OpenmediaState) => void }>();

  function flush(): void {
    scheduled = false;
    if (snapshot === state) return;
    snapshot = state;
    let firstError: unknown;
    let failed = false;
    // A copy, so a listener that unsubscribes (or subscribes) another does not disturb this round.
    for (const { listener } of [...listeners]) {
      try {
        listener();
      } catch (error) {
        if (!failed) firstError = error;
        failed = true;
      }
    }
    // Every listener heard of the change; the first failure is still reported to the caller.
    if (failed) throw firstError;
  }

  return {
    getState: () => state,
    getSnapshot: () => snapshot,
    dispatch(event) {
      const before = state;
      state = openmediaReducer(state, event);
      if (state !== before && observers.size > 0) for (const { observer } of [...observers]) observer(state);
      if (state === snapshot || scheduled) return;
      scheduled = true;
      schedule(flush, event);
    },
    subscribe(listener) {
      // A record per subscription, so the same function subscribed twice is removed once per call.
      const record = { listener };
      listeners.add(record);
      return () => {
        listeners.delete(record);
      };
    },
    flush,
    observe(observer) {
      const record = { observer };
      observers.add(record);
      return () => {
        observers.delete(record);
      };
    },
  };
}
