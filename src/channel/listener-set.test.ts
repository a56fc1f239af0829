import { describe, expect, it, vi } from 'vitest';
import { createListenerSet, subscribeCounted } from './listener-set';

const listener = () => ({ onMessage: vi.fn() });

describe('subscribeCounted', () => {
  it('starts with the first listener and stops when the last one leaves, once each', () => {
    const listeners = createListenerSet();
    const start = vi.fn();
    const stop = vi.fn();
    const first = subscribeCounted(listeners, listener(), start, stop);
    const second = subscribeCounted(listeners, listener(), start, stop);
    expect(start).toHaveBeenCalledTimes(1);
    first();
    first();
    expect(stop).not.toHaveBeenCalled();
    expect(listeners.size).toBe(1);
    second();
    expect(stop).toHaveBeenCalledTimes(1);
    expect(listeners.size).toBe(0);
  });

  it('starts again after a stop', () => {
    const listeners = createListenerSet();
    const start = vi.fn();
    const stop = vi.fn();
    subscribeCounted(listeners, listener(), start, stop)();
    subscribeCounted(listeners, listener(), start, stop);
    expect(start).toHaveBeenCalledTimes(2);
    expect(stop).toHaveBeenCalledTimes(1);
  });

  it('leaves nothing half-started when start throws: the listener is gone, stop ran, the caller gets the error', () => {
    const listeners = createListenerSet();
    const stop = vi.fn();
    const failure = new Error('no window');
    const heard = listener();
    expect(() =>
      subscribeCounted(
        listeners,
        heard,
        () => {
          throw failure;
        },
        stop,
      ),
    ).toThrow(failure);
    expect(stop).toHaveBeenCalledTimes(1);
    expect(listeners.size).toBe(0);
    listeners.message('late');
    expect(heard.onMessage).not.toHaveBeenCalled();
  });
});
