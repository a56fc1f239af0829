import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createMockGwsHandler } from '../mock-gws/handler';
import type { MockGwsHandler } from '../mock-gws/handler';
import { CookieJar } from '../test-support/cookie-jar';
import { adaptWithJar } from '../test-support/test-cometd-client';
import { holdsFor, waitFor } from '../test-support/wait-for';
import { createOpenmediaClient } from './openmedia-client';
import type { OpenmediaClient } from './openmedia-client';
import type { OpenmediaClientOptions } from './client-options';

// The whole Workspace API v3 client (real CometD 9 client over cometd-nodejs-client, the
// dialect's REST client) against the mock as a stricter production server than the simulator
// may be: an API key required on every request, and CometD wildcard subscriptions refused. One
// cookie jar per file (cometd-nodejs-client's window is process-wide).

const API_KEY = 'key-7f3a';
const EXACT_CHANNELS = ['/workspace/v3/media/workitem', '/workspace/v3/media/email'];

interface SeenRequest {
  readonly path: string;
  readonly apiKey: string | undefined;
  status: number;
}

const jar = new CookieJar();
const realFetch = globalThis.fetch;
let server: Server | undefined;
let mock: MockGwsHandler;
let url = '';
let client: OpenmediaClient | undefined;
const requests: SeenRequest[] = [];
/** The channels whose subscription the server refused, read from its CometD replies. */
const refusedSubscriptions: string[] = [];

/** Notes the subscriptions a CometD reply refuses (the reply is JSON written through `res`). */
function watchSubscribeReplies(res: ServerResponse): void {
  const chunks: string[] = [];
  const write = res.write.bind(res) as (chunk: unknown, ...rest: unknown[]) => boolean;
  const end = res.end.bind(res) as (chunk?: unknown, ...rest: unknown[]) => ServerResponse;
  const keep = (chunk: unknown) => {
    if (typeof chunk === 'string' || Buffer.isBuffer(chunk)) chunks.push(chunk.toString());
  };
  res.write = ((chunk: unknown, ...rest: unknown[]) => {
    keep(chunk);
    return write(chunk, ...rest);
  }) as ServerResponse['write'];
  res.end = ((chunk?: unknown, ...rest: unknown[]) => {
    if (typeof chunk !== 'function') keep(chunk);
    return end(chunk, ...rest);
  }) as ServerResponse['end'];
  res.on('finish', () => {
    let replies: unknown;
    try {
      replies = JSON.parse(chunks.join(''));
    } catch {
      return;
    }
    for (const reply of Array.isArray(replies) ? (replies as { channel?: string; successful?: boolean; subscription?: string }[]) : []) {
      if (reply.channel === '/meta/subscribe' && reply.successful === false && typeof reply.subscription === 'string') refusedSubscriptions.push(reply.subscription);
    }
  });
}

beforeAll(() => {
  adaptWithJar(jar);
});

afterEach(async () => {
  client?.dispose();
  client = undefined;
  vi.unstubAllGlobals();
  mock.close();
  await new Promise<void>((resolve) => {
    server?.close(() => resolve());
    server?.closeAllConnections();
  });
  server = undefined;
});

async function startMock(): Promise<void> {
  jar.clear();
  requests.length = 0;
  refusedSubscriptions.length = 0;
  mock = createMockGwsHandler({ dialect: 'workspace-v3', outcomeDelayMs: 10, longPollTimeoutMs: 2_000, apiKey: API_KEY, refuseWildcardSubscriptions: true });
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://mock.invalid').pathname;
    const value = req.headers['x-api-key'];
    const seen: SeenRequest = { path, apiKey: Array.isArray(value) ? value[0] : value, status: 0 };
    requests.push(seen);
    res.on('finish', () => (seen.status = res.statusCode));
    if (path.startsWith('/workspace/v3/notifications')) watchSubscribeReplies(res);
    mock.handle(req, res);
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  mock.setDefaultHost(url.slice('http://'.length));
}

