import { afterEach, describe, expect, it, vi } from 'vitest';
import { createGwsClient } from './client';
import { GwsRequestError } from './errors';
import { createFakeFetch, csrfHeaders, json } from '../testing/fake-fetch';
import type { FakeRequest } from '../testing/fake-fetch';
import { GET_TIMEOUT_MS } from './http';

const resource = (id: string, state = 'Processing') => ({
  id,
  mediaType: 'workitem',
  state,
  capabilities: ['Complete'],
  userData: { Subject: 'x' },
});

const ACCEPTED = { statusCode: 0, referenceId: 7 };

async function rejection(promise: Promise<unknown>): Promise<GwsRequestError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof GwsRequestError)) throw new Error(`expected a GwsRequestError, got ${String(error)}`);
  return error;
}

const posts = (requests: readonly FakeRequest[]) => requests.filter((r) => r.method === 'POST');
const meCalls = (requests: readonly FakeRequest[]) => requests.filter((r) => r.url.endsWith('/api/v2/me'));

describe('createGwsClient: snapshot', () => {
  it('GETs the media type with fields=* and the session cookie, and parses the list', async () => {
    const fake = createFakeFetch(() => json({ statusCode: 0, openmedia: [resource('a'), { id: 'broken' }, resource('b')] }));
    const client = createGwsClient({ gwsBase: 'https://gws.example:8090/', fetch: fake.fetch });
    const result = await client.getSnapshot('workitem');
    expect(fake.requests[0]).toMatchObject({
      method: 'GET',
      url: 'https://gws.example:8090/api/v2/me/openmedia/workitem?fields=*',
      credentials: 'include',
    });
    expect(result.mediaType).toBe('workitem');
    expect(result.interactions.map((i) => i.id)).toEqual(['a', 'b']);
    // `{id: 'broken'}` has no state: not readable (its media type would be the one asked for).
    expect(result.rejected).toEqual(['invalid-state']);
    expect(client.gwsBase).toBe('https://gws.example:8090');
  });

  it('reads an item that leaves out its media type, or gives its id as a number, as the media type asked for and the id as text', async () => {
    const { mediaType: _left, ...withoutType } = resource('a');
    const fake = createFakeFetch(() => json({ statusCode: 0, openmedia: [withoutType, { ...resource('b'), id: 4521 }, { ...resource('c'), mediaType: null }] }));
    const result = await createGwsClient({ fetch: fake.fetch }).getSnapshot('workitem');
    expect(result.interactions.map((i) => [i.id, i.mediaType])).toEqual([
      ['a', 'workitem'],
      ['4521', 'workitem'],
      ['c', 'workitem'],
    ]);
    expect(result.rejected).toEqual([]);
  });

  it('counts an unreadable item with a numeric id as still listed, by its digits (not gone)', async () => {
    const fake = createFakeFetch(() => json({ statusCode: 0, openmedia: [resource('a'), { id: 17, mediaType: 'workitem' }] }));
    const result = await createGwsClient({ fetch: fake.fetch }).getSnapshot('workitem');
    expect(result.unreadableIds).toEqual(['17']);
  });

  it('escapes the media type in the path', async () => {
    const fake = createFakeFetch(() => json({ statusCode: 0, openmedia: [] }));
    await createGwsClient({ fetch: fake.fetch }).getSnapshot('a/b c');
    expect(fake.requests[0]?.url).toBe('/api/v2/me/openmedia/a%2Fb%20c?fields=*');
  });

  it('turns a statusCode refusal into a status-code error with the server message', async () => {
    const fake = createFakeFetch(() => json({ statusCode: 5, statusMessage: 'No permission for workitem' }));
    const error = await rejection(createGwsClient({ fetch: fake.fetch }).getSnapshot('workitem'));
    expect(error).toMatchObject({ kind: 'status-code', statusCode: 5, message: 'No permission for workitem' });
  });

  it('reports an unreadable snapshot as an http error', async () => {
    const fake = createFakeFetch(() => json({ statusCode: 0, items: [] }));
    const error = await rejection(createGwsClient({ fetch: fake.fetch }).getSnapshot('workitem'));
    expect(error.kind).toBe('http');
    expect(error.message).toMatch(/cannot read/);
  });
});

