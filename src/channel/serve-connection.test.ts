import { afterEach, describe, expect, it, vi } from 'vitest';
import { OPENMEDIA_CHANNEL } from '../protocol/parse';
import { createMemoryChannel } from './memory-channel';
import type { MemoryChannel } from './memory-channel';
import { CLOSE_GRACE_MS, serveConnection, workerCometdOptions } from './serve-connection';
import type { ConnectionPort } from './serve-connection';
import type { FromConnectionWorker, ToConnectionWorker, WorkerChannelConfig } from './worker-protocol';

function nth<T>(list: readonly T[], index: number): T {
  const item = list[index];
  if (item === undefined) throw new Error(`no item ${index} (of ${list.length})`);
  return item;
}

const CONFIG: WorkerChannelConfig = {
  url: 'https://desk.example/api/v2/notifications',
  descriptor: OPENMEDIA_CHANNEL,
  transport: 'long-polling',
  connectPacingMs: 16,
  visible: true,
};

/** The Worker's global scope as the connection sees it: the page's commands in, its reports out. */
function setup(createChannel?: (config: WorkerChannelConfig, visible: () => boolean) => MemoryChannel) {
  const posted: FromConnectionWorker[] = [];
  const handlers: ((event: MessageEvent<ToConnectionWorker>) => void)[] = [];
  const close = vi.fn();
  const port: ConnectionPort = {
    postMessage: (message) => posted.push(message),
    addEventListener: (_type, listener) => handlers.push(listener),
    close,
  };
  const made: { channel: MemoryChannel; config: WorkerChannelConfig; visible: () => boolean }[] = [];
  serveConnection(
    port,
    createChannel ??
      ((config, visible) => {
        const channel = createMemoryChannel(config.descriptor);
        made.push({ channel, config, visible });
        return channel;
      }),
  );
  const command = (message: ToConnectionWorker) => {
    for (const handler of handlers) handler({ data: message } as MessageEvent<ToConnectionWorker>);
  };
  return { posted, command, made, close };
}

const settle = () => Promise.resolve();

