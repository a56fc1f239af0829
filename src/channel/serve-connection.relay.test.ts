import { describe, expect, it, vi } from 'vitest';
import { OPENMEDIA_CHANNEL } from '../protocol/parse';
import { createMemoryChannel } from './memory-channel';
import type { MemoryChannel } from './memory-channel';
import { serveConnection } from './serve-connection';
import type { ConnectionPort, RelayBus } from './serve-connection';
import type { FromConnectionWorker, ToConnectionWorker, WorkerChannelConfig } from './worker-protocol';

// The connection Worker of a leader tab relays to the other tabs itself: a host's long task on the
// leader's page (a heavy CRM) then holds that page only, not the other tabs' news, nor the answers
// to their pings. The page relays what the Worker sent before it said `relaying`, nothing after.

const CONFIG: WorkerChannelConfig = { url: 'https://desk.example/api/v2/notifications', descriptor: OPENMEDIA_CHANNEL, transport: 'long-polling', visible: true };

function setup(options: { bus?: boolean } = {}) {
  const posted: FromConnectionWorker[] = [];
  const handlers: ((event: MessageEvent<ToConnectionWorker>) => void)[] = [];
  const port: ConnectionPort = { postMessage: (message) => posted.push(message), addEventListener: (_type, listener) => handlers.push(listener), close: vi.fn() };
  let channel: MemoryChannel | undefined;
  const toTabs: unknown[] = [];
  const busListeners: ((event: { readonly data: unknown }) => void)[] = [];
  const opened: string[] = [];
  const bus: RelayBus = { postMessage: (message) => toTabs.push(message), addEventListener: (_type, listener) => busListeners.push(listener), close: vi.fn() };
  serveConnection(
    port,
    (config) => (channel = createMemoryChannel(config.descriptor)),
    (name) => {
      opened.push(name);
      return options.bus === false ? undefined : bus;
    },
  );
  const command = (message: ToConnectionWorker) => handlers.forEach((handler) => handler({ data: message } as MessageEvent<ToConnectionWorker>));
  const fromTab = (data: unknown) => busListeners.forEach((listener) => listener({ data }));
  command({ kind: 'start', config: CONFIG });
  posted.length = 0;
  const source = () => {
    if (channel === undefined) throw new Error('not started');
    return channel;
  };
  return { posted, command, fromTab, toTabs, opened, bus, source };
}

const settle = () => Promise.resolve();

