import { QueryClient } from '@tanstack/query-core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { GwsClient } from '../api/client';
import { GwsRequestError } from '../api/errors';
import { createOpenmediaStore } from '../core/store';
import { createSnapshotLoader } from './snapshot-loader';

// A client disposed while its reads travel (a host that points the element at another GWS, or
// removes it): the reads are aborted and not tried again, and nothing reaches the store.

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('a disposed snapshot loader', () => {
  it('aborts the reads in flight, drops their retries, dispatches and reports nothing, and reads nothing more', async () => {
    const signals: (AbortSignal | undefined)[] = [];
    const client: GwsClient = {
      gwsBase: 'http://old-gws.test',
      getMe: () => Promise.resolve({}),
      getSnapshot: (_mediaType, options) => {
        signals.push(options?.signal);
        // GWS cannot be reached: the QueryClient's own retries would go on for seconds.
        return new Promise((_resolve, reject) => setTimeout(() => reject(new GwsRequestError({ kind: 'network', message: 'Failed to fetch' })), 500));
      },
      performOperation: () => Promise.reject(new Error('not used')),
    };
    const store = createOpenmediaStore({ schedule: (flush) => flush() });
    const dispatched = vi.spyOn(store, 'dispatch');
    const errors: (string | undefined)[] = [];
    const loader = createSnapshotLoader({ client, queryClient: new QueryClient(), store, now: () => 1_000, onErrorChange: (e) => errors.push(e) });
    loader.load(['workitem', 'promotion']);
    await vi.advanceTimersByTimeAsync(600);
    const reads = signals.length;
    expect(reads).toBeGreaterThanOrEqual(2);
    loader.dispose();
    await vi.advanceTimersByTimeAsync(0);
    expect(signals.slice(-2).every((signal) => signal?.aborted === true)).toBe(true);
    loader.load(['workitem']);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(signals).toHaveLength(reads);
    expect(dispatched).not.toHaveBeenCalled();
    expect(errors).toEqual([]);
  });

  it('disposed in the same turn as a load: the read never leaves', async () => {
    let reads = 0;
    const client: GwsClient = {
      gwsBase: 'http://old-gws.test',
      getMe: () => Promise.resolve({}),
      getSnapshot: () => {
        reads += 1;
        return Promise.reject(new GwsRequestError({ kind: 'network', message: 'Failed to fetch' }));
      },
      performOperation: () => Promise.reject(new Error('not used')),
    };
    const store = createOpenmediaStore({ schedule: (flush) => flush() });
    const loader = createSnapshotLoader({ client, queryClient: new QueryClient(), store, now: () => 1_000, onErrorChange: () => undefined });
    loader.load(['workitem']);
    loader.dispose();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(reads).toBe(0);
  });
});
