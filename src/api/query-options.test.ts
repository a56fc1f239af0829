import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { createGwsClient } from './client';
import { GwsRequestError } from './errors';
import { createFakeFetch, json } from '../testing/fake-fetch';
import { snapshotQueryOptions } from './query-options';

describe('snapshotQueryOptions', () => {
  it('keys by gwsBase and media type', () => {
    const client = createGwsClient({ gwsBase: 'https://gws.example', fetch: createFakeFetch(() => json({})).fetch });
    expect(snapshotQueryOptions(client, 'promotion').queryKey).toEqual(['openmedia', 'snapshot', 'https://gws.example', 'promotion']);
  });

  it('never serves a cached snapshot as fresh: every fetchQuery reads GWS again', async () => {
    const fake = createFakeFetch(() => json({ statusCode: 0, openmedia: [] }));
    const client = createGwsClient({ fetch: fake.fetch });
    const queryClient = new QueryClient();
    await queryClient.fetchQuery(snapshotQueryOptions(client, 'promotion'));
    await queryClient.fetchQuery(snapshotQueryOptions(client, 'promotion'));
    expect(fake.requests).toHaveLength(2);
  });

  it('retries transient failures only', () => {
    const client = createGwsClient({ fetch: createFakeFetch(() => json({})).fetch });
    const retry = snapshotQueryOptions(client, 'promotion').retry;
    if (typeof retry !== 'function') throw new Error('retry must be a policy function');
    const network = new GwsRequestError({ kind: 'network', message: 'x' });
    const server = new GwsRequestError({ kind: 'http', status: 503, message: 'x' });
    const refused = new GwsRequestError({ kind: 'status-code', statusCode: 5, message: 'x' });
    const gone = new GwsRequestError({ kind: 'unauthorized', status: 401, message: 'x' });
    expect(retry(0, network)).toBe(true);
    expect(retry(2, server)).toBe(true);
    expect(retry(3, network)).toBe(false);
    expect(retry(0, refused)).toBe(false);
    expect(retry(0, gone)).toBe(false);
  });

  it('fetches through the client when used with a QueryClient', async () => {
    const fake = createFakeFetch(() => json({ statusCode: 0, openmedia: [] }));
    const client = createGwsClient({ fetch: fake.fetch });
    const result = await new QueryClient().fetchQuery(snapshotQueryOptions(client, 'promotion'));
    expect(result).toEqual({ mediaType: 'promotion', interactions: [], rejected: [] });
    expect(fake.requests[0]?.url).toBe('/api/v2/me/openmedia/promotion?fields=*');
  });
});
