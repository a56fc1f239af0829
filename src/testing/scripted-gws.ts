/**
 * A scripted GWS behind a `fetch` double, for hosts' tests and ours: hand its `fetch` to
 * `createGwsClient({ fetch })` (or the `gwsClient` option) and script the snapshot and the answers
 * to operations. Part of `openmedia-widget/testing`.
 */
import { createFakeFetch, csrfHeaders, json } from './fake-fetch';
import type { FakeRequest } from './fake-fetch';
import type { OpenmediaResourceWire } from '../protocol/types';

/** Capabilities GWS gives in each state (the spec's examples). */
export const CAPABILITIES: Readonly<Record<string, readonly string[]>> = {
  Invited: ['Accept', 'Reject'],
  Processing: ['Transfer', 'AttachUserData', 'UpdateUserData', 'DeleteUserData', 'SetInFocus', 'Complete'],
  Completed: [],
};

/** A GWS open media resource as on the wire, with the capabilities of its state. */
export function resource(id: string, state = 'Invited', mediaType = 'workitem', userData: Record<string, string> = {}): OpenmediaResourceWire {
  return { id, mediaType, state, capabilities: [...(CAPABILITIES[state] ?? [])], userData, openmediaType: 'Inbound' };
}

/** A `StatusChange` notification carrying `openmedia` (and the referenceId of the request that caused it). */
export function statusChange(openmedia: OpenmediaResourceWire, referenceId?: number) {
  return { messageType: 'OpenmediaStateChangeMessage', notificationType: 'StatusChange', referenceId, openmedia };
}

/** An `Error` notification for the request with this referenceId. */
export function errorNotification(referenceId: number, errorMessage: string, openmedia?: OpenmediaResourceWire) {
  return { messageType: 'OpenmediaStateChangeMessage', notificationType: 'Error', referenceId, errorMessage, errorCode: 42, openmedia };
}

export interface ScriptedGws {
  /** Interactions each snapshot GET returns, by media type. */
  snapshots: Map<string, OpenmediaResourceWire[]>;
  /** Answer to a snapshot GET when set (overrides `snapshots`). */
  snapshotAnswer?: (mediaType: string) => Response | Promise<Response>;
  /** Answer to an operation POST carrying a valid token. Default `{statusCode: 0, referenceId: n}`. */
  operationAnswer?: (request: FakeRequest) => Response | Promise<Response>;
  /** Tokens the server refuses (403 Csrf). */
  refusedTokens: Set<string>;
  readonly requests: FakeRequest[];
  readonly fetch: typeof fetch;
}

/**
 * Keeps `gws.snapshots` in step with a message the test pushes on the channel, as a real GWS's
 * list would be: its resource is listed under its media type (replacing an earlier version) until
 * it is Completed. The client reads the list again after a gap and after an action that ends in
 * doubt (timed out, refused): a server that lists nothing while it notifies would end those cards.
 */
export function listOnServer(gws: ScriptedGws, message: unknown): void {
  const resource = (message as { readonly openmedia?: OpenmediaResourceWire } | null)?.openmedia;
  if (resource === undefined || typeof resource.mediaType !== 'string') return;
  const listed = (gws.snapshots.get(resource.mediaType) ?? []).filter((other) => other.id !== resource.id);
  if (resource.state !== 'Completed') listed.push(resource);
  gws.snapshots.set(resource.mediaType, listed);
}

/** A scripted GWS: /api/v2/me hands out token-1, token-2, …; snapshots and POSTs as configured. */
export function createScriptedGws(): ScriptedGws {
  let issued = 0;
  let reference = 100;
  const gws: Omit<ScriptedGws, 'requests' | 'fetch'> = { snapshots: new Map(), refusedTokens: new Set() };
  const fake = createFakeFetch((request) => {
    const path = new URL(request.url, 'http://gws.test').pathname;
    if (request.method === 'GET' && path === '/api/v2/me') {
      issued += 1;
      return json({ userName: 'agent' }, { headers: csrfHeaders(`token-${issued}`) });
    }
    const snapshot = /^\/api\/v2\/me\/openmedia\/([^/]+)$/.exec(path);
    if (request.method === 'GET' && snapshot?.[1] !== undefined) {
      const mediaType = decodeURIComponent(snapshot[1]);
      if (gws.snapshotAnswer) return gws.snapshotAnswer(mediaType);
      return json({ statusCode: 0, openmedia: gws.snapshots.get(mediaType) ?? [] });
    }
    if (request.method === 'POST') {
      const token = request.headers.get('X-CSRF-TOKEN');
      if (token === null || gws.refusedTokens.has(token)) return new Response('Missing or invalid Csrf token', { status: 403 });
      if (gws.operationAnswer) return gws.operationAnswer(request);
      reference += 1;
      return json({ statusCode: 0, referenceId: reference });
    }
    return new Response('not found', { status: 404 });
  });
  return Object.assign(gws, { requests: fake.requests, fetch: fake.fetch });
}
