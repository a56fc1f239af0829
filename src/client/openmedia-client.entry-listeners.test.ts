import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFakeFetch, csrfHeaders, json } from '../testing/fake-fetch';
import { resource, statusChange } from '../testing/scripted-gws';
import { createMemoryClient } from '../test-support/memory-client';

// subscribeEntry: a card is told when its own entry changed, and only then.

function setup() {
  const fake = createFakeFetch((request) => {
    if (request.url.endsWith('/api/v2/me')) return json({}, { headers: csrfHeaders('t') });
    return json({ statusCode: 0, openmedia: [] });
  });
  const { client, channel } = createMemoryClient(fake.fetch, { lingerMs: 5_000 });
  return { client, channel };
}

const settle = (ms = 0) => vi.advanceTimersByTimeAsync(ms);

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('OpenmediaClient.subscribeEntry', () => {
  it('calls the listener of an entry when it comes, changes and goes, and never for other entries', async () => {
    const { client, channel } = setup();
    client.start();
    await settle();
    const heardA = vi.fn();
    const heardB = vi.fn();
    client.subscribeEntry('a', heardA);
    client.subscribeEntry('b', heardB);

    channel.emit(statusChange(resource('a', 'Invited')));
    await settle();
    expect(heardA).toHaveBeenCalledTimes(1);
    expect(client.getSnapshot().state.byId.get('a')?.interaction.state).toBe('Invited');

    channel.emit(statusChange(resource('a', 'Processing', 'workitem', { Subject: 'Order 1' })));
    await settle();
    expect(heardA).toHaveBeenCalledTimes(2);

    // Completed: shown for the linger, then evicted (the entry goes).
    channel.emit(statusChange(resource('a', 'Completed')));
    await settle();
    expect(heardA).toHaveBeenCalledTimes(3);
    await settle(6_000);
    expect(client.getSnapshot().state.byId.get('a')).toBeUndefined();
    expect(heardA).toHaveBeenCalledTimes(4);

    expect(heardB).not.toHaveBeenCalled();
    client.dispose();
  });

  it('is not called for a publish that changes no entry (a status change), and not after unsubscribing', async () => {
    const { client, channel } = setup();
    client.start();
    await settle();
    channel.emit(statusChange(resource('a', 'Invited')));
    await settle();
    const heard = vi.fn();
    const everything = vi.fn();
    const stop = client.subscribeEntry('a', heard);
    const stopEverything = client.subscribe(everything);

    channel.setStatus('reconnecting');
    await settle();
    expect(everything).toHaveBeenCalled();
    expect(heard).not.toHaveBeenCalled();

    stop();
    channel.emit(statusChange(resource('a', 'Processing')));
    await settle();
    expect(client.getSnapshot().state.byId.get('a')?.interaction.state).toBe('Processing');
    expect(heard).not.toHaveBeenCalled();
    stopEverything();
    client.dispose();
  });

  it('keeps two listeners of one entry apart: unsubscribing one leaves the other', async () => {
    const { client, channel } = setup();
    client.start();
    await settle();
    const first = vi.fn();
    const second = vi.fn();
    const stopFirst = client.subscribeEntry('a', first);
    client.subscribeEntry('a', second);
    stopFirst();
    stopFirst();
    channel.emit(statusChange(resource('a', 'Invited')));
    await settle();
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledTimes(1);
    client.dispose();
  });
});
