import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Message } from 'cometd';
import { createCometdChannel } from './cometd-channel';
import type { CometdChannelOptions } from './cometd-channel';
import { FakeCometd } from '../test-support/fake-cometd';
import type { ChannelListener, ConnectionStatus } from './types';

const CHANNEL = '/v2/me/openmedia';

function setup(options: Partial<CometdChannelOptions> = {}) {
  const fakes: FakeCometd[] = [];
  const channel = createCometdChannel({
    url: 'https://gws.example/api/v2/notifications',
    backoff: { baseMs: 100, maxMs: 1000 },
    random: () => 1,
    cometdFactory: () => {
      const fake = new FakeCometd();
      fakes.push(fake);
      return fake;
    },
    ...options,
  });
  const received: unknown[] = [];
  const statuses: ConnectionStatus[] = [];
  const events: string[] = [];
  const listener: ChannelListener = {
    onMessage: (data) => received.push(data),
    onStatus: (status) => {
      statuses.push(status);
      events.push(`status:${status}`);
    },
    onResyncNeeded: () => events.push('resync'),
  };
  const latest = (): FakeCometd => {
    const fake = fakes.at(-1);
    if (!fake) throw new Error('no CometD client created yet');
    return fake;
  };
  return { channel, fakes, latest, listener, received, statuses, events };
}

/** Handshake, subscription and the first /meta/connect all succeed. */
function establish(fake: FakeCometd, reply: Partial<Message> = {}): void {
  fake.handshakeReply({ successful: true, ...reply });
  fake.ackSubscribe();
  fake.connectReply({ successful: true });
}

