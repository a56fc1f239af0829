import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backoffDelay, jitter } from './backoff';

describe('jitter', () => {
  it('stays between half the delay and the delay', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 600_000 }), fc.double({ min: 0, max: 1, noNaN: true }), (delay, r) => {
        const d = jitter(delay, () => r);
        return d >= Math.floor(delay / 2) && d <= delay;
      }),
    );
  });

  it('keeps an immediate retry immediate', () => {
    expect(jitter(0, () => 0.7)).toBe(0);
  });
});

describe('backoffDelay', () => {
  const options = { baseMs: 1000, maxMs: 30_000 };

  it('doubles per attempt before jitter', () => {
    expect(backoffDelay(0, options, () => 1)).toBe(1000);
    expect(backoffDelay(1, options, () => 1)).toBe(2000);
    expect(backoffDelay(3, options, () => 1)).toBe(8000);
    expect(backoffDelay(3, options, () => 0)).toBe(4000);
  });

  it('never exceeds the cap, however many attempts', () => {
    expect(backoffDelay(5, options, () => 1)).toBe(30_000);
    expect(backoffDelay(10_000, options, () => 1)).toBe(30_000);
  });
});
