import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCometdChannel } from './cometd-channel';
import { SESSION_CHECK_AFTER_CYCLES } from './cometd-session';
import type { ConnectionStatus } from './types';
import { ScriptedXhr, answer, installScriptedXhr, pending, unanswered } from '../test-support/scripted-xhr';

/**
 * A session the server forgot, over the real CometD 9 client, with the exact replies Genesys's
 * agent-api-simulator sends (recorded against it, see ../shared/fixtures/workspace-v3/07-…):
 * after a restart it accepts every handshake, then disconnects the session it cannot tie to an
 * agent (`/meta/disconnect` pushed in the next reply) and refuses the subscription
 * (`403::subscribe_failed`); a client without its cookie sees `402::session_unknown` instead.
 * The channel must ask whether the session is gone, and must not after a network cut the server
 * survived (one 402, then a handshake that works).
 */

const CHANNEL = '/workspace/v3/media/*';
const ADVICE = { reconnect: 'retry', interval: 0, timeout: 30_000 };
let clients = 0;
const handshakeOk = () => ({ successful: true, clientId: `client-${++clients}`, version: '1.0', supportedConnectionTypes: ['long-polling'], advice: ADVICE });
const unknownSession = { successful: false, error: '402::session_unknown', advice: { reconnect: 'handshake', interval: 0 } };

async function runTimers(ms = 10): Promise<void> {
  await vi.advanceTimersByTimeAsync(ms);
}

function setup() {
  const statuses: ConnectionStatus[] = [];
  const checks: number[] = [];
  const channel = createCometdChannel({
    url: 'http://127.0.0.1:7796/workspace/v3/notifications',
    descriptor: { channel: CHANNEL, messageType: 'InteractionStateChanged', resourceKey: 'interaction' },
    backoff: { baseMs: 1000, maxMs: 4000 },
    random: () => 1,
  });
  const unsubscribe = channel.subscribe({
    onMessage: () => undefined,
    onStatus: (s) => statuses.push(s),
    onSessionCheckNeeded: () => checks.push(Date.now()),
  });
  return { channel, statuses, checks, unsubscribe };
}

/** Handshake, subscription and first connect all succeed. */
async function establish(): Promise<void> {
  answer(pending('/meta/handshake'), handshakeOk);
  await runTimers();
  answer(pending('/meta/subscribe'), () => ({ successful: true, subscription: CHANNEL }));
  await runTimers();
  answer(pending('/meta/connect'), () => ({ successful: true, advice: ADVICE }));
  await runTimers();
}

/** One handshake into the restarted simulator, as a browser with its cookies sees it. */
async function restartedServerCycle(): Promise<void> {
  answer(pending('/meta/handshake'), handshakeOk);
  await runTimers(0);
  // The session is disconnected by the server at once: the next reply carries the disconnect.
  answer(pending('/meta/subscribe'), () => ({ successful: false, error: '403::subscribe_failed', subscription: CHANNEL }), [
    { successful: true, channel: '/meta/disconnect' },
  ]);
  await runTimers(0);
  for (const connect of unanswered('/meta/connect')) answer(connect, () => ({ successful: true }));
  await runTimers();
}

/** The same, for a client without the BAYEUX_BROWSER cookie: 402 on subscribe and connect. */
async function unknownSessionCycle(): Promise<void> {
  answer(pending('/meta/handshake'), handshakeOk);
  await runTimers(0);
  for (const subscribe of unanswered('/meta/subscribe')) answer(subscribe, () => ({ successful: false, error: '402::session_unknown' }));
  for (const connect of unanswered('/meta/connect')) answer(connect, () => unknownSession);
  await runTimers();
}

/** Lets the channel's restart (or CometD's re-handshake) send the next handshake. */
async function untilHandshake(): Promise<void> {
  for (let waited = 0; unanswered('/meta/handshake').length === 0; waited += 100) {
    if (waited > 60_000) throw new Error('no handshake within 60 s');
    await runTimers(100);
  }
}

