import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCometdChannel } from './cometd-channel';
import { refusalOf } from './refusal';
import { FakeCometd } from '../test-support/fake-cometd';
import type { ConnectionStatus } from './types';

/**
 * A subscription the server refuses (its Bayeux `error`, such as `403::subscribe_failed`): the
 * channel starts over as before, and says why with `reconnecting`, until the next outcome.
 */

function setup() {
  const fakes: FakeCometd[] = [];
  const channel = createCometdChannel({
    url: 'https://gws.example/api/v2/notifications',
    backoff: { baseMs: 100, maxMs: 1000 },
    random: () => 1,
    wake: false,
    cometdFactory: () => {
      const fake = new FakeCometd();
      fakes.push(fake);
      return fake;
    },
  });
  const heard: [ConnectionStatus, string | undefined][] = [];
  const stop = channel.subscribe({ onMessage: () => undefined, onStatus: (status, refusal) => heard.push([status, refusal]) });
  const latest = (): FakeCometd => {
    const fake = fakes.at(-1);
    if (!fake) throw new Error('no CometD client created yet');
    return fake;
  };
  return { channel, latest, heard, stop };
}

const runDue = () => vi.advanceTimersByTimeAsync(0);

describe('CometD channel: a refused subscription says why', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('reports reconnecting with the server’s error, keeps it through the retry, and clears it once Live', async () => {
    const t = setup();
    t.latest().handshakeReply({ successful: true });
    t.latest().ackSubscribe({ successful: false, error: '403::subscribe_failed' });
    await runDue();
    expect(t.heard.at(-1)).toEqual(['reconnecting', '403::subscribe_failed']);
    expect(t.channel.getStatus()).toBe('reconnecting');
    expect(t.channel.getRefusal?.()).toBe('403::subscribe_failed');

    // The retry's handshake is out (the same client, once its disconnect is answered): nothing
    // new is known, the refusal still stands.
    t.latest().disconnectReply();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(t.latest().handshakes).toBe(2);
    expect(t.channel.getRefusal?.()).toBe('403::subscribe_failed');

    t.latest().handshakeReply({ successful: true });
    t.latest().ackSubscribe();
    await runDue();
    t.latest().connectReply({ successful: true });
    await runDue();
    expect(t.heard.at(-1)).toEqual(['connected', undefined]);
    expect(t.channel.getRefusal?.()).toBeUndefined();
    t.stop();
  });

  it('tells a new refusal while already reconnecting (Live, a blip, then refused)', async () => {
    const t = setup();
    t.latest().handshakeReply({ successful: true });
    t.latest().ackSubscribe();
    await runDue();
    t.latest().connectReply({ successful: true });
    await runDue();
    // The server forgot the session; the re-handshake's subscription is refused.
    t.latest().connectReply({ successful: false, error: '402::Unknown client', advice: { reconnect: 'handshake', interval: 0 } });
    await runDue();
    expect(t.heard.at(-1)).toEqual(['reconnecting', undefined]);
    t.latest().handshakeReply({ successful: true });
    t.latest().ackSubscribe({ successful: false, error: '403::forbidden channel' });
    await runDue();
    expect(t.heard.at(-1)).toEqual(['reconnecting', '403::forbidden channel']);
    t.stop();
  });

  it('a subscription that failed without the server’s words (no answer) is no refusal', async () => {
    const t = setup();
    t.latest().handshakeReply({ successful: true });
    t.latest().ackSubscribe({ successful: false });
    await runDue();
    expect(t.channel.getStatus()).toBe('reconnecting');
    expect(t.channel.getRefusal?.()).toBeUndefined();
    expect(t.heard.every(([, refusal]) => refusal === undefined)).toBe(true);
    t.stop();
  });

  it('forgets the refusal when nobody listens any more', async () => {
    const t = setup();
    t.latest().handshakeReply({ successful: true });
    t.latest().ackSubscribe({ successful: false, error: '403::subscribe_failed' });
    await runDue();
    t.stop();
    expect(t.channel.getStatus()).toBe('disconnected');
    expect(t.channel.getRefusal?.()).toBeUndefined();
  });
});

describe('refusalOf', () => {
  it('takes the server’s error as text, trimmed, and cuts a long one', () => {
    expect(refusalOf({ error: ' 403::subscribe_failed ' })).toBe('403::subscribe_failed');
    expect(refusalOf({ error: '' })).toBeUndefined();
    expect(refusalOf({ error: 403 })).toBeUndefined();
    expect(refusalOf({})).toBeUndefined();
    const long = refusalOf({ error: `403::${'x'.repeat(500)}` });
    expect(long).toHaveLength(200);
    expect(long?.endsWith('…')).toBe(true);
  });
});
