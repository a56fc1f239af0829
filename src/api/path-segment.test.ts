import { describe, expect, it } from 'vitest';
import { isGwsRequestError } from './errors';
import { operationPath, performOperation } from './operations';
import { snapshotPath } from './snapshot';
import { v3OperationPath } from './workspace-v3/operations';
import { pathSegment } from './path-segment';
import type { GwsHttp } from './http';

describe('pathSegment', () => {
  it('encodes a segment as encodeURIComponent does', () => {
    expect(pathSegment('a/b?c=1#d e%')).toBe('a%2Fb%3Fc%3D1%23d%20e%25');
    expect(pathSegment('03W0GH2KD56YV000')).toBe('03W0GH2KD56YV000');
    expect(pathSegment('a.b')).toBe('a.b');
    expect(pathSegment('...')).toBe('...');
    expect(new URL(operationPath('promotion', '...'), 'https://gws.example').pathname).toBe('/api/v2/me/openmedia/promotion/...');
  });

  it('refuses "." and "..", which a URL resolves to another endpoint, encoded or not', () => {
    // Why encoding is no way out: the URL standard reads "%2E%2E" as "..".
    expect(new URL('/api/v2/me/openmedia/promotion/%2E%2E', 'https://gws.example').pathname).toBe('/api/v2/me/openmedia/');
    for (const id of ['.', '..']) {
      expect(() => operationPath('promotion', id)).toThrow(/cannot be written in a request URL/);
      expect(() => snapshotPath(id)).toThrow(/cannot be written in a request URL/);
      expect(() => v3OperationPath('email', id, 'complete')).toThrow(/cannot be written in a request URL/);
    }
  });

  it('an operation on such an id fails with that reason and sends nothing', async () => {
    const post = (): Promise<unknown> => Promise.reject(new Error('sent'));
    const http = { post, get: post } as unknown as GwsHttp;
    const error: unknown = await performOperation(http, 'promotion', '..', { operationName: 'Accept' }).catch((e: unknown) => e);
    expect(isGwsRequestError(error) && error.kind).toBe('http');
    expect(String(error)).toMatch(/Not sent: “\.\.” cannot be written/);
  });
});
