import type { OperationRequest, RestAnswer, UserDataValue } from '../../protocol/types';
import { booleanOf, isBooleanType, isIntegerType, toKvPair, wholeNumberOf } from '../../protocol/workspace-v3/kv-list';
import { parseV3Answer } from '../../protocol/workspace-v3/parse';
import type { WorkspaceV3Session } from '../../protocol/workspace-v3/session';
import { GwsRequestError } from '../errors';
import type { WorkspaceV3Http } from './http';
import { pathSegment } from '../path-segment';

/** Where a Transfer goes in v3: an agent (`transfer-agent`) or a queue / workbin (`place-in-queue`). */
export type V3TransferTarget = { readonly kind: 'agent'; readonly agentId: string } | { readonly kind: 'queue'; readonly queue: string };

const AGENT_SEGMENTS = new Set(['users', 'agents', 'agent']);
const QUEUE_SEGMENTS = new Set(['queues', 'workbins', 'queue', 'workbin']);

/**
 * Reads the widget's `targetUri` as a v3 target: `agent:KateLondon` / `queue:name`, or a URI whose
 * last two segments are `users|agents/{id}` or `queues|workbins/{name}` (what a host's v2 target
 * list already holds). Undefined when it names neither.
 */
export function readTransferTarget(targetUri: string): V3TransferTarget | undefined {
  const scheme = /^(agent|queue|workbin):(.+)$/i.exec(targetUri.trim());
  if (scheme) {
    const [, kind = '', id = ''] = scheme;
    return kind.toLowerCase() === 'agent' ? { kind: 'agent', agentId: id } : { kind: 'queue', queue: id };
  }
  let path: string;
  try {
    path = new URL(targetUri, 'http://target.invalid').pathname;
  } catch {
    return undefined;
  }
  const segments = path.split('/').filter(Boolean).map((s) => decodeURIComponent(s));
  const id = segments.at(-1);
  const kind = segments.at(-2)?.toLowerCase();
  if (id === undefined || kind === undefined) return undefined;
  if (AGENT_SEGMENTS.has(kind)) return { kind: 'agent', agentId: id };
  if (QUEUE_SEGMENTS.has(kind)) return { kind: 'queue', queue: id };
  return undefined;
}

interface V3Call {
  readonly verb: string;
  readonly data?: Record<string, unknown>;
}

/** A value a typed key cannot hold, refused before anything is sent; the card says why. */
function typeRefusal(key: string, type: string | undefined, value: UserDataValue, holds: string, hint: string): GwsRequestError {
  const shown = value === null || value === '' ? 'an empty value' : String(value);
  return new GwsRequestError({ kind: 'http', message: `${key} holds ${holds} on this server (type ${type}): ${shown} was not sent.${hint}` });
}

