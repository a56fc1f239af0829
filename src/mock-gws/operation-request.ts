import { KNOWN_OPERATIONS, type CreateRequest, type Operation, type OperationRequest } from '../protocol/types';
import { isPlainObject, readStringList, readUserData } from './resource-input';

export type Parsed<T> = { ok: true; request: T } | { ok: false; statusMessage: string };

function isOperation(name: string): name is Operation {
  return (KNOWN_OPERATIONS as readonly string[]).includes(name);
}

function missing(name: string): { ok: false; statusMessage: string } {
  return { ok: false, statusMessage: `Missing parameter: ${name}` };
}

function operationNameOf(body: unknown): { ok: true; name: string } | { ok: false; statusMessage: string } {
  if (!isPlainObject(body)) return { ok: false, statusMessage: 'The request body must be a JSON object with an operationName' };
  const name = body.operationName;
  if (name === undefined || name === null || name === '') return missing('operationName');
  if (typeof name !== 'string') return { ok: false, statusMessage: 'operationName must be a string' };
  return { ok: true, name };
}

/** Reads the body of `POST /api/v2/me/openmedia/{mediaType}/{id}`. Every refusal is GWS statusCode 1. */
export function parseOperationBody(body: unknown): Parsed<OperationRequest> {
  const named = operationNameOf(body);
  if (!named.ok) return named;
  const b = body as Record<string, unknown>;
  const { name } = named;
  if (name === 'Create') {
    return { ok: false, statusMessage: 'Create is posted to /api/v2/me/openmedia/{mediaType}, without an id' };
  }
  if (!isOperation(name)) {
    return { ok: false, statusMessage: `Unknown operationName "${name}"; expected one of ${KNOWN_OPERATIONS.join(', ')}` };
  }
  switch (name) {
    case 'Accept': {
      if (b.saveLAR !== undefined && typeof b.saveLAR !== 'boolean') return { ok: false, statusMessage: 'saveLAR must be a boolean' };
      return { ok: true, request: b.saveLAR === undefined ? { operationName: name } : { operationName: name, saveLAR: b.saveLAR } };
    }
    case 'Transfer': {
      if (b.targetUri === undefined || b.targetUri === null || b.targetUri === '') return missing('targetUri');
      if (typeof b.targetUri !== 'string') return { ok: false, statusMessage: 'targetUri must be a string' };
      return { ok: true, request: { operationName: name, targetUri: b.targetUri } };
    }
    case 'AttachUserData':
    case 'UpdateUserData': {
      if (b.userData === undefined || b.userData === null) return missing('userData');
      const userData = readUserData(b.userData);
      if (typeof userData === 'string') return { ok: false, statusMessage: userData };
      if (Object.keys(userData).length === 0) return missing('userData (no keys given)');
      return { ok: true, request: { operationName: name, userData } };
    }
    case 'DeleteUserData': {
      if (b.keys === undefined || b.keys === null) return missing('keys');
      const keys = readStringList(b.keys, 'keys');
      if (typeof keys === 'string') return { ok: false, statusMessage: keys };
      if (keys.length === 0) return missing('keys (empty list)');
      return { ok: true, request: { operationName: name, keys } };
    }
    case 'Reject':
    case 'SetInFocus':
    case 'Complete':
      return { ok: true, request: { operationName: name } };
  }
}

/** Reads the body of `POST /api/v2/me/openmedia/{mediaType}` (Create). */
export function parseCreateBody(body: unknown): Parsed<CreateRequest> {
  const named = operationNameOf(body);
  if (!named.ok) return named;
  const b = body as Record<string, unknown>;
  if (named.name !== 'Create') {
    return isOperation(named.name)
      ? { ok: false, statusMessage: `${named.name} is posted to /api/v2/me/openmedia/{mediaType}/{id}` }
      : { ok: false, statusMessage: `Unknown operationName "${named.name}"; only Create is posted here` };
  }
  if (b.queueUri === undefined || b.queueUri === null || b.queueUri === '') return missing('queueUri');
  if (typeof b.queueUri !== 'string') return { ok: false, statusMessage: 'queueUri must be a string' };
  if (b.parentId !== undefined && (typeof b.parentId !== 'string' || b.parentId === '')) {
    return { ok: false, statusMessage: 'parentId must be a non-empty string' };
  }
  return {
    ok: true,
    request: { operationName: 'Create', queueUri: b.queueUri, ...(typeof b.parentId === 'string' ? { parentId: b.parentId } : {}) },
  };
}
