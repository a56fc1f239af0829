import { act } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { vi } from 'vitest';

/**
 * Fake timers that user-event and Testing Library can live with (test-only helper).
 *
 * Testing Library's async wrapper ends every user-event call by awaiting a `setTimeout(0)`, and
 * only advances it itself when it sees Jest's fake timers (a global `jest`). Under Vitest that
 * timeout is faked and never fires, so every click hangs; a `jest` shim that forwards to `vi`
 * lets it advance the clock as it would under Jest. Undo with `vi.useRealTimers()` and
 * `vi.unstubAllGlobals()`.
 */
export function setupWithFakeTimers() {
  vi.useFakeTimers();
  vi.stubGlobal('jest', { advanceTimersByTime: (ms: number) => vi.advanceTimersByTime(ms) });
  return userEvent.setup({ advanceTimers: (ms) => vi.advanceTimersByTime(ms) });
}

/**
 * Moves the fake clock on by `ms` inside `act`, running the timers and promises due meanwhile, so
 * React has rendered what they changed when it returns (test-only helper).
 */
export async function advanceTimers(ms = 50): Promise<void> {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });
}
