import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeFetch, csrfHeaders, json } from '../testing/fake-fetch';
import { GwsRequestError } from './errors';
import { GET_TIMEOUT_MS, createGwsHttp, normalizeGwsBase } from './http';

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

describe('normalizeGwsBase', () => {
  it('drops every trailing slash', () => {
    expect(normalizeGwsBase('https://gws.example/prefix//')).toBe('https://gws.example/prefix');
    expect(normalizeGwsBase(undefined)).toBe('');
  });
});

describe('createGwsHttp', () => {
  it('uses the global fetch, looked up at call time, when none is given', async () => {
    const http = createGwsHttp({ gwsBase: 'https://gws.example' });
    const fake = createFakeFetch(() => json({ ok: 1 }));
    vi.stubGlobal('fetch', fake.fetch);
    expect(await http.get('/api/v2/me')).toEqual({ ok: 1 });
    expect(fake.requests[0]?.url).toBe('https://gws.example/api/v2/me');
  });

  it('a GET asks for JSON and sends neither a body, a content type nor the CSRF header', async () => {
    const fake = createFakeFetch(() => json({}, { headers: csrfHeaders('tok') }));
    const http = createGwsHttp({ fetch: fake.fetch });
    await http.get('/api/v2/me');
    await http.get('/api/v2/me');
    const second = fake.requests[1];
    expect(second?.headers.get('Accept')).toBe('application/json');
    expect(second?.headers.has('Content-Type')).toBe(false);
    expect(second?.headers.has('X-CSRF-TOKEN')).toBe(false);
    expect(second?.body).toBeUndefined();
  });

  it('a POST sends JSON with the learnt CSRF header', async () => {
    const fake = createFakeFetch((request) => (request.method === 'GET' ? json({}, { headers: csrfHeaders('tok') }) : json({ statusCode: 0 })));
    const http = createGwsHttp({ fetch: fake.fetch });
    await http.post('/api/v2/me/openmedia/workitem/1', { operationName: 'Accept' });
    const post = fake.requests[1];
    expect(post?.headers.get('Accept')).toBe('application/json');
    expect(post?.headers.get('Content-Type')).toBe('application/json');
    expect(post?.headers.get('X-CSRF-TOKEN')).toBe('tok');
    expect(post?.body).toEqual({ operationName: 'Accept' });
  });

  it('sends x-api-key on every GET and POST when a key is given, and none without', async () => {
    const fake = createFakeFetch((request) => (request.method === 'GET' ? json({}, { headers: csrfHeaders('tok') }) : json({ statusCode: 0 })));
    await createGwsHttp({ fetch: fake.fetch, apiKey: 'k-1' }).post('/api/v2/me/openmedia/workitem/1', { operationName: 'Accept' });
    await createGwsHttp({ fetch: fake.fetch }).get('/api/v2/me');
    expect(fake.requests.map((r) => [r.method, r.headers.get('x-api-key')])).toEqual([
      ['GET', 'k-1'],
      ['POST', 'k-1'],
      ['GET', null],
    ]);
  });

  it('an empty or blank answer body is undefined; a non-JSON one is its text', async () => {
    const answers = ['  \n', 'plain words'];
    const fake = createFakeFetch(() => new Response(answers.shift()));
    const http = createGwsHttp({ fetch: fake.fetch });
    expect(await http.get('/a')).toBeUndefined();
    expect(await http.get('/b')).toBe('plain words');
  });

  it('a POST that gets no answer (no signal given) fails as a network error', async () => {
    const fake = createFakeFetch((request) => {
      if (request.method === 'GET') return json({}, { headers: csrfHeaders('tok') });
      throw new TypeError('Failed to fetch');
    });
    const error = await rejection(createGwsHttp({ fetch: fake.fetch }).post('/x', {}));
    expect(error).toBeInstanceOf(GwsRequestError);
    expect(error).toMatchObject({ kind: 'network', message: 'Cannot reach GWS: Failed to fetch.' });
  });

  it('a GET the caller aborts rejects with the abort reason, not as a network error', async () => {
    const fake = createFakeFetch(() => new Promise<Response>(() => undefined));
    const http = createGwsHttp({ fetch: fake.fetch });
    const abort = new AbortController();
    const pending = rejection(http.get('/slow', abort.signal));
    abort.abort(new Error('replaced by a newer read'));
    expect(await pending).toEqual(new Error('replaced by a newer read'));
    expect(fake.requests[0]?.aborted).toBe(true);
  });

  it('a GET with an already aborted signal sends nothing that waits: it rejects with the reason', async () => {
    const fake = createFakeFetch(() => json({}));
    const abort = new AbortController();
    abort.abort(new Error('gone'));
    expect(await rejection(createGwsHttp({ fetch: fake.fetch }).get('/x', abort.signal))).toEqual(new Error('gone'));
  });

  it('says how long it waited when a GET times out, and leaves no timer behind when it answers', async () => {
    vi.useFakeTimers();
    const fake = createFakeFetch((request) => (request.url === '/slow' ? new Promise<Response>(() => undefined) : json({})));
    const http = createGwsHttp({ fetch: fake.fetch });
    await http.get('/fast');
    expect(vi.getTimerCount()).toBe(0);
    const pending = rejection(http.get('/slow'));
    await vi.advanceTimersByTimeAsync(GET_TIMEOUT_MS);
    expect(await pending).toMatchObject({ kind: 'network', message: 'Cannot reach GWS: no answer within 20 s.' });
  });
});