/** The browser's fetch: the jar CometD's XMLHttpRequest uses carries the session cookie. */
async function jarFetch(input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  const cookie = jar.header();
  if (cookie) headers.set('Cookie', cookie);
  const response = await realFetch(input, { ...init, headers });
  jar.storeFrom(response.headers);
  return response;
}

function startClient(options: Partial<OpenmediaClientOptions>): OpenmediaClient {
  vi.stubGlobal('fetch', jarFetch);
  const started = createOpenmediaClient({
    dialect: 'workspace-v3',
    gwsBase: url,
    shareConnection: false,
    recordLimit: 0,
    schedule: (flush) => queueMicrotask(flush),
    ...options,
  });
  client = started;
  started.start();
  return started;
}

const statusOf = (openmedia: OpenmediaClient) => openmedia.getSnapshot().status;
const cometdRequests = () => requests.filter((r) => r.path.startsWith('/workspace/v3/notifications'));

describe('a Workspace API v3 server that wants an API key and exact channels', () => {
  it('with apiKey and the exact channels: every request carries the key, the client goes Live and hears an offer', async () => {
    await startMock();
    const openmedia = startClient({ apiKey: API_KEY, cometdChannels: EXACT_CHANNELS });
    await waitFor(() => statusOf(openmedia) === 'connected', 'connected', 5_000);
    const { id } = mock.control.offer();
    await waitFor(() => openmedia.getSnapshot().state.byId.get(id)?.interaction.state === 'Invited', `the offer ${id}, pushed`);
    expect(cometdRequests().length).toBeGreaterThanOrEqual(3);
    // The REST reads (current-session, answered) carry it as well.
    await waitFor(() => requests.some((r) => r.path === '/workspace/v3/current-session' && r.status === 200), 'the current-session read, answered');
    expect(requests.filter((r) => r.apiKey !== API_KEY)).toEqual([]);
    expect(requests.filter((r) => r.status === 403)).toEqual([]);
    expect(refusedSubscriptions).toEqual([]);
  });

  it('without a list: the wildcard is refused twice, the client falls back to the exact channels of its media types and goes Live', async () => {
    await startMock();
    const openmedia = startClient({ apiKey: API_KEY });
    // What the widget's banner is told meanwhile: reconnecting, and why, in the server's words.
    const said: string[] = [];
    openmedia.subscribe(() => {
      const { status, refusal } = openmedia.getSnapshot();
      if (said.at(-1) !== `${status} ${refusal ?? ''}`) said.push(`${status} ${refusal ?? ''}`);
    });
    await waitFor(() => statusOf(openmedia) === 'connected', 'connected on the exact channels', 10_000);
    // Refused in two sessions in a row (one could be a session not yet tied to an agent), then the exact channels.
    expect(refusedSubscriptions).toEqual(['/workspace/v3/media/*', '/workspace/v3/media/*']);
    // (cometd-nodejs-server's words for a subscription its policy refuses.)
    expect(said).toContain('reconnecting 403::subscribe_denied');
    expect(said.at(-1)).toBe('connected ');
    expect(openmedia.getSnapshot().refusal).toBeUndefined();
    const { id } = mock.control.offer();
    await waitFor(() => openmedia.getSnapshot().state.byId.get(id)?.interaction.state === 'Invited', `the offer ${id}, pushed`);
    await holdsFor(() => statusOf(openmedia) === 'connected', 'still Live', 500);
  });

  it('without the key: the server refuses, and the client shows it signed out instead of Live', async () => {
    await startMock();
    const openmedia = startClient({ cometdChannels: EXACT_CHANNELS });
    await waitFor(() => statusOf(openmedia) === 'unauthorized', 'signed out', 5_000);
    expect(requests.filter((r) => r.status === 403).length).toBeGreaterThan(0);
    expect(requests.filter((r) => r.apiKey !== undefined)).toEqual([]);
    await holdsFor(() => statusOf(openmedia) === 'unauthorized', 'still signed out, no loop', 1_000);
  });
});
