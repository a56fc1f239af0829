import { QueryClient } from '@tanstack/query-core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createGwsClient } from '../api/client';
import { createMemoryChannel } from '../channel/memory-channel';
import type { ActionOutcome } from '../core/types';
import type { OpenmediaResourceWire } from '../protocol/types';
import { createFakeFetch, csrfHeaders, json } from '../testing/fake-fetch';
import type { FakeRequest } from '../testing/fake-fetch';
import { errorNotification, resource, statusChange } from '../testing/scripted-gws';
import { NOT_CONNECTED_MESSAGES } from './action-runner';
import { createOpenmediaClient } from './openmedia-client';
import { CANCELLED_READ_RETRIES } from './snapshot-loader';

// Issue 12 at the client's level: what the card shows and what `perform` (the host's onAction)
// hears when outcomes come late, are lost in a gap, or the session goes.

type Route = (request: FakeRequest) => Response | Promise<Response> | undefined;

function setup(options: { route?: Route; queryClient?: QueryClient } = {}) {
  const channel = createMemoryChannel();
  const snapshot: { list: OpenmediaResourceWire[] } = { list: [] };
  let reference = 100;
  const fake = createFakeFetch((request) => {
    const custom = options.route?.(request);
    if (custom !== undefined) return custom;
    const path = new URL(request.url, 'http://gws.test').pathname;
    if (path === '/api/v2/me') return json({ userName: 'agent' }, { headers: csrfHeaders('token-1') });
    if (request.method === 'GET') return json({ statusCode: 0, openmedia: snapshot.list });
    reference += 1;
    return json({ statusCode: 0, referenceId: reference });
  });
  const client = createOpenmediaClient({
    channel,
    gwsClient: createGwsClient({ fetch: fake.fetch }),
    queryClient: options.queryClient ?? new QueryClient(),
    mediaTypes: ['workitem'],
    actionTimeoutMs: 5_000,
    recordLimit: 0,
    schedule: (flush) => queueMicrotask(flush),
  });
  const entry = (id: string) => client.getSnapshot().state.byId.get(id);
  const posts = () => fake.requests.filter((r) => r.method === 'POST');
  return { channel, snapshot, client, entry, posts, requests: fake.requests, lastReference: () => reference };
}

const settle = (ms = 0) => vi.advanceTimersByTimeAsync(ms);

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

async function started(t: ReturnType<typeof setup>, wire: OpenmediaResourceWire) {
  t.client.start();
  t.channel.emit(statusChange(wire));
  await settle();
  expect(t.entry(wire.id)?.interaction.state).toBe(wire.state);
}

describe('point 1: an outcome after the timeout', () => {
  it('a late success clears the timeout alert and reports succeeded (late) to the host', async () => {
    const t = setup();
    await started(t, resource('a', 'Invited'));
    const late: ActionOutcome[] = [];
    const outcome = t.client.perform('a', { operationName: 'Accept' }, { onLateOutcome: (o) => late.push(o) });
    await settle(5_000);
    await expect(outcome).resolves.toMatchObject({ status: 'failed', error: { kind: 'timeout' } });
    expect(t.entry('a')?.error?.kind).toBe('timeout');

    t.channel.emit(statusChange(resource('a', 'Processing'), t.lastReference()));
    await settle();
    expect(t.entry('a')?.interaction.state).toBe('Processing');
    expect(t.entry('a')?.error).toBeUndefined();
    expect(late).toEqual([{ status: 'succeeded', late: true }]);
    expect(t.client.getSnapshot().state.diagnostics.unmatchedReferenceIds).toBe(0);
  });

  it("a late Error replaces the timeout text with the server's message, and the host hears it", async () => {
    const t = setup();
    await started(t, resource('a', 'Invited'));
    const late: ActionOutcome[] = [];
    void t.client.perform('a', { operationName: 'Accept' }, { onLateOutcome: (o) => late.push(o) });
    await settle(5_000);
    t.channel.emit(errorNotification(t.lastReference(), 'Agent is not ready'));
    await settle();
    expect(t.entry('a')?.error).toMatchObject({ kind: 'error-notification', message: 'Agent is not ready' });
    expect(late).toEqual([{ status: 'failed', late: true, error: expect.objectContaining({ message: 'Agent is not ready' }) }]);
  });
});

describe('point 2: an outcome lost in a gap', () => {
  it('Complete, a 402 gap, the snapshot no longer lists it: succeeded, and no timeout 15 s later', async () => {
    const t = setup();
    t.snapshot.list = [resource('a', 'Processing')];
    await started(t, resource('a', 'Processing'));
    const outcome = t.client.perform('a', { operationName: 'Complete' });
    await settle();
    expect(t.entry('a')?.pending?.referenceId).toBeDefined();
    // The session drops; the outcome notification is never delivered; GWS completed it meanwhile.
    t.channel.setStatus('reconnecting');
    t.snapshot.list = [];
    t.channel.requestResync();
    t.channel.setStatus('connected');
    await settle();
    await expect(outcome).resolves.toEqual({ status: 'succeeded' });
    await settle(20_000);
    expect(t.entry('a')?.error).toBeUndefined();
  });

  it('when the snapshot does not show the effect: outcome unknown, never a plain timeout', async () => {
    const t = setup();
    t.snapshot.list = [resource('a', 'Processing')];
    await started(t, resource('a', 'Processing'));
    const outcome = t.client.perform('a', { operationName: 'Complete' });
    await settle();
    t.channel.setStatus('reconnecting');
    t.channel.requestResync();
    t.channel.setStatus('connected');
    await settle();
    await expect(outcome).resolves.toMatchObject({ status: 'unknown', error: { kind: 'outcome-unknown' } });
    expect(t.entry('a')?.error?.message).toMatch(/^Outcome unknown — the interaction was refreshed/);
  });
});

