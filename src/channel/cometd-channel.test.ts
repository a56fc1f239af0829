import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCometdChannel } from './cometd-channel';
import type { CometdChannelOptions } from './cometd-channel';
import { FakeCometd } from '../test-support/fake-cometd';
import type { FakeCometdOptions } from '../test-support/fake-cometd';
import type { ChannelListener, ConnectionStatus } from './types';

const CHANNEL = '/v2/me/openmedia';

function setup(options: Partial<CometdChannelOptions> = {}, fakeOptions: FakeCometdOptions = {}) {
  const fakes: FakeCometd[] = [];
  const channel = createCometdChannel({
    url: 'https://gws.example/api/v2/notifications',
    backoff: { baseMs: 100, maxMs: 1000 },
    random: () => 1,
    cometdFactory: () => {
      const fake = new FakeCometd(fakeOptions);
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

/** Runs what CometD scheduled for now: the next /meta/connect, a re-handshake without back-off. */
const runDue = () => vi.advanceTimersByTimeAsync(0);

/** The handshake in flight, the subscription and the first /meta/connect all succeed; the next long poll is out. */
async function establish(fake: FakeCometd): Promise<void> {
  fake.handshakeReply({ successful: true });
  fake.ackSubscribe();
  await runDue();
  fake.connectReply({ successful: true });
  await runDue();
}

/** GWS forgot the session (a restart): the long poll in flight gets a 402, CometD re-handshakes by itself. */
async function serverForgetsSession(fake: FakeCometd): Promise<void> {
  fake.connectReply({ successful: false, error: '402::Unknown client', advice: { reconnect: 'handshake', interval: 0 } });
  await runDue();
}

const flushMicrotasks = () => Promise.resolve();

/** The page's host when the GWS URL above is cross-origin, and when it is not. */
const CROSS_ORIGIN = { pageHost: 'widget.example' };
const SAME_ORIGIN = { pageHost: 'gws.example' };

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
    expect(t.latest().unregistered).toContain('callback-polling');
    expect(t.latest().unregistered).not.toContain('websocket');
    expect(t.latest().unregistered).not.toContain('long-polling');
  });

  it('defaults to the same-origin GWS endpoint', () => {
    const t = setup({ url: undefined });
    t.channel.subscribe(t.listener);
    expect(t.latest().configurations[0]?.url).toBe('/api/v2/notifications');
  });

  it('subscribes inside the handshake, and reports connected only once a /meta/connect succeeded', async () => {
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
    await runDue();
    fake.connectReply({ successful: true });
    expect(t.channel.getStatus()).toBe('connected');
    fake.deliver(CHANNEL, { n: 1 });
    fake.deliver(CHANNEL, { n: 2 });
    expect(t.received).toEqual([{ n: 1 }, { n: 2 }]);
    expect(t.events).toEqual(['status:connecting', 'status:connected']);
  });

  it('disconnects when the last listener leaves, and ignores whatever CometD still delivers', async () => {
    const t = setup();
    const off1 = t.channel.subscribe(t.listener);
    const late = vi.fn();
    const off2 = t.channel.subscribe({ onMessage: late, onStatus: late, onResyncNeeded: late });
    const fake = t.latest();
    await establish(fake);
    late.mockClear();
    off2();
    expect(fake.disconnects).toBe(0);
    off1();
    off1();
    expect(fake.disconnects).toBe(1);
    expect(t.channel.getStatus()).toBe('disconnected');
    expect(fake.listenerCount()).toBe(0);
    // CometD waits for the server's answer, and keeps its subscriptions until the next handshake:
    // the long poll still held can bring one more message.
    expect(fake.status).toBe('disconnecting');
    expect(fake.subscriptionCount(CHANNEL)).toBe(1);
    const before = t.events.length;
    fake.deliver(CHANNEL, { late: true });
    fake.connectReply({ successful: true });
    fake.disconnectReply();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fake.status).toBe('disconnected');
    expect(t.received).toEqual([]);
    expect(t.events).toHaveLength(before);
    expect(late).not.toHaveBeenCalled();
    expect(fake.sentOn('/meta/handshake')).toHaveLength(1);
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

  it('a re-handshake CometD had scheduled before the channel closed never leaves', async () => {
    const t = setup();
    const off = t.channel.subscribe(t.listener);
    const fake = t.latest();
    await establish(fake);
    fake.connectReply({ successful: false, error: '402::Unknown client', advice: { reconnect: 'handshake', interval: 500 } });
    off();
    await vi.advanceTimersByTimeAsync(1_000);
    // CometD ran its delayed re-handshake anyway; the close guard dropped it on the way out.
    expect(fake.status).toBe('handshaking');
    expect(fake.sentOn('/meta/handshake')).toHaveLength(1);
    expect(fake.inFlight('/meta/handshake')).toBe(false);
    expect(fake.sentOn('/meta/disconnect')).toHaveLength(1);
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
    expect(t.fakes[1]?.handshakes).toBe(1);
    expect(t.channel.getStatus()).toBe('connecting');
  });

  it('a session closed on a reused client stays silent: only the new session listens', async () => {
    const t = setup();
    t.channel.subscribe(t.listener);
    const fake = t.latest();
    fake.handshakeFailure({ httpCode: 401 });
    expect(fake.listenerCount()).toBe(0);
    // The channel's disconnect was aborted when CometD gave up on the failed handshake.
    expect(fake.status).toBe('disconnected');
    t.channel.reconnect?.();
    // Only the new session's /meta/handshake and /meta/connect listeners.
    expect(fake.listenerCount()).toBe(2);
    await establish(fake);
    expect(t.channel.getStatus()).toBe('connected');
    expect(t.events.filter((e) => e === 'status:connected')).toHaveLength(1);
  });

  it("configures (and so starts CometD's timer Worker) once per client, and stops that Worker on teardown", () => {
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
        // The session is lost and the agent reconnects: the same client again.
        t.latest().handshakeFailure({ httpCode: 401 });
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
  it('re-subscribes after every re-handshake CometD makes by itself, and asks for a resync before reporting connected', async () => {
    const t = setup();
    t.channel.subscribe(t.listener);
    const fake = t.latest();
    await establish(fake);
    t.events.length = 0;
    for (let cycle = 0; cycle < 2; cycle++) {
      await serverForgetsSession(fake);
      expect(fake.inFlight('/meta/handshake')).toBe(true);
      // CometD dropped the subscription when it sent the handshake.
      expect(fake.subscriptionCount(CHANNEL)).toBe(0);
      await establish(fake);
      expect(fake.subscriptionCount(CHANNEL)).toBe(1);
    }
    fake.deliver(CHANNEL, 'after');
    expect(t.received).toEqual(['after']);
    expect(t.events).toEqual(['status:reconnecting', 'resync', 'status:connected', 'status:reconnecting', 'resync', 'status:connected']);
    // CometD's own re-handshakes, not restarts of the channel.
    expect(fake.handshakes).toBe(1);
    expect(fake.sentOn('/meta/handshake')).toHaveLength(3);
  });

  it('a re-handshake answered late: what is published meanwhile is lost, so it resyncs once subscribed again', async () => {
    const t = setup();
    t.channel.subscribe(t.listener);
    const fake = t.latest();
    await establish(fake);
    t.events.length = 0;
    await serverForgetsSession(fake);
    fake.deliver(CHANNEL, 'lost while handshaking');
    await vi.advanceTimersByTimeAsync(5_000);
    expect(t.channel.getStatus()).toBe('reconnecting');
    fake.handshakeReply({ successful: true });
    expect(fake.subscriptionCount(CHANNEL)).toBe(1);
    fake.ackSubscribe();
    await runDue();
    fake.connectReply({ successful: true });
    fake.deliver(CHANNEL, 'after');
    expect(t.received).toEqual(['after']);
    expect(t.events).toEqual(['status:reconnecting', 'resync', 'status:connected']);
  });

  it('handles a 402 (unknown client) as reconnecting → re-handshake → one resync → connected', async () => {
    const t = setup();
    t.channel.subscribe(t.listener);
    const fake = t.latest();
    await establish(fake);
    t.events.length = 0;
    fake.connectReply({ successful: false, error: '402::Unknown client', advice: { reconnect: 'handshake' } });
    expect(t.channel.getStatus()).toBe('reconnecting');
    await runDue();
    await establish(fake);
    fake.connectReply({ successful: true });
    expect(t.events).toEqual(['status:reconnecting', 'resync', 'status:connected']);
  });

  it('asks for a resync when /meta/connect recovers after a network failure (CometD retrying with its back-off)', async () => {
    const t = setup();
    t.channel.subscribe(t.listener);
    const fake = t.latest();
    await establish(fake);
    t.events.length = 0;
    fake.connectFailure({ httpCode: 0 });
    expect(t.channel.getStatus()).toBe('reconnecting');
    // backoffIncrement 100 ms, growing by 100 ms per failure (jitter: random 1 keeps all of it).
    await vi.advanceTimersByTimeAsync(99);
    expect(fake.inFlight('/meta/connect')).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    fake.connectFailure({ httpCode: 0 });
    await vi.advanceTimersByTimeAsync(199);
    expect(fake.inFlight('/meta/connect')).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    fake.connectReply({ successful: true });
    await runDue();
    fake.connectReply({ successful: true });
    expect(t.events).toEqual(['status:reconnecting', 'resync', 'status:connected']);
    expect(fake.sentOn('/meta/handshake')).toHaveLength(1);
  });

  it('resyncs after a first handshake that only succeeded after failures', async () => {
    const t = setup({}, SAME_ORIGIN);
    t.channel.subscribe(t.listener);
    const fake = t.latest();
    fake.handshakeFailure({ httpCode: 503 });
    await runDue();
    expect(t.channel.getStatus()).toBe('reconnecting');
    // CometD retried by itself (its back-off starts at 0), on the same client.
    expect(fake.handshakes).toBe(1);
    expect(fake.inFlight('/meta/handshake')).toBe(true);
    await establish(fake);
    expect(t.events).toEqual(['status:connecting', 'status:reconnecting', 'resync', 'status:connected']);
  });
});

describe('createCometdChannel: session gone', () => {
  it.each([
    ['HTTP 401 on the handshake', (fake: FakeCometd) => fake.handshakeFailure({ httpCode: 401 })],
    ['HTTP 403 on the handshake', (fake: FakeCometd) => fake.handshakeFailure({ httpCode: 403 })],
    [
      '403::handshake_denied',
      (fake: FakeCometd) => fake.handshakeReply({ successful: false, error: '403::handshake_denied', advice: { reconnect: 'none' } }),
    ],
  ])('%s → unauthorized, disconnected, and no retry', async (_name, refuse) => {
    const t = setup({}, SAME_ORIGIN);
    t.channel.subscribe(t.listener);
    const fake = t.latest();
    refuse(fake);
    expect(t.channel.getStatus()).toBe('unauthorized');
    expect(fake.disconnects).toBe(1);
    expect(fake.status).toBe('disconnected');
    await flushMicrotasks();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(t.fakes).toHaveLength(1);
    expect(fake.sentOn('/meta/handshake')).toHaveLength(1);
    expect(t.channel.getStatus()).toBe('unauthorized');
  });

  it('HTTP 401 on /meta/connect → unauthorized, no retry; leaving turns it into disconnected', async () => {
    const t = setup();
    const off = t.channel.subscribe(t.listener);
    const fake = t.latest();
    await establish(fake);
    fake.connectFailure({ httpCode: 401 });
    expect(t.channel.getStatus()).toBe('unauthorized');
    expect(fake.status).toBe('disconnected');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(t.fakes).toHaveLength(1);
    expect(fake.sentOn('/meta/handshake')).toHaveLength(1);
    expect(fake.sentOn('/meta/connect')).toHaveLength(2);
    off();
    expect(t.channel.getStatus()).toBe('disconnected');
  });
});

describe('createCometdChannel: reconnect on request', () => {
  it('after unauthorized, starts a fresh handshake and resyncs once back', async () => {
    const t = setup();
    t.channel.subscribe(t.listener);
    t.latest().handshakeFailure({ httpCode: 401 });
    expect(t.channel.getStatus()).toBe('unauthorized');
    t.events.length = 0;

    t.channel.reconnect?.();
    expect(t.fakes).toHaveLength(1);
    expect(t.latest().handshakes).toBe(2);
    expect(t.channel.getStatus()).toBe('connecting');
    await establish(t.latest());
    expect(t.channel.getStatus()).toBe('connected');
    // Everything sent while signed out is lost: the listener must re-read the snapshot.
    expect(t.events).toEqual(['status:connecting', 'resync', 'status:connected']);
  });

  it('is a no-op while connected, and with nobody listening', async () => {
    const t = setup();
    t.channel.reconnect?.();
    expect(t.fakes).toHaveLength(0);
    t.channel.subscribe(t.listener);
    await establish(t.latest());
    t.channel.reconnect?.();
    expect(t.fakes).toHaveLength(1);
    expect(t.latest().handshakes).toBe(1);
    expect(t.channel.getStatus()).toBe('connected');
  });
});

describe('createCometdChannel: when CometD gives up', () => {
  it.each([
    // Long-polling refuses a cross-origin URL after an HTTP error: no transport is left.
    ['a cross-origin handshake fails on the wire', CROSS_ORIGIN, (fake: FakeCometd) => fake.handshakeFailure({ httpCode: 503 })],
    [
      'the server advises reconnect: none',
      SAME_ORIGIN,
      (fake: FakeCometd) => fake.handshakeReply({ successful: false, error: '500::overloaded', advice: { reconnect: 'none' } }),
    ],
  ])('when %s, re-handshakes its client after a jittered, growing, capped delay', async (_name, origin, fail) => {
    const t = setup({ random: () => 0 }, origin);
    t.channel.subscribe(t.listener);
    // base 100 ms, doubling, cap 1000 ms; random 0 → half of each (equal jitter).
    const expected = [50, 100, 200, 400, 500, 500];
    for (const delay of expected) {
      const fake = t.latest();
      const before = fake.handshakes;
      fail(fake);
      expect(fake.status).toBe('disconnected');
      await flushMicrotasks();
      expect(t.channel.getStatus()).toBe('reconnecting');
      await vi.advanceTimersByTimeAsync(delay - 1);
      expect(fake.handshakes).toBe(before);
      await vi.advanceTimersByTimeAsync(1);
      expect(fake.handshakes).toBe(before + 1);
    }
    expect(t.fakes).toHaveLength(1);
    t.events.length = 0;
    await establish(t.latest());
    expect(t.events).toEqual(['resync', 'status:connected']);
  });

  it('does not restart while CometD is still retrying on its own (same origin), and lets CometD back off', async () => {
    const t = setup({}, SAME_ORIGIN);
    t.channel.subscribe(t.listener);
    const fake = t.latest();
    fake.handshakeFailure({ httpCode: 0 });
    await runDue();
    expect(fake.sentOn('/meta/handshake')).toHaveLength(2);
    fake.handshakeFailure({ httpCode: 0 });
    await vi.advanceTimersByTimeAsync(99);
    expect(fake.sentOn('/meta/handshake')).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(fake.sentOn('/meta/handshake')).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(fake.handshakes).toBe(1);
    expect(t.channel.getStatus()).toBe('reconnecting');
  });

  it('starts over when the subscription is refused, once the disconnect it sent has finished', async () => {
    const t = setup();
    t.channel.subscribe(t.listener);
    const fake = t.latest();
    fake.handshakeReply({ successful: true });
    fake.ackSubscribe({ successful: false, error: '500::boom' });
    expect(fake.disconnects).toBe(1);
    expect(fake.status).toBe('disconnecting');
    expect(t.channel.getStatus()).toBe('reconnecting');
    // CometD refuses handshake() while disconnecting: the restart waits for the server's answer.
    await vi.advanceTimersByTimeAsync(1_000);
    expect(fake.handshakes).toBe(1);
    fake.disconnectReply();
    await vi.advanceTimersByTimeAsync(100);
    expect(fake.handshakes).toBe(2);
    await establish(fake);
    expect(t.channel.getStatus()).toBe('connected');
  });

  it('cancels a pending restart when the last listener leaves', async () => {
    const t = setup();
    const off = t.channel.subscribe(t.listener);
    t.latest().handshakeReply({ successful: false, advice: { reconnect: 'none' } });
    await flushMicrotasks();
    expect(t.channel.getStatus()).toBe('reconnecting');
    off();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(t.latest().handshakes).toBe(1);
    expect(t.channel.getStatus()).toBe('disconnected');
  });
});

describe('createCometdChannel: CometD retry jitter', () => {
  it("spreads the delay CometD chose for its own retry", async () => {
    const t = setup({ random: () => 0 });
    t.channel.subscribe(t.listener);
    const fake = t.latest();
    await establish(fake);
    // CometD would wait its backoffIncrement (100 ms); random 0 → half of it.
    fake.connectFailure({ httpCode: 0 });
    await vi.advanceTimersByTimeAsync(49);
    expect(fake.inFlight('/meta/connect')).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(fake.inFlight('/meta/connect')).toBe(true);
  });
});

describe('createCometdChannel: the HTTP session ends elsewhere', () => {
  it('sessionEnded() (a REST 401) stops the session and reports unauthorized; Reconnect starts again', async () => {
    const t = setup();
    t.channel.subscribe(t.listener);
    const fake = t.latest();
    await establish(fake);
    t.channel.sessionEnded?.();
    expect(t.channel.getStatus()).toBe('unauthorized');
    expect(fake.disconnects).toBe(1);
    // CometD keeps the subscription until its next handshake: a message the held long poll still
    // brings belongs to the closed session and is not delivered.
    fake.deliver(CHANNEL, 'after the session ended');
    expect(t.received).toEqual([]);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fake.handshakes).toBe(1);
    // The disconnect has not been answered yet: the new handshake waits for it.
    t.channel.reconnect?.();
    expect(fake.handshakes).toBe(1);
    fake.disconnectReply();
    await vi.advanceTimersByTimeAsync(100);
    expect(fake.handshakes).toBe(2);
    await establish(fake);
    expect(t.channel.getStatus()).toBe('connected');
  });

  it('asks for a session check after 3 handshakes in a row that each end in 402, and again after 3 more', async () => {
    const t = setup();
    const checks = vi.fn();
    t.channel.subscribe({ ...t.listener, onSessionCheckNeeded: checks });
    const fake = t.latest();
    const cycle = async () => {
      fake.handshakeReply({ successful: true });
      fake.ackSubscribe();
      await runDue();
      await serverForgetsSession(fake);
    };
    await cycle();
    await cycle();
    expect(checks).not.toHaveBeenCalled();
    expect(t.channel.getStatus()).toBe('reconnecting');
    await cycle();
    expect(checks).toHaveBeenCalledTimes(1);
    await cycle();
    await cycle();
    await cycle();
    expect(checks).toHaveBeenCalledTimes(2);
  });

  it('a /meta/connect that succeeds resets the count', async () => {
    const t = setup();
    const checks = vi.fn();
    t.channel.subscribe({ ...t.listener, onSessionCheckNeeded: checks });
    const fake = t.latest();
    const failing = async () => {
      fake.handshakeReply({ successful: true });
      fake.ackSubscribe();
      await runDue();
      await serverForgetsSession(fake);
    };
    await failing();
    await failing();
    await establish(fake);
    await serverForgetsSession(fake);
    await failing();
    await failing();
    expect(checks).not.toHaveBeenCalled();
  });
});
