import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCometdChannel } from './cometd-channel';
import { BACKLOG_NOTIFICATIONS, DEFAULT_CONNECT_PACING_MS } from './connect-pacing';
import type { ChannelListener } from './types';
import { answer, installScriptedXhr, pending, unanswered } from '../test-support/scripted-xhr';

/**
 * Connect pacing over the real CometD 9 client (XMLHttpRequest scripted, timers faked): while
 * notifications flow in a visible tab, the next long poll waits about a frame so the server can
 * gather what arrives meanwhile; otherwise it goes at once, as CometD does by itself.
 */

const ADVICE = { reconnect: 'retry', interval: 0, timeout: 30_000 };
const NOTIFICATION = { channel: '/v2/me/openmedia', data: { messageType: 'OpenmediaStateChangeMessage' } };

async function start(options: { connectPacingMs?: number; advice?: object; onMessage?: (data: unknown) => void } = {}) {
  const received: unknown[] = [];
  const listener: ChannelListener = {
    onMessage: (data) => {
      received.push(data);
      options.onMessage?.(data);
    },
    onStatus: () => undefined,
  };
  const channel = createCometdChannel({ url: 'https://gws.example/api/v2/notifications', random: () => 1, connectPacingMs: options.connectPacingMs });
  const unsubscribe = channel.subscribe(listener);
  const advice = options.advice ?? ADVICE;
  answer(pending('/meta/handshake'), () => ({ successful: true, clientId: 'c1', version: '1.0', supportedConnectionTypes: ['long-polling'], advice }));
  await vi.advanceTimersByTimeAsync(0);
  answer(pending('/meta/subscribe'), () => ({ successful: true, subscription: '/v2/me/openmedia' }));
  await vi.advanceTimersByTimeAsync(0);
  await vi.advanceTimersByTimeAsync(advice === ADVICE ? 0 : 1_000);
  deliver([], { successful: true, advice });
  await vi.advanceTimersByTimeAsync(0);
  return { received, unsubscribe, channel };
}

/**
 * Answers the pending /meta/connect the way CometD servers write it: the queued notifications
 * first, the connect reply last.
 */
function deliver(notifications: readonly unknown[], reply: object = { successful: true }): void {
  const xhr = pending('/meta/connect');
  const connect = xhr.messages[0];
  xhr.respond(200, [...notifications, { id: connect?.id, channel: '/meta/connect', ...reply }]);
}

/** How long after the answer the next /meta/connect was sent, up to `limit` ms (null: not sent). */
async function nextConnectAfter(limit: number): Promise<number | null> {
  // The answer is read a task later.
  await vi.advanceTimersByTimeAsync(0);
  for (let waited = 0; waited <= limit; waited += 1) {
    if (unanswered('/meta/connect').length === 1) return waited;
    await vi.advanceTimersByTimeAsync(1);
  }
  return null;
}

