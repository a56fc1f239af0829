import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EARLY_BEAT_MS, QUIET_MS, SHARED_BEAT_SLACK_MS, beatIfDueSoon, subscribeToClock } from './shared-clock';

// Each test starts an hour after the last, so the news of one is long quiet for the next (the
// clock is one per page: a module-level state).
let start = new Date('2026-01-01T10:00:00Z').getTime();

/** The times the clock called a listener, relative to the test's start. */
function listen() {
  const beats: number[] = [];
  const stop = subscribeToClock((now) => beats.push(now - start));
  return { beats, stop };
}

beforeEach(() => {
  start += 3_600_000;
  vi.useFakeTimers({ now: start });
});

afterEach(() => {
  vi.useRealTimers();
});

describe('the shared clock', () => {
  it('beats once a second while someone listens, and stops with the last listener', () => {
    const { beats, stop } = listen();
    vi.advanceTimersByTime(3_000);
    expect(beats).toEqual([1_000, 2_000, 3_000]);
    stop();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('runs a beat due within a moment in the frame being drawn, and the next a second (and a little) after it', () => {
    const { beats, stop } = listen();
    vi.advanceTimersByTime(1_000 - EARLY_BEAT_MS);
    beatIfDueSoon();
    expect(beats).toEqual([1_000 - EARLY_BEAT_MS]);
    // The beat it replaced does not run as well.
    vi.advanceTimersByTime(EARLY_BEAT_MS);
    expect(beats).toHaveLength(1);
    vi.advanceTimersByTime(1_000 + SHARED_BEAT_SLACK_MS - EARLY_BEAT_MS - 1);
    expect(beats).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(beats).toEqual([1_000 - EARLY_BEAT_MS, 2_000 + SHARED_BEAT_SLACK_MS - EARLY_BEAT_MS]);
    stop();
  });

  it('in a stream of news, leaves a beat that is not due soon where it is: no timer moves by more than a moment', () => {
    const { beats, stop } = listen();
    vi.advanceTimersByTime(100);
    beatIfDueSoon(); // the first news after a quiet start carries a beat (see below): next due at 1,120
    expect(beats).toEqual([100]);
    // News every 100 ms: none carries the beat until it is due within EARLY_BEAT_MS (at 900).
    for (let at = 200; at <= 800; at += 100) {
      vi.advanceTimersByTime(100);
      beatIfDueSoon();
    }
    expect(beats).toEqual([100]);
    vi.advanceTimersByTime(100);
    beatIfDueSoon();
    expect(beats).toEqual([100, 900]); // 220 ms before it was due
    stop();
  });

  it('news after a quiet stretch carries the beat whatever its phase, and news a second apart keeps carrying it', () => {
    const { beats, stop } = listen();
    vi.advanceTimersByTime(1_000); // a beat of its own
    vi.advanceTimersByTime(400); // news 600 ms before the next beat: not due soon, but the first in a while
    beatIfDueSoon();
    expect(beats).toEqual([1_000, 1_400]);
    for (let second = 1; second <= 3; second += 1) {
      vi.advanceTimersByTime(1_000);
      beatIfDueSoon();
    }
    // Every later beat came with the news: none of its own in between.
    expect(beats).toEqual([1_000, 1_400, 2_400, 3_400, 4_400]);
    stop();
  });

  it('news sooner than the quiet stretch does not move a beat that is not due soon', () => {
    const { beats, stop } = listen();
    vi.advanceTimersByTime(200);
    beatIfDueSoon(); // the first news: carries a beat, due next at 1,220
    vi.advanceTimersByTime(QUIET_MS - 1);
    beatIfDueSoon(); // 699 ms: not quiet, not due within EARLY_BEAT_MS
    expect(beats).toEqual([200]);
    vi.advanceTimersByTime(1_220 - 699);
    expect(beats).toEqual([200, 1_220]);
    stop();
  });

  it('a frame drawn while no timer is shown starts no clock', () => {
    beatIfDueSoon();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('catches up the moment a background tab is seen again (its timers were throttled)', () => {
    const { beats, stop } = listen();
    vi.advanceTimersByTime(400);
    document.dispatchEvent(new Event('visibilitychange'));
    expect(beats).toEqual([400]);
    vi.advanceTimersByTime(1_000);
    expect(beats).toEqual([400, 1_400]);
    stop();
    // No listener left: seeing the page again does nothing.
    document.dispatchEvent(new Event('visibilitychange'));
    expect(beats).toEqual([400, 1_400]);
  });
});
