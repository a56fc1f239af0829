import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryChannel } from '../channel/memory-channel';
import type { MemoryChannel } from '../channel/memory-channel';
import { serveConnection } from '../channel/serve-connection';
import type { ConnectionPort } from '../channel/serve-connection';
import type { ChannelListener, ConnectionStatus } from '../channel/types';
import { createWorkerChannel } from '../channel/worker-channel';
import type { ConnectionWorker } from '../channel/worker-channel';
import type { FromConnectionWorker, ToConnectionWorker } from '../channel/worker-protocol';
import { OPENMEDIA_CHANNEL } from '../protocol/parse';
import { createFakeBrowser } from '../test-support/fake-tabs';
import type { FakeBrowser, FakeTab } from '../test-support/fake-tabs';
import { LEADER_HELD_MS, LEADER_PING_MS, createSharedChannel } from './relay-channel';

// The leader tab's connection runs in a Worker; its page is held by a host's long task (a heavy
// CRM). The Worker relays to the other tabs itself: they go on hearing the news and the answers to
// their pings, stay Live and can act, where they used to stall and say "Reconnecting…" until the
// leader's page was free. Here the real page side (createWorkerChannel) and the real Worker side
// (serveConnection) talk through an in-memory Worker, and the Worker's BroadcastChannel is one of
// the fake browser's that the leader page's hold does not hold.

const NAME = 'openmedia-widget gws-v2 http://gws.test/api/v2/notifications';

/** A Worker in memory: the page's commands reach serveConnection, its reports the page, each a task later. */
function inMemoryWorker(browser: FakeBrowser, server: MemoryChannel[]): ConnectionWorker {
  const toPage: ((event: MessageEvent<FromConnectionWorker>) => void)[] = [];
  const toWorker: ((event: MessageEvent<ToConnectionWorker>) => void)[] = [];
  const scope: FakeTab = browser.tab();
  const port: ConnectionPort = {
    postMessage: (message) => setTimeout(() => toPage.forEach((listener) => listener({ data: message } as MessageEvent<FromConnectionWorker>)), 0),
    addEventListener: (_type, listener) => toWorker.push(listener),
    close: () => undefined,
  };
  serveConnection(
    port,
    () => {
      const source = createMemoryChannel();
      server.push(source);
      return source;
    },
    (name) => scope.environment.openChannel(name),
  );
  return {
    postMessage: (message) => setTimeout(() => toWorker.forEach((listener) => listener({ data: message } as MessageEvent<ToConnectionWorker>)), 0),
    addEventListener(type: 'message' | 'error', listener: (event: never) => void) {
      if (type === 'message') toPage.push(listener as (event: MessageEvent<FromConnectionWorker>) => void);
    },
    terminate: () => undefined,
  };
}

function tab(browser: FakeBrowser, server: MemoryChannel[]) {
  const fake = browser.tab();
  const shared = createSharedChannel({
    name: NAME,
    descriptor: OPENMEDIA_CHANNEL,
    environment: fake.environment,
    recountMs: 1_000,
    createSource: () =>
      createWorkerChannel({
        createWorker: () => inMemoryWorker(browser, server),
        fallback: () => createMemoryChannel(),
        url: 'http://gws.test/api/v2/notifications',
        descriptor: OPENMEDIA_CHANNEL,
        visibility: { visible: () => true, onChange: () => () => undefined },
      }),
  });
  const heard = { statuses: [] as ConnectionStatus[], resyncs: 0, messages: [] as unknown[], times: [] as (number | undefined)[] };
  const listener: ChannelListener = {
    onMessage: (data, receivedAt) => {
      heard.messages.push(data);
      heard.times.push(receivedAt);
    },
    onStatus: (status) => heard.statuses.push(status),
    onResyncNeeded: () => (heard.resyncs += 1),
  };
  return { fake, shared, heard, listener };
}

const settle = (ms = 20) => vi.advanceTimersByTimeAsync(ms);

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the leader’s connection Worker relays to the other tabs', () => {
  it('a follower hears the news and stays Live while the leader’s page is held, and hears each once', async () => {
    const browser = createFakeBrowser();
    const server: MemoryChannel[] = [];
    const a = tab(browser, server);
    const b = tab(browser, server);
    a.shared.subscribe(a.listener);
    await settle();
    b.shared.subscribe(b.listener);
    await settle(100);
    expect(a.shared.getTab().role).toBe('leader');
    expect(server).toHaveLength(1);
    const [source] = server;
    source?.emit({ n: 1 });
    await settle();
    expect(b.heard.messages).toEqual([{ n: 1 }]);
    expect(b.shared.getStatus()).toBe('connected');

    const release = a.fake.hold();
    const secondAt = Date.now();
    source?.emit({ n: 2 });
    await settle(LEADER_HELD_MS + 2 * LEADER_PING_MS);
    source?.emit({ n: 3 });
    await settle();
    // The leader's page has heard nothing of it yet; the follower has, and is still Live.
    expect(b.heard.messages).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    expect(b.shared.getStatus()).toBe('connected');
    expect(b.heard.statuses).not.toContain('reconnecting');
    expect(b.shared.leaderHeld?.()).toBe(false);
    // With when the leader's Worker received it.
    expect(b.heard.times[1]).toBe(secondAt);

    release();
    await settle(100);
    expect(a.heard.messages).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    // The leader's page relays none of it again.
    expect(b.heard.messages).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    expect(b.heard.resyncs).toBe(0);
  });
});
