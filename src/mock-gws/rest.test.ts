import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseSnapshot } from '../protocol/parse';
import { createMockGws, type RunningMockGws } from './server';
import { GwsRestClient } from '../test-support/gws-rest-client';
import { waitFor } from '../test-support/wait-for';

// REST only (plain fetch): several mock servers may share this process.
let mock: RunningMockGws;
let rest: GwsRestClient;

const SEED = '03W0GH2KD56YV000';
const INVITED = '03W0GH2KD56YV001';

beforeAll(async () => {
  mock = await createMockGws({ outcomeDelayMs: 5 });
});

afterAll(() => mock.close());

beforeEach(async () => {
  mock.control.reset();
  rest = new GwsRestClient(mock.url);
  await rest.login();
});

describe('session and CSRF', () => {
  it('GET /api/v2/me returns the user, the CSRF header pair and a JSESSIONID cookie', async () => {
    const fresh = new GwsRestClient(mock.url);
    const answer = await fresh.login();
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ statusCode: 0, user: { id: expect.any(String) as unknown, userName: 'dwhitfield', firstName: 'Dana', lastName: 'Whitfield' } });
    expect(answer.headers.get('X-CSRF-HEADER')).toBe('X-CSRF-TOKEN');
    expect(answer.headers.get('X-CSRF-TOKEN')).toMatch(/^[0-9a-f]{32}$/);
    const cookie = answer.headers.getSetCookie();
    expect(cookie).toHaveLength(1);
    expect(cookie[0]).toMatch(/^JSESSIONID=[0-9A-F]{32}; Path=\/; HttpOnly$/);
  });

  it('keeps the session (no new cookie, same token) when the cookie comes back', async () => {
    const token = rest.csrfToken;
    const again = await rest.login();
    expect(again.headers.getSetCookie()).toEqual([]);
    expect(again.headers.get('X-CSRF-TOKEN')).toBe(token);
  });

  it('refuses a POST without the CSRF header, with a wrong one, or from another session', async () => {
    const refusal = { statusCode: 3, statusMessage: 'Missing or invalid Csrf token' };
    const missing = await rest.post(`/api/v2/me/openmedia/promotion/${SEED}`, { operationName: 'SetInFocus' }, { csrf: false });
    expect([missing.status, missing.body]).toEqual([403, refusal]);
    const wrong = await rest.request('POST', `/api/v2/me/openmedia/promotion/${SEED}`, { body: { operationName: 'SetInFocus' }, headers: { 'X-CSRF-TOKEN': 'nope' }, csrf: false });
    expect([wrong.status, wrong.body]).toEqual([403, refusal]);
    const other = new GwsRestClient(mock.url);
    other.csrfToken = rest.csrfToken;
    const foreign = await other.operate('promotion', SEED, { operationName: 'SetInFocus' });
    expect([foreign.status, foreign.body]).toEqual([403, refusal]);
    const ok = await rest.operate('promotion', SEED, { operationName: 'SetInFocus' });
    expect(ok.status).toBe(200);
  });

  it('expire-session gives 401 to REST and CometD until restore-session', async () => {
    const expired = await rest.mock('expire-session');
    expect((expired.body as { expired: number }).expired).toBeGreaterThanOrEqual(1);
    expect((await rest.login()).status).toBe(401);
    expect((await rest.operate('promotion', SEED, { operationName: 'SetInFocus' })).status).toBe(401);
    const handshake = await rest.request('POST', '/api/v2/notifications/handshake', {
      body: [{ channel: '/meta/handshake', version: '1.0', supportedConnectionTypes: ['long-polling'] }],
      csrf: false,
    });
    expect(handshake.status).toBe(401);
    expect(mock.control.state().faults.expiredSessions).toBeGreaterThanOrEqual(1);
    // Still 401 on retry: without Basic auth nothing revives it but restore-session or reset.
    expect((await rest.login()).status).toBe(401);
    await rest.mock('restore-session');
    expect((await rest.login()).status).toBe(200);
    expect((await rest.operate('promotion', SEED, { operationName: 'SetInFocus' })).status).toBe(200);
  });
});