describe('point 3: an action while reconnecting is refused, with the reason on the card', () => {
  it('nothing is sent; the card says why; once Live it goes', async () => {
    const t = setup();
    await started(t, resource('a', 'Processing'));
    t.channel.setStatus('reconnecting');
    const outcome = await t.client.perform('a', { operationName: 'Complete' });
    expect(outcome).toMatchObject({ status: 'failed', error: { kind: 'not-connected', message: NOT_CONNECTED_MESSAGES.reconnecting } });
    expect(t.posts()).toHaveLength(0);
    expect(t.entry('a')?.error?.kind).toBe('not-connected');

    t.channel.setStatus('connected');
    void t.client.perform('a', { operationName: 'Complete' });
    await settle();
    expect(t.posts()).toHaveLength(1);
  });
});

describe('point 8: a REST 401 is the same truth as a refused handshake', () => {
  it('an operation answered 401 moves the connection to unauthorized', async () => {
    const t = setup({ route: (r) => (r.method === 'POST' ? json({}, { status: 401 }) : undefined) });
    await started(t, resource('a', 'Processing'));
    expect(t.client.getSnapshot().status).toBe('connected');
    await t.client.perform('a', { operationName: 'Complete' });
    expect(t.client.getSnapshot().status).toBe('unauthorized');
  });

  it('a snapshot read answered 401 does too', async () => {
    const t = setup({ route: (r) => (r.method === 'GET' && r.url.includes('/openmedia/') ? json({}, { status: 401 }) : undefined) });
    t.client.start();
    await settle();
    expect(t.client.getSnapshot().status).toBe('unauthorized');
  });
});

describe('point 11: handshakes that always end in 402', () => {
  it('asks GWS; a 401 on /api/v2/me shows Signed out', async () => {
    const t = setup({ route: (r) => (r.url.endsWith('/api/v2/me') ? json({}, { status: 401 }) : undefined) });
    t.client.start();
    await settle();
    t.channel.setStatus('reconnecting');
    t.channel.requestSessionCheck();
    await settle();
    expect(t.client.getSnapshot().status).toBe('unauthorized');
  });

  it('a session GWS still knows keeps reconnecting', async () => {
    const t = setup();
    t.client.start();
    await settle();
    t.channel.setStatus('reconnecting');
    t.channel.requestSessionCheck();
    await settle();
    expect(t.client.getSnapshot().status).toBe('reconnecting');
    expect(t.requests.some((r) => r.url.endsWith('/api/v2/me'))).toBe(true);
  });
});

describe('point 7 (client): referenceIds of a lost session are forgotten', () => {
  it('an outcome buffered before the session ended settles nothing after it', async () => {
    const t = setup();
    await started(t, resource('a', 'Processing'));
    t.channel.emit(statusChange(resource('a', 'Processing'), 101));
    await settle();
    expect(t.client.getSnapshot().state.earlyOutcomes.has(101)).toBe(true);
    t.channel.setStatus('unauthorized');
    await settle();
    expect(t.client.getSnapshot().state.earlyOutcomes.size).toBe(0);
  });
});

describe("point 12: a host's QueryClient that cancels queries", () => {
  it('a cancelled resync read is read again and applied', async () => {
    const queryClient = new QueryClient();
    let gate: (() => void) | undefined;
    const t = setup({
      queryClient,
      route: (r) => {
        if (r.method !== 'GET' || !r.url.includes('/openmedia/') || gate !== undefined) return undefined;
        return new Promise<Response>((resolve) => {
          gate = () => resolve(json({ statusCode: 0, openmedia: [] }));
        });
      },
    });
    t.snapshot.list = [resource('b', 'Invited')];
    t.client.start();
    await settle();
    await queryClient.cancelQueries();
    await settle();
    expect(t.entry('b')?.interaction.state).toBe('Invited');
    expect(t.client.getSnapshot().snapshotError).toBeUndefined();
  });

  it('a read cancelled every time is shown, not dropped silently', async () => {
    const queryClient = new QueryClient();
    const t = setup({
      queryClient,
      route: (r) => (r.method === 'GET' && r.url.includes('/openmedia/') ? new Promise<Response>(() => undefined) : undefined),
    });
    t.client.start();
    for (let i = 0; i <= CANCELLED_READ_RETRIES; i++) {
      await settle();
      await queryClient.cancelQueries();
    }
    await settle();
    expect(t.client.getSnapshot().snapshotError).toMatch(/the read was cancelled/);
  });
});