describe('createGwsClient: error mapping', () => {
  it('maps 401 to unauthorized', async () => {
    const fake = createFakeFetch(() => new Response('', { status: 401, statusText: 'Unauthorized' }));
    const error = await rejection(createGwsClient({ fetch: fake.fetch }).getMe());
    expect(error).toMatchObject({ kind: 'unauthorized', status: 401 });
    expect(error.message).toMatch(/log in/i);
  });

  it('keeps the server statusMessage of an HTTP error', async () => {
    const fake = createFakeFetch(() => json({ statusMessage: 'Database down' }, { status: 500 }));
    const error = await rejection(createGwsClient({ fetch: fake.fetch }).getMe());
    expect(error).toMatchObject({ kind: 'http', status: 500, message: 'Database down' });
  });

  it('says which HTTP status came back when there is no message', async () => {
    const fake = createFakeFetch(() => new Response('', { status: 502, statusText: 'Bad Gateway' }));
    const error = await rejection(createGwsClient({ fetch: fake.fetch }).getMe());
    expect(error).toMatchObject({ kind: 'http', status: 502, message: 'GWS answered HTTP 502 Bad Gateway.' });
  });

  it('maps a failed fetch to a network error', async () => {
    const fake = createFakeFetch(() => {
      throw new TypeError('Failed to fetch');
    });
    const error = await rejection(createGwsClient({ fetch: fake.fetch }).getSnapshot('workitem'));
    expect(error).toMatchObject({ kind: 'network', message: 'Cannot reach GWS: Failed to fetch.' });
  });

  it('lets an abort through as an abort, not a network error', async () => {
    const fake = createFakeFetch(() => json({}));
    const controller = new AbortController();
    controller.abort();
    const error: unknown = await createGwsClient({ fetch: fake.fetch })
      .getSnapshot('workitem', { signal: controller.signal })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DOMException);
  });
});