const flushMicrotasks = () => Promise.resolve();

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('createCometdChannel: lifecycle', () => {
  it('does nothing until the first listener, then handshakes once', () => {
    const t = setup();
    expect(t.fakes).toHaveLength(0);
    expect(t.channel.getStatus()).toBe('disconnected');
    t.channel.subscribe(t.listener);
    t.channel.subscribe({ onMessage: vi.fn() });
    expect(t.fakes).toHaveLength(1);
    expect(t.latest().handshakes).toBe(1);
    expect(t.channel.getStatus()).toBe('connecting');
    expect(t.statuses).toEqual(['connecting']);
  });

  it('configures the URL and back-off, and long-polling only by default', () => {
    const t = setup();
    t.channel.subscribe(t.listener);
    expect(t.latest().configurations[0]).toMatchObject({
      url: 'https://gws.example/api/v2/notifications',
      backoffIncrement: 100,
      maxBackoff: 1000,
    });
    expect(t.latest().unregistered).toEqual(expect.arrayContaining(['websocket', 'callback-polling']));
  });

  it('keeps WebSocket (with long-polling as fallback) when asked to', () => {
    const t = setup({ transport: 'websocket' });
    t.channel.subscribe(t.listener);
    expect(t.latest().unregistered).not.toContain('websocket');
    expect(t.latest().unregistered).not.toContain('long-polling');
  });

  it('defaults to the same-origin GWS endpoint', () => {
    const t = setup({ url: undefined });
    t.channel.subscribe(t.listener);
    expect(t.latest().configurations[0]?.url).toBe('/api/v2/notifications');
  });

  it('subscribes inside the handshake, and reports connected only once a /meta/connect succeeded', () => {
    const t = setup();
    t.channel.subscribe(t.listener);
    const fake = t.latest();
    expect(fake.subscriptionCount(CHANNEL)).toBe(0);
    fake.handshakeReply({ successful: true });
    expect(fake.subscriptionCount(CHANNEL)).toBe(1);
    expect(t.channel.getStatus()).toBe('connecting');
    fake.ackSubscribe();
    // Subscribed, but no long poll has come back yet: nothing proves push works, so not Live.
    expect(t.channel.getStatus()).toBe('connecting');
    fake.connectReply({ successful: true });
    expect(t.channel.getStatus()).toBe('connected');
    fake.deliver(CHANNEL, { n: 1 });
    fake.deliver(CHANNEL, { n: 2 });
    expect(t.received).toEqual([{ n: 1 }, { n: 2 }]);
    expect(t.events).toEqual(['status:connecting', 'status:connected']);
  });

  it('disconnects when the last listener leaves, and ignores whatever CometD does afterwards', () => {
    const t = setup();
    const off1 = t.channel.subscribe(t.listener);
    const late = vi.fn();
    const off2 = t.channel.subscribe({ onMessage: late, onStatus: late, onResyncNeeded: late });
    const fake = t.latest();
    establish(fake);
    late.mockClear();
    off2();
    expect(fake.disconnects).toBe(0);
    off1();
    off1();
    expect(fake.disconnects).toBe(1);
    expect(t.channel.getStatus()).toBe('disconnected');
    expect(fake.listenerCount()).toBe(0);
    const before = t.events.length;
    fake.handshakeReply({ successful: true, reestablish: true });
    fake.ackSubscribe();
    fake.deliver(CHANNEL, { late: true });
    expect(t.received).toEqual([]);
    expect(t.events).toHaveLength(before);
    expect(late).not.toHaveBeenCalled();
  });

  it('lets nothing but the disconnect out of a closed client (no zombie session)', () => {
    const t = setup();
    const off = t.channel.subscribe(t.listener);
    const fake = t.latest();
    expect(fake.outgoingAllowed('/meta/handshake')).toBe(true);
    off();
    expect(fake.outgoingAllowed('/meta/handshake')).toBe(false);
    expect(fake.outgoingAllowed('/meta/connect')).toBe(false);
    expect(fake.outgoingAllowed('/meta/disconnect')).toBe(true);
  });

  it('throws a helpful error without a window and is left disconnected', () => {
    const channel = createCometdChannel();
    expect(() => channel.subscribe({ onMessage: vi.fn() })).toThrow(/adapt\(\) from cometd-nodejs-client/);
    expect(channel.getStatus()).toBe('disconnected');
  });

  it('tears its client down when the last listener leaves, and makes a new one when one comes back', () => {
    const t = setup();
    t.channel.subscribe(t.listener)();
    t.channel.subscribe(t.listener);
    expect(t.fakes).toHaveLength(2);
    expect(t.fakes[0]?.listenerCount()).toBe(0);
    expect(t.channel.getStatus()).toBe('connecting');
  });

  it('a session closed on a reused client stays silent: only the new session listens', () => {
    const t = setup();
    t.channel.subscribe(t.listener);
    const fake = t.latest();
    fake.handshakeReply({ successful: false, failure: { httpCode: 401 } } as Partial<Message>);
    expect(fake.listenerCount()).toBe(0);
    t.channel.reconnect?.();
    // Only the new session's /meta/handshake and /meta/connect listeners.
    expect(fake.listenerCount()).toBe(2);
    establish(fake);
    expect(t.channel.getStatus()).toBe('connected');
    expect(t.events.filter((e) => e === 'status:connected')).toHaveLength(1);
  });

  it("configures (and so starts CometD's timer Worker) once per client, and stops that Worker on teardown", async () => {
    const workers: { url: string; terminated: boolean }[] = [];
    const revoked: string[] = [];
    vi.stubGlobal(
      'Worker',
      class {
        readonly record: { url: string; terminated: boolean };
        constructor(url: string) {
          this.record = { url, terminated: false };
          workers.push(this.record);
        }
        terminate() {
          this.record.terminated = true;
        }
      },
    );
    const realRevoke = URL.revokeObjectURL.bind(URL);
    URL.revokeObjectURL = (url: string) => {
      revoked.push(url);
      realRevoke(url);
    };
    try {
      // What CometD 9's configure() does: a Worker from a blob URL.
      class CometdWithWorker extends FakeCometd {
        override configure(options: Parameters<FakeCometd['configure']>[0]): void {
          super.configure(options);
          const Ctor = (globalThis as unknown as { Worker: new (url: string) => unknown }).Worker;
          new Ctor(URL.createObjectURL(new Blob(['scheduler'])));
        }
      }
      const t = setup({ random: () => 0, cometdFactory: () => (t.fakes.push(new CometdWithWorker()), t.fakes.at(-1) as FakeCometd) });
      const off = t.channel.subscribe(t.listener);
      for (let i = 0; i < 20; i++) {
        // CometD gives up, or the session is lost and the agent reconnects: the same client again.
        t.latest().handshakeReply({ successful: false, failure: { httpCode: 401 } } as Partial<Message>);
        t.channel.reconnect?.();
      }
      expect(t.fakes).toHaveLength(1);
      expect(t.latest().handshakes).toBe(21);
      expect(workers).toHaveLength(1);
      expect(workers[0]?.terminated).toBe(false);
      off();
      expect(workers[0]?.terminated).toBe(true);
      expect(revoked).toEqual([workers[0]?.url]);
      expect((globalThis as unknown as { Worker: unknown }).Worker).toBeDefined();
    } finally {
      URL.revokeObjectURL = realRevoke;
      vi.unstubAllGlobals();
    }
  });
});

