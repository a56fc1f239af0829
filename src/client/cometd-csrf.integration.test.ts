import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CometD } from 'cometd';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createGwsClient } from '../api/client';
import { createCometdChannel } from '../channel/cometd-channel';
import { CSRF_WAIT_MS } from '../channel/csrf-header';
import { serveConnection, workerCometdOptions } from '../channel/serve-connection';
import type { ConnectionPort } from '../channel/serve-connection';
import type { ConnectionWorker } from '../channel/worker-channel';
import type { FromConnectionWorker, ToConnectionWorker } from '../channel/worker-protocol';
import { createMockGwsHandler } from '../mock-gws/handler';
import type { MockGwsHandler } from '../mock-gws/handler';
import { CookieJar } from '../test-support/cookie-jar';
import { adaptWithJar } from '../test-support/test-cometd-client';
import { holdsFor, waitFor } from '../test-support/wait-for';
import { createOpenmediaClient } from './openmedia-client';
import type { OpenmediaClient } from './openmedia-client';
import type { OpenmediaClientOptions } from './client-options';

// The whole client, with the production CometD channel (real CometD 9 client over
// cometd-nodejs-client) and REST client, against the mock GWS with CSRF checked on its CometD
// endpoint (`csrfOnCometd`), as a GWS whose CSRF filter covers every POST. One cookie jar per
// file (cometd-nodejs-client's window is process-wide); each test starts a new HTTP session.

interface CometdRequest {
  readonly at: number;
  /** The last path segment: `handshake`, `connect`, … (CometD appends the meta channel's name). */
  readonly kind: string;
  readonly token: string | undefined;
  status: number;
}

const jar = new CookieJar();
let server: Server | undefined;
let mock: MockGwsHandler;
let url = '';
let client: OpenmediaClient | undefined;
const cometdRequests: CometdRequest[] = [];
/** Every REST request the client sent (`GET /api/v2/me`, snapshot reads …), not the test's own. */
const restRequests: { readonly at: number; readonly method: string; readonly path: string }[] = [];
/** When set, the test server answers handshakes itself, with this status and body. */
let refuseHandshakes: { readonly status: number; readonly body: unknown } | undefined;

beforeAll(() => {
  adaptWithJar(jar);
});

afterEach(async () => {
  client?.dispose();
  client = undefined;
  refuseHandshakes = undefined;
  mock.close();
  await new Promise<void>((resolve) => {
    server?.close(() => resolve());
    server?.closeAllConnections();
  });
  server = undefined;
});

