import { describe, expect, it } from 'vitest';
import type { ActionError } from '../core/types';
import { FailureBursts } from './failure-announcements';
import { DEFAULT_MESSAGES } from './messages';

function failure(at: number): ActionError {
  return { operation: 'Complete', message: 'No answer from the server', code: undefined, kind: 'timeout', referenceId: undefined, at };
}

/** A coordinator, and failures shown on named cards (`of` tells the card of each). */
function burstsWithCards() {
  const bursts = new FailureBursts();
  const on = new Map<ActionError, string>();
  const shown = (error: ActionError, id: string) => {
    on.set(error, id);
    return error;
  };
  const of = (error: ActionError) => on.get(error);
  return { bursts, shown, of };
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
    const { bursts, shown, of } = burstsWithCards();
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

  it('lets the failure on the card that has focus alert by itself within a burst; the others are summarised as "N more"', () => {
    const { bursts, shown, of } = burstsWithCards();
    let focused: string | undefined;
    const focus = () => focused;
    const first = shown(failure(1_000), 'x');
    bursts.observe([first], of, focus);
    expect(bursts.isOwnAlert(first)).toBe(true);
    // 1.2 s later the agent, now on y, is refused there: that is what it waits to hear.
    focused = 'y';
    const onY = shown(failure(2_200), 'y');
    bursts.observe([first, onY], of, focus);
    expect(bursts.isOwnAlert(onY)).toBe(true);
    expect(bursts.takeSummary(DEFAULT_MESSAGES)).toBeUndefined();
    // Three at once, one of them on the focused card z: its own alert, and "2 more".
    focused = 'z';
    const three = [shown(failure(2_500), 'u'), shown(failure(2_500), 'z'), shown(failure(2_500), 'v')];
    bursts.observe([first, onY, ...three], of, focus);
    expect(three.map((e) => bursts.isOwnAlert(e))).toEqual([false, true, false]);
    expect(bursts.takeSummary(DEFAULT_MESSAGES)).toBe('2 more actions failed. Each card says why.');
    // Without focus on any of them, a close failure is summarised as before.
    focused = undefined;
    const unfocused = shown(failure(3_000), 'w');
    bursts.observe([unfocused], of, focus);
    expect(bursts.isOwnAlert(unfocused)).toBe(false);
  });
});
