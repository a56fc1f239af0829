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

  it('lets the same card’s failure alert by itself again when the agent retried at once; another card’s within the window is summarised', () => {
    const bursts = new FailureBursts();
    const on = new Map<ActionError, string>();
    const shown = (error: ActionError, id: string) => {
      on.set(error, id);
      return error;
    };
    const of = (error: ActionError) => on.get(error);
    const first = shown(failure(1_000), 'x');
    bursts.observe([first], of);
    // Tried again at once on x: refused again, its reason is what the agent needs to hear.
    const retry = shown(failure(1_800), 'x');
    bursts.observe([retry], of);
    expect(bursts.isOwnAlert(retry)).toBe(true);
    expect(bursts.takeSummary(DEFAULT_MESSAGES)).toBeUndefined();
    // Another card within the window: a burst, summarised.
    const other = shown(failure(2_500), 'y');
    bursts.observe([retry, other], of);
    expect(bursts.isOwnAlert(other)).toBe(false);
    expect(bursts.takeSummary(DEFAULT_MESSAGES)).toBe('1 more action failed. Each card says why.');
    // After a burst, x again within the window is part of it.
    const again = shown(failure(3_000), 'x');
    bursts.observe([other, again], of);
    expect(bursts.isOwnAlert(again)).toBe(false);
  });
});
