import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RETRY_NOW_QUIET_MS, createCometdChannel } from './cometd-channel';
import type { CometdChannelOptions } from './cometd-channel';
import type { ChannelListener, ConnectionStatus } from './types';
import { HANDSHAKE_OK, ScriptedXhr, answer, establishSession, installScriptedXhr, pending, settleTimers, unanswered } from '../test-support/scripted-xhr';

/**
 * The real CometD 9 client under the channel, with XMLHttpRequest replaced by a scripted one:
 * checks what the channel relies on in CometD's code (withCredentials on every request, the
 * transports offered, failure.httpCode on a 401, re-subscription after a 402 re-handshake).
 * This file installs a global `window`; the node project runs each test file in isolation.
 */

/** Clocks for the channel's wake watch: `sleep` moves the wall clock only, as macOS and Linux do. */
const wakeClocks = {
  slept: 0,
  wallNow: () => Date.now() + wakeClocks.slept,
  monotonicNow: () => Date.now(),
};

function setup(options: Pick<CometdChannelOptions, 'backoff'> = {}) {
  const statuses: ConnectionStatus[] = [];
  const received: unknown[] = [];
  const resyncs: number[] = [];
  const listener: ChannelListener = {
    onMessage: (data) => received.push(data),
    onStatus: (s) => statuses.push(s),
    onResyncNeeded: () => resyncs.push(Date.now()),
  };
  wakeClocks.slept = 0;
  const channel = createCometdChannel({
    url: 'https://gws.example:8090/api/v2/notifications',
    random: () => 1,
    ...options,
    wake: { wallNow: wakeClocks.wallNow, monotonicNow: wakeClocks.monotonicNow },
  });
  return { channel, listener, statuses, received, resyncs };
}

