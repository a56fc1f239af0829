import { describe, expect, it, vi } from 'vitest';
import { createVisibilitySchedule } from './visibility-schedule';
import type { VisibilitySource } from './visibility-schedule';
import type { OpenmediaEvent } from '../core/types';
import { REJECTION_REASONS } from '../protocol/types';
import { interaction, statusChange } from '../test-support/builders';

function fakePage(initial: 'visible' | 'hidden', afterPendingConnect?: (callback: () => void) => boolean) {
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
    afterPendingConnect,
  });
  const run = (queue: (() => void)[]) => queue.splice(0).forEach((callback) => callback());
  return { page, schedule, frames, soon, listeners, runFrames: () => run(frames), runSoon: () => run(soon) };
}

const TICK: OpenmediaEvent = { type: 'clockTicked', at: 0 };
const NEWS: OpenmediaEvent = statusChange(interaction({ id: 'a' }), 0);

describe('createVisibilitySchedule', () => {
  it('waits for the next frame while the page is visible, for a change of its own (a timer, a click)', () => {
    const { schedule, frames, soon, runFrames } = fakePage('visible');
    const flush = vi.fn();
    schedule(flush, TICK);
    expect(frames).toHaveLength(1);
    expect(soon).toHaveLength(0);
    expect(flush).not.toHaveBeenCalled();
    runFrames();
    expect(flush).toHaveBeenCalledTimes(1);
  });

  it('draws news from the server a task later when nothing was drawn since the last frame', () => {
    const { schedule, frames, soon, runSoon } = fakePage('visible');
    const flush = vi.fn();
    schedule(flush, NEWS);
    expect(soon).toHaveLength(1);
    expect(frames).toHaveLength(0);
    runSoon();
    expect(flush).toHaveBeenCalledTimes(1);
    // A rejected message is not news: nothing on screen but the counters changes.
    const { schedule: rejected, soon: rejectedSoon, frames: rejectedFrames } = fakePage('visible');
    rejected(() => undefined, { type: 'messageRejected', reason: REJECTION_REASONS[0], at: 0 });
    expect(rejectedSoon).toHaveLength(0);
    expect(rejectedFrames).toHaveLength(1);
    // A snapshot is news too.
    const { schedule: other, soon: otherSoon } = fakePage('visible');
    other(() => undefined, { type: 'snapshotLoaded', mediaTypes: [], interactions: [], unreadableIds: [], afterGap: false, at: 0 });
    expect(otherSoon).toHaveLength(1);
  });

  it('draws at most once per frame: news after a flush in the same frame waits for the next frame', () => {
    const { schedule, frames, soon, runSoon, runFrames } = fakePage('visible');
    const first = vi.fn();
    const second = vi.fn();
    const third = vi.fn();
    schedule(first, NEWS);
    runSoon();
    expect(first).toHaveBeenCalledTimes(1);
    // The flush asked to hear of the next frame.
    expect(frames).toHaveLength(1);
    schedule(second, NEWS);
    expect(soon).toHaveLength(0);
    expect(frames).toHaveLength(2);
    expect(second).not.toHaveBeenCalled();
    runFrames();
    expect(second).toHaveBeenCalledTimes(1);
    // That frame's flush counts for it: news right after waits for the frame after.
    schedule(third, NEWS);
    expect(soon).toHaveLength(0);
    runFrames();
    expect(third).toHaveBeenCalledTimes(1);
    // A frame with no flush frees the next news to be drawn early again.
    runFrames();
    const fourth = vi.fn();
    schedule(fourth, NEWS);
    expect(soon).toHaveLength(1);
    runSoon();
    expect(fourth).toHaveBeenCalledTimes(1);
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
    schedule(() => undefined, TICK);
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

describe('createVisibilitySchedule: after the pending long poll', () => {
  /** A channel whose next long poll is about to go out until `send()`. */
  function pendingPoll() {
    const waiting: (() => void)[] = [];
    let pending = true;
    return {
      afterPendingConnect: (callback: () => void) => {
        if (pending) waiting.push(callback);
        else callback();
        return pending;
      },
      send: () => {
        pending = false;
        waiting.splice(0).forEach((callback) => callback());
      },
      waiting,
    };
  }

  it('draws a burst once the next long poll has gone out, not before', () => {
    const poll = pendingPoll();
    const { schedule, runSoon } = fakePage('visible', poll.afterPendingConnect);
    const flush = vi.fn();
    schedule(flush, NEWS);
    runSoon();
    expect(flush).not.toHaveBeenCalled();
    expect(poll.waiting).toHaveLength(1);
    poll.send();
    expect(flush).toHaveBeenCalledTimes(1);
  });

  it('draws at the second frame at the latest, when the long poll does not go out', () => {
    const poll = pendingPoll();
    const { schedule, runSoon, runFrames } = fakePage('visible', poll.afterPendingConnect);
    const flush = vi.fn();
    schedule(flush, NEWS);
    runSoon();
    // The first frame: an overdue frame runs before CometD's timer message, so it still waits.
    runFrames();
    expect(flush).not.toHaveBeenCalled();
    runFrames();
    expect(flush).toHaveBeenCalledTimes(1);
    // The poll going out later draws nothing twice.
    poll.send();
    expect(flush).toHaveBeenCalledTimes(1);
  });

  it('draws news at once when no long poll is pending, without asking for a frame first', () => {
    const poll = pendingPoll();
    poll.send();
    const { schedule, frames, runSoon } = fakePage('visible', poll.afterPendingConnect);
    const flush = vi.fn();
    schedule(flush, NEWS);
    runSoon();
    expect(flush).toHaveBeenCalledTimes(1);
    // Only the frame that marks the end of this frame's flush: no empty frame for the fallback.
    expect(frames).toHaveLength(1);
  });

  it('a hidden tab draws at once: it has no frames to fall back on', () => {
    const poll = pendingPoll();
    const { schedule, runSoon } = fakePage('hidden', poll.afterPendingConnect);
    const flush = vi.fn();
    schedule(flush, NEWS);
    runSoon();
    expect(flush).toHaveBeenCalledTimes(1);
    expect(poll.waiting).toHaveLength(0);
  });

  it('a change of the widget’s own waits for the frame as before, not for the network', () => {
    const poll = pendingPoll();
    const { schedule, soon, runFrames } = fakePage('visible', poll.afterPendingConnect);
    const flush = vi.fn();
    schedule(flush, TICK);
    expect(soon).toHaveLength(0);
    runFrames();
    expect(flush).toHaveBeenCalledTimes(1);
    expect(poll.waiting).toHaveLength(0);
  });
});
