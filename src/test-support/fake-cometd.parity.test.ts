import { CometD } from 'cometd';
import type { Message } from 'cometd';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeCometd } from './fake-cometd';
import { ScriptedXhr, answer, pending, unanswered } from './scripted-xhr';

/**
 * The fake CometD against the real CometD 9 client, scenario by scenario: each scenario runs once
 * over the real client (its XMLHttpRequest scripted) and once over the fake, recording what the
 * channel can observe — `getStatus()` after every step, what `/meta/*` listeners hear, what a
 * subscription receives, which requests are waiting for an answer — and the two records must be
 * equal. A fake that drifts from CometD fails here, not in production.
 */

const CHANNEL = '/v2/me/openmedia';
const PAGE_HOST = 'widget.example';
const SAME_ORIGIN_URL = `https://${PAGE_HOST}/api/v2/notifications`;
const CROSS_ORIGIN_URL = 'https://gws.example/api/v2/notifications';
const ADVICE = { reconnect: 'retry', interval: 0, timeout: 30_000 } as const;

type Reply = Record<string, unknown>;

/** What the scenarios do to a CometD client and its server, the same way for both. */
interface Driver {
  readonly cometd: Pick<CometD, 'handshake' | 'disconnect' | 'subscribe' | 'addListener' | 'getStatus'>;
  reply(channel: '/meta/handshake' | '/meta/connect' | '/meta/subscribe' | '/meta/disconnect', reply: Reply, data?: unknown): void;
  /** The request on `channel` gets an HTTP error status (0: no response at all). */
  httpError(channel: '/meta/handshake' | '/meta/connect', status: number): void;
  waiting(channel: string): boolean;
  handshakesSent(): number;
}

/** A browser XHR fires `abort` when aborted in flight; CometD's failure handling depends on it. */
class AbortingXhr extends ScriptedXhr {
  override abort(): void {
    const wasAnswered = this.answered;
    super.abort();
    if (wasAnswered) return;
    this.readyState = 4;
    this.onabort?.();
    this.readyState = 0;
  }
}

function realDriver(url: string): Driver {
  const cometd = new CometD();
  cometd.configure({ url, backoffIncrement: 100, maxBackoff: 1_000, logLevel: 'warn' });
  cometd.unregisterTransport('callback-polling');
  return {
    cometd,
    reply(channel, fields, data) {
      const extra = data === undefined ? [] : [{ channel: CHANNEL, data }];
      answer(pending(channel), () => fields, extra);
    },
    httpError(channel, status) {
      const xhr = pending(channel);
      if (status === 0) xhr.fail();
      else xhr.respond(status, '');
    },
    waiting: (channel) => unanswered(channel).length > 0,
    handshakesSent: () => ScriptedXhr.sent.filter((x) => x.messages.some((m) => m.channel === '/meta/handshake')).length,
  };
}

function fakeDriver(url: string): Driver {
  const fake = new FakeCometd({ pageHost: PAGE_HOST });
  fake.configure({ url, backoffIncrement: 100, maxBackoff: 1_000, logLevel: 'warn' });
  fake.unregisterTransport('callback-polling');
  return {
    cometd: fake,
    reply(channel, fields, data) {
      const reply = fields as Partial<Message>;
      if (channel === '/meta/handshake') fake.handshakeReply(reply);
      else if (channel === '/meta/connect') fake.connectReply(reply);
      else if (channel === '/meta/subscribe') fake.ackSubscribe(reply);
      else fake.disconnectReply(reply);
      if (data !== undefined) fake.deliver(CHANNEL, data);
    },
    httpError(channel, status) {
      if (channel === '/meta/handshake') fake.handshakeFailure({ httpCode: status });
      else fake.connectFailure({ httpCode: status });
    },
    waiting: (channel) => fake.inFlight(channel),
    handshakesSent: () => fake.sentOn('/meta/handshake').length,
  };
}

