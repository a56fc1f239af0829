import { QueryClient } from '@tanstack/query-core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createGwsClient } from '../api/client';
import { createMemoryChannel } from '../channel/memory-channel';
import { serveConnection } from '../channel/serve-connection';
import type { ConnectionPort } from '../channel/serve-connection';
import { createWorkerChannel } from '../channel/worker-channel';
import type { ConnectionWorker } from '../channel/worker-channel';
import type { FromConnectionWorker, ToConnectionWorker } from '../channel/worker-protocol';
import { OPENMEDIA_CHANNEL } from '../protocol/parse';
import { createFakeFetch, csrfHeaders, json } from '../testing/fake-fetch';
import { resource, statusChange } from '../testing/scripted-gws';
import { createOpenmediaClient } from './openmedia-client';
import { readRelayMessage } from './relay-protocol';

// An offer that arrives while the page is held by a host's long task (a heavy CRM) is handled
// when the page is free. Its time in state counts from when it reached the browser — the
// connection Worker stamps each answer, the leader tab each message it relays — not from when the
// page got round to it: agents and supervisors judge service levels by that figure.

beforeEach(() => {
  vi.useFakeTimers({ now: 1_000_000 });
});
afterEach(() => {
  vi.useRealTimers();
});

function client(options: { now?: () => number } = {}) {
  const channel = createMemoryChannel();
  const fake = createFakeFetch((request) => (new URL(request.url, 'http://gws.test').pathname === '/api/v2/me' ? json({}, { headers: csrfHeaders('t') }) : json({ statusCode: 0, openmedia: [] })));
  const made = createOpenmediaClient({
    channel,
    gwsClient: createGwsClient({ fetch: fake.fetch }),
    queryClient: new QueryClient(),
    mediaTypes: ['workitem'],
    recordLimit: 0,
    schedule: (flush) => flush(),
    ...options,
  });
  made.start();
  return { channel, entry: (id: string) => made.getSnapshot().state.byId.get(id), dispose: () => made.dispose() };
}

describe('when news came', () => {
  it('a state begins when the news reached the browser, not when the held page handled it', async () => {
    const t = client();
    await vi.advanceTimersByTimeAsync(0);
    const receivedAt = Date.now() - 3_000;
    t.channel.emit(statusChange(resource('o1', 'Invited')), receivedAt);
    expect(t.entry('o1')).toMatchObject({ stateSince: receivedAt, stateSinceExact: true });
    // Unknown, or not believable (in the future, or from another clock): now.
    t.channel.emit(statusChange(resource('o2', 'Invited')));
    t.channel.emit(statusChange(resource('o3', 'Invited')), Date.now() + 5_000);
    t.channel.emit(statusChange(resource('o4', 'Invited')), Date.now() - 3_600_000);
    for (const id of ['o2', 'o3', 'o4']) expect(t.entry(id)?.stateSince).toBe(Date.now());
    t.dispose();
  });

  it('a client on a clock of its own keeps to it', async () => {
    const t = client({ now: () => 42 });
    await vi.advanceTimersByTimeAsync(0);
    t.channel.emit(statusChange(resource('o1', 'Invited')), Date.now() - 3_000);
    expect(t.entry('o1')?.stateSince).toBe(42);
    t.dispose();
  });

  it('the connection Worker stamps each answer when it arrives, and the page hears the stamp', async () => {
    const posted: FromConnectionWorker[] = [];
    const toWorker: ((event: MessageEvent<ToConnectionWorker>) => void)[] = [];
    const toPage: ((event: MessageEvent<FromConnectionWorker>) => void)[] = [];
    const source = createMemoryChannel();
    const port: ConnectionPort = {
      postMessage: (message) => {
        posted.push(message);
        // The page is held 3 s before it handles what the Worker sent.
        setTimeout(() => toPage.forEach((listener) => listener({ data: message } as MessageEvent<FromConnectionWorker>)), 3_000);
      },
      addEventListener: (_type, listener) => toWorker.push(listener),
      close: () => undefined,
    };
    serveConnection(port, () => source, () => undefined);
    const worker: ConnectionWorker = {
      postMessage: (message) => toWorker.forEach((listener) => listener({ data: message } as MessageEvent<ToConnectionWorker>)),
      addEventListener(type: 'message' | 'error', listener: (event: never) => void) {
        if (type === 'message') toPage.push(listener as (event: MessageEvent<FromConnectionWorker>) => void);
      },
      terminate: () => undefined,
    };
    const channel = createWorkerChannel({
      createWorker: () => worker,
      fallback: () => createMemoryChannel(),
      url: 'http://gws.test/api/v2/notifications',
      descriptor: OPENMEDIA_CHANNEL,
      visibility: { visible: () => true, onChange: () => () => undefined },
    });
    const heard: [unknown, number | undefined][] = [];
    channel.subscribe({ onMessage: (data, receivedAt) => heard.push([data, receivedAt]) });
    const arrived = Date.now();
    source.emit({ n: 1 });
    source.emit({ n: 2 });
    await vi.advanceTimersByTimeAsync(3_000);
    expect(heard).toEqual([
      [{ n: 1 }, arrived],
      [{ n: 2 }, arrived],
    ]);
    expect(Date.now() - arrived).toBe(3_000);
  });

  it('a relayed message carries its time; one without a number for it is read without', () => {
    expect(readRelayMessage({ kind: 'message', data: { n: 1 }, at: 5 })).toEqual({ kind: 'message', data: { n: 1 }, at: 5 });
    expect(readRelayMessage({ kind: 'message', data: { n: 1 }, at: 'soon' })).toEqual({ kind: 'message', data: { n: 1 } });
    expect(readRelayMessage({ kind: 'message', data: { n: 1 } })).toEqual({ kind: 'message', data: { n: 1 } });
  });
});
