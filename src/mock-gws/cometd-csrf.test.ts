import { afterEach, describe, expect, it } from 'vitest';
import { GwsRestClient } from '../test-support/gws-rest-client';
import { createMockGws } from './server';
import type { RunningMockGws } from './server';

// `csrfOnCometd`: the CometD endpoint checks the CSRF token as GWS's REST does; off by default.

let mock: RunningMockGws | undefined;

afterEach(async () => {
  await mock?.close();
  mock = undefined;
});

const HANDSHAKE = [{ id: '1', channel: '/meta/handshake', version: '1.0', supportedConnectionTypes: ['long-polling'] }];

async function handshake(options: { readonly csrfOnCometd?: boolean }, withToken: boolean) {
  mock = await createMockGws(options);
  const rest = new GwsRestClient(mock.url);
  await rest.login();
  return rest.post('/api/v2/notifications/handshake', HANDSHAKE, { csrf: withToken });
}

describe('the mock CometD endpoint and the CSRF token', () => {
  it('by default takes a handshake without the token', async () => {
    const answer = await handshake({}, false);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual([expect.objectContaining({ channel: '/meta/handshake', successful: true })]);
  });

  it('with csrfOnCometd, refuses a handshake without the token as GWS refuses a POST, and logs it', async () => {
    const answer = await handshake({ csrfOnCometd: true }, false);
    expect(answer.status).toBe(403);
    expect(answer.body).toEqual({ statusCode: 3, statusMessage: 'Missing or invalid Csrf token' });
    expect(mock?.control.log()).toEqual([
      expect.objectContaining({ method: 'GET', path: '/api/v2/me', status: 200 }),
      expect.objectContaining({ method: 'POST', path: '/api/v2/notifications/handshake', status: 403 }),
    ]);
    expect(mock?.control.state().handshakes).toBe(0);
  });

  it('with csrfOnCometd, takes a handshake that carries the token', async () => {
    const answer = await handshake({ csrfOnCometd: true }, true);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual([expect.objectContaining({ channel: '/meta/handshake', successful: true })]);
  });
});