/** Records what the channel could observe of one client. */
function recorder(driver: Driver) {
  const trace: string[] = [];
  for (const meta of ['/meta/handshake', '/meta/connect', '/meta/subscribe', '/meta/disconnect', '/meta/unsuccessful']) {
    driver.cometd.addListener(meta, (m: Message) => {
      const reestablish = meta === '/meta/handshake' && m.successful === true ? ` reestablish=${String(m.reestablish)}` : '';
      trace.push(`${meta} heard ${m.successful === true ? 'success' : 'failure'} (status ${driver.cometd.getStatus()})${reestablish}`);
    });
  }
  const subscribe = () =>
    driver.cometd.subscribe(CHANNEL, (m: Message) => trace.push(`message ${JSON.stringify(m.data)}`), (m: Message) =>
      trace.push(`subscribe callback ${m.successful === true ? 'success' : 'failure'}`),
    );
  async function step(name: string, action: () => void, ms = 0): Promise<void> {
    try {
      action();
    } catch (error) {
      trace.push(`${name} threw ${(error as Error).message}`);
    }
    await vi.advanceTimersByTimeAsync(ms);
    const waiting = ['/meta/handshake', '/meta/connect', '/meta/subscribe', '/meta/disconnect'].filter((c) => driver.waiting(c));
    trace.push(`after ${name}: ${driver.cometd.getStatus()}, ${driver.handshakesSent()} handshake(s) sent, waiting ${waiting.join(' ') || 'nothing'}`);
  }
  return { trace, step, subscribe };
}

type Scenario = (driver: Driver, r: ReturnType<typeof recorder>) => Promise<void>;

async function compare(url: string, scenario: Scenario): Promise<{ real: string[]; fake: string[] }> {
  const traces: string[][] = [];
  for (const make of [realDriver, fakeDriver]) {
    ScriptedXhr.sent = [];
    const driver = make(url);
    const r = recorder(driver);
    await scenario(driver, r);
    traces.push(r.trace);
  }
  return { real: traces[0] as string[], fake: traces[1] as string[] };
}

const HANDSHAKE_OK: Reply = { successful: true, clientId: 'c1', version: '1.0', supportedConnectionTypes: ['long-polling'], advice: ADVICE };
const CONNECT_OK: Reply = { successful: true, advice: ADVICE };
const SUBSCRIBE_OK: Reply = { successful: true, subscription: CHANNEL };

