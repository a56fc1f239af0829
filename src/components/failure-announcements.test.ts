import { describe, expect, it } from 'vitest';
import type { ActionError } from '../core/types';
import { FailureBursts } from './failure-announcements';
import { DEFAULT_MESSAGES } from './messages';

function failure(at: number): ActionError {
  return { operation: 'Complete', message: 'No answer from the server', code: undefined, kind: 'timeout', referenceId: undefined, at };
}

describe('FailureBursts', () => {
  it('lets a lone failure alert by itself, summarises the ones that follow it closely as "N more", and starts afresh after a quiet spell', () => {
    const bursts = new FailureBursts();
    const first = failure(1_000);
    bursts.observe([first]);
    expect(bursts.isOwnAlert(first)).toBe(true);
    expect(bursts.takeSummary(DEFAULT_MESSAGES)).toBeUndefined();

    const next = [failure(1_500), failure(1_600), failure(2_100)];
    bursts.observe([first, next[0] as ActionError]);
    bursts.observe([first, ...next]);
    expect(next.map((e) => bursts.isOwnAlert(e))).toEqual([false, false, false]);
    expect(bursts.takeSummary(DEFAULT_MESSAGES)).toBe('3 more actions failed. Each card says why.');
    expect(bursts.takeSummary(DEFAULT_MESSAGES)).toBeUndefined();

    // Rendering again with the same errors changes nothing (StrictMode renders twice).
    bursts.observe([first, ...next]);
    expect(bursts.takeSummary(DEFAULT_MESSAGES)).toBeUndefined();

    const later = failure(60_000);
    bursts.observe([later]);
    expect(bursts.isOwnAlert(later)).toBe(true);
    const together = [failure(90_000), failure(90_000)];
    bursts.observe(together);
    expect(together.map((e) => bursts.isOwnAlert(e))).toEqual([false, false]);
    expect(bursts.takeSummary(DEFAULT_MESSAGES)).toBe('2 actions failed. Each card says why.');
    // An error it never saw (a host veto, a card outside the widget) alerts by itself.
    expect(bursts.isOwnAlert(failure(0))).toBe(true);
  });
});
