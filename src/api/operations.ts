import { parseRestAnswer } from '../protocol/parse';
import type { OperationRequest, RestAnswer } from '../protocol/types';
import { GwsRequestError } from './errors';
import type { GwsHttp } from './http';
import { pathSegment } from './path-segment';

const ACCEPTED_WITHOUT_REFERENCE: RestAnswer = { statusCode: 0, referenceId: undefined, statusMessage: undefined };

export function operationPath(mediaType: string, interactionId: string): string {
  return `/api/v2/me/openmedia/${pathSegment(mediaType)}/${pathSegment(interactionId)}`;
}

/**
 * `POST /api/v2/me/openmedia/{mediaType}/{id}` with the operation as body. Resolves with GWS's
 * immediate answer: `statusCode: 0` means accepted (the outcome follows as a notification with
 * the same `referenceId`), another code means refused. Rejects with a `GwsRequestError` when
 * the request itself failed.
 */
export async function performOperation(
  http: GwsHttp,
  mediaType: string,
  interactionId: string,
  request: OperationRequest,
  signal?: AbortSignal,
): Promise<RestAnswer> {
  const body = await http.post(operationPath(mediaType, interactionId), request, signal);
  // A 2xx without a body (a 202 or 204 from a server or proxy that answers so): the request was
  // taken, with no referenceId to match its outcome by; the news about the interaction, or the
  // deadline and the read after it, decides.
  if (body === undefined) return ACCEPTED_WITHOUT_REFERENCE;
  const parsed = parseRestAnswer(body);
  if (parsed.ok) return parsed.answer;
  throw new GwsRequestError({
    kind: 'http',
    message: `GWS sent an answer to ${request.operationName} the widget cannot read (${parsed.reason}).`,
  });
}
