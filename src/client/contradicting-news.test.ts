import { QueryClient } from '@tanstack/query-core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createGwsClient } from '../api/client';
import { createMemoryChannel } from '../channel/memory-channel';
import type { OpenmediaResourceWire } from '../protocol/types';
import { createFakeFetch, csrfHeaders, json } from '../testing/fake-fetch';
import { resource, statusChange } from '../testing/scripted-gws';
import { CONTRADICTION_READ_INTERVAL_MS, INCOMPLETE_READ_AFTER_MS } from './contradicting-news';
import { createOpenmediaClient } from './openmedia-client';

// Completed is terminal for notifications, but news that contradicts it (the interaction given
// back in Processing, say from a workbin) makes the widget read the server again, and the read
// decides: no ended card while the server has the interaction with the agent.

/** `readMs`: how long each snapshot read takes (its list is the one at its request). */
function setup(readMs = 0) {
  const channel = createMemoryChannel();
  const snapshot: { list: OpenmediaResourceWire[] } = { list: [] };
  const fake = createFakeFetch(async (request) => {
    const path = new URL(request.url, 'http://gws.test').pathname;
    if (path === '/api/v2/me') return json({ userName: 'agent' }, { headers: csrfHeaders('token-1') });
    const list = snapshot.list;
    if (readMs > 0) await new Promise((resolve) => setTimeout(resolve, readMs));
    return json({ statusCode: 0, openmedia: list });
  });
  const client = createOpenmediaClient({
    channel,
    gwsClient: createGwsClient({ fetch: fake.fetch }),
    queryClient: new QueryClient(),
    mediaTypes: ['workitem'],
    recordLimit: 0,
    schedule: (flush) => queueMicrotask(flush),
  });
  const entry = (id: string) => client.getSnapshot().state.byId.get(id);
  const reads = () => fake.requests.filter((r) => r.method === 'GET' && r.url.includes('/openmedia/workitem')).length;
  return { channel, snapshot, client, entry, reads };
}

const settle = (ms = 0) => vi.advanceTimersByTimeAsync(ms);

