import { QueryClient } from '@tanstack/query-core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createGwsClient } from '../api/client';
import { createMemoryChannel } from '../channel/memory-channel';
import type { OpenmediaResourceWire } from '../protocol/types';
import { createFakeFetch, json } from '../testing/fake-fetch';
import { resource, statusChange } from '../testing/scripted-gws';
import { createOpenmediaClient } from './openmedia-client';
import type { OpenmediaClientSnapshot } from './openmedia-client';
import type { OpenmediaClientOptions } from './client-options';
import type { StorageLike } from './seen-offers';

// What the first read can and cannot tell. `listed`: until every media type was read once, an
// empty list means "not read yet", and the widget must not say "no interactions"; it turns true in
// the very publish that holds the read. Time in state: the read does not say when a state began,
// but a page of this browser that saw it begin may have (a reload).

function setup(mediaTypes: readonly string[], more: Partial<OpenmediaClientOptions> = {}) {
  const channel = createMemoryChannel();
  /** Snapshot reads on the wire, by media type, each answered by the test. */
  const reads = new Map<string, ((response: Response) => void)[]>();
  const fake = createFakeFetch((request) => {
    const mediaType = /\/me\/openmedia\/([^?/]+)/.exec(new URL(request.url, 'http://gws.test').pathname)?.[1] ?? '';
    return new Promise<Response>((resolve) => reads.set(mediaType, [...(reads.get(mediaType) ?? []), resolve]));
  });
  const client = createOpenmediaClient({
    channel,
    gwsClient: createGwsClient({ fetch: fake.fetch }),
    queryClient: new QueryClient({ defaultOptions: { queries: { retry: false } } }),
    mediaTypes,
    recordLimit: 0,
    schedule: (flush) => queueMicrotask(flush),
    stateStartStorage: null,
    ...more,
  });
  const published: OpenmediaClientSnapshot[] = [];
  client.subscribe(() => published.push(client.getSnapshot()));
  const answer = (mediaType: string, response: Response) => {
    const pending = reads.get(mediaType)?.shift();
    if (pending === undefined) throw new Error(`no ${mediaType} read on the wire`);
    pending(response);
  };
  return { channel, client, published, answer, reads };
}

const list = (...wires: OpenmediaResourceWire[]) => json({ statusCode: 0, openmedia: wires });
const settle = () => vi.advanceTimersByTimeAsync(0);

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('OpenmediaClient: listed', () => {
  it('is false until the first read answers, and true in the publish that holds its interactions', async () => {
    const t = setup(['workitem']);
    expect(t.client.getSnapshot().listed).toBe(false);
    t.client.start();
    await settle();
    expect(t.client.getSnapshot().listed).toBe(false);
    // A notification before the read: shown, but the list is still not read.
    t.channel.emit(statusChange(resource('early', 'Processing', 'workitem')));
    await settle();
    expect(t.client.getSnapshot().state.byId.has('early')).toBe(true);
    expect(t.client.getSnapshot().listed).toBe(false);

    t.answer('workitem', list(resource('a', 'Invited', 'workitem'), resource('b', 'Processing', 'workitem')));
    await settle();
    expect(t.client.getSnapshot().listed).toBe(true);
    // The same publish: not one with the cards and without "listed", nor the other way round.
    const first = t.published.find((snapshot) => snapshot.state.byId.has('a'));
    expect(first).toMatchObject({ listed: true });
    expect(first?.state.byId.has('b')).toBe(true);
    expect(t.published.find((snapshot) => snapshot.listed)).toBe(first);
  });

  it('turns true with the first read when the channel connects later (and a second read follows)', async () => {
    const t = setup(['workitem']);
    t.channel.setStatus('connecting');
    t.client.start();
    await settle();
    t.answer('workitem', list(resource('a', 'Processing', 'workitem')));
    await settle();
    expect(t.client.getSnapshot().listed).toBe(true);
    t.channel.setStatus('connected');
    await settle();
    // The read on the first `connected`: the list stays listed while it is out.
    expect(t.reads.get('workitem')).toHaveLength(1);
    expect(t.client.getSnapshot().listed).toBe(true);
  });

  it('waits for every media type of the first read', async () => {
    const t = setup(['promotion', 'workitem']);
    t.client.start();
    await settle();
    t.answer('promotion', list(resource('p', 'Invited', 'promotion')));
    await settle();
    expect(t.client.getSnapshot().state.byId.has('p')).toBe(true);
    expect(t.client.getSnapshot().listed).toBe(false);
    t.answer('workitem', list());
    await settle();
    expect(t.client.getSnapshot().listed).toBe(true);
  });

  it('stays false after a failed first read, and turns true when the retry answers', async () => {
    const t = setup(['workitem']);
    t.client.start();
    await settle();
    t.answer('workitem', json({ statusCode: 4, statusMessage: 'Internal error' }));
    await settle();
    expect(t.client.getSnapshot().snapshotError).toContain('Internal error');
    expect(t.client.getSnapshot().listed).toBe(false);

    t.client.retry();
    await settle();
    t.answer('workitem', list());
    await settle();
    expect(t.client.getSnapshot()).toMatchObject({ listed: true, snapshotError: undefined });
  });

  it('stays true when a later read fails (the list shown was read)', async () => {
    const t = setup(['workitem']);
    t.client.start();
    await settle();
    t.answer('workitem', list(resource('a', 'Processing', 'workitem')));
    await settle();
    expect(t.client.getSnapshot().listed).toBe(true);

    t.client.retry();
    await settle();
    t.answer('workitem', json({ statusCode: 4, statusMessage: 'Internal error' }));
    await settle();
    expect(t.client.getSnapshot().snapshotError).toContain('Internal error');
    expect(t.client.getSnapshot().listed).toBe(true);
  });

  it('settles when every media type has answered, a failed one too, while listed still waits for that one', async () => {
    const t = setup(['promotion', 'workitem']);
    t.client.start();
    await settle();
    t.answer('promotion', list(resource('p', 'Invited', 'promotion')));
    await settle();
    expect(t.client.getSnapshot()).toMatchObject({ listed: false, settled: false });
    t.answer('workitem', json({ statusCode: 6, statusMessage: 'Media type workitem not found' }));
    await settle();
    expect(t.client.getSnapshot()).toMatchObject({ listed: false, settled: true });
    // The publish that says "settled" already holds what the other read listed.
    expect(t.published.find((snapshot) => snapshot.settled)?.state.byId.has('p')).toBe(true);
  });

  it('reads a media type again for an interaction first heard without its user data, when another media type could not be listed', async () => {
    const t = setup(['promotion', 'workitem']);
    t.client.start();
    await settle();
    t.answer('promotion', list());
    t.answer('workitem', json({ statusCode: 6, statusMessage: 'Media type workitem not found' }));
    await settle();
    // GWS's own StatusChange leaves out userData and receivedDate: the card would show its id only.
    const { userData: _left, receivedDate: _out, ...lean } = resource('p9', 'Processing', 'promotion', { Subject: 'Pulled from a workbin' });
    t.channel.emit(statusChange(lean));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(t.reads.get('promotion')).toHaveLength(1);
    t.answer('promotion', list(resource('p9', 'Processing', 'promotion', { Subject: 'Pulled from a workbin' })));
    await settle();
    expect(t.client.getSnapshot().state.byId.get('p9')?.interaction.userData).toEqual({ Subject: 'Pulled from a workbin' });
  });

  it('is true at once when there is no media type to read', async () => {
    const t = setup([]);
    t.client.start();
    await settle();
    expect(t.reads.size).toBe(0);
    expect(t.client.getSnapshot().listed).toBe(true);
  });
});