describe('the connection Worker relays to the other tabs', () => {
  it('relays nothing while the page leads no other tab (no clone and trip per notification for no one)', async () => {
    const t = setup();
    t.command({ kind: 'relay', name: 'omw-shared', others: false });
    expect(t.opened).toEqual(['omw-shared']);
    t.source().emit({ n: 1 });
    await settle();
    expect(t.toTabs).toEqual([]);
    expect(t.posted).toEqual([{ kind: 'messages', data: [{ n: 1 }], at: expect.any(Number) }]);
  });

  it('once another tab is there: the notifications first to the tabs, then to the page; status and resync too', async () => {
    const t = setup();
    t.source().emit({ n: 1 });
    t.command({ kind: 'relay', name: 'omw-shared', others: true });
    // What was gathered before goes to the page unrelayed (the page relays it), then `relaying`.
    expect(t.posted).toEqual([{ kind: 'messages', data: [{ n: 1 }], at: expect.any(Number) }, { kind: 'relaying' }]);
    expect(t.toTabs).toEqual([]);
    t.command({ kind: 'relayed' });
    t.source().emit({ n: 2 });
    await settle();
    expect(t.toTabs).toEqual([{ kind: 'message', data: { n: 2 }, at: expect.any(Number) }]);
    t.source().setStatus('reconnecting');
    t.source().requestResync();
    expect(t.toTabs.slice(1)).toEqual([{ kind: 'status', status: 'reconnecting' }, { kind: 'resync' }]);
    expect(t.posted.slice(2)).toEqual([{ kind: 'messages', data: [{ n: 2 }], at: expect.any(Number) }, { kind: 'status', status: 'reconnecting' }, { kind: 'resyncNeeded' }]);
  });

  it("starts when it hears another tab itself (the page may be held), answers its pings, and tells a tab that joins the status", () => {
    const t = setup();
    t.command({ kind: 'relay', name: 'omw-shared', others: false });
    t.fromTab({ kind: 'ping' });
    expect(t.posted).toEqual([{ kind: 'relaying' }]);
    // No pong while the page still relays what came before `relaying` (its answer is the pong then).
    expect(t.toTabs).toEqual([]);
    t.command({ kind: 'relayed' });
    t.fromTab({ kind: 'ping' });
    expect(t.toTabs).toEqual([{ kind: 'pong' }]);
    t.fromTab({ kind: 'hello', from: 'tab-3' });
    expect(t.toTabs).toEqual([{ kind: 'pong' }, { kind: 'status', status: 'connected' }]);
    // What only the page says (alerted offers, actions, focus) is not the Worker's to answer.
    t.fromTab({ kind: 'alerted', ids: ['x'] });
    t.fromTab('noise');
    expect(t.toTabs).toHaveLength(2);
    expect(t.posted).toEqual([{ kind: 'relaying' }]);
  });

  it('relays the server’s refusal with the status, and tells it to a tab that joins', () => {
    const t = setup();
    t.command({ kind: 'relay', name: 'omw-shared', others: true });
    t.command({ kind: 'relayed' });
    t.source().setStatus('reconnecting', '403::subscribe_failed');
    t.fromTab({ kind: 'hello', from: 'tab-3' });
    expect(t.toTabs).toEqual([
      { kind: 'status', status: 'reconnecting', refusal: '403::subscribe_failed' },
      { kind: 'status', status: 'reconnecting', refusal: '403::subscribe_failed' },
    ]);
  });

  it('keeps what comes during the hand-over until the page says it relayed what came before: nothing reaches a tab out of order', async () => {
    const t = setup();
    t.source().emit({ n: 1 });
    t.command({ kind: 'relay', name: 'omw-shared', others: true });
    // The page is held: it has not relayed n1 yet, and the Worker hears n2, a status and a hello.
    t.source().emit({ n: 2 });
    await settle();
    t.source().setStatus('reconnecting');
    t.fromTab({ kind: 'hello', from: 'tab-3' });
    expect(t.toTabs).toEqual([]);
    // The page, free, relays n1 and answers `relayed`: the rest follows, in order.
    t.command({ kind: 'relayed' });
    expect(t.toTabs).toEqual([
      { kind: 'message', data: { n: 2 }, at: expect.any(Number) },
      { kind: 'status', status: 'reconnecting' },
      { kind: 'status', status: 'reconnecting' },
    ]);
  });

  it('asks the tabs to re-read after its first connection, right after the status, as the page would', () => {
    const posted: FromConnectionWorker[] = [];
    const handlers: ((event: MessageEvent<ToConnectionWorker>) => void)[] = [];
    const port: ConnectionPort = { postMessage: (message) => posted.push(message), addEventListener: (_type, listener) => handlers.push(listener), close: vi.fn() };
    const toTabs: unknown[] = [];
    let source: MemoryChannel | undefined;
    serveConnection(
      port,
      (config) => {
        source = createMemoryChannel(config.descriptor);
        // Still connecting when the relay starts (a new leader taking over).
        source.setStatus('connecting');
        return source;
      },
      () => ({ postMessage: (message) => toTabs.push(message), addEventListener: () => undefined, close: vi.fn() }),
    );
    const command = (message: ToConnectionWorker) => handlers.forEach((handler) => handler({ data: message } as MessageEvent<ToConnectionWorker>));
    command({ kind: 'start', config: CONFIG });
    command({ kind: 'relay', name: 'omw-shared', others: true });
    command({ kind: 'relayed' });
    source?.setStatus('connected');
    source?.setStatus('reconnecting');
    source?.setStatus('connected');
    expect(toTabs).toEqual([
      { kind: 'status', status: 'connected' },
      { kind: 'resync' },
      { kind: 'status', status: 'reconnecting' },
      { kind: 'status', status: 'connected' },
    ]);
  });

  it('without a BroadcastChannel in the Worker, relays nothing and never says relaying (the page goes on relaying)', async () => {
    const t = setup({ bus: false });
    t.command({ kind: 'relay', name: 'omw-shared', others: true });
    t.source().emit({ n: 1 });
    await settle();
    expect(t.posted).toEqual([{ kind: 'messages', data: [{ n: 1 }], at: expect.any(Number) }]);
  });

  it('stops relaying and closes the bus when the page stops the connection', () => {
    const t = setup();
    t.command({ kind: 'relay', name: 'omw-shared', others: true });
    t.command({ kind: 'relayed' });
    t.command({ kind: 'stop' });
    expect(t.bus.close).toHaveBeenCalledTimes(1);
    t.fromTab({ kind: 'ping' });
    expect(t.toTabs).toEqual([]);
  });
});
