import { onTestFinished, vi } from 'vitest';

/**
 * Errors the code under test reports as uncaught by rethrowing them in a microtask (a host
 * callback's bug), caught for the current test instead of failing the run: returns the list they
 * are pushed to. `queueMicrotask` is restored when the test ends.
 */
export function catchReportedErrors(): unknown[] {
  const reported: unknown[] = [];
  const original = globalThis.queueMicrotask.bind(globalThis);
  const spy = vi.spyOn(globalThis, 'queueMicrotask').mockImplementation((callback) =>
    original(() => {
      try {
        callback();
      } catch (error) {
        reported.push(error);
      }
    }),
  );
  onTestFinished(() => spy.mockRestore());
  return reported;
}
