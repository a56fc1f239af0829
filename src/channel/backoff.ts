/** Reconnect back-off bounds. */
export interface BackoffOptions {
  /** First retry delay, and the step CometD adds on each failed retry. */
  readonly baseMs: number;
  /** The cap: no retry waits longer than this. */
  readonly maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 1000, maxMs: 30_000 };

/**
 * "Equal jitter": somewhere between half the delay and the whole of it. After a GWS restart
 * every agent's widget retries at once; spreading the retries keeps them from arriving as one
 * wave, while the lower half-bound keeps the back-off meaningful.
 */
export function jitter(delayMs: number, random: () => number = Math.random): number {
  if (delayMs <= 0) return 0;
  const half = delayMs / 2;
  return Math.round(half + random() * half);
}

/** Exponential back-off for the `attempt`-th retry (0-based), capped, then jittered. */
export function backoffDelay(attempt: number, options: BackoffOptions, random: () => number = Math.random): number {
  const exponential = options.baseMs * 2 ** Math.min(attempt, 30);
  return jitter(Math.min(options.maxMs, exponential), random);
}