describe('createCometdChannel: re-handshake and resync', () => {
  it('re-subscribes after every re-handshake and asks for a resync before reporting connected', () => {
    const t = setup();
    t.channel.subscribe(t.listener);
    const fake = t.latest();
    establish(fake);
    t.events.length = 0;
    establish(fake, { reestablish: true });
    expect(fake.subscriptionCount(CHANNEL)).toBe(1);
    establish(fake, { reestablish: true });
    expect(fake.subscriptionCount(CHANNEL)).toBe(1);
    fake.deliver(CHANNEL, 'after');
    expect(t.received).toEqual(['after']);
    expect(t.events).toEqual(['resync', 'resync']);
  });

  it('handles a 402 (unknown client) as reconnecting → re-handshake → one resync → connected', () => {
    const t = setup();
    t.channel.subscribe(t.listener);
    const fake = t.latest();
    establish(fake);
    t.events.length = 0;
    fake.connectReply({ successful: false, error: '402::Unknown client', advice: { reconnect: 'handshake' } });
    expect(t.channel.getStatus()).toBe('reconnecting');
    establish(fake, { reestablish: true });
    fake.connectReply({ successful: true });
    expect(t.events).toEqual(['status:reconnecting', 'resync', 'status:connected']);
  });

  it('asks for a resync when /meta/connect recovers after a network failure', () => {
    const t = setup();
    t.channel.subscribe(t.listener);
    const fake = t.latest();
    establish(fake);
    fake.connectReply({ successful: true });
    t.events.length = 0;
    fake.connectReply({ successful: false, failure: { httpCode: 0 } } as Partial<Message>);
    fake.connectReply({ successful: false, failure: { httpCode: 0 } } as Partial<Message>);
    expect(t.channel.getStatus()).toBe('reconnecting');
    fake.connectReply({ successful: true });
    fake.connectReply({ successful: true });
    expect(t.events).toEqual(['status:reconnecting', 'resync', 'status:connected']);
  });

  it('resyncs after a first handshake that only succeeded after failures', async () => {
    const t = setup();
    t.channel.subscribe(t.listener);
    const fake = t.latest();
    fake.handshakeReply({ successful: false, failure: { httpCode: 503 } } as Partial<Message>);
    await flushMicrotasks();
    expect(t.channel.getStatus()).toBe('reconnecting');
    establish(fake);
    expect(t.events).toEqual(['status:connecting', 'status:reconnecting', 'resync', 'status:connected']);
  });
});