describe('createGwsHttp: the token for CometD (csrf)', () => {
  const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

  it('follows what the requests learn', async () => {
    const fake = createFakeFetch(() => json({}, { headers: csrfHeaders('tok') }));
    const http = createGwsHttp({ fetch: fake.fetch });
    const changes = vi.fn();
    http.csrf.subscribe(changes);
    expect(http.csrf.current()).toBeUndefined();
    await http.get('/api/v2/me/openmedia/workitem?fields=*');
    expect(http.csrf.current()).toEqual({ header: 'X-CSRF-TOKEN', value: 'tok' });
    expect(changes).toHaveBeenCalledTimes(1);
  });

  it('is ready once GWS first answered, with or without a token, and sends nothing of its own while a read is on its way', async () => {
    let answer: (response: Response) => void = () => undefined;
    const fake = createFakeFetch(() => new Promise<Response>((resolve) => (answer = resolve)));
    const http = createGwsHttp({ fetch: fake.fetch });
    const read = http.get('/api/v2/me/openmedia/workitem?fields=*');
    let ready = false;
    void http.csrf.ready().then(() => (ready = true));
    await settle();
    expect(ready).toBe(false);
    answer(json({ statusCode: 0, openmedia: [] }));
    await read;
    expect(ready).toBe(true);
    expect(fake.requests.map((r) => r.url)).toEqual(['/api/v2/me/openmedia/workitem?fields=*']);
    expect(http.csrf.current()).toBeUndefined();
    await expect(http.csrf.ready()).resolves.toBeUndefined();
  });

  it('with nothing on its way, reads GET /api/v2/me for the token', async () => {
    const fake = createFakeFetch(() => json({}, { headers: csrfHeaders('tok') }));
    const http = createGwsHttp({ fetch: fake.fetch });
    await http.csrf.ready();
    expect(fake.requests.map((r) => r.url)).toEqual(['/api/v2/me']);
    expect(http.csrf.current()?.value).toBe('tok');
  });

  it('is ready when GWS cannot be reached, and refresh() never rejects', async () => {
    const fake = createFakeFetch((request) => {
      if (request.url === '/down') throw new TypeError('Failed to fetch');
      return json({ statusCode: 3, statusMessage: 'Authentication required' }, { status: 401 });
    });
    const http = createGwsHttp({ fetch: fake.fetch });
    const ready = http.csrf.ready();
    await rejection(http.get('/down'));
    await ready;
    await expect(http.csrf.refresh()).resolves.toBeUndefined();
    expect(fake.requests.map((r) => r.url)).toEqual(['/down', '/api/v2/me']);
  });

  it('a request a sign-on front redirected to its sign-in page (HTML) is a lost session, GET or POST, not an unreadable answer', async () => {
    const signInPage = () => {
      const page = new Response('<html><body><form>Sign in</form></body></html>', { status: 200, headers: { 'Content-Type': 'text/html; charset=utf-8' } });
      Object.defineProperty(page, 'redirected', { value: true });
      Object.defineProperty(page, 'url', { value: 'https://sso.example/login?next=%2F' });
      return page;
    };
    const fake = createFakeFetch((request) => (request.method === 'GET' && request.url.endsWith('/api/v2/me') ? json({}, { headers: csrfHeaders('tok') }) : signInPage()));
    const http = createGwsHttp({ fetch: fake.fetch });
    for (const request of [() => http.get('/api/v2/me/openmedia/workitem'), () => http.post('/api/v2/me/openmedia/workitem/a', { operationName: 'Accept' })]) {
      const error = await rejection(request());
      expect(error).toBeInstanceOf(GwsRequestError);
      expect(error).toMatchObject({ kind: 'unauthorized', status: 401 });
      expect((error as Error).message).toBe('Your session has ended: the request was sent to a sign-in page (https://sso.example/login?next=%2F), not to GWS. Sign in again, then reconnect.');
    }
    // A redirect that ends on JSON (GWS moved) is GWS's answer.
    const moved = createFakeFetch(() => {
      const answer = json({ statusCode: 0, openmedia: [] });
      Object.defineProperty(answer, 'redirected', { value: true });
      return answer;
    });
    expect(await createGwsHttp({ fetch: moved.fetch }).get('/api/v2/me/openmedia/workitem')).toEqual({ statusCode: 0, openmedia: [] });
  });
});

