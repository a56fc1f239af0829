import { describe, expect, it } from 'vitest';
import type { OperationRequest } from '../protocol/types';
import { createFakeFetch } from '../testing/fake-fetch';
import type { FakeRequest } from '../testing/fake-fetch';
import { createGwsClient } from './client';
import { GwsRequestError } from './errors';

// Contract tests from the spec text (/work/shared/spec/gws-openmedia.md §2–3, docs/wire-contract.md),
// not from our mock: a GWS double that answers exactly what the spec gives, enforces what it
// demands (the session cookie, the CSRF header it names), and, cross-origin, lets the page read
// only the response headers CORS exposes. Where the spec is silent the test says which reading it
// takes.

const GWS = 'https://gws.example:8090';

/** Response headers a page may always read cross-origin (the CORS-safelisted ones). */
const SAFELISTED = ['cache-control', 'content-language', 'content-length', 'content-type', 'expires', 'last-modified', 'pragma'];

interface SpecGwsOptions {
  /** The value of `X-CSRF-HEADER`: the name of the header a POST must carry. Default `X-CSRF-TOKEN`. */
  readonly csrfHeader?: string;
  /** `Access-Control-Expose-Headers`; undefined: same origin, every header readable. */
  readonly exposeHeaders?: readonly string[];
  /** The answer to an operation a valid POST requests. Default `{statusCode: 0, referenceId: n}`. */
  readonly operationAnswer?: (request: FakeRequest) => { status: number; body: unknown };
}

/** A GWS as the spec describes it. Tokens `t-1`, `t-2`, … are handed out on every GET, one per GET. */
function specGws(options: SpecGwsOptions = {}) {
  const csrfHeader = options.csrfHeader ?? 'X-CSRF-TOKEN';
  let tokens = 0;
  let currentToken: string | undefined;
  let reference = 6;
  let sessionValid = true;

  function answer(status: number, body: unknown, headers: Record<string, string> = {}): Response {
    const all = new Headers({ 'Content-Type': 'application/json', ...headers });
    const exposed = options.exposeHeaders?.map((name) => name.toLowerCase());
    const readable = new Headers();
    all.forEach((value, name) => {
      if (exposed === undefined || SAFELISTED.includes(name) || exposed.includes(name)) readable.set(name, value);
    });
    return new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: readable });
  }

  const fake = createFakeFetch((request) => {
    // Cross-origin, the JSESSIONID cookie travels only with credentials: 'include'.
    if (request.credentials !== 'include' || !sessionValid) return answer(401, { statusCode: 401, statusMessage: 'Unauthorized' });
    const url = new URL(request.url);
    if (request.method === 'GET') {
      // "any GET (e.g. GET /api/v2/me) returns the headers X-CSRF-HEADER … and X-CSRF-TOKEN" (§3).
      tokens += 1;
      currentToken = `t-${tokens}`;
      const csrf = { 'X-CSRF-HEADER': csrfHeader, 'X-CSRF-TOKEN': currentToken };
      if (url.pathname === '/api/v2/me') return answer(200, { userName: 'agent1', firstName: 'Ada' }, csrf);
      const snapshot = /^\/api\/v2\/me\/openmedia\/([^/]+)$/.exec(url.pathname);
      if (snapshot !== null && url.search === '?fields=*') {
        return answer(200, { statusCode: 0, openmedia: [wireResource('03W0GH2KD56YV000', 'Processing')] }, csrf);
      }
      return answer(404, { statusCode: 6, statusMessage: 'Not found' }, csrf);
    }
    // "Every POST/PUT/DELETE must send that header; without it GWS answers
    // 403 Missing or invalid Csrf token" (§3).
    if (currentToken === undefined || request.headers.get(csrfHeader) !== currentToken) {
      return new Response('Missing or invalid Csrf token', { status: 403, headers: { 'Content-Type': 'text/plain' } });
    }
    if (options.operationAnswer) {
      const custom = options.operationAnswer(request);
      return answer(custom.status, custom.body);
    }
    reference += 1;
    return answer(200, { statusCode: 0, referenceId: reference });
  });

  return {
    fetch: fake.fetch,
    requests: fake.requests,
    /** The requests as `METHOD path?query`, in order. */
    log: () => fake.requests.map((r) => `${r.method} ${new URL(r.url).pathname}${new URL(r.url).search}`),
    /** The server rotates the token (a new session, or a token expiry). */
    rotateToken: () => {
      currentToken = 'rotated';
    },
    endSession: () => {
      sessionValid = false;
    },
  };
}

