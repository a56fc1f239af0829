import { afterEach, describe, expect, it, vi } from 'vitest';
import { createVisibilitySchedule } from './visibility-schedule';

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

function hiddenPage() {
  return { visibilityState: 'hidden', addEventListener: vi.fn(), removeEventListener: vi.fn() };
}

describe('createVisibilitySchedule: the browser defaults', () => {
  it('uses the global requestAnimationFrame and document when there are', () => {
    const frames: (() => void)[] = [];
    vi.stubGlobal('requestAnimationFrame', (callback: (time: number) => void) => frames.push(() => callback(0)));
    const page = { visibilityState: 'visible', addEventListener: vi.fn(), removeEventListener: vi.fn() };
    vi.stubGlobal('document', page);
    const flush = vi.fn();
    createVisibilitySchedule()(flush, { type: 'clockTicked', at: 0 });
    expect(flush).not.toHaveBeenCalled();
    expect(page.addEventListener).toHaveBeenCalledWith('visibilitychange', expect.any(Function));
    frames[0]?.();
    expect(flush).toHaveBeenCalledTimes(1);
  });

  it('in Node (no frames, no document) flushes after a 16 ms timer', () => {
    // Only timers are faked: fake timers would otherwise install a requestAnimationFrame.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    expect(typeof globalThis.requestAnimationFrame).toBe('undefined');
    const flush = vi.fn();
    createVisibilitySchedule()(flush);
    vi.advanceTimersByTime(15);
    expect(flush).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(flush).toHaveBeenCalledTimes(1);
  });

  it('a hidden page flushes through a MessageChannel message, not a throttled timer', async () => {
    vi.useFakeTimers();
    let flushed: () => void = () => undefined;
    const done = new Promise<void>((resolve) => (flushed = resolve));
    createVisibilitySchedule({ visibility: hiddenPage(), requestFrame: () => undefined })(flushed);
    // No fake timer is involved: the message arrives although no timer ever runs.
    expect(vi.getTimerCount()).toBe(0);
    await done;
  });

  it('what a task asks for runs in one message, in order; one that throws stops none of the others', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const schedule = createVisibilitySchedule({ visibility: hiddenPage(), requestFrame: () => undefined });
    const ran: string[] = [];
    let finished: () => void = () => undefined;
    const done = new Promise<void>((resolve) => (finished = resolve));
    schedule(() => ran.push('a'));
    schedule(() => {
      ran.push('b');
      throw new Error('boom');
    });
    schedule(() => {
      ran.push('c');
      finished();
    });
    await done;
    expect(ran).toEqual(['a', 'b', 'c']);
    // The error is not swallowed: it is thrown again from a task of its own.
    expect(() => vi.runOnlyPendingTimers()).toThrow('boom');
  });

  it('without MessageChannel, a hidden page flushes on a 0 ms timer', () => {
    vi.useFakeTimers();
    vi.stubGlobal('MessageChannel', undefined);
    const flush = vi.fn();
    createVisibilitySchedule({ visibility: hiddenPage(), requestFrame: () => undefined })(flush);
    expect(flush).not.toHaveBeenCalled();
    vi.advanceTimersByTime(0);
    expect(flush).toHaveBeenCalledTimes(1);
  });
});