function callFor(interactionId: string, request: OperationRequest, session: WorkspaceV3Session): V3Call {
  switch (request.operationName) {
    case 'Accept':
      return { verb: 'accept' };
    case 'Reject':
      return { verb: 'reject' };
    case 'Complete':
      return { verb: 'complete' };
    case 'Transfer': {
      const target = readTransferTarget(request.targetUri);
      if (target === undefined) {
        throw new GwsRequestError({ kind: 'http', message: `Cannot transfer to ${request.targetUri}: neither an agent nor a queue.` });
      }
      // Sent as asked, whatever the server listed last: what it listed may be older than the card
      // (a read that travelled while news came), and its refusal says why on the card.
      if (target.kind === 'agent') return { verb: 'transfer-agent', data: { agentId: target.agentId } };
      session.notePlacedInQueue(interactionId);
      return { verb: 'place-in-queue', data: { queue: target.queue } };
    }
    case 'AttachUserData':
    case 'UpdateUserData': {
      // Both as update-user-data, which merges by key and appends a key not there yet (the spec):
      // what Add data asks for. attach-user-data is never answered by Genesys's own simulator
      // (an Add data could only time out, the key never added).
      const userData = Object.entries(request.userData).map(([key, value]) => {
        const type = session.typeOf(interactionId, key);
        // Sent as text it would change the key's type on the server (routing and reports read
        // `int` keys as numbers), and past 2^53 it would not be the number typed: not sent, and
        // the card says why.
        if (isIntegerType(type) && wholeNumberOf(value) === undefined) throw typeRefusal(key, type, value, 'whole numbers', ' Enter a whole number, such as 7.');
        // A bool key holds true or false; anything else would change its type (a host's own perform(): the card keeps it read-only).
        if (isBooleanType(type) && booleanOf(value) === undefined) throw typeRefusal(key, type, value, 'true or false', '');
        return toKvPair(key, value, type);
      });
      // A server that lists attach-user-data and not update-user-data gets the verb it allows.
      const verb = session.allows(interactionId, 'updateuserdata') === false && session.allows(interactionId, 'attachuserdata') === true ? 'attach-user-data' : 'update-user-data';
      return { verb, data: { userData } };
    }
    case 'DeleteUserData':
      // `keys` is the documented body; the simulator reads `userData[].key` and ignores `keys`.
      // Each reads its own field, so sending both works against both.
      return { verb: 'delete-user-data', data: { keys: [...request.keys], userData: request.keys.map((key) => ({ key })) } };
    case 'SetInFocus':
      throw new GwsRequestError({ kind: 'http', message: 'Set in focus does not exist in the Workspace API v3.' });
  }
}

export function v3OperationPath(mediaType: string, interactionId: string, verb: string): string {
  return `/workspace/v3/media/${pathSegment(mediaType)}/interactions/${pathSegment(interactionId)}/${verb}`;
}

/**
 * `POST /workspace/v3/media/{mediatype}/interactions/{id}/{verb}` with a fresh `operationId`.
 * The answer in the widget's terms: `status.code` 1 (accepted, the notification carrying the
 * operationId follows) is `statusCode 0` with that operation's referenceId; 0 (done at once) is
 * `statusCode 0` marked `done` (the action succeeds without waiting; a notification that still
 * carries the operationId later finds nothing pending); 2 (partial) and any other code are
 * refusals with the server's message.
 */
export async function performV3Operation(
  http: WorkspaceV3Http,
  session: WorkspaceV3Session,
  mediaType: string,
  interactionId: string,
  request: OperationRequest,
  signal?: AbortSignal,
): Promise<RestAnswer> {
  const { verb, data } = callFor(interactionId, request, session);
  const { operationId, referenceId } = session.nextOperation();
  const body = await http.post(v3OperationPath(mediaType, interactionId, verb), data === undefined ? { operationId } : { operationId, data }, signal);
  // A 2xx without a body, or with one that says no status (`{}`, `{operationId}`): taken, as
  // status.code 1 says; the operationId is ours, so the notification carrying it still settles the
  // action. A status the widget cannot read is another matter: it may say a refusal.
  if (body === undefined || (typeof body === 'object' && body !== null && !Array.isArray(body) && !('status' in body))) {
    return { statusCode: 0, referenceId, statusMessage: undefined };
  }
  const parsed = parseV3Answer(body);
  if (!parsed.ok) {
    throw new GwsRequestError({ kind: 'http', message: `The Workspace API sent an answer to ${verb} the widget cannot read (${parsed.reason}).` });
  }
  const { code, message } = parsed.answer;
  // The server's own id for the request (the spec's answer carries none; another server may choose
  // one): its notifications may name the request by it.
  const echoed = parsed.answer.operationId;
  if (echoed !== undefined && echoed.trim() !== '' && echoed !== operationId) session.alias(echoed, referenceId);
  if (code === 1) return { statusCode: 0, referenceId, statusMessage: message };
  if (code === 0) return { statusCode: 0, referenceId, statusMessage: message, done: true };
  if (code === 2) return { statusCode: 7, serverCode: 2, referenceId: undefined, statusMessage: message ?? `${request.operationName} only partly succeeded.` };
  return { statusCode: code, referenceId: undefined, statusMessage: message ?? `The Workspace API refused ${verb} (status code ${code}).` };
}
