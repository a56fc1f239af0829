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

  it('does not keep an answer nobody observes, and hands over each answer as read (no structural sharing)', async () => {
    const answer = { statusCode: 0, openmedia: [{ id: 'a', mediaType: 'promotion', state: 'Processing', capabilities: [] }] };
    const fake = createFakeFetch(() => json(answer));
    const client = createGwsClient({ fetch: fake.fetch });
    const queryClient = new QueryClient();
    const first = await queryClient.fetchQuery(snapshotQueryOptions(client, 'promotion'));
    const second = await queryClient.fetchQuery(snapshotQueryOptions(client, 'promotion'));
    // Equal answers are not merged into the previous one: the store keeps identity itself.
    expect(second.interactions[0]).not.toBe(first.interactions[0]);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(queryClient.getQueryData(snapshotQueryOptions(client, 'promotion').queryKey)).toBeUndefined();
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
    // A 4xx is a refusal; 500 itself is already a server failure; a status-code answer is never retried,
    // whatever HTTP status carried it.
    expect(retry(0, new GwsRequestError({ kind: 'http', status: 404, message: 'x' }))).toBe(false);
    expect(retry(0, new GwsRequestError({ kind: 'http', status: 500, message: 'x' }))).toBe(true);
    expect(retry(0, new GwsRequestError({ kind: 'http', message: 'x' }))).toBe(false);
    expect(retry(0, new GwsRequestError({ kind: 'status-code', status: 503, statusCode: 4, message: 'x' }))).toBe(false);
    expect(retry(0, new Error('not from GWS'))).toBe(false);
  });

  it('fetches through the client when used with a QueryClient', async () => {
    const fake = createFakeFetch(() => json({ statusCode: 0, openmedia: [] }));
    const client = createGwsClient({ fetch: fake.fetch });
    const result = await new QueryClient().fetchQuery(snapshotQueryOptions(client, 'promotion'));
    expect(result).toEqual({ mediaType: 'promotion', interactions: [], rejected: [] });
    expect(fake.requests[0]?.url).toBe('/api/v2/me/openmedia/promotion?fields=*');
  });

  it('reads even when the host QueryClient believes it is offline, and passes its abort signal on', async () => {
    const fake = createFakeFetch(() => new Promise<Response>(() => undefined));
    const client = createGwsClient({ fetch: fake.fetch });
    const options = snapshotQueryOptions(client, 'promotion');
    expect(options.networkMode).toBe('always');
    const queryClient = new QueryClient();
    const read = queryClient.fetchQuery(options).catch((error: unknown) => error);
    await Promise.resolve();
    await Promise.resolve();
    await queryClient.cancelQueries({ queryKey: options.queryKey });
    await read;
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]?.aborted).toBe(true);
  });
});