function wireResource(id: string, state: string) {
  return {
    id,
    mediaType: 'promotion',
    openmediaType: 'Outbound',
    state,
    capabilities: ['Transfer', 'AttachUserData', 'UpdateUserData', 'DeleteUserData', 'SetInFocus', 'Complete'],
    uri: `http://gws.example:8090/api/v2/openmedia/promotions/${id}`,
    userData: { CustomerSegment: 'gold', Subject: 'Spring offer' },
    receivedDate: '2014-03-26 16:02:22.000+0200',
  };
}

async function rejection(promise: Promise<unknown>): Promise<GwsRequestError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof GwsRequestError)) throw new Error(`expected a GwsRequestError, got ${String(error)}`);
  return error;
}

describe('GWS contract §2: operations', () => {
  // "POST {gwsBase}/api/v2/me/openmedia/{mediaType}/{id} with a JSON body whose operationName
  // selects it (the media type is singular here)", with the extra body fields of the table.
  const operations: readonly OperationRequest[] = [
    { operationName: 'Accept' },
    { operationName: 'Accept', saveLAR: true },
    { operationName: 'Reject' },
    { operationName: 'Transfer', targetUri: 'http://gws.example:8090/api/v2/queues/billing' },
    { operationName: 'AttachUserData', userData: { Note: 'called back' } },
    { operationName: 'UpdateUserData', userData: { Subject: 'Renewal', Amount: 12 } },
    { operationName: 'DeleteUserData', keys: ['Note', 'Amount'] },
    { operationName: 'SetInFocus' },
    { operationName: 'Complete' },
  ];

  it.each(operations)('$operationName: POSTs the body the spec gives to the singular media type path', async (request) => {
    const gws = specGws();
    const client = createGwsClient({ gwsBase: GWS, fetch: gws.fetch });
    const answer = await client.performOperation('promotion', '03W0GH2KD56YV000', request);

    expect(answer).toEqual({ statusCode: 0, referenceId: 7, statusMessage: undefined });
    const post = gws.requests.at(-1);
    expect(post?.url).toBe(`${GWS}/api/v2/me/openmedia/promotion/03W0GH2KD56YV000`);
    expect(post?.method).toBe('POST');
    expect(post?.body).toEqual(request);
    expect(post?.headers.get('Content-Type')).toBe('application/json');
    expect(post?.credentials).toBe('include');
  });

  it('reads the immediate answer {"statusCode": 0, "referenceId": 7} as accepted with that referenceId', async () => {
    const gws = specGws({ operationAnswer: () => ({ status: 200, body: { statusCode: 0, referenceId: 7 } }) });
    const client = createGwsClient({ gwsBase: GWS, fetch: gws.fetch });
    await expect(client.performOperation('promotion', 'x', { operationName: 'Complete' })).resolves.toEqual({
      statusCode: 0,
      referenceId: 7,
      statusMessage: undefined,
    });
  });

  // The spec gives the body of a refusal, not its HTTP status: both readings are served.
  it.each([1, 2, 3, 4, 5, 6, 7, 20])('keeps statusCode %i and its statusMessage from a refusal sent as HTTP 200', async (code) => {
    const gws = specGws({ operationAnswer: () => ({ status: 200, body: { statusCode: code, statusMessage: `refused ${code}` } }) });
    const client = createGwsClient({ gwsBase: GWS, fetch: gws.fetch });
    await expect(client.performOperation('promotion', 'x', { operationName: 'Accept' })).resolves.toEqual({
      statusCode: code,
      referenceId: undefined,
      statusMessage: `refused ${code}`,
    });
  });

  it.each([
    [1, 'A required parameter is missing.'],
    [2, 'This operation is not valid in the current state.'],
    [3, 'This operation is forbidden.'],
    [4, 'GWS reported an internal error.'],
    [5, 'You do not have permission for this operation.'],
    [6, 'The interaction was not found.'],
    [7, 'The operation only partly succeeded.'],
    [12, 'GWS refused the request (status code 12).'],
  ])('rejects a refusal with statusCode %i sent as HTTP 400 without a message in the words of the wire contract', async (code, words) => {
    const gws = specGws({ operationAnswer: () => ({ status: 400, body: { statusCode: code } }) });
    const client = createGwsClient({ gwsBase: GWS, fetch: gws.fetch });
    const error = await rejection(client.performOperation('promotion', 'x', { operationName: 'Accept' }));
    expect({ kind: error.kind, status: error.status, statusCode: error.statusCode, message: error.message }).toEqual({
      kind: 'status-code',
      status: 400,
      statusCode: code,
      message: words,
    });
  });

  it("prefers the server's statusMessage to the widget's words", async () => {
    const gws = specGws({ operationAnswer: () => ({ status: 400, body: { statusCode: 2, statusMessage: 'Interaction is not Invited' } }) });
    const client = createGwsClient({ gwsBase: GWS, fetch: gws.fetch });
    const error = await rejection(client.performOperation('promotion', 'x', { operationName: 'Accept' }));
    expect(error.message).toBe('Interaction is not Invited');
  });
});