describe('snapshot', () => {
  it('lists the active interactions of one media type, whole, readable by the parser', async () => {
    const promotions = await rest.get('/api/v2/me/openmedia/promotion?fields=*');
    const parsed = parseSnapshot(promotions.body);
    expect(parsed.ok && parsed.rejected).toEqual([]);
    expect(parsed.ok && parsed.interactions.map((i) => [i.id, i.state])).toEqual([
      [SEED, 'Processing'],
      [INVITED, 'Invited'],
      ['03W0GH2KD56YV002', 'Invited'],
    ]);
    const workitems = await rest.get('/api/v2/me/openmedia/workitem?fields=*');
    expect((workitems.body as { openmedia: { id: string }[] }).openmedia.map((o) => o.id)).toEqual(['03W0GH2KD56YV003', '03W0GH2KD56YV004']);
    const none = await rest.get('/api/v2/me/openmedia/email?fields=*');
    expect(none.body).toEqual({ statusCode: 0, openmedia: [] });
  });
});

describe('operation validation', () => {
  const cases: [string, string, string, unknown, number, number, RegExp][] = [
    ['bad JSON', 'promotion', SEED, '{"operationName": ', 400, 1, /not valid JSON/],
    ['no body object', 'promotion', SEED, '[1]', 400, 1, /JSON object/],
    ['missing operationName', 'promotion', SEED, {}, 400, 1, /Missing parameter: operationName/],
    ['unknown operationName', 'promotion', SEED, { operationName: 'Dance' }, 400, 1, /Unknown operationName "Dance"/],
    ['Create on an item', 'promotion', SEED, { operationName: 'Create', queueUri: 'q' }, 400, 1, /Create is posted to/],
    ['Transfer without targetUri', 'promotion', SEED, { operationName: 'Transfer' }, 400, 1, /Missing parameter: targetUri/],
    ['AttachUserData without userData', 'promotion', SEED, { operationName: 'AttachUserData' }, 400, 1, /Missing parameter: userData/],
    ['UpdateUserData with a nested value', 'promotion', SEED, { operationName: 'UpdateUserData', userData: { a: { b: 1 } } }, 400, 1, /userData\.a must be/],
    ['DeleteUserData without keys', 'promotion', SEED, { operationName: 'DeleteUserData' }, 400, 1, /Missing parameter: keys/],
    ['Accept while Processing', 'promotion', SEED, { operationName: 'Accept' }, 400, 2, /Accept is not allowed in state Processing/],
    ['Complete while Invited', 'promotion', INVITED, { operationName: 'Complete' }, 400, 2, /not allowed in state Invited/],
    ['anything once Completed', 'promotion', '03W0GH2KD56YV005', { operationName: 'SetInFocus' }, 400, 2, /capabilities: none/],
    ['unknown id', 'promotion', 'NOPE', { operationName: 'Accept' }, 404, 6, /No promotion interaction with id NOPE/],
    ['media type mismatch', 'workitem', SEED, { operationName: 'SetInFocus' }, 404, 6, /No workitem interaction/],
  ];

  it.each(cases)('%s', async (_name, mediaType, id, body, http, statusCode, message) => {
    const before = mock.control.state().published;
    const answer = await rest.operate(mediaType, id, body);
    expect(answer.status).toBe(http);
    expect(answer.body).toEqual({ statusCode, statusMessage: expect.stringMatching(message) as unknown });
    expect(mock.control.state().published).toBe(before);
  });

  it('refuses Create without queueUri (1) or with an unknown parentId (6)', async () => {
    const missing = await rest.post('/api/v2/me/openmedia/promotion', { operationName: 'Create' });
    expect(missing.body).toEqual({ statusCode: 1, statusMessage: 'Missing parameter: queueUri' });
    const orphan = await rest.post('/api/v2/me/openmedia/promotion', { operationName: 'Create', queueUri: 'q', parentId: 'NOPE' });
    expect([orphan.status, (orphan.body as { statusCode: number }).statusCode]).toEqual([404, 6]);
    const misplaced = await rest.post('/api/v2/me/openmedia/promotion', { operationName: 'Accept' });
    expect((misplaced.body as { statusMessage: string }).statusMessage).toMatch(/posted to \/api\/v2\/me\/openmedia\/\{mediaType\}\/\{id\}/);
  });

  it('changes the data at once, so a second Accept of the same offer is refused with 2', async () => {
    expect((await rest.operate('promotion', INVITED, { operationName: 'Accept' })).status).toBe(200);
    const again = await rest.operate('promotion', INVITED, { operationName: 'Accept' });
    expect((again.body as { statusCode: number }).statusCode).toBe(2);
  });

  it('logs REST requests with operationName and referenceId', async () => {
    const ok = await rest.operate('promotion', SEED, { operationName: 'SetInFocus' });
    await rest.operate('promotion', 'NOPE', { operationName: 'Complete' });
    const { requests } = (await rest.get('/mock/log')).body as { requests: Record<string, unknown>[] };
    expect(requests.slice(-3)).toEqual([
      { at: expect.any(Number) as unknown, method: 'GET', path: '/api/v2/me', status: 200 },
      { at: expect.any(Number) as unknown, method: 'POST', path: `/api/v2/me/openmedia/promotion/${SEED}`, status: 200, operationName: 'SetInFocus', referenceId: (ok.body as { referenceId: number }).referenceId },
      { at: expect.any(Number) as unknown, method: 'POST', path: '/api/v2/me/openmedia/promotion/NOPE', status: 404, operationName: 'Complete' },
    ]);
  });

  it('answers 404 with statusCode 6 for an unknown API path', async () => {
    const answer = await rest.get('/api/v2/me/nothing-here');
    expect([answer.status, (answer.body as { statusCode: number }).statusCode]).toEqual([404, 6]);
  });
});