/** Started with w in Processing (one read), then w notified Completed; the server lists `after`. */
async function completedW(t: ReturnType<typeof setup>, after: OpenmediaResourceWire[] = []): Promise<void> {
  t.snapshot.list = [resource('w', 'Processing')];
  t.client.start();
  await settle();
  expect(t.reads()).toBe(1);
  t.channel.emit(statusChange(resource('w', 'Completed')));
  t.snapshot.list = after;
  await settle();
  expect(t.entry('w')?.interaction.state).toBe('Completed');
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('news that contradicts an ended interaction', () => {
  it('a Completed interaction notified in Processing again is read, and the read brings it back', async () => {
    const t = setup();
    await completedW(t);

    // Given back: the notification alone does not undo Completed, the read does.
    t.snapshot.list = [resource('w', 'Processing', 'workitem', { Subject: 'Back from the workbin' })];
    t.channel.emit(statusChange(resource('w', 'Processing')));
    await settle();
    expect(t.reads()).toBe(2);
    expect(t.entry('w')?.interaction).toMatchObject({ state: 'Processing', userData: { Subject: 'Back from the workbin' } });
    expect(t.entry('w')?.endedAt).toBeUndefined();
    t.client.dispose();
  });

  it('the read decides: not listed, the card stays ended; the same news again reads at most every interval', async () => {
    const t = setup();
    await completedW(t);
    t.channel.emit(statusChange(resource('w', 'Processing')));
    await settle();
    expect(t.reads()).toBe(2);
    expect(t.entry('w')?.interaction.state).toBe('Completed');
    t.channel.emit(statusChange(resource('w', 'Processing')));
    await settle(CONTRADICTION_READ_INTERVAL_MS - 1);
    expect(t.reads()).toBe(2);
    await settle(1);
    t.channel.emit(statusChange(resource('w', 'Processing')));
    await settle();
    expect(t.reads()).toBe(3);
    t.client.dispose();
  });

  it('a late notification that agrees it ended reads nothing; nor does a new offer of the id (it applies)', async () => {
    const t = setup();
    await completedW(t, [resource('w', 'Processing')]);
    t.channel.emit({ ...statusChange(resource('w', 'Completed', 'workitem', { Note: 'late' })), notificationType: 'PropertiesUpdated' });
    t.channel.emit(statusChange(resource('w', 'Invited')));
    await settle();
    expect(t.reads()).toBe(1);
    expect(t.entry('w')?.interaction.state).toBe('Invited');
    t.client.dispose();
  });

  it('an interaction evicted after its linger and notified in Processing is read, and comes back when listed', async () => {
    const t = setup();
    await completedW(t);
    await settle(61_000);
    expect(t.entry('w')).toBeUndefined();
    t.snapshot.list = [resource('w', 'Processing')];
    t.channel.emit(statusChange(resource('w', 'Processing')));
    await settle();
    expect(t.entry('w')?.interaction.state).toBe('Processing');
    t.client.dispose();
  });
});

describe('an interaction first heard of without its user data', () => {
  /** GWS's own StatusChange: the state and capabilities, no user data, no received date. */
  const lean = (id: string, state = 'Processing') => {
    const { userData: _, ...rest } = resource(id, state);
    return statusChange(rest);
  };

  it('is read (once for several heard together), and the read fills in its user data', async () => {
    const t = setup();
    t.client.start();
    await settle();
    expect(t.reads()).toBe(1);
    t.snapshot.list = [resource('p', 'Processing', 'workitem', { Subject: 'Pulled from the workbin' }), resource('q', 'Processing', 'workitem', { Subject: 'Created' })];
    t.channel.emit(lean('p'));
    t.channel.emit(lean('q'));
    await settle();
    expect(t.entry('p')?.interaction.userData).toEqual({});
    await settle(INCOMPLETE_READ_AFTER_MS);
    expect(t.reads()).toBe(2);
    expect(t.entry('p')?.interaction.userData).toEqual({ Subject: 'Pulled from the workbin' });
    expect(t.entry('q')?.interaction.userData).toEqual({ Subject: 'Created' });
    t.client.dispose();
  });

  it('reads nothing for news that carries the user data, or about an interaction already shown', async () => {
    const t = setup();
    t.snapshot.list = [resource('w', 'Invited', 'workitem', { Subject: 'Known' })];
    t.client.start();
    await settle();
    t.channel.emit(lean('w'));
    t.channel.emit(statusChange(resource('n', 'Processing', 'workitem', { Subject: 'Whole' })));
    await settle(INCOMPLETE_READ_AFTER_MS * 2);
    expect(t.reads()).toBe(1);
    expect(t.entry('w')?.interaction).toMatchObject({ state: 'Processing', userData: { Subject: 'Known' } });
    t.client.dispose();
  });
});

describe('reads for interactions first heard of without their user data, on a slow server', () => {
  const lean = (id: string) => {
    const { userData: _, ...rest } = resource(id, 'Processing');
    return statusChange(rest);
  };

  it('heard before the first read is done, the interaction is read after it (not dropped)', async () => {
    const t = setup(1_000);
    t.client.start();
    await settle(10);
    // Created after the first read's list was taken.
    t.snapshot.list = [resource('p', 'Processing', 'workitem', { Subject: 'Created' })];
    t.channel.emit(lean('p'));
    await settle(3_000);
    expect(t.reads()).toBe(2);
    expect(t.entry('p')?.interaction.userData).toEqual({ Subject: 'Created' });
    t.client.dispose();
  });

  it('heard a little apart while reads are slow, none replaces the read in flight: every one is filled in', async () => {
    const t = setup(600);
    t.client.start();
    await settle(700);
    const ids = Array.from({ length: 8 }, (_, i) => `n${i}`);
    t.snapshot.list = ids.map((id) => resource(id, 'Processing', 'workitem', { Subject: id }));
    for (const id of ids) {
      t.channel.emit(lean(id));
      await settle(300);
    }
    await settle(3_000);
    for (const id of ids) expect(t.entry(id)?.interaction.userData).toEqual({ Subject: id });
    // Far fewer reads than interactions, none of them cancelled on the way.
    expect(t.reads()).toBeLessThanOrEqual(5);
    t.client.dispose();
  });

  it('a dispose drops the read scheduled', async () => {
    const t = setup(0);
    t.client.start();
    await settle();
    t.channel.emit(lean('p'));
    t.client.dispose();
    await settle(INCOMPLETE_READ_AFTER_MS * 4);
    expect(t.reads()).toBe(1);
  });
});

describe('an action that cannot be sent', () => {
  it('on an id "..": fails on its card as not sent, and reads nothing (nothing can have been done)', async () => {
    const t = setup();
    t.snapshot.list = [resource('..', 'Invited', 'workitem', { Subject: 'dots' })];
    t.client.start();
    await settle();
    const done = t.client.perform('..', { operationName: 'Accept' });
    await settle(100);
    await done;
    await settle(1_000);
    expect(t.entry('..')?.error).toMatchObject({ kind: 'not-available', message: expect.stringMatching(/^Not sent: “\.\.” cannot be written/) });
    expect(t.reads()).toBe(1);
    t.client.dispose();
  });
});
