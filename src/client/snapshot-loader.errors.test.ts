import { QueryClient } from '@tanstack/query-core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { GwsClient } from '../api/client';
import { GwsRequestError } from '../api/errors';
import type { SnapshotResult } from '../api/snapshot';
import { createOpenmediaStore } from '../core/store';
import { parseOpenmediaResource } from '../protocol/parse';
import { resource } from '../testing/scripted-gws';
import { REREAD_AFTER_FAILURE_MS, createSnapshotLoader } from './snapshot-loader';

// What a read that fails, or partly fails, leaves behind: error texts per media type, rejected
// items counted, unreadable ids kept, a 401 reported.

type Read = (mediaType: string) => Promise<SnapshotResult>;

function setup(read: Read) {
  const store = createOpenmediaStore({ schedule: (flush) => flush() });
  const errors: (string | undefined)[] = [];
  const onUnauthorized = vi.fn();
  const client: GwsClient = {
    gwsBase: '',
    getMe: () => Promise.resolve({}),
    getSnapshot: (mediaType) => read(mediaType),
    performOperation: () => Promise.reject(new Error('not used')),
  };
  // retry: false keeps a failed read from being tried again by the QueryClient (not what is tested here).
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const loader = createSnapshotLoader({ client, queryClient, store, now: () => 1_000, onErrorChange: (e) => errors.push(e), onUnauthorized });
  return { store, loader, errors, onUnauthorized };
}

const interaction = (id: string, state = 'Processing') => {
  const parsed = parseOpenmediaResource(resource(id, state));
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.interaction;
};

