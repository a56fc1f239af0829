import { parseRestAnswer } from '../protocol/parse';
import type { OperationRequest, RestAnswer } from '../protocol/types';
import { GwsRequestError } from './errors';
import type { GwsHttp } from './http';

export function operationPath(mediaType: string, interactionId: string): string {
  return `/api/v2/me/openmedia/${encodeURIComponent(mediaType)}/${encodeURIComponent(interactionId)}`;
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
  const parsed = parseRestAnswer(body);
  if (parsed.ok) return parsed.answer;
  throw new GwsRequestError({
    kind: 'http',
    message: `GWS sent an answer to ${request.operationName} the widget cannot read (${parsed.reason}).`,
  });
}