describe('GWS contract §2: snapshot', () => {
  it('GETs {gwsBase}/api/v2/me/openmedia/{mediaType}?fields=* and reads {"statusCode": 0, "openmedia": [...]}', async () => {
    const gws = specGws();
    const client = createGwsClient({ gwsBase: `${GWS}/`, fetch: gws.fetch });
    const result = await client.getSnapshot('promotion');
    expect(gws.log()).toEqual(['GET /api/v2/me/openmedia/promotion?fields=*']);
    expect(gws.requests[0]?.url).toBe(`${GWS}/api/v2/me/openmedia/promotion?fields=*`);
    expect(result.interactions).toEqual([
      expect.objectContaining({
        id: '03W0GH2KD56YV000',
        state: 'Processing',
        receivedDate: '2014-03-26 16:02:22.000+0200',
        receivedAt: Date.UTC(2014, 2, 26, 14, 2, 22),
      }),
    ]);
    expect(result.rejected).toEqual([]);
  });
});

describe('GWS contract §3: session and CSRF', () => {
  it('learns the token from GET /api/v2/me before the first POST and sends it under X-CSRF-TOKEN', async () => {
    const gws = specGws();
    const client = createGwsClient({ gwsBase: GWS, fetch: gws.fetch });
    await client.performOperation('promotion', 'x', { operationName: 'Accept' });
    expect(gws.log()).toEqual(['GET /api/v2/me', 'POST /api/v2/me/openmedia/promotion/x']);
    expect(gws.requests[1]?.headers.get('X-CSRF-TOKEN')).toBe('t-1');
  });

  it('sends the token under the header X-CSRF-HEADER names when that is not X-CSRF-TOKEN', async () => {
    const gws = specGws({ csrfHeader: 'X-GWS-Anti-Forgery' });
    const client = createGwsClient({ gwsBase: GWS, fetch: gws.fetch });
    await expect(client.performOperation('promotion', 'x', { operationName: 'Accept' })).resolves.toMatchObject({ statusCode: 0 });
    // Accepted on the first POST: no refusal, no retry.
    expect(gws.log()).toEqual(['GET /api/v2/me', 'POST /api/v2/me/openmedia/promotion/x']);
    const post = gws.requests[1];
    expect(post?.headers.get('X-GWS-Anti-Forgery')).toBe('t-1');
    expect(post?.headers.has('X-CSRF-TOKEN')).toBe(false);
  });

  it('takes the token from any GET, e.g. the snapshot read, without asking /api/v2/me', async () => {
    const gws = specGws({ csrfHeader: 'X-GWS-Anti-Forgery' });
    const client = createGwsClient({ gwsBase: GWS, fetch: gws.fetch });
    await client.getSnapshot('promotion');
    await client.performOperation('promotion', 'x', { operationName: 'Complete' });
    expect(gws.log()).toEqual(['GET /api/v2/me/openmedia/promotion?fields=*', 'POST /api/v2/me/openmedia/promotion/x']);
    expect(gws.requests[1]?.headers.get('X-GWS-Anti-Forgery')).toBe('t-1');
  });

  it('after "403 Missing or invalid Csrf token", reads a fresh token and retries once', async () => {
    const gws = specGws();
    const client = createGwsClient({ gwsBase: GWS, fetch: gws.fetch });
    await client.getMe();
    gws.rotateToken();
    await expect(client.performOperation('promotion', 'x', { operationName: 'Accept' })).resolves.toMatchObject({ statusCode: 0 });
    expect(gws.log()).toEqual(['GET /api/v2/me', 'POST /api/v2/me/openmedia/promotion/x', 'GET /api/v2/me', 'POST /api/v2/me/openmedia/promotion/x']);
    expect(gws.requests.map((r) => r.headers.get('X-CSRF-TOKEN'))).toEqual([null, 't-1', null, 't-2']);
  });

  it('sends every request with credentials, so the JSESSIONID cookie travels cross-origin', async () => {
    const gws = specGws();
    const client = createGwsClient({ gwsBase: GWS, fetch: gws.fetch });
    await client.getSnapshot('promotion');
    await client.performOperation('promotion', 'x', { operationName: 'Accept' });
    expect(gws.requests.map((r) => r.credentials)).toEqual(['include', 'include']);
  });

  it('reports an HTTP 401 as the session gone (unauthorized), for a read and for an operation', async () => {
    const gws = specGws();
    const client = createGwsClient({ gwsBase: GWS, fetch: gws.fetch });
    gws.endSession();
    expect((await rejection(client.getSnapshot('promotion'))).kind).toBe('unauthorized');
    expect((await rejection(client.performOperation('promotion', 'x', { operationName: 'Accept' }))).kind).toBe('unauthorized');
    // No loop: the POST never left, because the token read that precedes it was refused.
    expect(gws.log()).toEqual(['GET /api/v2/me/openmedia/promotion?fields=*', 'GET /api/v2/me']);
  });
});