beforeEach(() => {
  vi.useFakeTimers();
  clients = 0;
  installScriptedXhr();
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('a Workspace v3 session the server no longer knows', () => {
  it(`restarted simulator (disconnect + 403::subscribe_failed): asks once after ${SESSION_CHECK_AFTER_CYCLES} handshakes, never connected`, async () => {
    const t = setup();
    await establish();
    expect(t.statuses).toEqual(['connecting', 'connected']);
    // The server restarts: the long poll finds a server that does not know the client.
    answer(pending('/meta/connect'), () => unknownSession);
    await runTimers(0);
    for (let cycle = 1; cycle <= SESSION_CHECK_AFTER_CYCLES; cycle += 1) {
      await untilHandshake();
      expect(t.checks, `before handshake ${cycle}`).toHaveLength(0);
      await restartedServerCycle();
    }
    expect(t.checks).toHaveLength(1);
    expect(t.statuses.at(-1)).toBe('reconnecting');
    expect(t.statuses.slice(2)).not.toContain('connected');
    t.unsubscribe();
  });

  it(`a server that ends every session before its first long poll (Java CometD: a successful connect with reconnect "none"): asks after ${SESSION_CHECK_AFTER_CYCLES} handshakes`, async () => {
    const t = setup();
    await establish();
    answer(pending('/meta/connect'), () => ({ successful: true, advice: { reconnect: 'none' } }));
    await runTimers(0);
    for (let cycle = 1; cycle <= SESSION_CHECK_AFTER_CYCLES; cycle += 1) {
      await untilHandshake();
      expect(t.checks, `before handshake ${cycle}`).toHaveLength(0);
      answer(pending('/meta/handshake'), handshakeOk);
      await runTimers(0);
      answer(pending('/meta/subscribe'), () => ({ successful: true, subscription: CHANNEL }));
      await runTimers(0);
      answer(pending('/meta/connect'), () => ({ successful: true, advice: { reconnect: 'none' } }));
      await runTimers();
    }
    expect(t.checks).toHaveLength(1);
    expect(t.statuses.at(-1)).toBe('reconnecting');
    t.unsubscribe();
  });

  it('the check is asked for within a bounded time (≤ 10 s of back-off with these settings)', async () => {
    const t = setup();
    await establish();
    const lost = Date.now();
    answer(pending('/meta/connect'), () => unknownSession);
    await runTimers(0);
    while (t.checks.length === 0) {
      if (Date.now() - lost > 10_000) throw new Error('no session check within 10 s');
      await untilHandshake();
      await restartedServerCycle();
    }
    expect(t.checks[0]! - lost).toBeLessThanOrEqual(10_000);
    t.unsubscribe();
  });

  it('a client without its cookie (402 on subscribe and connect): one count per handshake, asks on the third', async () => {
    const t = setup();
    await establish();
    answer(pending('/meta/connect'), () => unknownSession);
    await runTimers(0);
    await untilHandshake();
    await unknownSessionCycle();
    await untilHandshake();
    await unknownSessionCycle();
    expect(t.checks).toHaveLength(0);
    await untilHandshake();
    await unknownSessionCycle();
    expect(t.checks).toHaveLength(1);
    t.unsubscribe();
  });

  it('a network cut the server survived (failures, one 402, a handshake that works) asks nothing and reconnects', async () => {
    const t = setup();
    await establish();
    for (let i = 0; i < 4; i += 1) {
      for (let waited = 0; unanswered('/meta/connect').length === 0 && waited < 30_000; waited += 100) await runTimers(100);
      pending('/meta/connect').fail();
      await runTimers(0);
    }
    expect(t.statuses.at(-1)).toBe('reconnecting');
    for (let waited = 0; unanswered('/meta/connect').length === 0 && waited < 30_000; waited += 100) await runTimers(100);
    answer(pending('/meta/connect'), () => unknownSession);
    await runTimers(0);
    await untilHandshake();
    await establish();
    expect(t.statuses.at(-1)).toBe('connected');
    expect(t.checks).toHaveLength(0);
    t.unsubscribe();
  });

  it('handshakes that led nowhere before a connected session do not add up with later ones', async () => {
    const t = setup();
    await establish();
    answer(pending('/meta/connect'), () => unknownSession);
    await runTimers(0);
    await untilHandshake();
    await restartedServerCycle();
    await untilHandshake();
    await restartedServerCycle();
    await untilHandshake();
    await establish();
    expect(t.statuses.at(-1)).toBe('connected');
    answer(pending('/meta/connect'), () => unknownSession);
    await runTimers(0);
    await untilHandshake();
    await restartedServerCycle();
    await untilHandshake();
    await restartedServerCycle();
    expect(t.checks).toHaveLength(0);
    expect(ScriptedXhr.sent.every((x) => x.withCredentials)).toBe(true);
    t.unsubscribe();
  });
});