const settle = () => vi.advanceTimersByTimeAsync(0);

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('snapshot reads that fail', () => {
  it('joins the errors of several media types, and clears each with its next good read', async () => {
    let failing = true;
    const t = setup((mediaType) =>
      failing ? Promise.reject(new GwsRequestError({ kind: 'status-code', statusCode: 5, message: `No ${mediaType}.` })) : Promise.resolve({ mediaType, interactions: [], rejected: [] }),
    );
    t.loader.load(['workitem', 'email']);
    await settle();
    expect(t.loader.error()).toBe('Could not load the workitem interactions: No workitem. Could not load the email interactions: No email.');
    failing = false;
    t.loader.load(['workitem']);
    await settle();
    expect(t.loader.error()).toBe('Could not load the email interactions: No email.');
    t.loader.load(['email']);
    await settle();
    expect(t.loader.error()).toBeUndefined();
    expect(t.errors.at(-1)).toBeUndefined();
  });

  it('a read that failed for a passing reason (GWS restarting: 503, no answer) is read again by itself, later and later, until it succeeds; a refusal is not', async () => {
    // It stayed stale under "Could not load … Try again" for good: nothing read again by itself.
    // Each read is tried 4 times by the query itself (after 1, 2 and 4 s) before it fails.
    const QUICK_RETRIES_MS = 7_000;
    let reads = 0;
    let down = true;
    const t = setup((mediaType) => {
      reads += 1;
      if (mediaType === 'email') return Promise.reject(new GwsRequestError({ kind: 'status-code', statusCode: 5, message: 'Not permitted.' }));
      if (down) return Promise.reject(reads % 2 === 1 ? new GwsRequestError({ kind: 'http', status: 503, message: 'HTTP 503' }) : new GwsRequestError({ kind: 'network', message: 'Failed to fetch' }));
      return Promise.resolve({ mediaType, interactions: [interaction('w1')], rejected: [] });
    });
    t.loader.load(['workitem']);
    await vi.advanceTimersByTimeAsync(QUICK_RETRIES_MS);
    expect(reads).toBe(4);
    expect(t.loader.error()).toContain('Could not load the workitem interactions');
    await vi.advanceTimersByTimeAsync(REREAD_AFTER_FAILURE_MS[0]! - 1);
    expect(reads).toBe(4);
    await vi.advanceTimersByTimeAsync(1);
    expect(reads).toBe(5);
    await vi.advanceTimersByTimeAsync(QUICK_RETRIES_MS);
    expect(reads).toBe(8);
    // Later the second time.
    await vi.advanceTimersByTimeAsync(REREAD_AFTER_FAILURE_MS[1]! - 1);
    expect(reads).toBe(8);
    down = false;
    await vi.advanceTimersByTimeAsync(1);
    expect(reads).toBe(9);
    expect(t.loader.error()).toBeUndefined();
    expect(t.store.getState().byId.has('w1')).toBe(true);
    // Up again: nothing more is read by itself.
    await vi.advanceTimersByTimeAsync(600_000);
    expect(reads).toBe(9);

    // A refusal is the server's answer: not read again by itself.
    reads = 0;
    t.loader.load(['email']);
    await settle();
    await vi.advanceTimersByTimeAsync(600_000);
    expect(reads).toBe(1);
    expect(t.loader.error()).toBe('Could not load the email interactions: Not permitted.');
  });

  it('a read planned after a failure is dropped when another read (Try again, a resync) came first, and on dispose', async () => {
    let reads = 0;
    const t = setup(() => {
      reads += 1;
      return Promise.reject(new GwsRequestError({ kind: 'http', status: 502, message: 'HTTP 502' }));
    });
    t.loader.load(['workitem']);
    await vi.advanceTimersByTimeAsync(7_000);
    expect(reads).toBe(4);
    await vi.advanceTimersByTimeAsync(2_000);
    // Try again, 2 s after the failure: its own four tries, then the plan after a second failure.
    t.loader.load(['workitem']);
    await vi.advanceTimersByTimeAsync(7_000);
    expect(reads).toBe(8);
    // The first failure's plan is gone (that read did its part); the second's stands, after the
    // same first delay: Try again is not counted as a read made by itself.
    await vi.advanceTimersByTimeAsync(REREAD_AFTER_FAILURE_MS[0]! - 1);
    expect(reads).toBe(8);
    await vi.advanceTimersByTimeAsync(1);
    expect(reads).toBe(9);
    // Stopped (the client closed): no read by itself, not even the one planned.
    t.loader.stopRereads();
    await vi.advanceTimersByTimeAsync(600_000);
    expect(reads).toBe(12);
    t.loader.load(['workitem']);
    await vi.advanceTimersByTimeAsync(7_000);
    expect(reads).toBe(16);
    t.loader.dispose();
    await vi.advanceTimersByTimeAsync(600_000);
    expect(reads).toBe(16);
  });

  it('an Error heard while a read travels, about an interaction not held, is not merged into the read (it would make a card)', async () => {
    let answer: (result: SnapshotResult) => void = () => undefined;
    const t = setup((mediaType) => new Promise((resolve) => (answer = (result) => resolve({ ...result, mediaType }))));
    const mediaType = interaction('mine').mediaType;
    t.loader.load([mediaType]);
    await settle();
    t.loader.noteNotification({ notificationType: 'Error', referenceId: 5, openmedia: interaction('someone-elses', 'Invited'), errorMessage: 'Not yours', errorCode: undefined });
    answer({ mediaType, interactions: [interaction('mine')], rejected: [] });
    await settle();
    expect([...t.store.getState().byId.keys()]).toEqual(['mine']);
  });

  it('tells onErrorChange only when the text changes', async () => {
    const t = setup(() => Promise.reject(new Error('down')));
    t.loader.load(['workitem']);
    await settle();
    t.loader.load(['workitem']);
    await settle();
    expect(t.errors).toEqual(['Could not load the workitem interactions: down']);
  });

  it('names a failure that is not an Error by its text', async () => {
    const t = setup(() => Promise.reject('offline'));
    t.loader.load(['workitem']);
    await settle();
    expect(t.loader.error()).toBe('Could not load the workitem interactions: offline');
  });

  it('a 401 reports the lost session; another failure does not', async () => {
    const t = setup((mediaType) =>
      Promise.reject(
        mediaType === 'workitem'
          ? new GwsRequestError({ kind: 'unauthorized', status: 401, message: 'Signed out' })
          : new GwsRequestError({ kind: 'http', status: 404, message: 'Not found' }),
      ),
    );
    t.loader.load(['email']);
    await settle();
    expect(t.onUnauthorized).not.toHaveBeenCalled();
    t.loader.load(['workitem']);
    await settle();
    expect(t.onUnauthorized).toHaveBeenCalledTimes(1);
  });
});

describe('snapshot reads that partly fail', () => {
  it('counts each unreadable item as rejected and keeps the entries of unreadable ids', async () => {
    let result: SnapshotResult = { mediaType: 'workitem', interactions: [interaction('a'), interaction('b')], rejected: [] };
    const t = setup(() => Promise.resolve(result));
    t.loader.load(['workitem']);
    await settle();
    result = { mediaType: 'workitem', interactions: [interaction('a')], rejected: ['missing-media-type', 'not-an-object'], unreadableIds: ['b'] };
    t.loader.load(['workitem']);
    await settle();
    const state = t.store.getState();
    expect(state.diagnostics.rejected).toEqual({ 'missing-media-type': 1, 'not-an-object': 1 });
    expect(state.byId.get('b')?.endedAt).toBeUndefined();
  });

  it('marks the read as after a gap only when asked', async () => {
    const t = setup((mediaType) => Promise.resolve({ mediaType, interactions: [interaction('a')], rejected: [] }));
    const seen: unknown[] = [];
    const dispatch = t.store.dispatch.bind(t.store);
    t.store.dispatch = (event) => {
      if (event.type === 'snapshotLoaded') seen.push(event.afterGap);
      dispatch(event);
    };
    t.loader.load(['workitem']);
    await settle();
    t.loader.load(['workitem'], { afterGap: true });
    await settle();
    expect(seen).toEqual([false, true]);
  });
});
