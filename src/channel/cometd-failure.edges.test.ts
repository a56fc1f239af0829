import { describe, expect, it } from 'vitest';
import { jitter } from './backoff';
import { bayeuxErrorCode, failureHttpCode, isSessionGone } from './cometd-failure';

const failed = (extra: object) => ({ channel: '/meta/connect', successful: false, ...extra });

describe('cometd failure reading: odd shapes', () => {
  it('a null failure or a non-numeric httpCode has no HTTP status', () => {
    expect(failureHttpCode(failed({ failure: null }))).toBeUndefined();
    expect(failureHttpCode(failed({ failure: { httpCode: '401' } }))).toBeUndefined();
  });

  it('reads a Bayeux code only from a string that starts with it', () => {
    expect(bayeuxErrorCode(failed({ error: ['401::unauthorized'] }))).toBeUndefined();
    expect(bayeuxErrorCode(failed({ error: 'retry after 403::handshake_denied' }))).toBeUndefined();
  });

  it('a Bayeux 401 ends the session on connect too', () => {
    expect(isSessionGone(failed({ error: '401::unauthorized' }), 'connect')).toBe(true);
  });
});

describe('jitter of a negative delay', () => {
  it('is no wait at all', () => {
    expect(jitter(-1_000, () => 0.5)).toBe(0);
  });
});
