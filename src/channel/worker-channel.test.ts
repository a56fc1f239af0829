import { afterEach, describe, expect, it, vi } from 'vitest';
import { OPENMEDIA_CHANNEL } from '../protocol/parse';
import { createMemoryChannel } from './memory-channel';
import type { MemoryChannel } from './memory-channel';
import type { ConnectionStatus } from './types';
import { createWorkerChannel } from './worker-channel';
import type { ConnectionWorker, PageVisibility, WorkerChannelOptions } from './worker-channel';
import type { FromConnectionWorker, ToConnectionWorker } from './worker-protocol';

function nth<T>(list: readonly T[], index: number): T {
  const item = list[index];
  if (item === undefined) throw new Error(`no item ${index} (of ${list.length})`);
  return item;
}

/** A Worker double: records what the page posts, and lets the test speak for the Worker. */
function fakeWorker() {
  const posted: ToConnectionWorker[] = [];
  const onMessage: ((event: MessageEvent<FromConnectionWorker>) => void)[] = [];
  const onError: ((event: Event) => void)[] = [];
  let terminated = false;
  const worker: ConnectionWorker = {
    postMessage: (message) => posted.push(message),
    addEventListener(type: 'message' | 'error', listener: (event: never) => void) {
      if (type === 'message') onMessage.push(listener as (event: MessageEvent<FromConnectionWorker>) => void);
      else onError.push(listener as (event: Event) => void);
    },
    terminate: () => {
      terminated = true;
    },
  };
  return {
    worker,
    posted,
    get terminated() {
      return terminated;
    },
    send(message: FromConnectionWorker) {
      for (const listener of onMessage) listener({ data: message } as MessageEvent<FromConnectionWorker>);
    },
    /** The Worker's script failed to load, or it threw: returns whether the page handled it. */
    fail(): boolean {
      const event = new Event('error', { cancelable: true });
      for (const listener of onError) listener(event);
      return event.defaultPrevented;
    },
  };
}