describe('GWS contract §3 cross-origin: CORS that does not expose the CSRF headers', () => {
  // docs/embedding.md: "Access-Control-Expose-Headers: X-CSRF-HEADER, X-CSRF-TOKEN … Without it
  // the widget cannot read the CSRF token from GET answers, and every POST is refused with
  // 403 Missing or invalid Csrf token." Refused means: one refresh and one retry, then an error
  // that carries the server's words, never a loop.
  async function refusedTwice(gws: ReturnType<typeof specGws>) {
    const client = createGwsClient({ gwsBase: GWS, fetch: gws.fetch });
    const error = await rejection(client.performOperation('promotion', 'x', { operationName: 'Accept' }));
    expect({ kind: error.kind, status: error.status, message: error.message }).toEqual({
      kind: 'http',
      status: 403,
      message: 'GWS answered HTTP 403: Missing or invalid Csrf token',
    });
    expect(gws.log()).toEqual(['GET /api/v2/me', 'POST /api/v2/me/openmedia/promotion/x', 'GET /api/v2/me', 'POST /api/v2/me/openmedia/promotion/x']);
  }

  it('exposing neither header: the POST goes without a token, is refused, retried once, then fails', async () => {
    const gws = specGws({ exposeHeaders: [] });
    await refusedTwice(gws);
    expect(gws.requests.filter((r) => r.method === 'POST').map((r) => r.headers.has('X-CSRF-TOKEN'))).toEqual([false, false]);
  });

  it('exposing X-CSRF-TOKEN but not X-CSRF-HEADER, with another header name: sent under the default name, refused', async () => {
    const gws = specGws({ csrfHeader: 'X-GWS-Anti-Forgery', exposeHeaders: ['X-CSRF-TOKEN'] });
    await refusedTwice(gws);
    const posts = gws.requests.filter((r) => r.method === 'POST');
    expect(posts.map((r) => [r.headers.get('X-CSRF-TOKEN'), r.headers.get('X-GWS-Anti-Forgery')])).toEqual([
      ['t-1', null],
      ['t-2', null],
    ]);
  });

  it('exposing both headers (as docs/embedding.md asks) is enough, even for another header name', async () => {
    const gws = specGws({ csrfHeader: 'X-GWS-Anti-Forgery', exposeHeaders: ['X-CSRF-HEADER', 'X-CSRF-TOKEN'] });
    const client = createGwsClient({ gwsBase: GWS, fetch: gws.fetch });
    await expect(client.performOperation('promotion', 'x', { operationName: 'Accept' })).resolves.toMatchObject({ statusCode: 0 });
    expect(gws.requests[1]?.headers.get('X-GWS-Anti-Forgery')).toBe('t-1');
  });
});
