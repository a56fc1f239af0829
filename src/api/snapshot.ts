import { OPENMEDIA_CHANNEL, idText, parseSnapshot } from '../protocol/parse';
import type { OpenmediaInteraction, RejectionReason } from '../protocol/types';
import { GwsRequestError, statusCodeMessage } from './errors';
import type { GwsHttp } from './http';
import { pathSegment } from './path-segment';

/** The interactions GWS holds for the agent, for one media type. */
export interface SnapshotResult {
  readonly mediaType: string;
  readonly interactions: readonly OpenmediaInteraction[];
  /** Items of the list that could not be read (the rest still apply). */
  readonly rejected: readonly RejectionReason[];
  /**
   * The ids of unreadable items that still carry a string `id`: the server lists them, so they
   * are not gone. Optional for a host's own `GwsClient`.
   */
  readonly unreadableIds?: readonly string[];
  /**
   * Other media types the same answer listed interactions of (a Workspace API v3 `current-session`
   * lists every type at once): the client reads them too, so an interaction of a type it was not
   * told of is not missing. Optional.
   */
  readonly otherMediaTypes?: readonly string[];
}

/** Ids of the raw list's items that the parser did not return (a failed item is still listed). */
function unreadableIdsOf(body: unknown, resourceKey: string, read: readonly OpenmediaInteraction[]): string[] {
  if (typeof body !== 'object' || body === null) return [];
  const list: unknown = (body as Record<string, unknown>)[resourceKey];
  if (!Array.isArray(list)) return [];
  const readIds = new Set(read.map((interaction) => interaction.id));
  const ids: string[] = [];
  for (const item of list) {
    // As the parser reads it: an id written as a number is the same interaction as its digits.
    const id = typeof item === 'object' && item !== null ? idText((item as Record<string, unknown>).id) : undefined;
    if (id !== undefined && id !== '' && !readIds.has(id)) ids.push(id);
  }
  return ids;
}

export function snapshotPath(mediaType: string): string {
  return `/api/v2/me/openmedia/${pathSegment(mediaType)}?fields=*`;
}

/** `GET /api/v2/me/openmedia/{mediaType}?fields=*`, parsed. Rejects with a `GwsRequestError`. */
export async function fetchSnapshot(http: GwsHttp, mediaType: string, signal?: AbortSignal): Promise<SnapshotResult> {
  const body = await http.get(snapshotPath(mediaType), signal);
  const parsed = parseSnapshot(body, OPENMEDIA_CHANNEL, mediaType);
  if (parsed.ok) {
    const result = { mediaType, interactions: parsed.interactions, rejected: parsed.rejected };
    if (parsed.rejected.length === 0) return result;
    return { ...result, unreadableIds: unreadableIdsOf(body, OPENMEDIA_CHANNEL.resourceKey, parsed.interactions) };
  }
  if (parsed.reason === 'status-code' && parsed.statusCode !== undefined) {
    throw new GwsRequestError({
      kind: 'status-code',
      statusCode: parsed.statusCode,
      message: statusCodeMessage(parsed.statusCode, parsed.statusMessage),
    });
  }
  throw new GwsRequestError({ kind: 'http', message: `GWS sent a snapshot of ${mediaType} the widget cannot read (${parsed.reason}).` });
}
