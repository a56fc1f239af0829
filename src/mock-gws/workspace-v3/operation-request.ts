import { isPlainObject } from '../resource-input';
import type { EngineRequest } from '../wire';
import { readKvList } from './interaction';
import { V3_VERBS } from './rules';

export type V3Request =
  | { readonly ok: true; readonly request: EngineRequest; readonly operationId: string | undefined }
  | { readonly ok: false; readonly message: string; readonly operationId: string | undefined };

const BY_VERB: ReadonlyMap<string, EngineRequest['operationName']> = new Map(Object.entries(V3_VERBS).map(([op, { verb }]) => [verb, op as EngineRequest['operationName']]));

/** The v3 verbs the mock answers, for error messages. */
export const KNOWN_VERBS: readonly string[] = [...BY_VERB.keys()];

function dataOf(body: Record<string, unknown>): Record<string, unknown> | string {
  if (body.data === undefined) return {};
  return isPlainObject(body.data) ? body.data : 'data must be an object';
}

/**
 * Reads `POST /workspace/v3/media/{mt}/interactions/{id}/{verb}` with its body
 * `{operationId?, data?}`. delete-user-data takes the API's `data.keys` or the simulator's
 * `data.userData[].key` (both work on the mock; the simulator ignores the first).
 */
export function readV3Request(verb: string, body: unknown): V3Request {
  if (body !== undefined && !isPlainObject(body)) return { ok: false, message: 'The request body must be a JSON object', operationId: undefined };
  const b = body ?? {};
  if (b.operationId !== undefined && (typeof b.operationId !== 'string' || b.operationId === '')) {
    return { ok: false, message: 'operationId must be a non-empty string', operationId: undefined };
  }
  const operationId = b.operationId as string | undefined;
  const fail = (message: string): V3Request => ({ ok: false, message, operationId });
  const name = BY_VERB.get(verb);
  if (name === undefined) return fail(`Unknown operation "${verb}"; expected one of ${KNOWN_VERBS.join(', ')}`);
  const data = dataOf(b);
  if (typeof data === 'string') return fail(data);
  const ok = (request: EngineRequest): V3Request => ({ ok: true, request, operationId });

  switch (name) {
    case 'Accept':
    case 'Reject':
    case 'Complete':
      return ok({ operationName: name });
    case 'Transfer':
      if (typeof data.agentId !== 'string' || data.agentId === '') return fail('Missing parameter: data.agentId');
      return ok({ operationName: 'Transfer', targetUri: data.agentId });
    case 'PlaceInQueue':
      if (typeof data.queue !== 'string' || data.queue === '') return fail('Missing parameter: data.queue');
      return ok({ operationName: 'PlaceInQueue', queue: data.queue });
    case 'AttachUserData':
    case 'UpdateUserData': {
      const read = readKvList(data.userData, 'data.userData');
      if (typeof read === 'string') return fail(read);
      if (Object.keys(read.userData).length === 0) return fail('Missing parameter: data.userData (no keys given)');
      return ok({ operationName: name, userData: read.userData, types: read.types });
    }
    case 'DeleteUserData': {
      let keys: string[];
      if (data.keys !== undefined) {
        if (!Array.isArray(data.keys) || !data.keys.every((k): k is string => typeof k === 'string')) return fail('data.keys must be a list of strings');
        keys = data.keys;
      } else {
        const read = readKvList(data.userData, 'data.userData', false);
        if (typeof read === 'string') return fail(`Missing parameter: data.keys (${read})`);
        keys = Object.keys(read.userData);
      }
      if (keys.length === 0) return fail('Missing parameter: data.keys (empty list)');
      return ok({ operationName: 'DeleteUserData', keys });
    }
    default:
      return fail(`Unknown operation "${verb}"`);
  }
}
