import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createWorkspaceV3Client } from '../api/workspace-v3/client';
import { createOpenmediaStore } from '../core/store';
import { createWorkspaceV3Session } from '../protocol/workspace-v3/session';
import { interaction, statusChange } from '../test-support/builders';
import { createFakeFetch, json } from '../testing/fake-fetch';
import { createActionRunner } from './action-runner';

// Workspace API v3 `status.code`: 1 = accepted (the notification carrying the operationId settles
// the action), 0 = done now (nothing more to wait for), other = refused (docs/dialects.md).

const TIMEOUT_MS = 5_000;

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function setup(code: number, message?: string) {
  const fake = createFakeFetch(() => json({ status: { code, ...(message === undefined ? {} : { message }) } }));
  const store = createOpenmediaStore({ schedule: (flush) => queueMicrotask(flush) });
  store.dispatch(statusChange(interaction({ id: 'a', state: 'Processing', mediaType: 'workitem', capabilities: ['Complete'] }), 0));
  const client = createWorkspaceV3Client({
    gwsBase: 'http://sim.test/',
    fetch: fake.fetch,
    session: createWorkspaceV3Session({ referenceBase: 0, instanceId: 'abcd' }),
    snapshotRetryDelaysMs: [],
  });
  const runner = createActionRunner({ store, client, timeoutMs: TIMEOUT_MS, now: () => Date.now() });
  return { store, runner, fake };
}

describe('a Workspace v3 answer settles the action by its status.code', () => {
  it('0 (done now): succeeded at once, the card not pending, no timeout later', async () => {
    const t = setup(0);
    let outcome: unknown;
    void t.runner.perform('a', { operationName: 'Complete' }).then((o) => (outcome = o));
    await vi.advanceTimersByTimeAsync(0);
    expect(t.fake.requests).toHaveLength(1);
    expect(outcome).toEqual({ status: 'succeeded' });
    expect(t.store.getState().byId.get('a')?.pending).toBeUndefined();
    await vi.advanceTimersByTimeAsync(TIMEOUT_MS * 2);
    expect(t.store.getState().byId.get('a')?.error).toBeUndefined();
  });

  it('1 (accepted): still pending until its notification or the timeout', async () => {
    const t = setup(1);
    let outcome: unknown;
    void t.runner.perform('a', { operationName: 'Complete' }).then((o) => (outcome = o));
    await vi.advanceTimersByTimeAsync(0);
    expect(outcome).toBeUndefined();
    expect(t.store.getState().byId.get('a')?.pending).toMatchObject({ operation: 'Complete' });
    await vi.advanceTimersByTimeAsync(TIMEOUT_MS);
    expect(outcome).toMatchObject({ status: 'failed', error: { kind: 'timeout' } });
  });

  it('another code: refused with the server message on the card', async () => {
    const t = setup(12, 'Invalid state');
    let outcome: unknown;
    void t.runner.perform('a', { operationName: 'Complete' }).then((o) => (outcome = o));
    await vi.advanceTimersByTimeAsync(0);
    expect(outcome).toMatchObject({ status: 'failed', error: { kind: 'status-code', code: 12 } });
    expect(t.store.getState().byId.get('a')?.error?.message).toContain('Invalid state');
  });
});
