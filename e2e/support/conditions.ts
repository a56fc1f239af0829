import { expect } from '@playwright/test';

/**
 * Asserts that `read()` stays within `max` for the whole of `windowMs`, reading it every
 * `everyMs`: the opposite of waiting for a condition, for things that must NOT happen (a
 * reconnect storm). Ends early with a failure at the first reading past `max`.
 */
export async function expectStaysAtMost(
  what: string,
  read: () => Promise<number>,
  max: number,
  windowMs: number,
  everyMs = 250,
): Promise<void> {
  const deadline = Date.now() + windowMs;
  let readings = 0;
  for (;;) {
    const value = await read();
    readings += 1;
    expect(value, `${what} (reading ${readings})`).toBeLessThanOrEqual(max);
    if (Date.now() >= deadline) break;
    await new Promise((resolve) => setTimeout(resolve, Math.min(everyMs, Math.max(0, deadline - Date.now()))));
  }
  expect(readings, `${what}: enough readings over the window`).toBeGreaterThan(Math.floor(windowMs / everyMs / 2));
}
