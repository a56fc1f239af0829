import { isGwsRequestError } from '../errors';

/**
 * How long to wait before reading `current-session` a second time after a 403. The simulator
 * also answers 403 for about 1.75 s after an agent's first handshake, while the session is
 * being set up; a session it does not know answers 403 on every read.
 */
export const SESSION_RECHECK_DELAY_MS = 2_500;

export interface V3SessionCheckOptions {
  /** Between the two reads after a 403. Default {@link SESSION_RECHECK_DELAY_MS}. */
  readonly recheckDelayMs?: number;
  /** Gives up when aborted (the client closed): answers false. */
  readonly signal?: AbortSignal;
}

/** 401, or 403: what the Workspace API answers a cookie it cannot tie to an agent (simulator: 403, no body). */
function refusal(error: unknown): 401 | 403 | undefined {
  if (!isGwsRequestError(error)) return undefined;
  if (error.kind === 'unauthorized' || error.status === 401) return 401;
  return error.status === 403 ? 403 : undefined;
}

function wait(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
  });
}

/**
 * Whether the Workspace API v3 no longer knows the agent's session, asked when CometD handshakes
 * keep leading nowhere. `readSession` is one `GET /workspace/v3/current-session`. A 401 is a
 * lost session at once; a 403 only when a second read, {@link SESSION_RECHECK_DELAY_MS} later,
 * is refused too (a session still being set up answers 403 for a moment). Any answer, a network
 * failure or another error: not known to be gone, so the channel keeps reconnecting.
 */
export async function isV3SessionGone(readSession: () => Promise<unknown>, options: V3SessionCheckOptions = {}): Promise<boolean> {
  const first = await readSession().then(
    () => undefined,
    (error: unknown) => refusal(error),
  );
  if (first === undefined) return false;
  if (first === 401) return true;
  await wait(options.recheckDelayMs ?? SESSION_RECHECK_DELAY_MS, options.signal);
  if (options.signal?.aborted) return false;
  const second = await readSession().then(
    () => undefined,
    (error: unknown) => refusal(error),
  );
  return second !== undefined;
}
