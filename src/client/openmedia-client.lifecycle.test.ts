import { QueryClient } from '@tanstack/query-core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createGwsClient } from '../api/client';
import { createMemoryChannel } from '../channel/memory-channel';
import type { OpenmediaResourceWire } from '../protocol/types';
import { createFakeFetch, csrfHeaders, json } from '../testing/fake-fetch';
import { resource, statusChange } from '../testing/scripted-gws';
import { createOpenmediaClient } from './openmedia-client';
import type { OpenmediaClientOptions } from './client-options';

// The client's own lifecycle, driven over a memory channel and a fake fetch: holds, closing,
// dispose, retry and reconnect, what the channel's callbacks do, the clock and the recorder.

function setup(options: Partial<OpenmediaClientOptions> = {}) {
  const channel = createMemoryChannel();
  const snapshot: { byType: Record<string, OpenmediaResourceWire[]>; status: number } = { byType: {}, status: 200 };
  const fake = createFakeFetch((request) => {
    const path = new URL(request.url, 'http://gws.test').pathname;
    if (path === '/api/v2/me') return json({ userName: 'agent' }, { headers: csrfHeaders('token-1') });
    if (request.method === 'GET') {
      if (snapshot.status !== 200) return json({}, { status: snapshot.status });
      const mediaType = decodeURIComponent(path.split('/').at(-1) ?? '');
      return json({ statusCode: 0, openmedia: snapshot.byType[mediaType] ?? [] });
    }
    return json({ statusCode: 0, referenceId: 1 });
  });
  let time = 1_000_000;
  const client = createOpenmediaClient({
    channel,
    gwsClient: createGwsClient({ fetch: fake.fetch }),
    queryClient: new QueryClient(),
    mediaTypes: ['workitem'],
    recordLimit: 0,
    schedule: (flush) => queueMicrotask(flush),
    now: () => time,
    ...options,
  });
  const reads = () => fake.requests.filter((r) => r.method === 'GET' && r.url.includes('/openmedia/')).map((r) => r.url);
  const entry = (id: string) => client.getSnapshot().state.byId.get(id);
  return { channel, snapshot, client, reads, entry, requests: fake.requests, advanceClock: (ms: number) => (time += ms) };
}

const settle = (ms = 0) => vi.advanceTimersByTimeAsync(ms);

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('holds', () => {
  it('a stopped client (every widget gone, not disposed) reads GWS no more by itself; started again, it reads, and plans again on failure', async () => {
    const t = setup();
    t.snapshot.status = 503;
    const release = t.client.start();
    await settle(8_000); // the read and its own quick retries fail
    const whileRunning = t.reads().length;
    expect(whileRunning).toBeGreaterThan(0);
    release();
    await settle();
    expect(t.client.isStarted()).toBe(false);
    await settle(10 * 60_000);
    expect(t.reads()).toHaveLength(whileRunning);
    const again = t.client.start();
    await settle(8_000);
    const afterStart = t.reads().length;
    expect(afterStart).toBeGreaterThan(whileRunning);
    t.snapshot.status = 200;
    await settle(60_000);
    expect(t.reads().length).toBeGreaterThan(afterStart);
    expect(t.client.getSnapshot().snapshotError).toBeUndefined();
    again();
  });

  it('creating connects nothing; the first start subscribes and reads; later starts share it', async () => {
    const t = setup();
    await settle();
    expect(t.channel.listenerCount()).toBe(0);
    expect(t.client.isStarted()).toBe(false);
    const release1 = t.client.start();
    const release2 = t.client.start();
    await settle();
    expect(t.channel.listenerCount()).toBe(1);
    expect(t.client.isStarted()).toBe(true);
    expect(t.reads()).toEqual(['/api/v2/me/openmedia/workitem?fields=*']);
    release1();
    release1();
    await settle();
    expect(t.client.isStarted()).toBe(true);
    expect(t.channel.listenerCount()).toBe(1);
    release2();
    expect(t.client.isStarted()).toBe(false);
    await settle();
    expect(t.channel.listenerCount()).toBe(0);
    expect(t.client.getSnapshot().status).toBe('disconnected');
  });

  it('a release and a new start in the same task keep the connection (StrictMode)', async () => {
    const t = setup();
    const release = t.client.start();
    await settle();
    release();
    const again = t.client.start();
    await settle();
    expect(t.channel.listenerCount()).toBe(1);
    expect(t.reads()).toHaveLength(1);
    again();
    await settle();
    expect(t.channel.listenerCount()).toBe(0);
  });

  it('stop releases the oldest hold; stop without holds does nothing', async () => {
    const t = setup();
    t.client.stop();
    t.client.start();
    const second = t.client.start();
    t.client.stop();
    await settle();
    expect(t.client.isStarted()).toBe(true);
    second();
    await settle();
    expect(t.client.isStarted()).toBe(false);
    expect(t.channel.listenerCount()).toBe(0);
  });

  it('dispose closes whoever holds it; later starts and performs do nothing', async () => {
    const t = setup();
    t.client.start();
    await settle();
    t.client.dispose();
    t.client.dispose();
    expect(t.client.isDisposed()).toBe(true);
    expect(t.client.isStarted()).toBe(false);
    expect(t.channel.listenerCount()).toBe(0);
    t.client.start()();
    expect(t.channel.listenerCount()).toBe(0);
    expect(await t.client.perform('a', { operationName: 'Accept' })).toEqual({ status: 'ignored' });
  });
});

