import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createGwsClient } from '../api/client';
import { createOpenmediaStore } from '../core/store';
import type { OpenmediaResourceWire } from '../protocol/types';
import { createFakeFetch, csrfHeaders, json } from '../testing/fake-fetch';
import type { FakeRequest } from '../testing/fake-fetch';
import { resource, statusChange } from '../testing/scripted-gws';
import { interaction, statusChange as statusChangeEvent } from '../test-support/builders';
import { createActionRunner } from './action-runner';
import { createMemoryClient } from '../test-support/memory-client';

// What happens to a POST the widget gives up on (docs/architecture.md, "Abandoned requests"):
// it is aborted on our side (the fetch double rejects it and records `aborted`, as fetch does),
// the card ends as timed out, and the server's own truth arrives later by notification or snapshot.

/** A GWS whose operation POSTs are held until the test answers them; GETs answer at once. */
function heldGws() {
  const held: { request: FakeRequest; answer: (response: Response) => void }[] = [];
  const fake = createFakeFetch((request) => {
    if (request.method === 'GET') {
      const path = new URL(request.url, 'http://gws.test').pathname;
      if (path === '/api/v2/me') return json({ userName: 'agent' }, { headers: csrfHeaders('token-1') });
      return json({ statusCode: 0, openmedia: [] });
    }
    return new Promise<Response>((answer) => held.push({ request, answer }));
  });
  const posts = () => fake.requests.filter((request) => request.method === 'POST');
  return { fake, held, posts };
}

const TIMEOUT_MS = 5_000;

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the action runner abandons a POST by aborting it', () => {
  function setup() {
    const gws = heldGws();
    const store = createOpenmediaStore({ schedule: (flush) => queueMicrotask(flush) });
    store.dispatch(statusChangeEvent(interaction({ id: 'a', state: 'Invited', mediaType: 'workitem' }), 0));
    const runner = createActionRunner({
      store,
      client: createGwsClient({ fetch: gws.fake.fetch }),
      timeoutMs: TIMEOUT_MS,
      now: () => Date.now(),
    });
    return { ...gws, store, runner };
  }

  it('aborts the POST still in flight when the action times out', async () => {
    const t = setup();
    const outcome = t.runner.perform('a', { operationName: 'Accept' });
    await vi.advanceTimersByTimeAsync(0);
    expect(t.posts()).toHaveLength(1);
    expect(t.posts()[0]?.aborted).toBe(false);
    expect(t.posts()[0]?.signal).toBeDefined();

    await vi.advanceTimersByTimeAsync(TIMEOUT_MS - 1);
    expect(t.posts()[0]?.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(t.posts()[0]?.aborted).toBe(true);
    await expect(outcome).resolves.toMatchObject({ status: 'failed', error: { kind: 'timeout' } });
  });

  it('aborts the POST still in flight when disposed', async () => {
    const t = setup();
    const outcome = t.runner.perform('a', { operationName: 'Accept' });
    await vi.advanceTimersByTimeAsync(0);
    expect(t.posts()[0]?.aborted).toBe(false);

    t.runner.dispose();
    await vi.advanceTimersByTimeAsync(0);
    expect(t.posts()[0]?.aborted).toBe(true);
    await expect(outcome).resolves.toMatchObject({ status: 'failed', error: { kind: 'timeout' } });
  });

  it('does not abort a POST that was answered in time', async () => {
    const t = setup();
    void t.runner.perform('a', { operationName: 'Accept' });
    await vi.advanceTimersByTimeAsync(0);
    t.held[0]?.answer(json({ statusCode: 0, referenceId: 7 }));
    await vi.advanceTimersByTimeAsync(0);
    expect(t.store.getState().pending.size).toBe(1); // Accepted: waiting for the notification.
    t.runner.dispose();
    expect(t.posts()[0]?.aborted).toBe(false);
  });
});

describe('the client abandons its POSTs when disposed', () => {
  function setup() {
    const gws = heldGws();
    return { ...gws, ...createMemoryClient(gws.fake.fetch, { actionTimeoutMs: TIMEOUT_MS, recordLimit: 0 }) };
  }

  async function offered(t: ReturnType<typeof setup>, wire: OpenmediaResourceWire) {
    t.client.start();
    t.channel.emit(statusChange(wire));
    await vi.advanceTimersByTimeAsync(0);
    expect(t.entry(wire.id)?.interaction.state).toBe(wire.state);
  }

  it('aborts the POST in flight on dispose', async () => {
    const t = setup();
    await offered(t, resource('a', 'Invited'));
    void t.client.perform('a', { operationName: 'Accept' });
    await vi.advanceTimersByTimeAsync(0);
    expect(t.posts()).toHaveLength(1);
    expect(t.posts()[0]?.aborted).toBe(false);

    t.client.dispose();
    await vi.advanceTimersByTimeAsync(0);
    expect(t.posts()[0]?.aborted).toBe(true);
  });

  it('shows what the server did with a POST it gave up on, from the next notification', async () => {
    const t = setup();
    await offered(t, resource('a', 'Invited'));
    void t.client.perform('a', { operationName: 'Accept' });
    await vi.advanceTimersByTimeAsync(TIMEOUT_MS);
    expect(t.posts()[0]?.aborted).toBe(true);
    expect(t.entry('a')?.error?.kind).toBe('timeout');

    // GWS had received the Accept: aborting did not undo it. Its answer goes nowhere; the
    // notification (whose referenceId we never learnt) still carries the truth.
    t.held[0]?.answer(json({ statusCode: 0, referenceId: 9 }));
    t.channel.emit(statusChange(resource('a', 'Processing'), 9));
    await vi.advanceTimersByTimeAsync(0);
    expect(t.entry('a')?.interaction.state).toBe('Processing');
    expect(t.entry('a')?.interaction.capabilities).toContain('Complete');
    expect(t.client.getSnapshot().state.diagnostics.unmatchedReferenceIds).toBe(1);
    t.client.dispose();
  });
});