describe('createCometdChannel: session gone', () => {
  it.each([
    ['HTTP 401 on the handshake', { successful: false, failure: { httpCode: 401 } }],
    ['HTTP 403 on the handshake', { successful: false, failure: { httpCode: 403 } }],
    ['403::handshake_denied', { successful: false, error: '403::handshake_denied', advice: { reconnect: 'none' } }],
  ])('%s → unauthorized, disconnected, and no retry', async (_name, reply) => {
    const t = setup();
    t.channel.subscribe(t.listener);
    const fake = t.latest();
    fake.handshakeReply(reply as Partial<Message>);
    expect(t.channel.getStatus()).toBe('unauthorized');
    expect(fake.disconnects).toBe(1);
    await flushMicrotasks();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(t.fakes).toHaveLength(1);
    expect(fake.handshakes).toBe(1);
    expect(t.channel.getStatus()).toBe('unauthorized');
  });

  it('HTTP 401 on /meta/connect → unauthorized, no retry; leaving turns it into disconnected', async () => {
    const t = setup();
    const off = t.channel.subscribe(t.listener);
    const fake = t.latest();
    establish(fake);
    fake.connectReply({ successful: false, failure: { httpCode: 401 } } as Partial<Message>);
    expect(t.channel.getStatus()).toBe('unauthorized');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(t.fakes).toHaveLength(1);
    off();
    expect(t.channel.getStatus()).toBe('disconnected');
  });
});

describe('createCometdChannel: reconnect on request', () => {
  it('after unauthorized, starts a fresh handshake and resyncs once back', async () => {
    const t = setup();
    t.channel.subscribe(t.listener);
    t.latest().handshakeReply({ successful: false, failure: { httpCode: 401 } } as Partial<Message>);
    expect(t.channel.getStatus()).toBe('unauthorized');
    t.events.length = 0;

    t.channel.reconnect?.();
    expect(t.fakes).toHaveLength(1);
    expect(t.latest().handshakes).toBe(2);
    expect(t.channel.getStatus()).toBe('connecting');
    establish(t.latest());
    await flushMicrotasks();
    expect(t.channel.getStatus()).toBe('connected');
    // Everything sent while signed out is lost: the listener must re-read the snapshot.
    expect(t.events).toEqual(['status:connecting', 'resync', 'status:connected']);
  });

  it('is a no-op while connected, and with nobody listening', () => {
    const t = setup();
    t.channel.reconnect?.();
    expect(t.fakes).toHaveLength(0);
    t.channel.subscribe(t.listener);
    establish(t.latest());
    t.channel.reconnect?.();
    expect(t.fakes).toHaveLength(1);
    expect(t.latest().handshakes).toBe(1);
    expect(t.channel.getStatus()).toBe('connected');
  });
});

describe('createCometdChannel: when CometD gives up', () => {
  it('re-handshakes its client after a jittered, growing, capped delay', async () => {
    const t = setup({ random: () => 0 });
    t.channel.subscribe(t.listener);
    const giveUp = async (fake: FakeCometd) => {
      fake.handshakeReply({ successful: false, error: '500::overloaded', advice: { reconnect: 'none' } });
      fake.status = 'disconnected';
      await flushMicrotasks();
    };
    // base 100 ms, doubling, cap 1000 ms; random 0 → half of each (equal jitter).
    const expected = [50, 100, 200, 400, 500, 500];
    for (const delay of expected) {
      const before = t.latest().handshakes;
      await giveUp(t.latest());
      expect(t.channel.getStatus()).toBe('reconnecting');
      await vi.advanceTimersByTimeAsync(delay - 1);
      expect(t.latest().handshakes).toBe(before);
      await vi.advanceTimersByTimeAsync(1);
      expect(t.latest().handshakes).toBe(before + 1);
    }
    expect(t.fakes).toHaveLength(1);
    t.events.length = 0;
    establish(t.latest());
    expect(t.events).toEqual(['resync', 'status:connected']);
  });

  it('does not restart while CometD is still retrying on its own', async () => {
    const t = setup();
    t.channel.subscribe(t.listener);
    t.latest().handshakeReply({ successful: false, failure: { httpCode: 0 } } as Partial<Message>);
    await flushMicrotasks();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(t.latest().handshakes).toBe(1);
  });

  it('starts over when the subscription is refused', async () => {
    const t = setup();
    t.channel.subscribe(t.listener);
    const fake = t.latest();
    fake.handshakeReply({ successful: true });
    fake.ackSubscribe({ successful: false, error: '500::boom' });
    expect(fake.disconnects).toBe(1);
    expect(t.channel.getStatus()).toBe('reconnecting');
    await vi.advanceTimersByTimeAsync(100);
    expect(t.latest().handshakes).toBe(2);
  });

  it('cancels a pending restart when the last listener leaves', async () => {
    const t = setup();
    const off = t.channel.subscribe(t.listener);
    t.latest().handshakeReply({ successful: false, advice: { reconnect: 'none' } });
    t.latest().status = 'disconnected';
    await flushMicrotasks();
    off();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(t.latest().handshakes).toBe(1);
    expect(t.channel.getStatus()).toBe('disconnected');
  });
});