describe('network cut', () => {
  it('resets every API connection for the given time while /mock stays reachable', async () => {
    await rest.mock('network-cut', { seconds: 0.3 });
    await expect(rest.login()).rejects.toThrow(TypeError);
    const state = (await rest.get('/mock/state')).body as { faults: { networkCutUntil: number | null } };
    expect(state.faults.networkCutUntil).toBeGreaterThan(Date.now() - 50);
    const back = await waitFor(
      () => (mock.control.state().faults.networkCutUntil === null ? true : undefined),
      'the end of the cut',
    );
    expect(back).toBe(true);
    expect((await rest.login()).status).toBe(200);
    const { requests } = (await rest.get('/mock/log')).body as { requests: { status: number; path: string }[] };
    expect(requests).toContainEqual(expect.objectContaining({ path: '/api/v2/me', status: 0 }));
  });
});

describe('control routes', () => {
  it('reports state with interactions (completed too), sessions, traffic and faults', async () => {
    await rest.mock('duplicate-next', { count: 2 });
    await rest.mock('fail-next', { mode: 'no-answer', count: 3 });
    const state = (await rest.get('/mock/state')).body as Record<string, unknown>;
    expect(Object.keys(state).sort()).toEqual(['burst', 'faults', 'handshakes', 'interactions', 'published', 'sessions', 'traffic']);
    expect((state.interactions as { id: string; state: string }[]).map((i) => i.state)).toEqual(['Processing', 'Invited', 'Invited', 'Processing', 'Invited', 'Completed']);
    expect(state.traffic).toEqual({ running: false, rate: 0 });
    expect(state.faults).toEqual({
      failNext: { remaining: 3, mode: 'no-answer', statusCode: 2 },
      duplicateNext: 2,
      reorderNext: 0,
      reorderHeld: 0,
      networkCutUntil: null,
      expiredSessions: 0,
      refuseSubscriptions: false,
    });
  });

  it('reset restores the data set and clears every switch', async () => {
    await rest.operate('promotion', INVITED, { operationName: 'Accept' });
    await rest.mock('reorder-next', { count: 5 });
    await rest.mock('traffic', { rate: 5, seed: 3 });
    await rest.mock('reset');
    const state = mock.control.state();
    expect(state.interactions.find((i) => i.id === INVITED)?.state).toBe('Invited');
    expect(state.traffic.running).toBe(false);
    expect(state.faults).toMatchObject({ failNext: null, duplicateNext: 0, reorderNext: 0, networkCutUntil: null });
  });

  it('refuses bad input with 400, unknown ids with 404, a live duplicate offer with 409', async () => {
    const expectations: [string, unknown, number][] = [
      ['fail-next', { mode: 'explode' }, 400],
      ['traffic', { rate: -1 }, 400],
      ['duplicate-next', { count: 1.5 }, 400],
      ['network-cut', { seconds: 0 }, 400],
      ['burst', { count: 10 }, 400],
      ['raw', { nodata: true }, 400],
      ['publish', { notificationType: 'Nope' }, 400],
      ['offer', { overrides: { state: 7 } }, 400],
      ['user-data', { id: 'NOPE', userData: { a: 1 } }, 404],
      ['offer', { overrides: { id: SEED } }, 409],
      ['nothing-here', {}, 404],
    ];
    for (const [route, body, status] of expectations) {
      const answer = await rest.mock(route, body);
      expect([route, answer.status]).toEqual([route, status]);
      expect(answer.body).toEqual({ error: expect.any(String) as unknown });
    }
    expect((await rest.get('/mock/offer')).status).toBe(405);
    expect((await rest.request('POST', '/mock/reset', { body: '{', csrf: false })).status).toBe(400);
  });

  it('re-offers a completed interaction under its own id', async () => {
    const answer = await rest.mock('offer', { overrides: { id: '03W0GH2KD56YV005' } });
    expect(answer.body).toEqual({ id: '03W0GH2KD56YV005' });
    expect(mock.control.state().interactions.find((i) => i.id === '03W0GH2KD56YV005')).toMatchObject({ state: 'Invited', capabilities: ['Accept', 'Reject'] });
  });

  it('refuses control POSTs from a foreign page (Origin check) but not same-origin ones', async () => {
    const foreign = await rest.request('POST', '/mock/reset', { headers: { Origin: 'http://evil.example' }, csrf: false });
    expect(foreign.status).toBe(403);
    const same = await rest.request('POST', '/mock/reset', { headers: { Origin: mock.url }, csrf: false });
    expect(same.status).toBe(200);
  });
});

