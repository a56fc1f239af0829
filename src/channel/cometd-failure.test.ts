import { describe, expect, it } from 'vitest';
import { bayeuxErrorCode, failureHttpCode, isSessionGone } from './cometd-failure';

const failed = (extra: object) => ({ channel: '/meta/handshake', successful: false, ...extra });

describe('cometd failure reading', () => {
  it('reads the HTTP status CometD stores in failure.httpCode', () => {
    expect(failureHttpCode(failed({ failure: { httpCode: 401 } }))).toBe(401);
    expect(failureHttpCode(failed({ failure: { httpCode: 0 } }))).toBeUndefined();
    expect(failureHttpCode(failed({ failure: { httpCode: -1 } }))).toBeUndefined();
    expect(failureHttpCode(failed({ failure: 'x' }))).toBeUndefined();
    expect(failureHttpCode(failed({}))).toBeUndefined();
  });

  it('reads the code of a Bayeux error string', () => {
    expect(bayeuxErrorCode(failed({ error: '403::handshake_denied' }))).toBe(403);
    expect(bayeuxErrorCode(failed({ error: '402::Unknown client' }))).toBe(402);
    expect(bayeuxErrorCode(failed({ error: 'nonsense' }))).toBeUndefined();
  });

  it.each([
    ['401 on handshake', failed({ failure: { httpCode: 401 } }), 'handshake', true],
    ['401 on connect', failed({ failure: { httpCode: 401 } }), 'connect', true],
    ['HTTP 403 on handshake', failed({ failure: { httpCode: 403 } }), 'handshake', true],
    ['handshake_denied', failed({ error: '403::handshake_denied' }), 'handshake', true],
    ['HTTP 403 on connect', failed({ failure: { httpCode: 403 } }), 'connect', false],
    ['402 unknown client', failed({ error: '402::Unknown client' }), 'connect', false],
    ['network failure', failed({ failure: { httpCode: 0 } }), 'handshake', false],
    ['server error', failed({ failure: { httpCode: 500 } }), 'handshake', false],
  ] as const)('%s → session gone: %s', (_name, message, phase, expected) => {
    expect(isSessionGone(message, phase)).toBe(expected);
  });
});