function fakeVisibility(initial = true) {
  let visible = initial;
  const listeners = new Set<() => void>();
  const visibility: PageVisibility = {
    visible: () => visible,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return {
    visibility,
    listenerCount: () => listeners.size,
    set(next: boolean) {
      visible = next;
      for (const listener of [...listeners]) listener();
    },
  };
}

function setup(overrides: Partial<WorkerChannelOptions> = {}) {
  const workers: ReturnType<typeof fakeWorker>[] = [];
  const fallbacks: MemoryChannel[] = [];
  const page = fakeVisibility();
  const channel = createWorkerChannel({
    createWorker: () => {
      const fake = fakeWorker();
      workers.push(fake);
      return fake.worker;
    },
    fallback: () => {
      const memory = createMemoryChannel();
      fallbacks.push(memory);
      return memory;
    },
    url: '/api/v2/notifications',
    descriptor: OPENMEDIA_CHANNEL,
    connectPacingMs: 16,
    visibility: page.visibility,
    ...overrides,
  });
  const messages: unknown[] = [];
  const statuses: ConnectionStatus[] = [];
  const events: string[] = [];
  const listener = {
    onMessage: (data: unknown) => {
      messages.push(data);
      events.push(`message ${JSON.stringify(data)}`);
    },
    onStatus: (status: ConnectionStatus) => {
      statuses.push(status);
      events.push(`status ${status}`);
    },
    onResyncNeeded: () => events.push('resync'),
    onSessionCheckNeeded: () => events.push('session check'),
  };
  return { channel, workers, fallbacks, page, messages, statuses, events, listener };
}

describe('createWorkerChannel', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('starts the Worker with the first listener and sends it the whole configuration, the URL made absolute', () => {
    vi.stubGlobal('location', { href: 'https://desk.example/agent/index.html' });
    const { channel, workers, listener } = setup({ backoff: { baseMs: 500 }, transport: 'websocket' });
    expect(workers).toHaveLength(0);
    expect(channel.getStatus()).toBe('disconnected');
    channel.subscribe(listener);
    channel.subscribe({ onMessage: vi.fn() });
    expect(workers).toHaveLength(1);
    expect(channel.getStatus()).toBe('connecting');
    expect(nth(workers, 0).posted).toEqual([
      {
        kind: 'start',
        config: {
          url: 'https://desk.example/api/v2/notifications',
          descriptor: OPENMEDIA_CHANNEL,
          transport: 'websocket',
          backoff: { baseMs: 500 },
          connectPacingMs: 16,
          visible: true,
        },
      },
    ]);
  });

  it('sends the Worker the channel list and the request headers when the page has them', () => {
    vi.stubGlobal('location', { href: 'https://desk.example/agent/index.html' });
    const channels = ['/workspace/v3/media/workitem', '/workspace/v3/media/email'];
    const { channel, workers, listener } = setup({ channels, exactChannels: ['/x/y'], requestHeaders: { 'x-api-key': 'key-1' } });
    channel.subscribe(listener);
    expect(nth(workers, 0).posted[0]).toMatchObject({ kind: 'start', config: { channels, exactChannels: ['/x/y'], requestHeaders: { 'x-api-key': 'key-1' } } });
  });

  it("delivers what the Worker reports, in the Worker's order, each answer's notifications one by one", () => {
    const { channel, workers, listener, events } = setup();
    channel.subscribe(listener);
    const worker = nth(workers, 0);
    worker.send({ kind: 'status', status: 'connected' });
    worker.send({ kind: 'messages', data: [{ n: 1 }, { n: 2 }] });
    worker.send({ kind: 'status', status: 'reconnecting' });
    worker.send({ kind: 'resyncNeeded' });
    worker.send({ kind: 'status', status: 'connected' });
    worker.send({ kind: 'messages', data: [{ n: 3 }] });
    worker.send({ kind: 'sessionCheckNeeded' });
    expect(events).toEqual([
      'status connecting',
      'status connected',
      'message {"n":1}',
      'message {"n":2}',
      'status reconnecting',
      'resync',
      'status connected',
      'message {"n":3}',
      'session check',
    ]);
    expect(channel.getStatus()).toBe('connected');
  });

  it('passes the server’s refusal on with reconnecting, and drops one a message gives with another status', () => {
    const { channel, workers } = setup();
    const heard: [string, string | undefined][] = [];
    channel.subscribe({ onMessage: vi.fn(), onStatus: (status, refusal) => heard.push([status, refusal]) });
    const worker = nth(workers, 0);
    worker.send({ kind: 'status', status: 'reconnecting', refusal: '403::subscribe_failed' });
    expect(channel.getRefusal?.()).toBe('403::subscribe_failed');
    // The same status with another refusal is news; the same again is not.
    worker.send({ kind: 'status', status: 'reconnecting', refusal: '403::other' });
    worker.send({ kind: 'status', status: 'reconnecting', refusal: '403::other' });
    worker.send({ kind: 'status', status: 'connected', refusal: '403::other' });
    expect(heard).toEqual([
      ['connecting', undefined],
      ['reconnecting', '403::subscribe_failed'],
      ['reconnecting', '403::other'],
      ['connected', undefined],
    ]);
    expect(channel.getRefusal?.()).toBeUndefined();
  });

  it('tells the Worker when the page is hidden or shown again', () => {
    const { channel, workers, page, listener } = setup();
    const off = channel.subscribe(listener);
    page.set(false);
    page.set(true);
    expect(nth(workers, 0).posted.slice(1)).toEqual([
      { kind: 'visibility', visible: false },
      { kind: 'visibility', visible: true },
    ]);
    off();
    expect(page.listenerCount()).toBe(0);
  });

  it('passes reconnect and a lost session to the Worker, only when they apply', () => {
    const { channel, workers, listener } = setup();
    channel.reconnect?.();
    channel.sessionEnded?.();
    channel.subscribe(listener);
    const worker = nth(workers, 0);
    channel.reconnect?.(); // not unauthorized: nothing to do
    channel.sessionEnded?.();
    worker.send({ kind: 'status', status: 'unauthorized' });
    channel.sessionEnded?.(); // already unauthorized
    channel.reconnect?.();
    expect(worker.posted.slice(1)).toEqual([{ kind: 'sessionEnded' }, { kind: 'reconnect' }]);
  });

  it('passes retryNow to the Worker, which decides as the channel does (Live too), but not when signed out or stopped', () => {
    const { channel, workers, listener } = setup();
    channel.retryNow?.(); // nobody listens: nothing runs
    channel.subscribe(listener);
    const worker = nth(workers, 0);
    worker.send({ kind: 'status', status: 'connected' });
    channel.retryNow?.();
    worker.send({ kind: 'status', status: 'reconnecting' });
    channel.retryNow?.();
    worker.send({ kind: 'status', status: 'unauthorized' });
    channel.retryNow?.();
    expect(worker.posted.slice(1)).toEqual([{ kind: 'retryNow' }, { kind: 'retryNow' }]);
  });

  it('asks the Worker to disconnect when the last listener leaves, and hears nothing from it afterwards', () => {
    const { channel, workers, listener, messages, statuses } = setup();
    const off = channel.subscribe(listener);
    const worker = nth(workers, 0);
    worker.send({ kind: 'status', status: 'connected' });
    off();
    off();
    expect(worker.posted.at(-1)).toEqual({ kind: 'stop' });
    expect(worker.posted.filter((m) => m.kind === 'stop')).toHaveLength(1);
    expect(channel.getStatus()).toBe('disconnected');
    worker.send({ kind: 'messages', data: [{ late: true }] });
    worker.send({ kind: 'status', status: 'connected' });
    expect(messages).toEqual([]);
    expect(statuses).toEqual(['connecting', 'connected']);
    // A new listener gets a new Worker.
    channel.subscribe(listener);
    expect(workers).toHaveLength(2);
  });

  it('stops delivering an answer midway when the last listener leaves from inside it', () => {
    const { channel, workers, messages } = setup();
    const off = channel.subscribe({
      onMessage(data) {
        messages.push(data);
        off();
      },
    });
    nth(workers, 0).send({ kind: 'messages', data: [1, 2, 3] });
    expect(messages).toEqual([1]);
  });

  it('runs the connection on the page when the Worker fails to load, with a resync if push had worked', () => {
    const { channel, workers, fallbacks, listener, events } = setup();
    channel.subscribe(listener);
    const worker = nth(workers, 0);
    worker.send({ kind: 'status', status: 'connected' });
    expect(worker.fail()).toBe(true);
    expect(worker.terminated).toBe(true);
    expect(fallbacks).toHaveLength(1);
    // The memory channel connects at once: the page is told to re-read what the switch missed.
    expect(events).toEqual(['status connecting', 'status connected', 'status reconnecting', 'resync', 'status connected']);
    nth(fallbacks, 0).emit({ n: 1 });
    nth(fallbacks, 0).requestSessionCheck();
    expect(events.slice(-2)).toEqual(['message {"n":1}', 'session check']);
    // Late news from the dead Worker is ignored.
    worker.send({ kind: 'messages', data: [{ n: 'late' }] });
    expect(events.at(-1)).toBe('session check');
  });

  it('keeps the page-side connection for good once the Worker has failed, and forwards reconnect to it', () => {
    const { channel, workers, fallbacks, listener, statuses } = setup();
    const off = channel.subscribe(listener);
    nth(workers, 0).send({ kind: 'failed', reason: 'This Worker has no XMLHttpRequest for CometD.' });
    expect(nth(workers, 0).terminated).toBe(true);
    expect(statuses).toEqual(['connecting', 'connected']);
    off();
    expect(nth(fallbacks, 0).listenerCount()).toBe(0);
    expect(channel.getStatus()).toBe('disconnected');
    channel.subscribe(listener);
    expect(workers).toHaveLength(1);
    expect(fallbacks).toHaveLength(1);
    expect(nth(fallbacks, 0).listenerCount()).toBe(1);
    nth(fallbacks, 0).setStatus('unauthorized');
    channel.reconnect?.();
    expect(nth(fallbacks, 0).getStatus()).toBe('connected');
    channel.sessionEnded?.();
    expect(channel.getStatus()).toBe('unauthorized');
  });

  it('runs on the page at once where no Worker can be made (a Content-Security-Policy, no Worker at all)', () => {
    const { channel, fallbacks, listener, events } = setup({
      createWorker: () => {
        throw new DOMException('Refused by Content-Security-Policy', 'SecurityError');
      },
    });
    channel.subscribe(listener);
    expect(fallbacks).toHaveLength(1);
    expect(events).toEqual(['status connecting', 'status connected']);
  });
});

