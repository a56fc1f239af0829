/**
 * Test fixtures for the hook tests (and the UI helper's): a provider over an in-memory channel
 * and a scripted GWS behind a fake fetch. Not part of the public API.
 */
import { QueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { createGwsClient } from '../api/client';
import { createFakeFetch, csrfHeaders, json } from '../api/fake-fetch';
import type { FakeRequest } from '../api/fake-fetch';
import { createMemoryChannel } from '../channel/memory-channel';
import type { OpenmediaResourceWire } from '../protocol/types';
import { OpenmediaProvider } from './openmedia-provider';
import type { OpenmediaProviderProps } from './openmedia-provider';

export const CAPABILITIES: Readonly<Record<string, readonly string[]>> = {
  Invited: ['Accept', 'Reject'],
  Processing: ['Transfer', 'AttachUserData', 'UpdateUserData', 'DeleteUserData', 'SetInFocus', 'Complete'],
  Completed: [],
};

export function resource(id: string, state = 'Invited', mediaType = 'workitem', userData: Record<string, string> = {}): OpenmediaResourceWire {
  return { id, mediaType, state, capabilities: [...(CAPABILITIES[state] ?? [])], userData, openmediaType: 'Inbound' };
}

export function statusChange(openmedia: OpenmediaResourceWire, referenceId?: number) {
  return { messageType: 'OpenmediaStateChangeMessage', notificationType: 'StatusChange', referenceId, openmedia };
}

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

/** A scripted GWS: /api/v2/me hands out token-1, token-2, …; snapshots and POSTs as configured. */
export function scriptedGws(): ScriptedGws {
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

export interface Harness {
  readonly channel: ReturnType<typeof createMemoryChannel>;
  readonly gws: ScriptedGws;
  readonly queryClient: QueryClient;
  readonly wrapper: (props: { children: ReactNode }) => ReactNode;
}

/** A provider over a memory channel and a scripted GWS. */
export function createHarness(props: Partial<OpenmediaProviderProps> = {}): Harness {
  const channel = createMemoryChannel();
  const gws = scriptedGws();
  const queryClient = new QueryClient();
  const client = createGwsClient({ fetch: gws.fetch });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <OpenmediaProvider channel={channel} client={client} queryClient={queryClient} {...props}>
      {children}
    </OpenmediaProvider>
  );
  return { channel, gws, queryClient, wrapper };
}