/** Handshake, subscribe inside the handshake listener's turn, first /meta/connect: live. */
async function establish(d: Driver, r: ReturnType<typeof recorder>): Promise<void> {
  await r.step('handshake()', () => d.cometd.handshake());
  await r.step('handshake answered', () => d.reply('/meta/handshake', HANDSHAKE_OK));
  await r.step('subscribe', r.subscribe);
  await r.step('subscribe answered', () => d.reply('/meta/subscribe', SUBSCRIBE_OK));
  await r.step('connect answered', () => d.reply('/meta/connect', CONNECT_OK, { n: 1 }));
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.stubGlobal('window', {
    XMLHttpRequest: AbortingXhr,
    setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms),
    clearTimeout: (id: ReturnType<typeof setTimeout>) => clearTimeout(id),
    // CometD warns "Could not negotiate transport" when it gives up, as these scenarios make it.
    console: { ...console, warn: () => undefined },
    location: { host: PAGE_HOST },
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('FakeCometd behaves like CometD 9', () => {
  it('re-handshakes by itself after a 402, dropping the subscription when the handshake leaves', async () => {
    const { real, fake } = await compare(SAME_ORIGIN_URL, async (d, r) => {
      await establish(d, r);
      await r.step('connect 402', () =>
        d.reply('/meta/connect', { successful: false, error: '402::Unknown client', advice: { reconnect: 'handshake', interval: 0 } }),
      );
      // The re-handshake is refused once: the subscription is already gone, so the message the
      // reply carries reaches nobody.
      await r.step('re-handshake refused', () =>
        d.reply('/meta/handshake', { successful: false, error: '500::overloaded', advice: { reconnect: 'handshake', interval: 0 } }, { lost: true }),
      );
      await r.step('re-handshake answered', () => d.reply('/meta/handshake', HANDSHAKE_OK));
      await r.step('connect answered', () => d.reply('/meta/connect', CONNECT_OK, { n: 2 }));
    });
    expect(fake).toEqual(real);
    expect(real).not.toContain('message {"lost":true}');
    expect(real).not.toContain('message {"n":2}');
  });

  it('gives up on a cross-origin handshake that fails on the wire (no transport left)', async () => {
    const { real, fake } = await compare(CROSS_ORIGIN_URL, async (d, r) => {
      await r.step('handshake()', () => d.cometd.handshake());
      await r.step('handshake 503', () => d.httpError('/meta/handshake', 503), 5_000);
      await r.step('handshake() again', () => d.cometd.handshake());
    });
    expect(fake).toEqual(real);
    expect(real).toContain('after handshake 503: disconnected, 1 handshake(s) sent, waiting nothing');
  });

  it('retries a same-origin handshake with a growing back-off', async () => {
    const { real, fake } = await compare(SAME_ORIGIN_URL, async (d, r) => {
      await r.step('handshake()', () => d.cometd.handshake());
      await r.step('handshake 503', () => d.httpError('/meta/handshake', 503));
      await r.step('handshake network error', () => d.httpError('/meta/handshake', 0), 99);
      await r.step('1 ms later', () => undefined, 1);
      await r.step('handshake refused', () => d.reply('/meta/handshake', { successful: false, error: '500::busy' }), 199);
      await r.step('1 ms later', () => undefined, 1);
    });
    expect(fake).toEqual(real);
  });

  it('retries /meta/connect after a network failure, then re-handshakes on advice', async () => {
    const { real, fake } = await compare(CROSS_ORIGIN_URL, async (d, r) => {
      await establish(d, r);
      await r.step('connect network error', () => d.httpError('/meta/connect', 0), 99);
      await r.step('1 ms later', () => undefined, 1);
      await r.step('connect 500', () => d.httpError('/meta/connect', 500), 200);
      await r.step('connect advises handshake', () =>
        d.reply('/meta/connect', { successful: false, error: '402::session_unknown', advice: { reconnect: 'handshake', interval: 0 } }),
      );
      await r.step('re-handshake answered', () => d.reply('/meta/handshake', HANDSHAKE_OK));
    });
    expect(fake).toEqual(real);
  });

  it('disconnects through disconnecting, refusing handshake() and subscribe() until the server answers', async () => {
    const { real, fake } = await compare(SAME_ORIGIN_URL, async (d, r) => {
      await establish(d, r);
      await r.step('disconnect()', () => d.cometd.disconnect());
      await r.step('handshake() while disconnecting', () => d.cometd.handshake());
      await r.step('subscribe() while disconnecting', r.subscribe);
      await r.step('the held connect returns', () => d.reply('/meta/connect', CONNECT_OK, { held: true }));
      await r.step('disconnect answered', () => d.reply('/meta/disconnect', { successful: true }));
      await r.step('handshake() again', () => d.cometd.handshake());
      await r.step('handshake answered', () => d.reply('/meta/handshake', HANDSHAKE_OK));
    });
    expect(fake).toEqual(real);
    expect(real).toContain('message {"held":true}');
  });

  it('a listener that disconnects on a failed handshake leaves CometD disconnected at once', async () => {
    const { real, fake } = await compare(SAME_ORIGIN_URL, async (d, r) => {
      d.cometd.addListener('/meta/handshake', (m: Message) => {
        if (m.successful !== true) d.cometd.disconnect();
      });
      await r.step('handshake()', () => d.cometd.handshake());
      await r.step('handshake 401', () => d.httpError('/meta/handshake', 401), 5_000);
    });
    expect(fake).toEqual(real);
    expect(real.at(-1)).toMatch(/^after handshake 401: disconnected/);
  });

  it('a refused subscription is dropped; the session goes on', async () => {
    const { real, fake } = await compare(SAME_ORIGIN_URL, async (d, r) => {
      await r.step('handshake()', () => d.cometd.handshake());
      await r.step('handshake answered', () => d.reply('/meta/handshake', HANDSHAKE_OK));
      await r.step('subscribe', r.subscribe);
      await r.step('subscribe refused', () => d.reply('/meta/subscribe', { successful: false, error: '403::denied', subscription: CHANNEL }));
      await r.step('connect answered', () => d.reply('/meta/connect', CONNECT_OK, { n: 1 }));
    });
    expect(fake).toEqual(real);
    expect(real).not.toContain('message {"n":1}');
  });
});
