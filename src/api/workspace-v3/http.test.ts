import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeFetch, json } from '../../testing/fake-fetch';
import { GwsRequestError } from '../errors';
import { GET_TIMEOUT_MS } from '../http';
import { createWorkspaceV3Http, errorFromV3Response } from './http';

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  );
}

describe('errorFromV3Response', () => {
  it('401 is a lost session, in the server words when it sent some', () => {
    expect(errorFromV3Response(401, '', { status: { code: 14, message: 'Session expired' } })).toMatchObject({ kind: 'unauthorized', status: 401, statusCode: 14, message: 'Session expired' });
    expect(errorFromV3Response(401, '', undefined).message).toBe('Your Workspace session has ended. Please sign in again.');
  });

  it('a status code other than 0 and 1 is a refusal; 0 and 1 are not', () => {
    expect(errorFromV3Response(400, '', { status: { code: 5, message: 'Not allowed' } })).toMatchObject({ kind: 'status-code', status: 400, statusCode: 5, message: 'Not allowed' });
    expect(errorFromV3Response(400, '', { status: { code: 5 } }).message).toBe('The Workspace API refused the request (status code 5).');
    expect(errorFromV3Response(500, 'Server Error', { status: { code: 0 } })).toMatchObject({ kind: 'http', statusCode: 0, message: 'The Workspace API answered HTTP 500 Server Error.' });
    expect(errorFromV3Response(500, '', { status: { code: 1, message: 'Busy' } })).toMatchObject({ kind: 'http', statusCode: 1, message: 'Busy' });
  });

  it('a code in a 403, 429 or 5xx body says "not now", not a considered refusal: an http error (retried when a read), with the words kept', () => {
    for (const status of [403, 429, 500, 503, 504]) {
      expect(errorFromV3Response(status, '', { status: { code: 9, message: 'Session is not initialized yet' } })).toMatchObject({
        kind: 'http',
        status,
        statusCode: 9,
        message: 'Session is not initialized yet',
      });
    }
  });

  it('uses a short plain-text body, trimmed, but never an HTML page', () => {
    expect(errorFromV3Response(502, 'Bad Gateway', '  Upstream down \n').message).toBe('The Workspace API answered HTTP 502 Bad Gateway: Upstream down');
    expect(errorFromV3Response(502, 'Bad Gateway', 'x'.repeat(300)).message).toBe(`The Workspace API answered HTTP 502 Bad Gateway: ${'x'.repeat(300)}`);
    expect(errorFromV3Response(404, 'Not Found', '<html><h1>Not Found</h1></html>').message).toBe('The Workspace API answered HTTP 404 Not Found.');
    expect(errorFromV3Response(502, 'Bad Gateway', 'x'.repeat(301)).message).toBe('The Workspace API answered HTTP 502 Bad Gateway.');
    expect(errorFromV3Response(502, 'Bad Gateway', '   ').message).toBe('The Workspace API answered HTTP 502 Bad Gateway.');
    expect(errorFromV3Response(502, 'Bad Gateway', '<HTML><body>proxy</body></HTML>').message).toBe('The Workspace API answered HTTP 502 Bad Gateway.');
    expect(errorFromV3Response(403, '', undefined)).toMatchObject({ kind: 'http', status: 403, message: 'The Workspace API answered HTTP 403.' });
  });
});