describe('what the channel tells the client', () => {
  it('reads again on the first connected when it was not connected at start, and only then', async () => {
    const t = setup();
    t.channel.setStatus('connecting');
    t.client.start();
    await settle();
    expect(t.reads()).toHaveLength(1);
    t.channel.setStatus('connected');
    await settle();
    expect(t.reads()).toHaveLength(2);
    t.channel.setStatus('reconnecting');
    t.channel.setStatus('connected');
    await settle();
    expect(t.reads()).toHaveLength(2);
  });

  it('a media type first met on the channel is read in every later resync', async () => {
    const t = setup();
    t.client.start();
    await settle();
    t.channel.emit(statusChange(resource('p', 'Invited', 'promotion')));
    t.channel.requestResync();
    await settle();
    expect(t.reads().slice(1).sort()).toEqual(['/api/v2/me/openmedia/promotion?fields=*', '/api/v2/me/openmedia/workitem?fields=*']);
    expect(t.entry('p')?.interaction.mediaType).toBe('promotion');
  });

  it('an unreadable message is counted as rejected, not applied', async () => {
    const t = setup();
    t.client.start();
    await settle();
    t.channel.emit({ messageType: 'Nonsense' });
    await settle();
    expect(t.client.getSnapshot().state.diagnostics.rejected).toEqual({ 'unknown-message-type': 1 });
    expect(t.client.getSnapshot().state.byId.size).toBe(0);
  });

  it('after the last release, late channel callbacks change nothing', async () => {
    const t = setup();
    const listeners: { onMessage: (d: unknown) => void }[] = [];
    const subscribe = t.channel.subscribe.bind(t.channel);
    t.channel.subscribe = (listener) => {
      listeners.push(listener);
      return subscribe(listener);
    };
    const release = t.client.start();
    await settle();
    release();
    await settle();
    listeners[0]?.onMessage(statusChange(resource('a', 'Invited')));
    await settle();
    expect(t.entry('a')).toBeUndefined();
  });

  it('a session check that finds the session gone ends it; one that cannot tell keeps it', async () => {
    let meStatus = 200;
    const fake = createFakeFetch((request) => {
      if (request.url.endsWith('/api/v2/me')) return meStatus === 200 ? json({}) : new Response('', { status: meStatus });
      return json({ statusCode: 0, openmedia: [] });
    });
    const channel = createMemoryChannel();
    const client = createOpenmediaClient({ channel, gwsClient: createGwsClient({ fetch: fake.fetch }), queryClient: new QueryClient(), mediaTypes: ['workitem'], schedule: (f) => queueMicrotask(f) });
    client.start();
    await settle();
    meStatus = 500;
    channel.requestSessionCheck();
    await settle();
    expect(client.getSnapshot().status).toBe('connected');
    meStatus = 401;
    channel.requestSessionCheck();
    channel.requestSessionCheck();
    await settle();
    expect(client.getSnapshot().status).toBe('unauthorized');
    expect(fake.requests.filter((r) => r.url.endsWith('/api/v2/me'))).toHaveLength(2);
  });
});

