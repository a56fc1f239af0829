import { describe, expect, it } from 'vitest';
import type { GwsClient } from '../api/client';
import { GwsRequestError } from '../api/errors';
import { DEFAULT_DIALECT, gwsV2Dialect, isDialectName, withDialect, workspaceV3Dialect } from './dialects';

function clientWhoseMe(answer: () => Promise<Readonly<Record<string, unknown>>>): GwsClient {
  return {
    gwsBase: '',
    getMe: answer,
    getSnapshot: () => Promise.reject(new Error('not used')),
    performOperation: () => Promise.reject(new Error('not used')),
  };
}

describe('isDialectName', () => {
  it('knows the two dialects and nothing else', () => {
    expect(isDialectName('gws-v2')).toBe(true);
    expect(isDialectName('workspace-v3')).toBe(true);
    expect(isDialectName('gws-v3')).toBe(false);
    expect(isDialectName(undefined)).toBe(false);
    expect(DEFAULT_DIALECT).toBe('gws-v2');
  });
});

describe('gws-v2: is the session gone?', () => {
  it.each([
    ['a user answer', () => Promise.resolve({ userName: 'kate' }), false],
    ['401', () => Promise.reject(new GwsRequestError({ kind: 'unauthorized', status: 401, message: 'x' })), true],
    ['403', () => Promise.reject(new GwsRequestError({ kind: 'http', status: 403, message: 'x' })), true],
    ['500', () => Promise.reject(new GwsRequestError({ kind: 'http', status: 500, message: 'x' })), false],
    ['no answer', () => Promise.reject(new GwsRequestError({ kind: 'network', message: 'x' })), false],
    ['an error not from GWS', () => Promise.reject(new Error('bug')), false],
  ] as const)('%s → %s', async (_, answer, gone) => {
    expect(await gwsV2Dialect().isSessionGone(clientWhoseMe(answer))).toBe(gone);
  });
});

describe('withDialect', () => {
  it("fills in the dialect's CometD URL, media types and REST client; explicit options win", () => {
    const v3 = workspaceV3Dialect();
    const filled = withDialect({}, v3, 'https://ws.example');
    expect(filled.cometdUrl).toBe('https://ws.example/workspace/v3/notifications');
    expect(filled.mediaTypes).toEqual(['workitem', 'email', 'outboundpreview']);
    expect(filled.gwsClient?.gwsBase).toBe('https://ws.example');
    const own = clientWhoseMe(() => Promise.resolve({}));
    const explicit = withDialect({ cometdUrl: '/cometd', mediaTypes: ['chat'], gwsClient: own }, v3, 'https://ws.example');
    expect(explicit).toMatchObject({ cometdUrl: '/cometd', mediaTypes: ['chat'] });
    expect(explicit.gwsClient).toBe(own);
    expect(withDialect({}, gwsV2Dialect(), '').cometdUrl).toBe('/api/v2/notifications');
    expect(withDialect({}, gwsV2Dialect(), 'https://gws.example').gwsClient?.gwsBase).toBe('https://gws.example');
  });
});