describe('CORS', () => {
  let cross: RunningMockGws;
  const ORIGIN = 'http://127.0.0.1:5173';
  beforeAll(async () => {
    cross = await createMockGws({ allowedOrigins: [ORIGIN] });
  });
  afterAll(() => cross.close());

  it('lets an allowed origin read the CSRF headers with credentials', async () => {
    const answer = await fetch(`${cross.url}/api/v2/me`, { headers: { Origin: ORIGIN } });
    expect(answer.headers.get('Access-Control-Allow-Origin')).toBe(ORIGIN);
    expect(answer.headers.get('Access-Control-Allow-Credentials')).toBe('true');
    expect(answer.headers.get('Access-Control-Expose-Headers')).toBe('X-CSRF-HEADER, X-CSRF-TOKEN');
  });

  it('answers preflights for REST and for the CometD endpoint', async () => {
    for (const path of ['/api/v2/me/openmedia/promotion/X', '/api/v2/notifications/connect']) {
      const preflight = await fetch(`${cross.url}${path}`, {
        method: 'OPTIONS',
        headers: { Origin: ORIGIN, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type, x-csrf-token' },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('Access-Control-Allow-Origin')).toBe(ORIGIN);
      expect(preflight.headers.get('Access-Control-Allow-Headers')).toBe('Content-Type, X-CSRF-TOKEN, x-api-key');
      expect(preflight.headers.get('Access-Control-Allow-Methods')).toContain('POST');
    }
  });

  it('gives no CORS headers to any other origin', async () => {
    const answer = await fetch(`${cross.url}/api/v2/me`, { headers: { Origin: 'http://elsewhere.example' } });
    expect(answer.headers.get('Access-Control-Allow-Origin')).toBeNull();
    const preflight = await fetch(`${cross.url}/api/v2/me`, { method: 'OPTIONS', headers: { Origin: 'http://elsewhere.example', 'Access-Control-Request-Method': 'POST' } });
    expect(preflight.headers.get('Access-Control-Allow-Origin')).toBeNull();
  });
});

describe('HTTP Basic auth', () => {
  let secured: RunningMockGws;
  const basic = (user: string, password: string) => ({ Authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` });
  beforeAll(async () => {
    secured = await createMockGws({ basicAuth: { user: 'agent7', password: 's3cret' } });
  });
  afterAll(() => secured.close());

  it('answers 401 with a Basic challenge without credentials or with wrong ones', async () => {
    const client = new GwsRestClient(secured.url);
    const none = await client.login();
    expect(none.status).toBe(401);
    expect(none.headers.get('WWW-Authenticate')).toBe('Basic realm="GWS mock"');
    expect(none.headers.getSetCookie()).toEqual([]);
    expect((await client.login(basic('agent7', 'wrong'))).status).toBe(401);
  });

  it('opens a session on valid credentials; the cookie alone then suffices', async () => {
    const client = new GwsRestClient(secured.url);
    const first = await client.login(basic('agent7', 's3cret'));
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ user: { userName: 'agent7' } });
    expect(client.jar.get('JSESSIONID')).toBeDefined();
    expect((await client.login()).status).toBe(200);
  });

  it('after expire-session, valid credentials open a new session', async () => {
    const client = new GwsRestClient(secured.url);
    await client.login(basic('agent7', 's3cret'));
    const oldSession = client.jar.get('JSESSIONID');
    await client.mock('expire-session');
    expect((await client.login()).status).toBe(401);
    const relogin = await client.login(basic('agent7', 's3cret'));
    expect(relogin.status).toBe(200);
    expect(client.jar.get('JSESSIONID')).not.toBe(oldSession);
    expect((await client.operate('promotion', SEED, { operationName: 'SetInFocus' })).status).toBe(200);
  });
});