describe('retry and reconnect', () => {
  it('retry reads the snapshots again; after unauthorized it reconnects instead; not started, it does nothing', async () => {
    const t = setup();
    t.client.retry();
    t.client.reconnect();
    await settle();
    expect(t.reads()).toHaveLength(0);
    t.client.start();
    await settle();
    t.client.retry();
    await settle();
    expect(t.reads()).toHaveLength(2);
    t.channel.sessionEnded?.();
    await settle();
    expect(t.client.getSnapshot().status).toBe('unauthorized');
    t.client.retry();
    await settle();
    expect(t.client.getSnapshot().status).toBe('connected');
    // The reconnect's resync read, not a plain retry read on top.
    expect(t.reads()).toHaveLength(3);
  });

  it('reconnect brings an unauthorized channel back', async () => {
    const t = setup();
    t.client.start();
    await settle();
    t.channel.sessionEnded?.();
    t.client.reconnect();
    await settle();
    expect(t.client.getSnapshot().status).toBe('connected');
  });

  it("the browser's online event asks the channel to retry at once, only while started", async () => {
    const page = new EventTarget();
    vi.stubGlobal('window', page);
    try {
      const channel = createMemoryChannel();
      const retryNow = vi.fn();
      const t = setup({ channel: { ...channel, retryNow } });
      page.dispatchEvent(new Event('online'));
      expect(retryNow).not.toHaveBeenCalled();
      const release = t.client.start();
      await settle();
      page.dispatchEvent(new Event('online'));
      expect(retryNow).toHaveBeenCalledTimes(1);
      release();
      await settle();
      page.dispatchEvent(new Event('online'));
      expect(retryNow).toHaveBeenCalledTimes(1);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('a failed read is shown, and cleared by the next good one', async () => {
    const t = setup();
    t.snapshot.status = 404;
    t.client.start();
    await settle();
    expect(t.client.getSnapshot().snapshotError).toMatch(/404/);
    t.snapshot.status = 200;
    t.client.retry();
    await settle();
    expect(t.client.getSnapshot().snapshotError).toBeUndefined();
  });
});

describe('the snapshot value, the clock and the recorder', () => {
  it('subscribers hear changes until they unsubscribe; an unchanged value is the same object', async () => {
    const t = setup();
    const heard = vi.fn();
    const unsubscribe = t.client.subscribe(heard);
    const before = t.client.getSnapshot();
    t.client.start();
    await settle();
    expect(heard).toHaveBeenCalled();
    const count = heard.mock.calls.length;
    const current = t.client.getSnapshot();
    expect(current).not.toBe(before);
    await settle(5_000);
    expect(t.client.getSnapshot()).toBe(current);
    unsubscribe();
    t.channel.emit(statusChange(resource('a', 'Invited')));
    await settle();
    expect(heard).toHaveBeenCalledTimes(count);
  });

  it('dismissError clears the error shown on the card', async () => {
    const t = setup();
    t.client.start();
    await settle();
    t.channel.emit(statusChange(resource('a', 'Invited')));
    await settle();
    t.channel.setStatus('reconnecting');
    await t.client.perform('a', { operationName: 'Accept' });
    await settle();
    expect(t.entry('a')?.error?.kind).toBe('not-connected');
    t.client.dismissError('a');
    await settle();
    expect(t.entry('a')?.error).toBeUndefined();
  });

  it('the clock evicts an ended interaction after the linger, every tickMs while started', async () => {
    const t = setup({ lingerMs: 3_000, tickMs: 500 });
    t.client.start();
    await settle();
    t.channel.emit(statusChange(resource('a', 'Completed')));
    await settle();
    expect(t.entry('a')).toBeDefined();
    t.advanceClock(3_001);
    await settle(500);
    expect(t.entry('a')).toBeUndefined();
  });

  it('records raw messages only with a recordLimit', async () => {
    expect(setup().client.getRecording()).toBeUndefined();
    const t = setup({ recordLimit: 10 });
    t.client.start();
    await settle();
    t.channel.emit(statusChange(resource('a', 'Invited')));
    const recording = t.client.getRecording();
    expect(recording?.events.some((event) => JSON.stringify(event).includes('"a"'))).toBe(true);
    await settle();
    expect(t.entry('a')).toBeDefined();
  });

  it('normalises gwsBase', () => {
    expect(setup({ gwsBase: 'https://gws.example/' }).client.gwsBase).toBe('https://gws.example');
  });
});