describe('OpenmediaClient: time in state across a reload', () => {
  function memoryStorage(): StorageLike {
    const items = new Map<string, string>();
    return { getItem: (key) => items.get(key) ?? null, setItem: (key, value) => void items.set(key, value) };
  }

  /**
   * A page that reads an empty list and then sees `id` offered (at 1,000,000), closed; then a page
   * opened a minute later on the same storage, whose first read answers with `listed`.
   */
  async function reloadAfterOffer(id: string, listed: readonly OpenmediaResourceWire[]) {
    const storage = memoryStorage();
    let clock = 1_000_000;
    const now = () => clock;
    const before = setup(['workitem'], { stateStartStorage: storage, now });
    before.client.start();
    await settle();
    before.answer('workitem', list());
    await settle();
    before.channel.emit(statusChange(resource(id, 'Invited', 'workitem')));
    await settle();
    expect(before.client.getSnapshot().state.byId.get(id)).toMatchObject({ stateSince: 1_000_000, stateSinceExact: true });
    before.client.dispose();

    clock += 60_000;
    const after = setup(['workitem'], { stateStartStorage: storage, now });
    after.client.start();
    await settle();
    after.answer('workitem', list(...listed));
    await settle();
    return after.client.getSnapshot().state.byId;
  }

  it('a page opened later times a state the earlier page saw begin, on the same storage', async () => {
    // Read in the same state, beside one this browser never saw begin.
    const byId = await reloadAfterOffer('seen', [resource('seen', 'Invited', 'workitem'), resource('unseen', 'Processing', 'workitem')]);
    expect(byId.get('seen')).toMatchObject({ stateSince: 1_000_000, stateSinceExact: true });
    expect(byId.get('unseen')).toMatchObject({ stateSince: 1_060_000, stateSinceExact: false });
  });

  it('a start is forgotten once the page sees the state change unseen: a later read of the old state is "at least"', async () => {
    const storage = memoryStorage();
    const t = setup(['workitem'], { stateStartStorage: storage });
    t.client.start();
    await settle();
    t.answer('workitem', list());
    await settle();
    t.channel.emit(statusChange(resource('x', 'Invited', 'workitem')));
    await settle();
    expect(t.client.getSnapshot().state.byId.get('x')?.stateSinceExact).toBe(true);
    // Two gaps: the first read shows it in progress, the second offered again.
    t.channel.requestResync();
    await settle();
    t.answer('workitem', list(resource('x', 'Processing', 'workitem')));
    await settle();
    expect(t.client.getSnapshot().state.byId.get('x')?.stateSinceExact).toBe(false);
    t.channel.requestResync();
    await settle();
    t.answer('workitem', list(resource('x', 'Invited', 'workitem')));
    await settle();
    expect(t.client.getSnapshot().state.byId.get('x')?.stateSinceExact).toBe(false);
  });

  it('a state that changed since is timed from the read, as "at least"', async () => {
    const byId = await reloadAfterOffer('x', [resource('x', 'Processing', 'workitem')]);
    expect(byId.get('x')).toMatchObject({ stateSince: 1_060_000, stateSinceExact: false });
  });
});