describe('createCometdChannel: CometD retry jitter', () => {
  it('spreads the delay CometD chose for its own retry', () => {
    const decided: number[] = [];
    class CometdWithHook extends FakeCometd {
      onTransportFailure(_m: Message, info: { delay?: number }, proceed: (i: { delay?: number }) => void): void {
        proceed({ ...info, delay: 1000 });
      }
    }
    let fake: CometdWithHook | undefined;
    const channel = createCometdChannel({
      random: () => 0,
      cometdFactory: () => (fake = new CometdWithHook()),
    });
    channel.subscribe({ onMessage: vi.fn() });
    fake?.onTransportFailure({ channel: '/meta/connect' }, {}, (i) => decided.push(i.delay ?? -1));
    expect(decided).toEqual([500]);
  });
});

describe('createCometdChannel: the HTTP session ends elsewhere', () => {
  it('sessionEnded() (a REST 401) stops the session and reports unauthorized; Reconnect starts again', async () => {
    const t = setup();
    t.channel.subscribe(t.listener);
    const fake = t.latest();
    establish(fake);
    t.channel.sessionEnded?.();
    expect(t.channel.getStatus()).toBe('unauthorized');
    expect(fake.disconnects).toBe(1);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fake.handshakes).toBe(1);
    t.channel.reconnect?.();
    establish(fake);
    expect(t.channel.getStatus()).toBe('connected');
  });

  it('asks for a session check after 3 handshakes in a row that each end in 402, and again after 3 more', () => {
    const t = setup();
    const checks = vi.fn();
    t.channel.subscribe({ ...t.listener, onSessionCheckNeeded: checks });
    const fake = t.latest();
    const cycle = () => {
      fake.handshakeReply({ successful: true, reestablish: true });
      fake.ackSubscribe();
      fake.connectReply({ successful: false, error: '402::session_unknown', advice: { reconnect: 'handshake' } });
    };
    cycle();
    cycle();
    expect(checks).not.toHaveBeenCalled();
    expect(t.channel.getStatus()).toBe('reconnecting');
    cycle();
    expect(checks).toHaveBeenCalledTimes(1);
    cycle();
    cycle();
    cycle();
    expect(checks).toHaveBeenCalledTimes(2);
  });

  it('a /meta/connect that succeeds resets the count', () => {
    const t = setup();
    const checks = vi.fn();
    t.channel.subscribe({ ...t.listener, onSessionCheckNeeded: checks });
    const fake = t.latest();
    const failing = () => {
      fake.handshakeReply({ successful: true, reestablish: true });
      fake.ackSubscribe();
      fake.connectReply({ successful: false, error: '402::session_unknown', advice: { reconnect: 'handshake' } });
    };
    failing();
    failing();
    establish(fake, { reestablish: true });
    failing();
    failing();
    expect(checks).not.toHaveBeenCalled();
  });
});
