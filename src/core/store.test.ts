import { afterEach, describe, expect, it, vi } from 'vitest';
import { createOpenmediaStore } from './store';
import { interaction, statusChange } from '../test-support/builders';

/** A scheduler the test drives: it records the flushes asked for and runs them on demand. */
function manualScheduler() {
  const queued: (() => void)[] = [];
  return {
    schedule: (flush: () => void) => {
      queued.push(flush);
    },
    get calls() {
      return queued.length;
    },
    runAll() {
      for (const flush of queued.splice(0)) flush();
    },
  };
}

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('createOpenmediaStore', () => {
  it('folds a burst of 1000 dispatches into one flush and one listener call', () => {
    const scheduler = manualScheduler();
    const store = createOpenmediaStore({ schedule: scheduler.schedule });
    const listener = vi.fn();
    store.subscribe(listener);
    const initial = store.getSnapshot();

    for (let i = 0; i < 1000; i++) store.dispatch(statusChange(interaction({ id: `id-${i}` }), i));

    expect(scheduler.calls).toBe(1);
    expect(store.getState().byId.size).toBe(1000);
    expect(store.getSnapshot()).toBe(initial);
    expect(listener).not.toHaveBeenCalled();

    scheduler.runAll();
    expect(listener).toHaveBeenCalledTimes(1);
    expect(store.getSnapshot()).toBe(store.getState());
    expect(store.getSnapshot().byId.size).toBe(1000);
  });

  it('does not schedule or notify for events that change nothing', () => {
    const scheduler = manualScheduler();
    const store = createOpenmediaStore({ schedule: scheduler.schedule });
    const listener = vi.fn();
    store.subscribe(listener);
    store.dispatch({ type: 'clockTicked', at: 1 });
    store.dispatch({ type: 'errorDismissed', interactionId: 'x' });
    expect(scheduler.calls).toBe(0);
    store.flush();
    expect(listener).not.toHaveBeenCalled();
  });

  it('schedules again for the next burst, including one dispatched by a listener', () => {
    const scheduler = manualScheduler();
    const store = createOpenmediaStore({ schedule: scheduler.schedule });
    let reacted = false;
    const listener = vi.fn(() => {
      if (reacted) return;
      reacted = true;
      store.dispatch(statusChange(interaction({ id: 'from-listener' }), 2));
    });
    store.subscribe(listener);
    store.dispatch(statusChange(interaction(), 1));
    scheduler.runAll();
    expect(scheduler.calls).toBe(1);
    scheduler.runAll();
    expect(listener).toHaveBeenCalledTimes(2);
    expect(store.getSnapshot().byId.has('from-listener')).toBe(true);
  });

  it('stops calling a listener after unsubscribe, and unsubscribing twice is harmless', () => {
    const scheduler = manualScheduler();
    const store = createOpenmediaStore({ schedule: scheduler.schedule });
    const listener = vi.fn();
    const unsubscribe = store.subscribe(listener);
    const second = store.subscribe(listener);
    store.dispatch(statusChange(interaction(), 1));
    scheduler.runAll();
    expect(listener).toHaveBeenCalledTimes(2);
    unsubscribe();
    unsubscribe();
    store.dispatch(statusChange(interaction({ id: 'b' }), 2));
    scheduler.runAll();
    expect(listener).toHaveBeenCalledTimes(3);
    second();
    store.dispatch(statusChange(interaction({ id: 'c' }), 3));
    scheduler.runAll();
    expect(listener).toHaveBeenCalledTimes(3);
  });

  it('notifies every listener even when one throws, then reports the error', () => {
    const scheduler = manualScheduler();
    const store = createOpenmediaStore({ schedule: scheduler.schedule });
    const after = vi.fn();
    store.subscribe(() => {
      throw new Error('listener bug');
    });
    store.subscribe(after);
    store.dispatch(statusChange(interaction(), 1));
    expect(() => store.flush()).toThrow('listener bug');
    expect(after).toHaveBeenCalledTimes(1);
  });

  it('applies its core options: the log keeps logSize lines, an ended interaction lingers lingerMs', () => {
    const store = createOpenmediaStore({ lingerMs: 5, logSize: 1, schedule: () => undefined });
    store.dispatch(statusChange(interaction({ state: 'Completed' }), 100));
    store.dispatch({ type: 'messageRejected', reason: 'not-an-object', at: 101 });
    expect(store.getState().diagnostics.log.map((line) => line.at)).toEqual([101]);
    store.dispatch({ type: 'clockTicked', at: 104 });
    expect(store.getState().byId.size).toBe(1);
    store.dispatch({ type: 'clockTicked', at: 105 });
    expect(store.getState().byId.size).toBe(0);
  });

  it('flushes on a 16 ms timer when there is no requestAnimationFrame', () => {
    vi.useFakeTimers();
    vi.stubGlobal('requestAnimationFrame', undefined);
    const store = createOpenmediaStore();
    const listener = vi.fn();
    store.subscribe(listener);
    store.dispatch(statusChange(interaction(), 1));
    store.dispatch(statusChange(interaction({ id: 'b' }), 2));
    vi.advanceTimersByTime(15);
    expect(listener).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(store.getSnapshot().byId.size).toBe(2);
  });

  it('flushes on the next animation frame when there is one', () => {
    const frames: FrameRequestCallback[] = [];
    vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => frames.push(callback));
    const store = createOpenmediaStore();
    const listener = vi.fn();
    store.subscribe(listener);
    store.dispatch(statusChange(interaction(), 1));
    store.dispatch(statusChange(interaction({ id: 'b' }), 2));
    expect(frames).toHaveLength(1);
    frames[0]?.(16);
    expect(listener).toHaveBeenCalledTimes(1);
  });
});

describe('createOpenmediaStore observe', () => {
  it('tells observers of every changing dispatch at once, not once per frame', () => {
    const scheduler = manualScheduler();
    const store = createOpenmediaStore({ schedule: scheduler.schedule });
    const seen: number[] = [];
    const stop = store.observe((state) => seen.push(state.byId.size));
    store.dispatch(statusChange(interaction({ id: 'a' }), 1));
    store.dispatch(statusChange(interaction({ id: 'b' }), 2));
    store.dispatch({ type: 'clockTicked', at: 3 }); // changes nothing: no call
    expect(seen).toEqual([1, 2]);
    expect(scheduler.calls).toBe(1);
    stop();
    store.dispatch(statusChange(interaction({ id: 'c' }), 4));
    expect(seen).toEqual([1, 2]);
  });
});