describe('createWorkspaceV3Http', () => {
  it('uses the global fetch, looked up at call time, when none is given', async () => {
    const http = createWorkspaceV3Http({ gwsBase: 'http://sim.test/' });
    const fake = createFakeFetch(() => json({ status: { code: 0 } }));
    vi.stubGlobal('fetch', fake.fetch);
    await http.get('/workspace/v3/current-session');
    expect(fake.requests[0]?.url).toBe('http://sim.test/workspace/v3/current-session');
  });

  it('GET asks for JSON without a content type; POST sends JSON; x-api-key only when one is set', async () => {
    const fake = createFakeFetch(() => json({ status: { code: 1 } }));
    await createWorkspaceV3Http({ fetch: fake.fetch }).get('/g');
    await createWorkspaceV3Http({ fetch: fake.fetch, apiKey: 'k-1' }).post('/p', { operationId: 'o' });
    await createWorkspaceV3Http({ fetch: fake.fetch, apiKey: '' }).post('/p', {});
    const [get, post, noKey] = fake.requests;
    expect(get).toMatchObject({ method: 'GET', credentials: 'include' });
    expect(get?.headers.get('Accept')).toBe('application/json');
    expect(get?.headers.has('Content-Type')).toBe(false);
    expect(get?.headers.has('x-api-key')).toBe(false);
    expect(get?.body).toBeUndefined();
    expect(post).toMatchObject({ method: 'POST', credentials: 'include', body: { operationId: 'o' } });
    expect(post?.headers.get('Accept')).toBe('application/json');
    expect(post?.headers.get('Content-Type')).toBe('application/json');
    expect(post?.headers.get('x-api-key')).toBe('k-1');
    expect(noKey?.headers.has('x-api-key')).toBe(false);
  });

  it('a blank body is undefined, a non-JSON body its text, an error body becomes the error', async () => {
    const answers = [new Response(' \n'), new Response('plain words'), new Response('Gateway down', { status: 502 })];
    const fake = createFakeFetch(() => answers.shift() ?? json({}));
    const http = createWorkspaceV3Http({ fetch: fake.fetch });
    expect(await http.get('/a')).toBeUndefined();
    expect(await http.get('/b')).toBe('plain words');
    expect(await rejection(http.get('/c'))).toMatchObject({ kind: 'http', status: 502, message: 'The Workspace API answered HTTP 502: Gateway down' });
  });

  it('a POST that gets no answer fails as a network error', async () => {
    const fake = createFakeFetch(() => {
      throw new TypeError('Failed to fetch');
    });
    const error = await rejection(createWorkspaceV3Http({ fetch: fake.fetch }).post('/p', {}));
    expect(error).toBeInstanceOf(GwsRequestError);
    expect(error).toMatchObject({ kind: 'network', message: 'Cannot reach the Workspace API: Failed to fetch.' });
  });

  it('a POST the caller aborts rejects with the abort reason', async () => {
    const fake = createFakeFetch(() => new Promise<Response>(() => undefined));
    const abort = new AbortController();
    const pending = rejection(createWorkspaceV3Http({ fetch: fake.fetch }).post('/p', {}, abort.signal));
    abort.abort(new Error('unmounted'));
    expect(await pending).toEqual(new Error('unmounted'));
  });

  it('a GET the caller aborts, before or while it is pending, rejects with the abort reason', async () => {
    const fake = createFakeFetch(() => new Promise<Response>(() => undefined));
    const http = createWorkspaceV3Http({ fetch: fake.fetch });
    const before = new AbortController();
    before.abort(new Error('gone before'));
    expect(await rejection(http.get('/a', before.signal))).toEqual(new Error('gone before'));
    const during = new AbortController();
    const pending = rejection(http.get('/b', during.signal));
    during.abort(new Error('gone during'));
    expect(await pending).toEqual(new Error('gone during'));
    expect(fake.requests.map((r) => r.aborted)).toEqual([true, true]);
  });

  it('a GET without an answer fails after GET_TIMEOUT_MS and says so; one that answers leaves no timer', async () => {
    vi.useFakeTimers();
    const fake = createFakeFetch((request) => (request.url === '/slow' ? new Promise<Response>(() => undefined) : json({})));
    const http = createWorkspaceV3Http({ fetch: fake.fetch });
    await http.get('/fast');
    expect(vi.getTimerCount()).toBe(0);
    const pending = rejection(http.get('/slow', new AbortController().signal));
    await vi.advanceTimersByTimeAsync(GET_TIMEOUT_MS - 1);
    expect(fake.requests[1]?.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const error = await pending;
    expect(error).toBeInstanceOf(GwsRequestError);
    expect(error).toMatchObject({ kind: 'network', message: 'Cannot reach the Workspace API: no answer within 20 s.' });
    // The same without a caller signal (the shared current-session read passes none).
    const unsignalled = rejection(http.get('/slow'));
    await vi.advanceTimersByTimeAsync(GET_TIMEOUT_MS);
    expect(await unsignalled).toMatchObject({ kind: 'network', message: 'Cannot reach the Workspace API: no answer within 20 s.' });
  });

  it('a request redirected to a sign-in page (HTML) is a lost session, not an unreadable answer', async () => {
    const fake = createFakeFetch(() => {
      const page = new Response('<html>Sign in</html>', { status: 200, headers: { 'Content-Type': 'text/html' } });
      Object.defineProperty(page, 'redirected', { value: true });
      Object.defineProperty(page, 'url', { value: 'https://wwe.example/auth/v3/sign-in' });
      return page;
    });
    const http = createWorkspaceV3Http({ fetch: fake.fetch });
    for (const request of [() => http.get('/workspace/v3/current-session'), () => http.post('/workspace/v3/media/workitem/interactions/a/accept', {})]) {
      expect(await rejection(request())).toMatchObject({ kind: 'unauthorized', status: 401, message: expect.stringMatching(/sign-in page \(https:\/\/wwe\.example\/auth\/v3\/sign-in\)/) });
    }
  });
});

