import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OpenmediaResourceWire } from '../protocol/types';
import { createWorkspaceV3Client } from '../api/workspace-v3/client';
import { createFakeFetch, csrfHeaders, json } from '../testing/fake-fetch';
import { resource, statusChange } from '../testing/scripted-gws';
import type { MemoryChannel } from '../channel/memory-channel';
import { createFakeSharedChannel } from '../test-support/fake-shared-channel';
import type { SharedChannel } from './relay-channel';
import { createMemoryClient } from '../test-support/memory-client';

// An action that times out, or that GWS refuses, says the card may be behind the server: the
// client reads the interaction's media type again, so the card shows the server's truth (and
// only the buttons it allows) without waiting for a notification that may never come.

const TIMEOUT_MS = 5_000;

/** A GWS whose list is `server` (changed by the test) and whose operation POSTs answer `post`. */
function setup(post: () => Response) {
  const server: { list: OpenmediaResourceWire[] } = { list: [] };
  const fake = createFakeFetch((request) => {
    const path = new URL(request.url, 'http://gws.test').pathname;
    if (request.method === 'POST') return post();
    if (path === '/api/v2/me') return json({ userName: 'agent' }, { headers: csrfHeaders('token-1') });
    return json({ statusCode: 0, openmedia: server.list });
  });
  const { channel, client, entry } = createMemoryClient(fake.fetch, { actionTimeoutMs: TIMEOUT_MS, recordLimit: 0 });
  const reads = () => fake.requests.filter((request) => request.method === 'GET' && request.url.includes('/openmedia/workitem')).length;
  return { server, channel, client, entry, reads };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** Started, an offer 'a' shown, and the agent's Accept on it (its late outcome watched). */
async function acceptOnOffer(t: ReturnType<typeof setup>) {
  t.client.start();
  t.channel.emit(statusChange(resource('a', 'Invited')));
  await vi.advanceTimersByTimeAsync(0);
  const readsBefore = t.reads();
  const late = vi.fn();
  const outcome = await t.client.perform('a', { operationName: 'Accept' }, { onLateOutcome: late });
  return { outcome, late, readsBefore };
}

/** The read after the doubt shows the Accept done: no doubt left on the card, and the host hears it worked. */
async function expectReadShowsItDone(t: ReturnType<typeof setup>, readsBefore: number, late: ReturnType<typeof vi.fn>) {
  await vi.advanceTimersByTimeAsync(0);
  expect(t.reads()).toBe(readsBefore + 1);
  expect(t.entry('a')?.interaction.state).toBe('Processing');
  expect(t.entry('a')?.error).toBeUndefined();
  expect(late).toHaveBeenCalledExactlyOnceWith({ status: 'succeeded', late: true });
  t.client.dispose();
}

describe('after a doubtful outcome the client reads the interaction again', () => {
  it('an Accept that timed out (its notification lost) gives way to the server’s Processing', async () => {
    const t = setup(() => json({ statusCode: 0, referenceId: 7 }));
    t.client.start();
    t.channel.emit(statusChange(resource('a', 'Invited')));
    await vi.advanceTimersByTimeAsync(0);
    const readsBefore = t.reads();

    const outcome = t.client.perform('a', { operationName: 'Accept' });
    t.server.list = [resource('a', 'Processing')]; // GWS did it; the StatusChange never arrives.
    await vi.advanceTimersByTimeAsync(TIMEOUT_MS);
    expect(await outcome).toMatchObject({ status: 'failed', error: { kind: 'timeout' } });
    await vi.advanceTimersByTimeAsync(0);

    expect(t.reads()).toBe(readsBefore + 1);
    expect(t.entry('a')?.interaction.state).toBe('Processing');
    expect(t.entry('a')?.interaction.capabilities).toContain('Complete');
    expect(t.entry('a')?.interaction.capabilities).not.toContain('Accept');
    // The read shows the Accept worked: the card no longer says it timed out.
    expect(t.entry('a')?.error).toBeUndefined();
    t.client.dispose();
  });

  it('an Accept timed out before its answer was read (no referenceId) clears once the read shows it done', async () => {
    // A host's long task held the page past the deadline: GWS did it, its answer was not read in time.
    const t = setup(() => {
      t.server.list = [resource('a', 'Processing')];
      return new Promise<Response>(() => undefined) as unknown as Response;
    });
    t.client.start();
    t.channel.emit(statusChange(resource('a', 'Invited')));
    await vi.advanceTimersByTimeAsync(0);

    const late = vi.fn();
    const outcome = t.client.perform('a', { operationName: 'Accept' }, { onLateOutcome: late });
    await vi.advanceTimersByTimeAsync(TIMEOUT_MS);
    expect(await outcome).toMatchObject({ status: 'failed', error: { kind: 'timeout', referenceId: undefined } });
    await vi.advanceTimersByTimeAsync(0);
    expect(t.entry('a')?.interaction.state).toBe('Processing');
    expect(t.entry('a')?.error).toBeUndefined();
    expect(late).toHaveBeenCalledExactlyOnceWith({ status: 'succeeded', late: true });
    t.client.dispose();
  });

  it('an Accept whose answer was lost to a network failure says its outcome is unknown (not "could not be sent"), reads the card again, and clears that once the read shows it done', async () => {
    let reached = false;
    const t = setup(() => {
      // GWS got it and did it; the connection failed before its answer came back.
      reached = true;
      t.server.list = [resource('a', 'Processing')];
      throw new TypeError('Failed to fetch');
    });
    const { outcome, late, readsBefore } = await acceptOnOffer(t);
    expect(reached).toBe(true);
    expect(outcome).toMatchObject({ status: 'unknown', error: { kind: 'outcome-unknown', operation: 'Accept' } });
    // Until the read is back, the card says why its state may be what the agent asked for, or not.
    expect(outcome.status === 'unknown' && outcome.error.message).toBe(
      'Cannot reach GWS: Failed to fetch. It may have reached GWS before the connection failed: check the card before trying again.',
    );
    await expectReadShowsItDone(t, readsBefore, late);
  });

  it.each([502, 503, 504])('a gateway’s HTTP %i (no GWS answer in it) after GWS did it: outcome unknown, not "could not be sent", and cleared by the read', async (status) => {
    const t = setup(() => {
      t.server.list = [resource('a', 'Processing')];
      return new Response('<html><body><h1>Gateway Time-out</h1></body></html>', { status, headers: { 'Content-Type': 'text/html' } });
    });
    const { outcome, late, readsBefore } = await acceptOnOffer(t);
    expect(outcome).toMatchObject({ status: 'unknown', error: { kind: 'outcome-unknown', operation: 'Accept', code: status } });
    expect(outcome.status === 'unknown' && outcome.error.message).toMatch(/A gateway between the widget and GWS answered, not GWS: the request may have reached GWS/);
    await expectReadShowsItDone(t, readsBefore, late);
  });

  it('a 500 error page (no GWS answer in it) after GWS did it: outcome unknown, not "could not be sent", and cleared by the read', async () => {
    const t = setup(() => new Response('<html><body>Internal error</body></html>', { status: 500, headers: { 'Content-Type': 'text/html' } }));
    t.client.start();
    t.server.list = [resource('a', 'Invited')];
    t.channel.emit(statusChange(resource('a', 'Invited')));
    await vi.advanceTimersByTimeAsync(0);
    t.server.list = [resource('a', 'Processing')];
    const outcome = await t.client.perform('a', { operationName: 'Accept' });
    expect(outcome).toMatchObject({ status: 'unknown', error: { kind: 'outcome-unknown', code: 500, reason: 'server-failed' } });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(t.client.getSnapshot().state.byId.get('a')).toMatchObject({ error: undefined, interaction: { state: 'Processing' } });
    t.client.dispose();
  });

  it('a 4xx from GWS, or a gateway answer carrying a GWS status code, is still a failure', async () => {
    for (const answer of [
      () => new Response('Bad request', { status: 400 }),
      () => json({ statusCode: 4, statusMessage: 'Internal error' }, { status: 503 }),
    ]) {
      const t = setup(answer);
      t.client.start();
      t.channel.emit(statusChange(resource('a', 'Invited')));
      await vi.advanceTimersByTimeAsync(0);
      const outcome = await t.client.perform('a', { operationName: 'Accept' });
      expect(outcome).toMatchObject({ status: 'failed' });
      expect(outcome.status === 'failed' && outcome.error.kind).not.toBe('outcome-unknown');
      t.client.dispose();
    }
  });

  it('a request lost to a network failure that the read does not show done stays "outcome unknown"', async () => {
    const t = setup(() => {
      throw new TypeError('Failed to fetch');
    });
    t.client.start();
    t.server.list = [resource('a', 'Invited')];
    t.channel.emit(statusChange(resource('a', 'Invited')));
    await vi.advanceTimersByTimeAsync(0);
    const readsBefore = t.reads();

    const late = vi.fn();
    await t.client.perform('a', { operationName: 'Accept' }, { onLateOutcome: late });
    await vi.advanceTimersByTimeAsync(0);
    expect(t.reads()).toBe(readsBefore + 1);
    expect(t.entry('a')?.interaction.state).toBe('Invited');
    expect(t.entry('a')?.error).toMatchObject({ kind: 'outcome-unknown', operation: 'Accept' });
    expect(late).not.toHaveBeenCalled();

    // The agent tries again, and that one is done: it is not taken for the first one's late success.
    t.server.list = [resource('a', 'Processing')];
    t.client.retry();
    await vi.advanceTimersByTimeAsync(0);
    expect(t.entry('a')?.interaction.state).toBe('Processing');
    expect(late).not.toHaveBeenCalled();
    t.client.dispose();
  });

  it('a request that failed as the browser went offline could not be sent', async () => {
    // Online when pressed (offline at the press, it is not sent at all: see action-runner.test).
    const browser = { onLine: true };
    vi.stubGlobal('navigator', browser);
    try {
      const t = setup(() => {
        browser.onLine = false;
        throw new TypeError('Failed to fetch');
      });
      t.client.start();
      t.channel.emit(statusChange(resource('a', 'Invited')));
      await vi.advanceTimersByTimeAsync(0);
      expect(await t.client.perform('a', { operationName: 'Accept' })).toMatchObject({ status: 'failed', error: { kind: 'http', message: 'Cannot reach GWS: Failed to fetch.' } });
      await vi.advanceTimersByTimeAsync(0);
      expect(t.entry('a')?.error?.kind).toBe('http');
      t.client.dispose();
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('a Reject refused for the state the server has shows that state, and the refusal', async () => {
    const t = setup(() => json({ statusCode: 2, statusMessage: 'Operation not allowed in state Processing' }));
    t.client.start();
    t.channel.emit(statusChange(resource('a', 'Invited')));
    await vi.advanceTimersByTimeAsync(0);
    t.server.list = [resource('a', 'Processing')]; // Accepted elsewhere; this tab missed it.

    expect(await t.client.perform('a', { operationName: 'Reject' })).toMatchObject({ status: 'failed', error: { kind: 'status-code', code: 2 } });
    await vi.advanceTimersByTimeAsync(0);

    expect(t.entry('a')?.interaction.state).toBe('Processing');
    expect(t.entry('a')?.interaction.capabilities).not.toContain('Reject');
    expect(t.entry('a')?.error).toMatchObject({ kind: 'status-code', operation: 'Reject' });
    t.client.dispose();
  });

  it('reads nothing while the channel is down: its own read on reconnecting decides', async () => {
    const t = setup(() => json({ statusCode: 2, statusMessage: 'Operation not allowed' }));
    t.client.start();
    t.channel.emit(statusChange(resource('a', 'Invited')));
    await vi.advanceTimersByTimeAsync(0);
    const readsBefore = t.reads();
    t.channel.setStatus('disconnected');

    await t.client.perform('a', { operationName: 'Reject' });
    await vi.advanceTimersByTimeAsync(0);
    expect(t.reads()).toBe(readsBefore);
    t.client.dispose();
  });
});

describe('a read in doubt that replaces a read still in flight', () => {
  it("reads at once in a tab whose leader tab's page is held: no gap's read will come to settle it", async () => {
    const server: { list: OpenmediaResourceWire[] } = { list: [] };
    const fake = createFakeFetch((request) => {
      if (request.method === 'POST') return new Promise<Response>(() => undefined) as unknown as Response;
      if (new URL(request.url, 'http://gws.test').pathname === '/api/v2/me') return json({ userName: 'agent' }, { headers: csrfHeaders('token-1') });
      return json({ statusCode: 0, openmedia: server.list });
    });
    let held = false;
    // The fake shared channel is a memory channel too (emit, setStatus).
    const shared = createFakeSharedChannel().channel as SharedChannel & MemoryChannel;
    const channel = Object.assign(shared, { leaderHeld: () => held });
    const { client, entry } = createMemoryClient(fake.fetch, { actionTimeoutMs: TIMEOUT_MS, recordLimit: 0, channel });
    const reads = () => fake.requests.filter((request) => request.method === 'GET' && request.url.includes('/openmedia/workitem')).length;
    client.start();
    shared.emit(statusChange(resource('a', 'Invited')));
    await vi.advanceTimersByTimeAsync(0);

    const outcome = client.perform('a', { operationName: 'Accept' });
    server.list = [resource('a', 'Processing')]; // GWS did it; the leader's page holds the notification.
    held = true;
    shared.setStatus('reconnecting');
    const readsBefore = reads();
    await vi.advanceTimersByTimeAsync(TIMEOUT_MS);
    expect(await outcome).toMatchObject({ status: 'failed', error: { kind: 'timeout' } });
    await vi.advanceTimersByTimeAsync(0);
    expect(reads()).toBe(readsBefore + 1);
    expect(entry('a')?.interaction.state).toBe('Processing');
    expect(entry('a')?.error).toBeUndefined();
    client.dispose();
  });

  it('stays a read after a gap when it replaces one: the Accept lost in the gap is settled from it', async () => {
    const server: { list: OpenmediaResourceWire[] } = { list: [resource('a', 'Invited'), resource('c', 'Invited')] };
    let held: Promise<void> | undefined;
    const fake = createFakeFetch(async (request) => {
      const path = new URL(request.url, 'http://gws.test').pathname;
      if (path === '/api/v2/me') return json({ userName: 'agent' }, { headers: csrfHeaders('t') });
      if (request.method === 'POST') {
        return (request.body as { operationName: string }).operationName === 'Accept'
          ? json({ statusCode: 0, referenceId: 7 })
          : json({ statusCode: 2, statusMessage: 'Not allowed in this state' });
      }
      const listed = server.list.slice(); // the list as the request arrives
      if (held) await held;
      return json({ statusCode: 0, openmedia: listed });
    });
    const { channel, client, entry } = createMemoryClient(fake.fetch, { actionTimeoutMs: 30_000, recordLimit: 0 });
    client.start();
    await vi.advanceTimersByTimeAsync(0);
    void client.perform('a', { operationName: 'Accept' });
    await vi.advanceTimersByTimeAsync(0);
    // GWS did it; its StatusChange is lost in a gap. The read after the gap is slow to answer.
    server.list = [resource('a', 'Processing'), resource('c', 'Invited')];
    let release = () => undefined as void;
    held = new Promise<void>((resolve) => (release = resolve));
    channel.requestResync();
    await vi.advanceTimersByTimeAsync(0);
    // Meanwhile a Reject of another card is refused: a read in doubt of the same media type.
    expect(await client.perform('c', { operationName: 'Reject' })).toMatchObject({ error: { kind: 'status-code' } });
    held = undefined;
    release();
    await vi.advanceTimersByTimeAsync(10);

    expect(entry('a')?.interaction.state).toBe('Processing');
    expect(entry('a')?.pending).toBeUndefined();
    expect(client.store.getState().pending.size).toBe(0);
    client.dispose();
  });

  it('keeps what was heard since the first read began (Workspace v3 shares one request): a new offer is not taken for gone', async () => {
    const item = (id: string) => ({ id, mediatype: 'workitem', state: 'Invited', capabilities: ['accept', 'reject'], userData: [] });
    const session = (items: unknown[]) => ({ status: { code: 0 }, data: { user: { activeSession: { media: { channels: [{ name: 'workitem', interactions: items }] } } } } });
    let listed: unknown[] = [item('a')];
    let held: Promise<void> | undefined;
    const fake = createFakeFetch(async (request) => {
      if (request.method === 'POST') return json({ status: { code: 3, message: 'Not allowed now' } });
      const answer = listed.slice();
      if (held) await held;
      return json(session(answer));
    });
    const v3 = createMemoryClient(fake.fetch, { recordLimit: 0, gwsClient: createWorkspaceV3Client({ fetch: fake.fetch, snapshotRetryDelaysMs: [] }) });
    v3.client.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(v3.entry('a')?.interaction.state).toBe('Invited');

    let release = () => undefined as void;
    held = new Promise<void>((resolve) => (release = resolve));
    await v3.client.perform('a', { operationName: 'Reject' }); // refused: a read in doubt, held
    await vi.advanceTimersByTimeAsync(0);
    listed = [item('a'), item('b')];
    v3.channel.emit(statusChange(resource('b', 'Invited')));
    await vi.advanceTimersByTimeAsync(0);
    await v3.client.perform('a', { operationName: 'Reject' }); // refused again: joins the held request
    await vi.advanceTimersByTimeAsync(0);
    held = undefined;
    release();
    await vi.advanceTimersByTimeAsync(10);

    expect(v3.entry('b')?.gone).toBe(false);
    expect(v3.entry('b')?.endedAt).toBeUndefined();
    v3.client.dispose();
  });
});

