import { createMemoryChannel } from '../channel/memory-channel';
import type { MemoryChannel } from '../channel/memory-channel';
import { serveConnection } from '../channel/serve-connection';
import type { ConnectionPort } from '../channel/serve-connection';
import type { ChannelListener, ConnectionStatus } from '../channel/types';
import { createWorkerChannel } from '../channel/worker-channel';
import type { ConnectionWorker } from '../channel/worker-channel';
import type { FromConnectionWorker, ToConnectionWorker } from '../channel/worker-protocol';
import { OPENMEDIA_CHANNEL } from '../protocol/parse';
import { createFakeBrowser, type FakeBrowser } from './fake-tabs';
import type { TabEnvironment } from '../client/tab-leadership';
import { createSharedChannel } from '../client/relay-channel';

/**
 * Tabs of a fake browser whose shared connection runs in an in-memory connection Worker (the real
 * `createWorkerChannel` and `serveConnection`), each page and each Worker a thread of its own that a
 * test can hold (a host's long task) to see what the other tabs hear meanwhile (test-only).
 */

const NAME = 'openmedia-widget gws-v2 http://gws.test/api/v2/notifications';

/** One thread: every task for it (bus events, Worker port messages) runs in arrival order; held = queued. */
export function thread() {
  let queue: (() => void)[] | undefined;
  return {
    run(task: () => void) {
      if (queue) queue.push(task);
      else task();
    },
    hold() {
      queue ??= [];
    },
    release() {
      const q = queue ?? [];
      queue = undefined;
      for (const t of q) t();
    },
  };
}
export type Thread = ReturnType<typeof thread>;

/** A tab environment whose bus events run on `page`. */
function onThread(env: TabEnvironment, page: Thread): TabEnvironment {
  return {
    ...env,
    openChannel(name) {
      const real = env.openChannel(name);
      const wrapped = new Map<unknown, (e: { readonly data: unknown }) => void>();
      return {
        postMessage: (m: unknown) => real.postMessage(m),
        addEventListener(type: 'message', h: (e: { readonly data: unknown }) => void) {
          const w = (e: { readonly data: unknown }) => page.run(() => h(e));
          wrapped.set(h, w);
          real.addEventListener(type, w);
        },
        removeEventListener(type: 'message', h: (e: { readonly data: unknown }) => void) {
          const w = wrapped.get(h);
          if (w) real.removeEventListener(type, w);
        },
        close: () => real.close(),
      };
    },
  };
}

/** What the Worker's source channel starts as: `connecting` for a leader that has yet to handshake. */
export interface WorkerTabOptions {
  readonly startConnecting?: boolean;
}

function inMemoryWorker(browser: FakeBrowser, server: MemoryChannel[], page: Thread, worker: Thread, options: WorkerTabOptions): ConnectionWorker {
  const toPage: ((event: MessageEvent<FromConnectionWorker>) => void)[] = [];
  const toWorker: ((event: MessageEvent<ToConnectionWorker>) => void)[] = [];
  const scope = onThread(browser.tab().environment, worker);
  const port: ConnectionPort = {
    postMessage: (message) => setTimeout(() => page.run(() => toPage.forEach((l) => l({ data: message } as MessageEvent<FromConnectionWorker>))), 0),
    addEventListener: (_t, l) => toWorker.push(l),
    close: () => undefined,
  };
  serveConnection(
    port,
    () => {
      const source = createMemoryChannel();
      if (options.startConnecting) source.setStatus('connecting');
      server.push(source);
      return source;
    },
    (name) => scope.openChannel(name),
  );
  return {
    postMessage: (message) => setTimeout(() => worker.run(() => toWorker.forEach((l) => l({ data: message } as MessageEvent<ToConnectionWorker>))), 0),
    addEventListener(type: 'message' | 'error', listener: (event: never) => void) {
      if (type === 'message') toPage.push(listener as (event: MessageEvent<FromConnectionWorker>) => void);
    },
    terminate: () => undefined,
  };
}

/** A tab: its shared channel, what its listener heard, and its page's and Worker's threads. `server`: each leader's source, in order. */
export function workerTab(browser: FakeBrowser, server: MemoryChannel[], options: WorkerTabOptions = {}) {
  const page = thread();
  const worker = thread();
  const fake = browser.tab();
  const shared = createSharedChannel({
    name: NAME,
    descriptor: OPENMEDIA_CHANNEL,
    environment: onThread(fake.environment, page),
    recountMs: 1_000,
    createSource: () =>
      createWorkerChannel({
        createWorker: () => inMemoryWorker(browser, server, page, worker, options),
        fallback: () => createMemoryChannel(),
        url: 'http://gws.test/api/v2/notifications',
        descriptor: OPENMEDIA_CHANNEL,
        visibility: { visible: () => true, onChange: () => () => undefined },
      }),
  });
  const heard = { statuses: [] as ConnectionStatus[], messages: [] as unknown[], times: [] as (number | undefined)[], resyncs: 0 };
  const listener: ChannelListener = {
    onMessage: (data, receivedAt) => {
      heard.messages.push(data);
      heard.times.push(receivedAt);
    },
    onStatus: (s) => heard.statuses.push(s),
    onResyncNeeded: () => (heard.resyncs += 1),
  };
  return { fake, shared, heard, listener, page, worker };
}

/**
 * Two tabs of a new fake browser sharing a connection Worker, both subscribed: `a` leads (its
 * Worker holds the connection, `server[0]`), `b` follows. `settle` advances the test's fake timers.
 */
export async function twoWorkerTabs(settle: (ms?: number) => Promise<unknown>) {
  const browser = createFakeBrowser();
  const server: MemoryChannel[] = [];
  const a = workerTab(browser, server);
  const b = workerTab(browser, server);
  a.shared.subscribe(a.listener);
  await settle();
  b.shared.subscribe(b.listener);
  await settle(100);
  return { browser, server, a, b };
}
