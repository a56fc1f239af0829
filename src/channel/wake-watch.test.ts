import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchForWake } from './wake-watch';

/** Clocks the test moves: `sleep` moves the wall clock only (macOS, Linux), or both (Windows). */
function clocks() {
  let wall = 1_000_000;
  let monotonic = 0;
  return {
    wallNow: () => wall + Date.now(),
    monotonicNow: () => monotonic + Date.now(),
    sleep(ms: number, monotonicCounts: boolean) {
      wall += ms;
      if (monotonicCounts) monotonic += ms;
    },
    setWall(delta: number) {
      wall += delta;
    },
  };
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('watchForWake', () => {
  it('notices a sleep the monotonic clock did not count, once, at the next look', async () => {
    const c = clocks();
    const onWake = vi.fn();
    watchForWake(onWake, { wallNow: c.wallNow, monotonicNow: c.monotonicNow });
    await vi.advanceTimersByTimeAsync(12_000);
    expect(onWake).not.toHaveBeenCalled();
    c.sleep(10 * 60_000, false);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(onWake).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(onWake).toHaveBeenCalledTimes(1);
  });

  it('takes a background tab’s late timers for what they are: both clocks moved alike', async () => {
    // Intensive throttling runs a hidden tab's chained timer once a minute: a look 60 s late.
    const c = clocks();
    const onWake = vi.fn();
    watchForWake(onWake, { wallNow: c.wallNow, monotonicNow: c.monotonicNow });
    for (let i = 0; i < 5; i += 1) {
      c.sleep(55_000, true);
      await vi.advanceTimersByTimeAsync(5_000);
    }
    expect(onWake).not.toHaveBeenCalled();
  });

  it('where timers run on time (a Worker), a look far later than due is a sleep, even if both clocks counted it', async () => {
    const c = clocks();
    const onWake = vi.fn();
    watchForWake(onWake, { wallNow: c.wallNow, monotonicNow: c.monotonicNow, timersOnTime: true });
    c.sleep(15_000, true);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(onWake, '15 s late is a busy moment, not a sleep').not.toHaveBeenCalled();
    c.sleep(3 * 60_000, true);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(onWake).toHaveBeenCalledTimes(1);
  });

  it('a wall clock set back, or forward by less than the threshold, is no sleep', async () => {
    const c = clocks();
    const onWake = vi.fn();
    watchForWake(onWake, { wallNow: c.wallNow, monotonicNow: c.monotonicNow, timersOnTime: true });
    c.setWall(-3_600_000);
    await vi.advanceTimersByTimeAsync(5_000);
    c.setWall(15_000);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(onWake).not.toHaveBeenCalled();
  });

  it('looks no more once stopped, also when stopped from onWake', async () => {
    const c = clocks();
    let stop: () => void = () => undefined;
    const onWake = vi.fn(() => stop());
    stop = watchForWake(onWake, { wallNow: c.wallNow, monotonicNow: c.monotonicNow });
    c.sleep(60_000, false);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(onWake).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);
    const stopped = watchForWake(onWake, { wallNow: c.wallNow, monotonicNow: c.monotonicNow });
    stopped();
    expect(vi.getTimerCount()).toBe(0);
  });
});
