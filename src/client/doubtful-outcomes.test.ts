import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OpenmediaResourceWire } from '../protocol/types';
import { createFakeFetch, csrfHeaders, json } from '../testing/fake-fetch';
import { resource, statusChange } from '../testing/scripted-gws';
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
