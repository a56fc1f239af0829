import { QueryClient } from '@tanstack/query-core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createGwsClient } from '../api/client';
import { createMemoryChannel } from '../channel/memory-channel';
import type { ChannelListener, NotificationChannel } from '../channel/types';
import { createFakeFetch, csrfHeaders, json } from '../testing/fake-fetch';
import { resource, statusChange } from '../testing/scripted-gws';
import { createOpenmediaClient } from './openmedia-client';

// What the client does not do: act after dispose, reconnect or end a session when it is not
// running, call channel methods the channel does not have, react to callbacks after closing.

function setup(channel: NotificationChannel, postStatus = 200) {
  const fake = createFakeFetch((request) => {
    if (request.url.endsWith('/api/v2/me')) return json({}, { headers: csrfHeaders('t') });
    if (request.method === 'GET') return json({ statusCode: 0, openmedia: [] });
    return postStatus === 200 ? json({ statusCode: 0, referenceId: 5 }) : new Response('', { status: postStatus });
  });
  const client = createOpenmediaClient({ channel, gwsClient: createGwsClient({ fetch: fake.fetch }), queryClient: new QueryClient(), mediaTypes: ['workitem'], schedule: (f) => queueMicrotask(f) });
  const reads = () => fake.requests.filter((r) => r.method === 'GET' && r.url.includes('/openmedia/')).length;
  const posts = () => fake.requests.filter((r) => r.method === 'POST').length;
  return { client, reads, posts };
}

const settle = (ms = 0) => vi.advanceTimersByTimeAsync(ms);

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('openmedia client guards', () => {
  it('after dispose, perform on a known interaction is ignored and sends nothing', async () => {
    const channel = createMemoryChannel();
    const t = setup(channel);
    t.client.start();
    channel.emit(statusChange(resource('a', 'Invited')));
    await settle();
    t.client.dispose();
    expect(await t.client.perform('a', { operationName: 'Accept' })).toEqual({ status: 'ignored' });
    await settle();
    expect(t.posts()).toBe(0);
  });

  it('a StatusChange with an unreadable referenceId still moves its card, and the dropped reference is counted', async () => {
    const channel = createMemoryChannel();
    const t = setup(channel);
    t.client.start();
    channel.emit(statusChange(resource('a', 'Invited')));
    await settle();
    channel.emit({ ...statusChange(resource('a', 'Completed')), referenceId: 'abc-1' });
    await settle();
    const { state } = t.client.getSnapshot();
    expect(state.byId.get('a')?.interaction.state).toBe('Completed');
    expect(state.diagnostics.rejected).toEqual({ 'invalid-reference-id': 1 });
    t.client.dispose();
  });

  it('reconnect and retry do nothing while not started', async () => {
    const memory = createMemoryChannel();
    const reconnect = vi.fn();
    const channel: NotificationChannel = { descriptor: memory.descriptor, getStatus: () => 'unauthorized', subscribe: (l) => memory.subscribe(l), reconnect };
    const t = setup(channel);
    t.client.reconnect();
    t.client.retry();
    expect(reconnect).not.toHaveBeenCalled();
    t.client.start();
    await settle();
    t.client.reconnect();
    expect(reconnect).toHaveBeenCalledTimes(1);
  });

  it('a channel without reconnect or sessionEnded is not called for them', async () => {
    const memory = createMemoryChannel();
    let status: 'connected' | 'unauthorized' = 'connected';
    const channel: NotificationChannel = { descriptor: memory.descriptor, getStatus: () => status, subscribe: (l) => memory.subscribe(l) };
    const t = setup(channel, 401);
    t.client.start();
    memory.emit(statusChange(resource('a', 'Processing')));
    await settle();
    const outcome = await t.client.perform('a', { operationName: 'Complete' });
    expect(outcome).toMatchObject({ status: 'failed', error: { kind: 'http', code: 401 } });
    status = 'unauthorized';
    expect(() => t.client.retry()).not.toThrow();
    expect(() => t.client.reconnect()).not.toThrow();
  });

  it('a 401 ends the session once, only while running and not already signed out', async () => {
    const memory = createMemoryChannel();
    const sessionEnded = vi.fn(() => memory.sessionEnded?.());
    const channel: NotificationChannel = { descriptor: memory.descriptor, getStatus: () => memory.getStatus(), subscribe: (l) => memory.subscribe(l), sessionEnded };
    const t = setup(channel, 401);
    t.client.start();
    memory.emit(statusChange(resource('a', 'Processing')));
    memory.emit(statusChange(resource('b', 'Processing')));
    await settle();
    await t.client.perform('a', { operationName: 'Complete' });
    expect(sessionEnded).toHaveBeenCalledTimes(1);
    expect(t.client.getSnapshot().status).toBe('unauthorized');
    memory.setStatus('connected');
    await settle();
    memory.setStatus('unauthorized');
    await t.client.perform('b', { operationName: 'Complete' });
    expect(sessionEnded).toHaveBeenCalledTimes(1);
  });

  it('after closing, a late status, resync or session check from the old subscription does nothing', async () => {
    const memory = createMemoryChannel();
    const listeners: ChannelListener[] = [];
    const sessionEnded = vi.fn();
    const channel: NotificationChannel = {
      descriptor: memory.descriptor,
      getStatus: () => memory.getStatus(),
      subscribe: (l) => {
        listeners.push(l);
        return memory.subscribe(l);
      },
      sessionEnded,
    };
    const t = setup(channel);
    const release = t.client.start();
    await settle();
    release();
    await settle();
    const reads = t.reads();
    const [old] = listeners;
    old?.onStatus?.('connected');
    old?.onResyncNeeded?.();
    old?.onSessionCheckNeeded?.();
    old?.onStatus?.('unauthorized');
    await settle();
    expect(t.reads()).toBe(reads);
    expect(t.client.getSnapshot().status).toBe('disconnected');
  });
});