describe('createWorkerChannel: relaying to the other tabs from the Worker', () => {
  it('asks its Worker to relay (again when another tab appears, and to a Worker started later), and says when the Worker does and stops', () => {
    const { channel, workers, listener } = setup();
    const relaying: boolean[] = [];
    channel.relayTo?.('omw-shared', false, (on) => relaying.push(on));
    channel.subscribe(listener);
    const worker = nth(workers, 0);
    expect(worker.posted.filter((message) => message.kind === 'relay')).toEqual([{ kind: 'relay', name: 'omw-shared', others: false }]);
    channel.relayTo?.('omw-shared', false, (on) => relaying.push(on));
    channel.relayTo?.('omw-shared', true, (on) => relaying.push(on));
    expect(worker.posted.filter((message) => message.kind === 'relay')).toEqual([
      { kind: 'relay', name: 'omw-shared', others: false },
      { kind: 'relay', name: 'omw-shared', others: true },
    ]);
    worker.send({ kind: 'relaying' });
    worker.send({ kind: 'relaying' });
    expect(relaying).toEqual([true]);
    // The Worker dies: the page holds the connection, and relays again itself.
    worker.fail();
    expect(relaying).toEqual([true, false]);
  });

  it('a graceful stop ends the relaying too', () => {
    const { channel, workers, listener } = setup();
    const relaying: boolean[] = [];
    channel.relayTo?.('omw-shared', true, (on) => relaying.push(on));
    const unsubscribe = channel.subscribe(listener);
    nth(workers, 0).send({ kind: 'relaying' });
    unsubscribe();
    expect(relaying).toEqual([true, false]);
  });
});
