import { OPENMEDIA_CHANNEL, parseSnapshot } from '../protocol/parse';
import type { OpenmediaInteraction, RejectionReason } from '../protocol/types';
import { GwsRequestError, statusCodeMessage } from './errors';
import type { GwsHttp } from './http';

/** The interactions GWS holds for the agent, for one media type. */
export interface SnapshotResult {
  readonly mediaType: string;
  readonly interactions: readonly OpenmediaInteraction[];
  /** Items of the list that could not be read (the rest still apply). */
  readonly rejected: readonly RejectionReason[];
}

export function snapshotPath(mediaType: string): string {
  return `/api/v2/me/openmedia/${encodeURIComponent(mediaType)}?fields=*`;
}

/** `GET /api/v2/me/openmedia/{mediaType}?fields=*`, parsed. Rejects with a `GwsRequestError`. */
export async function fetchSnapshot(http: GwsHttp, mediaType: string, signal?: AbortSignal): Promise<SnapshotResult> {
  const body = await http.get(snapshotPath(mediaType), signal);
  const parsed = parseSnapshot(body, OPENMEDIA_CHANNEL);
  if (parsed.ok) return { mediaType, interactions: parsed.interactions, rejected: parsed.rejected };
  if (parsed.reason === 'status-code' && parsed.statusCode !== undefined) {
    throw new GwsRequestError({
      kind: 'status-code',
      statusCode: parsed.statusCode,
      message: statusCodeMessage(parsed.statusCode, parsed.statusMessage),
    });
  }
  throw new GwsRequestError({ kind: 'http', message: `GWS sent a snapshot of ${mediaType} the widget cannot read (${parsed.reason}).` });
}
