import type { OpenmediaInteraction, RejectionReason } from '../../protocol/types';
import { parseCurrentSession } from '../../protocol/workspace-v3/parse';
import type { WorkspaceV3Session } from '../../protocol/workspace-v3/session';
import { GwsRequestError, isGwsRequestError } from '../errors';
import type { SnapshotResult } from '../snapshot';
import type { WorkspaceV3Http } from './http';

export const CURRENT_SESSION_PATH = '/workspace/v3/current-session';

/**
 * Waits between attempts of a failed `current-session` read: the simulator refuses it (403) for
 * about 1.75 s after an agent's first handshake, and a server just back from a gap may fail once.
 * About 7.5 s in all before the failure is shown.
 */
export const SNAPSHOT_RETRY_DELAYS_MS: readonly number[] = [250, 500, 1_000, 2_000, 4_000];

interface SessionSnapshot {
  readonly interactions: readonly OpenmediaInteraction[];
  readonly rejected: readonly RejectionReason[];
  readonly unreadable: readonly { readonly id: string; readonly mediaType: string | undefined }[];
}

function retryable(error: unknown): boolean {
  if (!isGwsRequestError(error)) return false;
  // 401 is a lost session and a status-code answer a considered refusal: neither improves by waiting.
  if (error.kind === 'unauthorized' || error.kind === 'status-code') return false;
  return error.kind === 'network' || error.status === undefined || error.status === 403 || error.status === 429 || error.status >= 500;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * One `current-session` read shared by every media type: the widget asks for each media type at
 * once (after a gap, for all of them), and the answer is large (~180 kB on the simulator), so the
 * reads that start while one is in flight share it. Each caller gets its media type, de-duplicated.
 */
export function createCurrentSessionReader(
  http: WorkspaceV3Http,
  session: WorkspaceV3Session,
  retryDelaysMs: readonly number[] = SNAPSHOT_RETRY_DELAYS_MS,
) {
  /** The read in flight, how many callers still wait for it, and how to stop it once none does. */
  let inFlight: { readonly promise: Promise<SessionSnapshot>; waiting: number; readonly abandon: () => void } | undefined;

  async function readOnce(signal: AbortSignal): Promise<SessionSnapshot> {
    const body = await http.get(CURRENT_SESSION_PATH, signal);
    const parsed = parseCurrentSession(body, session);
    if (parsed.ok) return parsed;
    if (parsed.reason === 'status-code' && parsed.code !== undefined) {
      throw new GwsRequestError({ kind: 'status-code', statusCode: parsed.code, message: parsed.message ?? `The Workspace API refused current-session (status code ${parsed.code}).` });
    }
    throw new GwsRequestError({ kind: 'http', message: `The Workspace API sent a current-session the widget cannot read (${parsed.reason}).` });
  }

  /** Retries a failed read after each delay; stops when `signal` aborts (nobody waits for it any more). */
  async function readWithRetries(signal: AbortSignal): Promise<SessionSnapshot> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await readOnce(signal);
      } catch (error) {
        const delay = retryDelaysMs[attempt];
        if (signal.aborted || delay === undefined || !retryable(error)) throw error;
        await sleep(delay);
        if (signal.aborted) throw signal.reason;
      }
    }
  }

  function shared(): { readonly promise: Promise<SessionSnapshot>; waiting: number; readonly abandon: () => void } {
    if (inFlight !== undefined) return inFlight;
    const stop = new AbortController();
    const read = {
      promise: readWithRetries(stop.signal).finally(() => {
        if (inFlight === read) inFlight = undefined;
      }),
      waiting: 0,
      abandon: () => stop.abort(new DOMException('Every caller gave up on this read', 'AbortError')),
    };
    // Nobody may be listening when an abandoned read fails: its rejection is handled here.
    read.promise.catch(() => undefined);
    inFlight = read;
    return read;
  }

  return async function read(mediaType: string, signal?: AbortSignal): Promise<SnapshotResult> {
    if (signal?.aborted) throw signal.reason ?? new DOMException('aborted', 'AbortError');
    // One caller giving up (a newer read replaced it) must not abort the read the others share.
    // Once every caller gave up, a later one gets a read of its own: the widget replaces its reads
    // after a gap, and an answer to a request sent before the gap may miss what happened in it.
    const result = await new Promise<SessionSnapshot>((resolve, reject) => {
      const read = shared();
      read.waiting += 1;
      let done = false;
      const leave = () => {
        if (done) return;
        done = true;
        read.waiting -= 1;
        // Every caller gave up (a newer read replaced them): this one stops, retries and all
        // (a large answer each, read again in the 403 window for nobody).
        if (read.waiting === 0 && inFlight === read) {
          inFlight = undefined;
          read.abandon();
        }
      };
      const onAbort = () => {
        leave();
        reject(signal?.reason ?? new DOMException('aborted', 'AbortError'));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      read.promise.then(resolve, reject).finally(() => {
        leave();
        signal?.removeEventListener('abort', onAbort);
      });
    });
    // An unreadable item whose media type cannot be told is listed for every type: not gone.
    const unreadableIds = result.unreadable.filter((item) => item.mediaType === undefined || item.mediaType === mediaType).map((item) => item.id);
    const others = [...new Set(result.interactions.map((interaction) => interaction.mediaType))].filter((type) => type !== mediaType);
    return {
      mediaType,
      interactions: result.interactions.filter((interaction) => interaction.mediaType === mediaType),
      rejected: result.rejected,
      ...(unreadableIds.length === 0 ? {} : { unreadableIds }),
      ...(others.length === 0 ? {} : { otherMediaTypes: others }),
    };
  };
}