describe('serveConnection', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('opens the channel on start, once, with the configuration the page sent', () => {
    const { command, made, posted } = setup();
    expect(made).toHaveLength(0);
    command({ kind: 'start', config: CONFIG });
    command({ kind: 'start', config: CONFIG });
    expect(made).toHaveLength(1);
    expect(nth(made, 0).config).toEqual(CONFIG);
    expect(nth(made, 0).channel.listenerCount()).toBe(1);
    expect(posted).toEqual([{ kind: 'status', status: 'connected' }]);
  });

  it("sends one answer's notifications as one message, after the task that delivered them", async () => {
    const { command, made, posted } = setup();
    command({ kind: 'start', config: CONFIG });
    posted.length = 0;
    const { channel } = nth(made, 0);
    channel.emit({ n: 1 });
    channel.emit({ n: 2 });
    channel.emit({ n: 3 });
    expect(posted).toEqual([]);
    await settle();
    expect(posted).toEqual([{ kind: 'messages', data: [{ n: 1 }, { n: 2 }, { n: 3 }], at: expect.any(Number) }]);
    channel.emit({ n: 4 });
    await settle();
    expect(posted.at(-1)).toEqual({ kind: 'messages', data: [{ n: 4 }], at: expect.any(Number) });
    expect(posted).toHaveLength(2);
  });

  it('sends the notifications gathered so far before a status, a resync or a session check, keeping the order', async () => {
    const { command, made, posted } = setup();
    command({ kind: 'start', config: CONFIG });
    posted.length = 0;
    const { channel } = nth(made, 0);
    channel.emit('a');
    channel.setStatus('reconnecting');
    channel.emit('b');
    channel.requestResync();
    channel.emit('c');
    channel.requestSessionCheck();
    channel.emit('d');
    await settle();
    expect(posted).toEqual([
      { kind: 'messages', data: ['a'], at: expect.any(Number) },
      { kind: 'status', status: 'reconnecting' },
      { kind: 'messages', data: ['b'], at: expect.any(Number) },
      { kind: 'resyncNeeded' },
      { kind: 'messages', data: ['c'], at: expect.any(Number) },
      { kind: 'sessionCheckNeeded' },
      { kind: 'messages', data: ['d'], at: expect.any(Number) },
    ]);
  });

  it('sends the server’s refusal of the subscription with its status, and none once the status changes', () => {
    const { command, made, posted } = setup();
    command({ kind: 'start', config: CONFIG });
    posted.length = 0;
    const { channel } = nth(made, 0);
    channel.setStatus('reconnecting', '403::subscribe_failed');
    channel.setStatus('connected');
    expect(posted).toEqual([
      { kind: 'status', status: 'reconnecting', refusal: '403::subscribe_failed' },
      { kind: 'status', status: 'connected' },
    ]);
  });

  it("follows the page's visibility, as the page reports it", () => {
    const { command, made } = setup();
    command({ kind: 'start', config: { ...CONFIG, visible: false } });
    const { visible } = nth(made, 0);
    expect(visible()).toBe(false);
    command({ kind: 'visibility', visible: true });
    expect(visible()).toBe(true);
  });

  it('passes reconnect and a lost session to the channel', () => {
    const { command, made, posted } = setup();
    command({ kind: 'start', config: CONFIG });
    const { channel } = nth(made, 0);
    command({ kind: 'sessionEnded' });
    expect(channel.getStatus()).toBe('unauthorized');
    command({ kind: 'reconnect' });
    expect(channel.getStatus()).toBe('connected');
    expect(posted).toEqual([
      { kind: 'status', status: 'connected' },
      { kind: 'status', status: 'unauthorized' },
      { kind: 'status', status: 'connected' },
      { kind: 'resyncNeeded' },
    ]);
  });

  it('passes retryNow (the network is back) to the channel', () => {
    const { command, made, posted } = setup();
    command({ kind: 'start', config: CONFIG });
    const { channel } = nth(made, 0);
    channel.setStatus('reconnecting');
    command({ kind: 'retryNow' });
    expect(channel.getStatus()).toBe('connected');
    expect(posted.slice(-3)).toEqual([{ kind: 'status', status: 'reconnecting' }, { kind: 'status', status: 'connected' }, { kind: 'resyncNeeded' }]);
  });

  it('on stop, sends what it gathered, disconnects, and closes itself after a grace for the disconnect to leave', async () => {
    vi.useFakeTimers();
    const { command, made, posted, close } = setup();
    command({ kind: 'start', config: CONFIG });
    const { channel } = nth(made, 0);
    channel.emit('last');
    command({ kind: 'stop' });
    expect(posted.at(-1)).toEqual({ kind: 'messages', data: ['last'], at: expect.any(Number) });
    expect(channel.listenerCount()).toBe(0);
    expect(channel.getStatus()).toBe('disconnected');
    await settle();
    expect(posted.filter((m) => m.kind === 'messages')).toHaveLength(1);
    vi.advanceTimersByTime(CLOSE_GRACE_MS - 1);
    expect(close).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(close).toHaveBeenCalledTimes(1);
    // A start after stop opens nothing: the Worker is on its way out.
    command({ kind: 'start', config: CONFIG });
    expect(made).toHaveLength(1);
  });

  it('reports a channel that cannot be opened, instead of throwing in the Worker', () => {
    const { command, posted } = setup(() => {
      throw new Error('This Worker has no XMLHttpRequest for CometD.');
    });
    command({ kind: 'start', config: CONFIG });
    expect(posted).toEqual([{ kind: 'failed', reason: 'This Worker has no XMLHttpRequest for CometD.' }]);
  });

  it('reports a Worker without XMLHttpRequest with the real CometD factory', () => {
    const { command, posted } = setupReal();
    command({ kind: 'start', config: CONFIG });
    expect(posted).toEqual([{ kind: 'failed', reason: 'This Worker has no XMLHttpRequest for CometD.' }]);
  });
});

function setupReal() {
  const posted: FromConnectionWorker[] = [];
  const handlers: ((event: MessageEvent<ToConnectionWorker>) => void)[] = [];
  serveConnection({
    postMessage: (message) => posted.push(message),
    addEventListener: (_type, listener) => handlers.push(listener),
    close: vi.fn(),
  });
  return {
    posted,
    command: (message: ToConnectionWorker) => {
      for (const handler of handlers) handler({ data: message } as MessageEvent<ToConnectionWorker>);
    },
  };
}

describe('workerCometdOptions', () => {
  it("runs CometD on the Worker's own timers, and takes a late look of the wake watch for a sleep", () => {
    const options = workerCometdOptions(CONFIG, () => true);
    expect(options.url).toBe(CONFIG.url);
    expect(options.timersInWorker).toBe(false);
    expect(options.wake).toEqual({ timersOnTime: true });
  });

  it("gives the Worker's CometD channel the page's channel lists and request headers", () => {
    const options = workerCometdOptions(
      { ...CONFIG, channels: ['/workspace/v3/media/email'], exactChannels: ['/workspace/v3/media/chat'], requestHeaders: { 'x-api-key': 'key-1' } },
      () => true,
    );
    expect(options.channels).toEqual(['/workspace/v3/media/email']);
    expect(options.exactChannels).toEqual(['/workspace/v3/media/chat']);
    expect(options.requestHeaders).toEqual({ 'x-api-key': 'key-1' });
  });
});
