/** Polls `probe` until it returns something other than undefined/false, or fails after `timeoutMs`. */
export async function waitFor<T>(
  probe: () => T | undefined | false,
  what: string,
  timeoutMs = 3000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/**
 * A "must not happen" check over a window: polls `probe` every 20 ms for `durationMs` and fails at
 * the first `false`, naming `what`. The window should be derived from what would break it (e.g.
 * several back-off rounds), never a bare sleep followed by one look.
 */
export async function holdsFor(probe: () => boolean | Promise<boolean>, what: string, durationMs: number): Promise<void> {
  const deadline = Date.now() + durationMs;
  for (;;) {
    if (!(await probe())) throw new Error(`${what} stopped holding`);
    if (Date.now() >= deadline) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
