import { describe, expect, it, vi } from 'vitest';
import { createVisibilitySchedule } from './visibility-schedule';
import type { VisibilitySource } from './visibility-schedule';

function fakePage(initial: 'visible' | 'hidden') {
  const listeners = new Set<() => void>();
  const frames: (() => void)[] = [];
  const soon: (() => void)[] = [];
  const page: VisibilitySource & { set(state: 'visible' | 'hidden'): void } = {
    visibilityState: initial,
    addEventListener: (_type, listener) => listeners.add(listener),
    removeEventListener: (_type, listener) => listeners.delete(listener),
    set(state) {
      (this as { visibilityState: string }).visibilityState = state;
      for (const listener of [...listeners]) listener();
    },
  };
  const schedule = createVisibilitySchedule({
    visibility: page,
    requestFrame: (callback) => frames.push(callback),
    runSoon: (callback) => soon.push(callback),
  });
  const run = (queue: (() => void)[]) => queue.splice(0).forEach((callback) => callback());
  return { page, schedule, frames, soon, listeners, runFrames: () => run(frames), runSoon: () => run(soon) };
}

describe('createVisibilitySchedule', () => {
  it('waits for the next frame while the page is visible', () => {
    const { schedule, frames, soon, runFrames } = fakePage('visible');
    const flush = vi.fn();
    schedule(flush);
    expect(frames).toHaveLength(1);
    expect(soon).toHaveLength(0);
    expect(flush).not.toHaveBeenCalled();
    runFrames();
    expect(flush).toHaveBeenCalledTimes(1);
  });

  it('does not wait for a frame while the page is hidden (no frames run there)', () => {
    const { schedule, frames, runSoon } = fakePage('hidden');
    const flush = vi.fn();
    schedule(flush);
    expect(frames).toHaveLength(0);
    runSoon();
    expect(flush).toHaveBeenCalledTimes(1);
  });

  it('runs a flush still waiting for its frame as soon as the page is hidden, once', () => {
    const { page, schedule, runFrames, runSoon, listeners } = fakePage('visible');
    const flush = vi.fn();
    schedule(flush);
    page.set('hidden');
    runSoon();
    expect(flush).toHaveBeenCalledTimes(1);
    // The frame that the browser runs when the tab is shown again finds nothing left to do.
    page.set('visible');
    runFrames();
    expect(flush).toHaveBeenCalledTimes(1);
    expect(listeners.size).toBe(0);
  });

  it('leaves no visibility listener behind after a frame ran the flush', () => {
    const { schedule, runFrames, listeners } = fakePage('visible');
    schedule(() => undefined);
    expect(listeners.size).toBe(1);
    runFrames();
    expect(listeners.size).toBe(0);
  });

  it('falls back to a timer without requestAnimationFrame (Node)', () => {
    vi.useFakeTimers();
    try {
      const schedule = createVisibilitySchedule({ visibility: undefined, requestFrame: undefined });
      const flush = vi.fn();
      schedule(flush);
      vi.advanceTimersByTime(16);
      expect(flush).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
    }
  });
});