beforeEach(() => {
  vi.useFakeTimers();
  installScriptedXhr();
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('createCometdChannel over the real CometD client', () => {
  it('sends every request with credentials, over long-polling only, to the configured URL', async () => {
    const t = setup();
    t.channel.subscribe(t.listener);
    const handshake = pending('/meta/handshake');
    expect(handshake.url).toBe('https://gws.example:8090/api/v2/notifications/handshake');
    expect(handshake.messages[0]?.supportedConnectionTypes).toEqual(['long-polling']);
    await establishSession();
    expect(t.statuses).toEqual(['connecting', 'connected']);
    expect(ScriptedXhr.sent.length).toBeGreaterThanOrEqual(3);
    expect(ScriptedXhr.sent.every((x) => x.withCredentials && x.method === 'POST')).toBe(true);
  });

  it('delivers the data of messages on the channel', async () => {
    const t = setup();
    t.channel.subscribe(t.listener);
    await establishSession();
    answer(pending('/meta/connect'), () => ({ successful: true }), [
      { channel: '/v2/me/openmedia', data: { messageType: 'OpenmediaStateChangeMessage', n: 1 } },
      { channel: '/v2/me/other', data: { n: 2 } },
    ]);
    await settleTimers();
    expect(t.received).toEqual([{ messageType: 'OpenmediaStateChangeMessage', n: 1 }]);
  });

  it('reads the HTTP 401 of a failed handshake and stops (no retry)', async () => {
    const t = setup();
    t.channel.subscribe(t.listener);
    pending('/meta/handshake').respond(401, '');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(t.statuses).toEqual(['connecting', 'unauthorized']);
    expect(unanswered('/meta/handshake')).toHaveLength(0);
    expect(ScriptedXhr.sent.filter((x) => x.messages[0]?.channel === '/meta/handshake')).toHaveLength(1);
  });

  it('stops on 403::handshake_denied', async () => {
    const t = setup();
    t.channel.subscribe(t.listener);
    answer(pending('/meta/handshake'), () => ({ successful: false, error: '403::handshake_denied', advice: { reconnect: 'none' } }));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(t.statuses.at(-1)).toBe('unauthorized');
    expect(ScriptedXhr.sent.filter((x) => x.messages[0]?.channel === '/meta/handshake')).toHaveLength(1);
  });

  it('re-handshakes after 402::Unknown client, re-subscribes, and asks for a resync', async () => {
    const t = setup();
    t.channel.subscribe(t.listener);
    await establishSession();
    expect(t.resyncs).toHaveLength(0);
    answer(pending('/meta/connect'), () => ({ successful: false, error: '402::Unknown client', advice: { reconnect: 'handshake', interval: 0 } }));
    await settleTimers();
    expect(t.statuses.at(-1)).toBe('reconnecting');
    await establishSession();
    expect(t.statuses.at(-1)).toBe('connected');
    expect(t.resyncs).toHaveLength(1);
    answer(pending('/meta/connect'), () => ({ successful: true }), [{ channel: '/v2/me/openmedia', data: { after: 'rehandshake' } }]);
    await settleTimers();
    expect(t.received).toEqual([{ after: 'rehandshake' }]);
  });

  it('a long poll the server answers successfully with reconnect "none" (it ended the session) is not Live: a new session and a resync follow', async () => {
    // The Java CometD server answers a session it disconnected that way; CometD then stops
    // polling without any failure, and the page would say Live over a dead session for good.
    const t = setup();
    t.channel.subscribe(t.listener);
    await establishSession();
    const handshakes = () => ScriptedXhr.sent.filter((x) => x.messages[0]?.channel === '/meta/handshake').length;
    expect(handshakes()).toBe(1);
    answer(pending('/meta/connect'), () => ({ successful: true, advice: { reconnect: 'none' } }));
    await settleTimers();
    expect(t.statuses.at(-1)).toBe('reconnecting');
    await vi.advanceTimersByTimeAsync(5_000);
    expect(handshakes()).toBe(2);
    await establishSession();
    expect(t.statuses.at(-1)).toBe('connected');
    expect(t.resyncs).toHaveLength(1);
    answer(pending('/meta/connect'), () => ({ successful: true }), [{ channel: '/v2/me/openmedia', data: { after: 'server-disconnect' } }]);
    await settleTimers();
    expect(t.received).toEqual([{ after: 'server-disconnect' }]);
  });

  it('a server that echoes message ids as numbers: Live, and its long polls go on delivering', async () => {
    // CometD matches a long poll's answer by id with ===: a numeric "3" for the "3" it sent was
    // dropped as mismatched, no further long poll went out and the page said Connecting for good.
    const t = setup();
    t.channel.subscribe(t.listener);
    const numericId = (m: { id?: string }) => ({ id: Number(m.id) });
    answer(pending('/meta/handshake'), (m) => ({ ...HANDSHAKE_OK, ...numericId(m) }));
    await settleTimers();
    answer(pending('/meta/subscribe'), (m) => ({ successful: true, subscription: '/v2/me/openmedia', ...numericId(m) }));
    await settleTimers();
    answer(pending('/meta/connect'), (m) => ({ successful: true, advice: { reconnect: 'retry', interval: 0, timeout: 30_000 }, ...numericId(m) }));
    await settleTimers();
    expect(t.statuses.at(-1)).toBe('connected');
    answer(pending('/meta/connect'), (m) => ({ successful: true, ...numericId(m) }), [{ channel: '/v2/me/openmedia', data: { n: 1 } }]);
    await settleTimers();
    answer(pending('/meta/connect'), (m) => ({ successful: true, ...numericId(m) }), [{ channel: '/v2/me/openmedia', data: { n: 2 } }]);
    await settleTimers();
    expect(t.received).toEqual([{ n: 1 }, { n: 2 }]);
    expect(t.statuses.at(-1)).toBe('connected');
  });

  it('CometD’s timer Worker refused by a Content-Security-Policy (made, then failing to load): its timers run on the page, the session goes Live and keeps polling', async () => {
    // Chromium does not throw for a blob Worker that worker-src forbids: it fails a moment later,
    // and every timer CometD posted to it (the next long poll) was lost: Connecting for good.
    const made: BlockedWorker[] = [];
    class BlockedWorker {
      onmessage: ((event: { data: unknown }) => void) | null = null;
      readonly posted: unknown[] = [];
      terminated = false;
      private readonly onError: (() => void)[] = [];
      constructor() {
        made.push(this);
        setTimeout(() => {
          for (const listener of this.onError) listener();
        }, 50);
      }
      postMessage(command: unknown) {
        this.posted.push(command);
      }
      addEventListener(type: string, listener: () => void) {
        if (type === 'error') this.onError.push(listener);
      }
      terminate() {
        this.terminated = true;
      }
    }
    Object.assign(window, { Worker: BlockedWorker, Blob: class {}, URL: { createObjectURL: () => 'blob:scheduler', revokeObjectURL: () => undefined } });
    const t = setup();
    t.channel.subscribe(t.listener);
    expect(made).toHaveLength(1);
    answer(pending('/meta/handshake'), () => HANDSHAKE_OK);
    await settleTimers();
    // What CometD scheduled before the Worker failed is not lost.
    expect(made[0]?.posted.length).toBeGreaterThan(0);
    await vi.advanceTimersByTimeAsync(50);
    expect(made[0]?.terminated).toBe(true);
    answer(pending('/meta/subscribe'), () => ({ successful: true, subscription: '/v2/me/openmedia' }));
    await settleTimers();
    answer(pending('/meta/connect'), () => ({ successful: true, advice: { reconnect: 'retry', interval: 0, timeout: 30_000 } }));
    await settleTimers();
    expect(t.statuses.at(-1)).toBe('connected');
    answer(pending('/meta/connect'), () => ({ successful: true }), [{ channel: '/v2/me/openmedia', data: { n: 1 } }]);
    await settleTimers();
    answer(pending('/meta/connect'), () => ({ successful: true }), [{ channel: '/v2/me/openmedia', data: { n: 2 } }]);
    await settleTimers();
    expect(t.received).toEqual([{ n: 1 }, { n: 2 }]);
  });

  it('retries a failing cross-origin handshake after a back-off, then resyncs when it succeeds', async () => {
    // CometD's long-polling transport stops accepting cross-origin URLs after an HTTP error, so
    // CometD gives up on the handshake by itself: the channel's own restart must take over.
    const t = setup();
    t.channel.subscribe(t.listener);
    pending('/meta/handshake').respond(503, '');
    await settleTimers();
    expect(t.statuses.at(-1)).toBe('reconnecting');
    await vi.advanceTimersByTimeAsync(1_000 - 20);
    expect(unanswered('/meta/handshake')).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(20);
    await establishSession();
    expect(t.statuses.at(-1)).toBe('connected');
    expect(t.resyncs).toHaveLength(1);
  });

  it('starts over after a refused subscription only once CometD has finished the disconnect it sent', async () => {
    const t = setup();
    t.channel.subscribe(t.listener);
    answer(pending('/meta/handshake'), () => HANDSHAKE_OK);
    await settleTimers();
    answer(pending('/meta/subscribe'), () => ({ successful: false, error: '403::subscribe_failed', subscription: '/v2/me/openmedia' }));
    await settleTimers();
    expect(t.statuses.at(-1)).toBe('reconnecting');
    const disconnect = pending('/meta/disconnect');
    // The restart is due after 1 s, but CometD refuses handshake() while it is disconnecting.
    await vi.advanceTimersByTimeAsync(5_000);
    expect(unanswered('/meta/handshake')).toHaveLength(0);
    answer(disconnect, () => ({ successful: true }));
    await vi.advanceTimersByTimeAsync(100);
    expect(unanswered('/meta/handshake')).toHaveLength(1);
    // The long poll the server held for the old session comes back; CometD ignores it.
    answer(pending('/meta/connect'), () => ({ successful: true }));
    await establishSession();
    expect(t.statuses.at(-1)).toBe('connected');
    expect(t.resyncs).toHaveLength(1);
  });

  it('retryNow() (the network is back) handshakes again at once instead of sitting out the back-off, then resyncs', async () => {
    const t = setup();
    t.channel.subscribe(t.listener);
    await establishSession();
    // A long cut: every retry fails, and CometD's back-off grows by 1 s each time.
    const waits: number[] = [];
    for (let failures = 0; failures < 6; failures += 1) {
      pending('/meta/connect').fail();
      let waited = 0;
      while (unanswered('/meta/connect').length === 0 && waited < 60_000) {
        await vi.advanceTimersByTimeAsync(100);
        waited += 100;
      }
      waits.push(waited);
    }
    expect(waits.at(-1)).toBeGreaterThanOrEqual(5_000);
    pending('/meta/connect').fail();
    await settleTimers();
    expect(t.statuses.at(-1)).toBe('reconnecting');
    expect(unanswered('/meta/connect')).toHaveLength(0);
    t.channel.retryNow?.();
    answer(pending('/meta/disconnect'), () => ({ successful: true }));
    await vi.advanceTimersByTimeAsync(100);
    expect(unanswered('/meta/handshake')).toHaveLength(1);
    await establishSession();
    expect(t.statuses.at(-1)).toBe('connected');
    expect(t.resyncs).toHaveLength(1);
    // The old session's pending retry does not come back as a second long poll.
    await vi.advanceTimersByTimeAsync(10_000);
    expect(unanswered('/meta/connect')).toHaveLength(1);
  });

  it('retryNow() starts a new session, quietly, when the connection still looks live: its long poll, out across the outage, may be dead', async () => {
    const t = setup();
    t.channel.subscribe(t.listener);
    await establishSession();
    // The long poll went out before the network did, and its socket died without a word.
    const stale = pending('/meta/connect');
    t.channel.retryNow?.();
    // "Live" stands for the moment the new handshake takes (an action pressed then is sent).
    expect(t.statuses).toEqual(['connecting', 'connected']);
    answer(pending('/meta/disconnect'), () => ({ successful: true }));
    await vi.advanceTimersByTimeAsync(100);
    expect(unanswered('/meta/handshake')).toHaveLength(1);
    // Answered at last (a late reply over a socket that survived after all), it is not taken for the new session's.
    answer(stale, () => ({ successful: true }), [{ channel: '/v2/me/openmedia', data: { stale: true } }]);
    await establishSession();
    expect(t.statuses).toEqual(['connecting', 'connected']);
    // What was sent meanwhile comes from the resync.
    expect(t.resyncs).toHaveLength(1);
  });

  it('retryNow() again a moment later (a network that flaps) leaves the new session alone; later, it restarts again', async () => {
    const t = setup();
    t.channel.subscribe(t.listener);
    await establishSession();
    const handshakes = () => ScriptedXhr.sent.filter((xhr) => xhr.messages.some((m) => m.channel === '/meta/handshake')).length;
    t.channel.retryNow?.();
    answer(pending('/meta/disconnect'), () => ({ successful: true }));
    await vi.advanceTimersByTimeAsync(100);
    answer(pending('/meta/connect'), () => ({ successful: true }));
    await establishSession();
    expect(handshakes()).toBe(2);
    t.channel.retryNow?.();
    await vi.advanceTimersByTimeAsync(100);
    expect(ScriptedXhr.sent.filter((xhr) => !xhr.answered && xhr.messages.some((m) => m.channel === '/meta/disconnect'))).toHaveLength(0);
    expect(t.statuses.at(-1)).toBe('connected');
    // The next outage's online, well after: a new session again.
    await vi.advanceTimersByTimeAsync(RETRY_NOW_QUIET_MS);
    t.channel.retryNow?.();
    answer(pending('/meta/disconnect'), () => ({ successful: true }));
    await vi.advanceTimersByTimeAsync(100);
    expect(handshakes()).toBe(3);
  });

  it('after the machine slept, a connection that looked live starts a new session at once and resyncs', async () => {
    const t = setup();
    t.channel.subscribe(t.listener);
    await establishSession();
    const beforeSleep = pending('/meta/connect');
    wakeClocks.slept = 10 * 60_000;
    await vi.advanceTimersByTimeAsync(5_000);
    // Not "Live" any more: the long poll sent before the sleep may be dead.
    expect(t.statuses).toEqual(['connecting', 'connected', 'reconnecting']);
    answer(pending('/meta/disconnect'), () => ({ successful: true }));
    await vi.advanceTimersByTimeAsync(100);
    expect(unanswered('/meta/handshake')).toHaveLength(1);
    // The old long poll, answered now, is not taken for the new session's.
    expect(unanswered('/meta/connect')).toContain(beforeSleep);
    answer(beforeSleep, () => ({ successful: true }), [{ channel: '/v2/me/openmedia', data: { stale: true } }]);
    await establishSession();
    expect(t.statuses.at(-1)).toBe('connected');
    expect(t.resyncs).toHaveLength(1);
    expect(t.received).toEqual([]);
    // One restart per sleep: no further one while awake, and one long poll.
    await vi.advanceTimersByTimeAsync(20_000);
    expect(ScriptedXhr.sent.filter((x) => x.messages[0]?.channel === '/meta/handshake')).toHaveLength(2);
    expect(unanswered('/meta/connect')).toHaveLength(1);
    expect(t.statuses.at(-1)).toBe('connected');
  });

  it('a sleep during the back-off after a failure retries at once', async () => {
    const t = setup({ backoff: { baseMs: 30_000 } });
    t.channel.subscribe(t.listener);
    pending('/meta/handshake').respond(503, '');
    await settleTimers();
    expect(t.statuses.at(-1)).toBe('reconnecting');
    wakeClocks.slept = 60_000;
    await vi.advanceTimersByTimeAsync(5_000 - 10);
    // The back-off (15 s or more) has not run out: this handshake is the wake's.
    expect(unanswered('/meta/handshake')).toHaveLength(1);
    await establishSession();
    expect(t.statuses.at(-1)).toBe('connected');
    expect(t.resyncs).toHaveLength(1);
    // The back-off's own restart was cancelled.
    await vi.advanceTimersByTimeAsync(30_000);
    expect(ScriptedXhr.sent.filter((x) => x.messages[0]?.channel === '/meta/handshake')).toHaveLength(2);
  });

  it('a sleep while signed out changes nothing: the agent signs in again', async () => {
    const t = setup();
    t.channel.subscribe(t.listener);
    pending('/meta/handshake').respond(401, '');
    await settleTimers();
    const count = ScriptedXhr.sent.length;
    wakeClocks.slept = 60_000;
    await vi.advanceTimersByTimeAsync(10_000);
    expect(ScriptedXhr.sent.length).toBe(count);
    expect(t.statuses).toEqual(['connecting', 'unauthorized']);
  });

  it('disconnects when the last listener leaves, and sends nothing more', async () => {
    const t = setup();
    const off = t.channel.subscribe(t.listener);
    await establishSession();
    off();
    expect(t.channel.getStatus()).toBe('disconnected');
    const disconnect = unanswered('/meta/disconnect');
    expect(disconnect).toHaveLength(1);
    const count = ScriptedXhr.sent.length;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(ScriptedXhr.sent.length).toBe(count);
  });

  it('the last listener leaving while the handshake is out: the session the server made is disconnected once it answers', async () => {
    const t = setup();
    const off = t.channel.subscribe(t.listener);
    await settleTimers();
    const handshake = pending('/meta/handshake');
    off();
    expect(t.channel.getStatus()).toBe('disconnected');
    answer(handshake, () => HANDSHAKE_OK);
    await settleTimers();
    const sent = ScriptedXhr.sent.flatMap((x) => x.messages);
    // CometD's own disconnect left before the clientId was known (it names no session: the server
    // would keep this one until it times out); the widget's names it.
    expect(sent.filter((m) => m.channel === '/meta/disconnect' && m.clientId !== undefined).map((m) => m.clientId)).toEqual([HANDSHAKE_OK.clientId]);
    const orphan = ScriptedXhr.sent.find((x) => x.messages.some((m) => m.channel === '/meta/disconnect' && m.clientId === HANDSHAKE_OK.clientId));
    expect(orphan?.url).toBe('https://gws.example:8090/api/v2/notifications/disconnect');
    expect(orphan?.withCredentials).toBe(true);
    expect(sent.filter((m) => m.channel === '/meta/subscribe' || m.channel === '/meta/connect')).toEqual([]);
    const count = ScriptedXhr.sent.length;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(ScriptedXhr.sent.length).toBe(count);
  });

  it('a new session started while the handshake is out (the machine slept): the first session is ended once it answers, the second goes Live', async () => {
    const t = setup();
    t.channel.subscribe(t.listener);
    await settleTimers();
    const first = pending('/meta/handshake');
    wakeClocks.slept = 10 * 60_000;
    await vi.advanceTimersByTimeAsync(5_000);
    expect(t.statuses.at(-1)).toBe('reconnecting');
    answer(first, () => HANDSHAKE_OK);
    await vi.advanceTimersByTimeAsync(200);
    // The second session's handshake, once CometD is done with the first.
    answer(pending('/meta/handshake'), () => ({ ...HANDSHAKE_OK, clientId: 'client-2' }));
    await settleTimers();
    answer(pending('/meta/subscribe'), () => ({ successful: true, subscription: '/v2/me/openmedia' }));
    await settleTimers();
    answer(pending('/meta/connect'), () => ({ successful: true, advice: { reconnect: 'retry', interval: 0, timeout: 30_000 } }));
    await settleTimers();
    expect(t.statuses.at(-1)).toBe('connected');
    const disconnects = ScriptedXhr.sent.flatMap((x) => x.messages).filter((m) => m.channel === '/meta/disconnect' && m.clientId !== undefined);
    expect(disconnects.map((m) => m.clientId)).toEqual(['client-1']);
  });

  it('the last listener leaving while a refused handshake is out: nothing more is sent, no retry', async () => {
    const t = setup();
    const off = t.channel.subscribe(t.listener);
    await settleTimers();
    const handshake = pending('/meta/handshake');
    off();
    answer(handshake, () => ({ successful: false, error: '500::busy', advice: { reconnect: 'handshake', interval: 1_000 } }));
    await settleTimers();
    const count = ScriptedXhr.sent.length;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(ScriptedXhr.sent.length).toBe(count);
    expect(ScriptedXhr.sent.flatMap((x) => x.messages).filter((m) => m.channel === '/meta/handshake')).toHaveLength(1);
  });
});
