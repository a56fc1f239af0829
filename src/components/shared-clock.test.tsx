import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EARLY_BEAT_MS, SHARED_BEAT_SLACK_MS, beatIfDueSoon, subscribeToClock } from './shared-clock';

const START = new Date('2026-01-01T10:00:00Z').getTime();

/** The times the clock called a listener, relative to the start. */
function listen() {
  const beats: number[] = [];
  const stop = subscribeToClock((now) => beats.push(now - START));
  return { beats, stop };
}

beforeEach(() => {
  vi.useFakeTimers({ now: START });
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

  it('leaves a beat that is not due soon where it is: no timer moves by more than a moment', () => {
    const { beats, stop } = listen();
    vi.advanceTimersByTime(1_000 - EARLY_BEAT_MS - 1);
    beatIfDueSoon();
    expect(beats).toEqual([]);
    vi.advanceTimersByTime(EARLY_BEAT_MS + 1);
    expect(beats).toEqual([1_000]);
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