beforeEach(() => {
  vi.useFakeTimers();
  installScriptedXhr();
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('connect pacing over the real CometD client', () => {
  it('waits about a frame after an answer that brought notifications, then polls again', async () => {
    const t = await start();
    // The first connect after the subscription went at once: nothing had arrived yet.
    expect(await nextConnectAfter(0)).toBe(0);
    deliver([NOTIFICATION, NOTIFICATION]);
    expect(await nextConnectAfter(100)).toBe(DEFAULT_CONNECT_PACING_MS);
    expect(t.received).toHaveLength(2);
    t.unsubscribe();
  });

  it('paces from the second answer on when a server writes the connect reply before the notifications', async () => {
    const t = await start();
    answer(pending('/meta/connect'), () => ({ successful: true }), [NOTIFICATION]);
    expect(await nextConnectAfter(100)).toBe(0);
    answer(pending('/meta/connect'), () => ({ successful: true }), [NOTIFICATION]);
    expect(await nextConnectAfter(100)).toBe(DEFAULT_CONNECT_PACING_MS);
    expect(t.received).toHaveLength(2);
    t.unsubscribe();
  });

  it('polls again at once when the answer brought nothing and nothing arrived for a while', async () => {
    const t = await start();
    deliver([NOTIFICATION]);
    expect(await nextConnectAfter(100)).toBe(DEFAULT_CONNECT_PACING_MS);
    // A quiet long poll expires after a while with no notification.
    await vi.advanceTimersByTimeAsync(5_000);
    deliver([]);
    expect(await nextConnectAfter(100)).toBe(0);
    t.unsubscribe();
  });

  it('polls again at once after a backlog (a burst): the server most likely holds more', async () => {
    const t = await start();
    deliver(Array.from({ length: BACKLOG_NOTIFICATIONS }, () => NOTIFICATION));
    expect(await nextConnectAfter(100)).toBe(0);
    expect(t.received).toHaveLength(BACKLOG_NOTIFICATIONS);
    // A trickle right after is gathered again.
    deliver([NOTIFICATION]);
    expect(await nextConnectAfter(100)).toBe(DEFAULT_CONNECT_PACING_MS);
    t.unsubscribe();
  });

  it('never waits in a hidden tab: an offer there must not be late', async () => {
    vi.stubGlobal('document', { visibilityState: 'hidden' });
    const t = await start();
    deliver([NOTIFICATION]);
    expect(await nextConnectAfter(100)).toBe(0);
    t.unsubscribe();
  });

  it('keeps a longer interval the server asks for, and its other advice', async () => {
    const t = await start({ advice: { ...ADVICE, interval: 250 } });
    // The server's interval applies from its first answer on.
    expect(await nextConnectAfter(300)).toBe(250);
    deliver([]);
    expect(await nextConnectAfter(300)).toBe(250);
    deliver([NOTIFICATION]);
    expect(await nextConnectAfter(300)).toBe(250);
    t.unsubscribe();
  });

  it('can be turned off', async () => {
    const t = await start({ connectPacingMs: 0 });
    deliver([NOTIFICATION]);
    expect(await nextConnectAfter(100)).toBe(0);
    t.unsubscribe();
  });

  it('leaves a failed connect to CometD: its back-off, not the pacing', async () => {
    const t = await start();
    deliver([NOTIFICATION]);
    expect(await nextConnectAfter(100)).toBe(DEFAULT_CONNECT_PACING_MS);
    // The server asks for a new handshake: CometD handshakes (at once), it does not poll after 16 ms.
    deliver([], { successful: false, error: '402::Unknown client', advice: { reconnect: 'handshake', interval: 0 } });
    await vi.advanceTimersByTimeAsync(0);
    expect(unanswered('/meta/handshake')).toHaveLength(1);
    expect(unanswered('/meta/connect')).toHaveLength(0);
    t.unsubscribe();
  });
});

describe('drawing after the pending long poll (afterPendingConnect)', () => {
  /**
   * What the widget's schedule does: a task after the answer was read (here a microtask queued by
   * the answer's last notification, which runs once the whole answer was read), it asks to run
   * after the pending connect. Returns how many connects were out then, and when it ran.
   */
  function watchDrawing(channel: { afterPendingConnect?: (callback: () => void) => boolean }, count: number) {
    const seen = { heard: 0, outWhenAsked: -1, outWhenRun: -1, waited: undefined as boolean | undefined };
    const onMessage = () => {
      seen.heard += 1;
      if (seen.heard !== count) return;
      queueMicrotask(() => {
        seen.outWhenAsked = unanswered('/meta/connect').length;
        seen.waited = channel.afterPendingConnect?.(() => {
          seen.outWhenRun = unanswered('/meta/connect').length;
        });
      });
    };
    return { seen, onMessage };
  }

  it('after a backlog the drawing waits until the next connect has gone out', async () => {
    const hook: { onMessage?: () => void } = {};
    const t = await start({ onMessage: () => hook.onMessage?.() });
    const watch = watchDrawing(t.channel, BACKLOG_NOTIFICATIONS);
    hook.onMessage = watch.onMessage;
    deliver(Array.from({ length: BACKLOG_NOTIFICATIONS }, () => NOTIFICATION));
    expect(await nextConnectAfter(100)).toBe(0);
    expect(watch.seen).toEqual({ heard: BACKLOG_NOTIFICATIONS, outWhenAsked: 0, outWhenRun: 1, waited: true });
    t.unsubscribe();
  });

  it('a paced answer is drawn at once: its connect waits a frame, the drawing does not', async () => {
    const hook: { onMessage?: () => void } = {};
    const t = await start({ onMessage: () => hook.onMessage?.() });
    const watch = watchDrawing(t.channel, 1);
    hook.onMessage = watch.onMessage;
    deliver([NOTIFICATION]);
    await vi.advanceTimersByTimeAsync(0);
    expect(watch.seen).toEqual({ heard: 1, outWhenAsked: 0, outWhenRun: 0, waited: false });
    expect(await nextConnectAfter(100)).toBe(DEFAULT_CONNECT_PACING_MS);
    t.unsubscribe();
  });

  it('nothing pending (no connect answered yet): runs at once', async () => {
    const t = await start();
    let ran = false;
    const waited = t.channel.afterPendingConnect?.(() => {
      ran = true;
    });
    expect(ran).toBe(true);
    expect(waited).toBe(false);
    t.unsubscribe();
  });
});