/** The mock behind a server that notes what CometD sent (and can refuse handshakes itself). */
async function startMock(options: { readonly csrfOnCometd: boolean }): Promise<void> {
  jar.clear();
  cometdRequests.length = 0;
  restRequests.length = 0;
  mock = createMockGwsHandler({ outcomeDelayMs: 10, longPollTimeoutMs: 2_000, csrfOnCometd: options.csrfOnCometd });
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://mock.invalid').pathname;
    if (path.startsWith('/api/v2/notifications')) {
      const request: CometdRequest = { at: Date.now(), kind: path.split('/').at(-1) ?? '', token: header(req, 'x-csrf-token'), status: 0 };
      cometdRequests.push(request);
      res.on('finish', () => (request.status = res.statusCode));
      if (refuseHandshakes !== undefined && request.kind === 'handshake') {
        res.writeHead(refuseHandshakes.status, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(refuseHandshakes.body));
        return;
      }
    } else if (path.startsWith('/api/') && req.headers['x-test'] === undefined) {
      restRequests.push({ at: Date.now(), method: req.method ?? '?', path });
    }
    mock.handle(req, res);
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  mock.setDefaultHost(url.slice('http://'.length));
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The browser's fetch, with the jar CometD's XMLHttpRequest uses; `answer` may change what the client reads. */
function jarFetch(answer?: (headers: Headers) => void): typeof fetch {
  return async (input, init = {}) => {
    const headers = new Headers(init.headers);
    const cookie = jar.header();
    if (cookie) headers.set('Cookie', cookie);
    const response = await fetch(input, { ...init, headers });
    jar.storeFrom(response.headers);
    if (answer === undefined) return response;
    const changed = new Headers(response.headers);
    answer(changed);
    return new Response(await response.text(), { status: response.status, statusText: response.statusText, headers: changed });
  };
}

/** Signs in as the host page would (a GET that creates the session), then starts the client. */
async function startClient(options: { readonly answer?: (headers: Headers) => void } & Partial<OpenmediaClientOptions> = {}): Promise<OpenmediaClient> {
  await fetch(`${url}/api/v2/me`, { headers: { 'X-Test': '1' } }).then((response) => jar.storeFrom(response.headers));
  const { answer, ...rest } = options;
  const started = createOpenmediaClient({
    gwsBase: url,
    gwsClient: createGwsClient({ gwsBase: url, fetch: jarFetch(answer) }),
    shareConnection: false,
    mediaTypes: ['workitem'],
    recordLimit: 0,
    schedule: (flush) => queueMicrotask(flush),
    ...rest,
  });
  client = started;
  started.start();
  return started;
}

function sessionToken(): Promise<string | null> {
  return fetch(`${url}/api/v2/me`, { headers: { Cookie: jar.header(), 'X-Test': '1' } }).then((response) => response.headers.get('X-CSRF-TOKEN'));
}

async function offerArrives(openmedia: OpenmediaClient): Promise<void> {
  const { id } = mock.control.offer({ mediaType: 'workitem' });
  await waitFor(() => openmedia.getSnapshot().state.byId.get(id)?.interaction.state === 'Invited', `the offer ${id}, pushed`);
}

const statusOf = (openmedia: OpenmediaClient) => openmedia.getSnapshot().status;
const handshakes = () => cometdRequests.filter((r) => r.kind === 'handshake');

describe('CometD with CSRF checked on the endpoint', () => {
  it("connects with the REST client's token on every CometD request, the first handshake included, and receives a notification", async () => {
    await startMock({ csrfOnCometd: true });
    const openmedia = await startClient();
    await waitFor(() => statusOf(openmedia) === 'connected', 'connected');
    await offerArrives(openmedia);
    const token = await sessionToken();
    expect(token).toBeTruthy();
    expect(cometdRequests.map((r) => r.kind)).toEqual(expect.arrayContaining(['handshake', 'connect']));
    expect(cometdRequests.length).toBeGreaterThanOrEqual(3);
    expect(cometdRequests.filter((r) => r.token !== token)).toEqual([]);
    expect(cometdRequests.filter((r) => r.status === 403)).toEqual([]);
    expect(handshakes()).toHaveLength(1);
    // The snapshot read handed out the token: no request of its own was needed.
    expect(restRequests.map((r) => r.path)).not.toContain('/api/v2/me');
  });

  it('with CometD in a connection Worker, the page relays the token there', async () => {
    await startMock({ csrfOnCometd: true });
    const openmedia = await startClient({ connectionWorker: () => inProcessWorker() as unknown as Worker });
    await waitFor(() => statusOf(openmedia) === 'connected', 'connected');
    await offerArrives(openmedia);
    expect(cometdRequests.filter((r) => r.status === 403)).toEqual([]);
    expect(new Set(cometdRequests.map((r) => r.token))).toEqual(new Set([await sessionToken()]));
  });

  it('a handshake refused for a stale token reads a fresh one and connects at the one retry', async () => {
    await startMock({ csrfOnCometd: true });
    // The first answer the client reads hands out a token the server no longer takes.
    let stale = true;
    const openmedia = await startClient({
      answer(headers) {
        if (stale && headers.has('X-CSRF-TOKEN')) headers.set('X-CSRF-TOKEN', 'stale');
        stale = false;
      },
    });
    await waitFor(() => statusOf(openmedia) === 'connected', 'connected', 5_000);
    await offerArrives(openmedia);
    expect(handshakes().map((r) => [r.token === 'stale', r.status])).toEqual([
      [true, 403],
      [false, 200],
    ]);
    expect(restRequests.filter((r) => r.path === '/api/v2/me')).toHaveLength(1);
  });

  it('a handshake refused again with a fresh token: signed out, with no loop', async () => {
    await startMock({ csrfOnCometd: true });
    refuseHandshakes = { status: 403, body: { statusCode: 3, statusMessage: 'Missing or invalid Csrf token' } };
    const openmedia = await startClient();
    await waitFor(() => statusOf(openmedia) === 'unauthorized', 'signed out', 5_000);
    // Longer than several back-off rounds: nothing more is tried.
    await holdsFor(() => statusOf(openmedia) === 'unauthorized' && handshakes().length === 2, 'signed out after two handshakes', 1_500);
    expect(restRequests.filter((r) => r.path === '/api/v2/me')).toHaveLength(1);
  });

  it('a handshake refused with a valid token, not for CSRF, signs out at once', async () => {
    await startMock({ csrfOnCometd: true });
    refuseHandshakes = { status: 403, body: 'Access is denied' };
    const openmedia = await startClient();
    await waitFor(() => statusOf(openmedia) === 'unauthorized', 'signed out', 5_000);
    await holdsFor(() => handshakes().length === 1, 'one handshake', 1_000);
    expect(handshakes()[0]?.token).toBe(await sessionToken());
    expect(restRequests.filter((r) => r.path === '/api/v2/me')).toHaveLength(0);
  });
});

describe('a GWS that hands out no CSRF token', () => {
  it('connects without waiting for one, and sends none', async () => {
    await startMock({ csrfOnCometd: false });
    const openmedia = await startClient({
      answer(headers) {
        headers.delete('X-CSRF-HEADER');
        headers.delete('X-CSRF-TOKEN');
      },
    });
    const started = Date.now();
    await waitFor(() => statusOf(openmedia) === 'connected', 'connected');
    await offerArrives(openmedia);
    expect(cometdRequests.filter((r) => r.token !== undefined)).toEqual([]);
    // The handshake waited for the snapshot's answer only, not for the read's time limit.
    expect((handshakes()[0]?.at ?? Infinity) - started).toBeLessThan(CSRF_WAIT_MS / 2);
  });
});

/**
 * A connection Worker in this process: the page's side and `serveConnection` joined by a pair of
 * ports that clone each message and deliver it a task later, as postMessage does. The Worker's
 * channel is the production one, on the real CometD client (Node has no Worker XMLHttpRequest).
 */
function inProcessWorker(): ConnectionWorker {
  const toPage = new Set<(event: MessageEvent<FromConnectionWorker>) => void>();
  const toWorker = new Set<(event: MessageEvent<ToConnectionWorker>) => void>();
  const deliver = <T,>(listeners: Set<(event: MessageEvent<T>) => void>, message: T) =>
    setTimeout(() => {
      for (const listener of listeners) listener({ data: structuredClone(message) } as MessageEvent<T>);
    }, 0);
  const port: ConnectionPort = {
    postMessage: (message) => deliver(toPage, message),
    addEventListener: (_type, listener) => toWorker.add(listener),
    close: () => toWorker.clear(),
  };
  serveConnection(port, (config, visible, csrf) => createCometdChannel({ ...workerCometdOptions(config, visible, csrf), cometdFactory: () => new CometD() }));
  return {
    postMessage: (message) => deliver(toWorker, message),
    addEventListener(type: 'message' | 'error', listener: (event: never) => void) {
      if (type === 'message') toPage.add(listener as (event: MessageEvent<FromConnectionWorker>) => void);
    },
    terminate: () => toWorker.clear(),
  };
}