describe('createGwsClient: operations and CSRF', () => {
  function gws(options: { header?: string; refuseTokens?: readonly string[]; answer?: () => Response } = {}) {
    let issued = 0;
    const fake = createFakeFetch((request) => {
      if (request.method === 'GET') {
        issued++;
        return json({ userName: 'agent' }, { headers: csrfHeaders(`token-${issued}`, options.header) });
      }
      const sent = request.headers.get(options.header ?? 'X-CSRF-TOKEN');
      if (sent === null || options.refuseTokens?.includes(sent)) {
        return new Response('Missing or invalid Csrf token', { status: 403 });
      }
      return options.answer?.() ?? json(ACCEPTED);
    });
    return fake;
  }

  it('fetches /api/v2/me for a token before the first POST, then sends it on every POST', async () => {
    const fake = gws();
    const client = createGwsClient({ gwsBase: 'https://gws.example', fetch: fake.fetch });
    const answer = await client.performOperation('workitem', 'id/1', { operationName: 'Complete' });
    await client.performOperation('workitem', 'id/1', { operationName: 'SetInFocus' });
    expect(answer).toEqual({ statusCode: 0, referenceId: 7, statusMessage: undefined });
    expect(fake.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      'GET https://gws.example/api/v2/me',
      'POST https://gws.example/api/v2/me/openmedia/workitem/id%2F1',
      'POST https://gws.example/api/v2/me/openmedia/workitem/id%2F1',
    ]);
    for (const post of posts(fake.requests)) {
      expect(post.headers.get('X-CSRF-TOKEN')).toBe('token-1');
      expect(post.headers.get('Content-Type')).toBe('application/json');
      expect(post.credentials).toBe('include');
    }
    expect(posts(fake.requests)[0]?.body).toEqual({ operationName: 'Complete' });
  });

  it('uses the header name GWS announces in X-CSRF-HEADER', async () => {
    const fake = gws({ header: 'X-XSRF' });
    await createGwsClient({ fetch: fake.fetch }).performOperation('workitem', 'a', { operationName: 'Accept' });
    expect(posts(fake.requests)[0]?.headers.get('X-XSRF')).toBe('token-1');
  });

  it('reuses a token learnt from any GET (no extra /me)', async () => {
    const fake = createFakeFetch((request) =>
      request.method === 'GET'
        ? json({ statusCode: 0, openmedia: [] }, { headers: csrfHeaders('from-snapshot') })
        : json(ACCEPTED),
    );
    const client = createGwsClient({ fetch: fake.fetch });
    await client.getSnapshot('workitem');
    await client.performOperation('workitem', 'a', { operationName: 'Complete' });
    expect(meCalls(fake.requests)).toHaveLength(0);
    expect(posts(fake.requests)[0]?.headers.get('X-CSRF-TOKEN')).toBe('from-snapshot');
  });

  it('refreshes a refused token and retries once', async () => {
    const fake = gws({ refuseTokens: ['token-1'] });
    const answer = await createGwsClient({ fetch: fake.fetch }).performOperation('workitem', 'a', { operationName: 'Reject' });
    expect(answer.referenceId).toBe(7);
    expect(posts(fake.requests).map((r) => r.headers.get('X-CSRF-TOKEN'))).toEqual(['token-1', 'token-2']);
    expect(meCalls(fake.requests)).toHaveLength(2);
  });

  it('refreshes after a {statusCode: 3} CSRF refusal as well', async () => {
    let first = true;
    const fake = createFakeFetch((request) => {
      if (request.method === 'GET') return json({}, { headers: csrfHeaders('t') });
      if (first) {
        first = false;
        return json({ statusCode: 3, statusMessage: 'Forbidden' }, { status: 403 });
      }
      return json(ACCEPTED);
    });
    const answer = await createGwsClient({ fetch: fake.fetch }).performOperation('workitem', 'a', { operationName: 'Reject' });
    expect(answer.statusCode).toBe(0);
    expect(posts(fake.requests)).toHaveLength(2);
  });

  it('refreshes after a refusal said in the status line alone (empty body)', async () => {
    let first = true;
    let issued = 0;
    const fake = createFakeFetch((request) => {
      if (request.method === 'GET') return json({}, { headers: csrfHeaders(`t${++issued}`) });
      if (first) {
        first = false;
        return new Response(null, { status: 403, statusText: 'Missing or invalid Csrf token' });
      }
      return json(ACCEPTED);
    });
    const answer = await createGwsClient({ fetch: fake.fetch }).performOperation('workitem', 'a', { operationName: 'Reject' });
    expect(answer.statusCode).toBe(0);
    expect(posts(fake.requests).map((r) => r.headers.get('X-CSRF-TOKEN'))).toEqual(['t1', 't2']);
  });

  it('forgets the token when the session ends (401): the next session’s first POST carries its own', async () => {
    let session = 1;
    let expired = false;
    const fake = createFakeFetch((request) => {
      if (expired) return json({ statusCode: 3, statusMessage: 'The session has expired' }, { status: 401 });
      if (request.method === 'GET') return json({}, { headers: csrfHeaders(`session-${session}`) });
      if (request.headers.get('X-CSRF-TOKEN') !== `session-${session}`) return new Response('Missing or invalid Csrf token', { status: 403 });
      return json(ACCEPTED);
    });
    const client = createGwsClient({ fetch: fake.fetch });
    await client.performOperation('workitem', 'a', { operationName: 'Complete' });
    expired = true;
    await rejection(client.performOperation('workitem', 'a', { operationName: 'Complete' }));
    expect(client.csrf?.current()).toBeUndefined();
    // The agent signs in again: a new session, a new token, read before the POST (not refused first).
    expired = false;
    session = 2;
    const before = posts(fake.requests).length;
    await client.performOperation('workitem', 'a', { operationName: 'Complete' });
    expect(posts(fake.requests).slice(before).map((r) => r.headers.get('X-CSRF-TOKEN'))).toEqual(['session-2']);
  });

  it('asks for a token again after the session ended, even if the last session’s GWS handed none out', async () => {
    let tokens = false;
    let expired = false;
    const fake = createFakeFetch((request) => {
      if (expired) return json({ statusCode: 3, statusMessage: 'The session has expired' }, { status: 401 });
      if (request.method === 'GET') return json({}, tokens ? { headers: csrfHeaders('new-session') } : {});
      return json(ACCEPTED);
    });
    const client = createGwsClient({ fetch: fake.fetch });
    await client.performOperation('workitem', 'a', { operationName: 'Complete' });
    expired = true;
    await rejection(client.getSnapshot('workitem'));
    // Signed in again, to a GWS that hands out tokens now.
    expired = false;
    tokens = true;
    const before = fake.requests.length;
    await client.performOperation('workitem', 'a', { operationName: 'Complete' });
    const after = fake.requests.slice(before);
    expect(after.map((r) => `${r.method} ${new URL(r.url, 'http://x').pathname}`)).toEqual(['GET /api/v2/me', 'POST /api/v2/me/openmedia/workitem/a']);
    expect(after[1]?.headers.get('X-CSRF-TOKEN')).toBe('new-session');
  });

  it('asks no token before each POST of a GWS that hands none out', async () => {
    const fake = createFakeFetch((request) => (request.method === 'GET' ? json({ statusCode: 0, openmedia: [] }) : json(ACCEPTED)));
    const client = createGwsClient({ fetch: fake.fetch });
    await client.performOperation('workitem', 'a', { operationName: 'Complete' });
    await client.performOperation('workitem', 'a', { operationName: 'SetInFocus' });
    await client.performOperation('workitem', 'a', { operationName: 'Complete' });
    // Asked once; its answer carried none.
    expect(fake.requests.map((r) => `${r.method} ${new URL(r.url, 'http://x').pathname}`)).toEqual([
      'GET /api/v2/me',
      'POST /api/v2/me/openmedia/workitem/a',
      'POST /api/v2/me/openmedia/workitem/a',
      'POST /api/v2/me/openmedia/workitem/a',
    ]);
  });

  it('gives up after one retry: a second refusal is an error, not a loop', async () => {
    const fake = gws({ refuseTokens: ['token-1', 'token-2', 'token-3'] });
    const error = await rejection(
      createGwsClient({ fetch: fake.fetch }).performOperation('workitem', 'a', { operationName: 'Reject' }),
    );
    expect(error).toMatchObject({ kind: 'http', status: 403, message: 'GWS answered HTTP 403: Missing or invalid Csrf token' });
    expect(posts(fake.requests)).toHaveLength(2);
  });

  it('asks /api/v2/me once for several POSTs started together', async () => {
    const fake = gws();
    const client = createGwsClient({ fetch: fake.fetch });
    await Promise.all([
      client.performOperation('workitem', 'a', { operationName: 'Complete' }),
      client.performOperation('workitem', 'b', { operationName: 'Complete' }),
      client.performOperation('workitem', 'c', { operationName: 'Complete' }),
    ]);
    expect(meCalls(fake.requests)).toHaveLength(1);
    expect(posts(fake.requests).every((r) => r.headers.get('X-CSRF-TOKEN') === 'token-1')).toBe(true);
  });

  it('resolves with a statusCode refusal sent as HTTP 200', async () => {
    const fake = gws({ answer: () => json({ statusCode: 2, statusMessage: 'Invalid state' }) });
    const answer = await createGwsClient({ fetch: fake.fetch }).performOperation('workitem', 'a', { operationName: 'Accept' });
    expect(answer).toEqual({ statusCode: 2, referenceId: undefined, statusMessage: 'Invalid state' });
  });

  it('rejects with a status-code error, with a clear default message, for a refusal sent as HTTP 4xx', async () => {
    const fake = gws({ answer: () => json({ statusCode: 6 }, { status: 404 }) });
    const error = await rejection(
      createGwsClient({ fetch: fake.fetch }).performOperation('workitem', 'a', { operationName: 'Accept' }),
    );
    expect(error).toMatchObject({ kind: 'status-code', status: 404, statusCode: 6, message: 'The interaction was not found.' });
  });

  it.each([
    ['a 204', () => new Response(null, { status: 204 })],
    ['a 202 with an empty body', () => new Response('', { status: 202 })],
    ['a 200 with only whitespace', () => new Response(' \n', { status: 200 })],
  ])('takes %s as accepted without a referenceId (the request was taken; news decides)', async (_, answer) => {
    const fake = createFakeFetch((request) => (request.method === 'GET' ? json({}, { headers: csrfHeaders('t') }) : answer()));
    const result = await createGwsClient({ fetch: fake.fetch }).performOperation('workitem', 'a', { operationName: 'Complete' });
    expect(result).toEqual({ statusCode: 0, referenceId: undefined, statusMessage: undefined });
  });

  it('does not take a 2xx with a body that is not GWS JSON as accepted (a proxy page never reached GWS)', async () => {
    const fake = createFakeFetch((request) =>
      request.method === 'GET' ? json({}, { headers: csrfHeaders('t') }) : new Response('<html>Sign in</html>', { status: 200 }),
    );
    const error = await rejection(createGwsClient({ fetch: fake.fetch }).performOperation('workitem', 'a', { operationName: 'Complete' }));
    expect(error).toMatchObject({ kind: 'http', message: 'GWS sent an answer to Complete the widget cannot read (not-an-object).' });
  });

  it('names the operation and the reason when a 2xx answer cannot be read', async () => {
    const fake = createFakeFetch((request) => (request.method === 'GET' ? json({}, { headers: csrfHeaders('t') }) : json([1, 2])));
    const error = await rejection(createGwsClient({ fetch: fake.fetch }).performOperation('workitem', 'a', { operationName: 'Complete' }));
    expect(error.message).toBe('GWS sent an answer to Complete the widget cannot read (not-an-object).');
  });

  it('reports an unreadable 2xx answer as an http error', async () => {
    const fake = gws({ answer: () => new Response('<html>proxy login</html>', { status: 200 }) });
    const error = await rejection(
      createGwsClient({ fetch: fake.fetch }).performOperation('workitem', 'a', { operationName: 'Accept' }),
    );
    expect(error.kind).toBe('http');
  });

  it('fails the operation as unauthorized when the token refresh gets a 401', async () => {
    const fake = createFakeFetch(() => new Response('', { status: 401 }));
    const error = await rejection(
      createGwsClient({ fetch: fake.fetch }).performOperation('workitem', 'a', { operationName: 'Accept' }),
    );
    expect(error.kind).toBe('unauthorized');
    expect(posts(fake.requests)).toHaveLength(0);
  });
});

describe('createGwsClient: a GET that never answers', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  /** A fetch that answers nothing until its signal aborts (a half-open connection after a blip). */
  function silentFetch() {
    const signals: AbortSignal[] = [];
    const fetchFn = (_input: RequestInfo | URL, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) => {
        const signal = init?.signal;
        if (signal) signals.push(signal);
        signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      });
    return { fetch: fetchFn as typeof fetch, signals };
  }

  it('fails as a network error after GET_TIMEOUT_MS, so a stalled snapshot read shows instead of hanging', async () => {
    vi.useFakeTimers();
    const silent = silentFetch();
    const outcome = createGwsClient({ fetch: silent.fetch })
      .getSnapshot('workitem')
      .catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(GET_TIMEOUT_MS - 1);
    expect(silent.signals[0]?.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const error = await outcome;
    expect(error).toBeInstanceOf(GwsRequestError);
    expect(error).toMatchObject({ kind: 'network' });
    expect(silent.signals[0]?.aborted).toBe(true);
  });

  it('still reports an abort by the caller as an abort', async () => {
    vi.useFakeTimers();
    const silent = silentFetch();
    const controller = new AbortController();
    const outcome = createGwsClient({ fetch: silent.fetch })
      .getSnapshot('workitem', { signal: controller.signal })
      .catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(10);
    controller.abort();
    expect(await outcome).toBeInstanceOf(DOMException);
  });
});

describe('createGwsClient: getMe', () => {
  it.each([
    ['an object', { userName: 'kate' }, { userName: 'kate' }],
    ['an array', [{ userName: 'kate' }], {}],
    ['null', null, {}],
    ['a string', 'kate', {}],
  ])('answers %s as the user resource or an empty one', async (_, body, expected) => {
    const fake = createFakeFetch(() => json(body));
    expect(await createGwsClient({ fetch: fake.fetch }).getMe()).toEqual(expected);
  });
});
