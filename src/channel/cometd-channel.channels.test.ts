import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCometdChannel } from './cometd-channel';
import type { CometdChannelOptions } from './cometd-channel';
import { checkCometdChannels } from './cometd-channels';
import { FakeCometd } from '../test-support/fake-cometd';
import { WORKSPACE_V3_CHANNEL } from '../protocol/workspace-v3/channel';
import type { ConnectionStatus } from './types';

/**
 * A list of channels (a Workspace API v3 server that refuses the `/workspace/v3/media/*`
 * wildcard gets the exact ones): every one subscribed on every handshake, Live only once all
 * are in place, a refusal of any one restarts, a message matched by two subscriptions passed on
 * once; and headers (`x-api-key`) configured on every request.
 */

const WORKITEM = '/workspace/v3/media/workitem';
const EMAIL = '/workspace/v3/media/email';

function setup(options: Partial<CometdChannelOptions> = {}) {
  const fakes: FakeCometd[] = [];
  const channel = createCometdChannel({
    url: 'https://gws.example/workspace/v3/notifications',
    descriptor: WORKSPACE_V3_CHANNEL,
    backoff: { baseMs: 100, maxMs: 1000 },
    random: () => 1,
    wake: false,
    cometdFactory: () => {
      const fake = new FakeCometd();
      fakes.push(fake);
      return fake;
    },
    ...options,
  });
  const received: unknown[] = [];
  const events: string[] = [];
  const stopAll = channel.subscribe({
    onMessage: (data) => received.push(data),
    onStatus: (status: ConnectionStatus) => events.push(`status:${status}`),
    onResyncNeeded: () => events.push('resync'),
  });
  const fake = (): FakeCometd => {
    const latest = fakes.at(-1);
    if (!latest) throw new Error('no CometD client created yet');
    return latest;
  };
  return { channel, fake, received, events, stopAll };
}

const runDue = () => vi.advanceTimersByTimeAsync(0);

/** The handshake, every subscription and the first long poll answered: Live. */
async function goLive(fake: FakeCometd): Promise<void> {
  fake.handshakeReply({ successful: true });
  fake.ackSubscribe();
  await runDue();
  fake.connectReply({ successful: true });
  await runDue();
}

/** The server forgot the session: CometD re-handshakes by itself, dropping the subscriptions. */
async function forgetSession(fake: FakeCometd): Promise<void> {
  fake.connectReply({ successful: false, error: '402::Unknown client', advice: { reconnect: 'handshake', interval: 0 } });
  await runDue();
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('createCometdChannel: a list of channels', () => {
  it('subscribes to every channel of the list, and is Live only once all of them are in place', async () => {
    const t = setup({ channels: [WORKITEM, EMAIL] });
    const fake = t.fake();
    fake.handshakeReply({ successful: true });
    expect(fake.subscriptionCount(WORKITEM)).toBe(1);
    expect(fake.subscriptionCount(EMAIL)).toBe(1);
    // The descriptor's wildcard is not subscribed to when a list is given.
    expect(fake.subscriptionCount('/workspace/v3/media/*')).toBe(0);
    await runDue();
    fake.connectReply({ successful: true });
    fake.ackSubscribe({ successful: true }, WORKITEM);
    // One of two accepted: push works for workitems only, so not Live yet.
    expect(t.channel.getStatus()).toBe('connecting');
    fake.ackSubscribe({ successful: true }, EMAIL);
    expect(t.channel.getStatus()).toBe('connected');

    fake.deliver(WORKITEM, { n: 1 });
    fake.deliver(EMAIL, { n: 2 });
    expect(t.received).toEqual([{ n: 1 }, { n: 2 }]);
  });

  it('subscribes to all of them again after a re-handshake, and resyncs once they are all back', async () => {
    const t = setup({ channels: [WORKITEM, EMAIL] });
    const fake = t.fake();
    await goLive(fake);
    await forgetSession(fake);
    fake.handshakeReply({ successful: true });
    expect(fake.subscriptionCount(WORKITEM)).toBe(1);
    expect(fake.subscriptionCount(EMAIL)).toBe(1);
    fake.ackSubscribe({ successful: true }, EMAIL);
    await runDue();
    fake.connectReply({ successful: true });
    expect(t.events).not.toContain('resync');
    fake.ackSubscribe({ successful: true }, WORKITEM);
    expect(t.events.slice(-2)).toEqual(['resync', 'status:connected']);
  });

  it('a refusal of one channel of the list starts the session over (the others alone would hide a media type)', async () => {
    const t = setup({ channels: [WORKITEM, EMAIL] });
    const fake = t.fake();
    fake.handshakeReply({ successful: true });
    fake.ackSubscribe({ successful: true }, WORKITEM);
    fake.ackSubscribe({ successful: false, error: '403::subscribe_denied' }, EMAIL);
    expect(t.channel.getStatus()).toBe('reconnecting');
    expect(fake.disconnects).toBe(1);
    fake.disconnectReply();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(fake.handshakes).toBe(2);
  });

  it('passes a message matched by two subscriptions (an exact channel beside its wildcard) on once', async () => {
    const t = setup({ channels: ['/workspace/v3/media/*', WORKITEM] });
    const fake = t.fake();
    fake.handshakeReply({ successful: true });
    fake.ackSubscribe();
    await runDue();
    fake.connectReply({ successful: true });
    expect(t.channel.getStatus()).toBe('connected');
    fake.deliver(WORKITEM, { n: 1 });
    fake.deliver(EMAIL, { n: 2 });
    // Two messages with equal content are two notifications: only the same message object is one.
    fake.deliver(WORKITEM, { n: 1 });
    expect(t.received).toEqual([{ n: 1 }, { n: 2 }, { n: 1 }]);
  });

  it('refuses a malformed list when the channel is created, with the fix in the message', () => {
    expect(() => setup({ channels: ['workspace/v3/media/email'] })).toThrow(/does not start with "\/".*\/workspace\/v3\/media\/workitem/);
  });
});

describe('createCometdChannel: exact channels once the wildcard is refused', () => {
  const WILDCARD = '/workspace/v3/media/*';

  /** One session whose subscription to `channel` (the wildcard by default) is refused (with a 403 by default). */
  async function refuseWildcard(t: ReturnType<typeof setup>, channel = WILDCARD, error = '403::subscribe_failed'): Promise<void> {
    const fake = t.fake();
    fake.handshakeReply({ successful: true });
    fake.ackSubscribe({ successful: false, error }, channel);
    fake.disconnectReply();
    await vi.advanceTimersByTimeAsync(1_000);
  }

  it('subscribes to the exact channels once the wildcard was refused in two sessions in a row, and goes Live with them', async () => {
    const t = setup({ exactChannels: [WORKITEM, EMAIL] });
    await refuseWildcard(t);
    await refuseWildcard(t);
    const fake = t.fake();
    expect(fake.handshakes).toBe(3);
    fake.handshakeReply({ successful: true });
    expect(fake.subscriptionCount(WILDCARD)).toBe(0);
    expect(fake.subscriptionCount(WORKITEM)).toBe(1);
    expect(fake.subscriptionCount(EMAIL)).toBe(1);
    fake.ackSubscribe();
    await runDue();
    fake.connectReply({ successful: true });
    expect(t.channel.getStatus()).toBe('connected');
    // The session that failed may have lost notifications: the first Live one resyncs.
    expect(t.events.slice(-2)).toEqual(['resync', 'status:connected']);
    fake.deliver(EMAIL, { n: 1 });
    expect(t.received).toEqual([{ n: 1 }]);
  });

  /** The next session's handshake answered: how many subscriptions each of `channels` then has. */
  function nextSessionSubscriptions(t: ReturnType<typeof setup>, ...channels: string[]): number[] {
    t.fake().handshakeReply({ successful: true });
    return channels.map((channel) => t.fake().subscriptionCount(channel));
  }

  it('one refusal is not enough (a session the server cannot tie to an agent yet): the next session tries the wildcard again', async () => {
    const t = setup({ exactChannels: [WORKITEM] });
    await refuseWildcard(t);
    expect(nextSessionSubscriptions(t, WILDCARD, WORKITEM)).toEqual([1, 0]);
  });

  it('a Live session between two refusals starts the count again', async () => {
    const t = setup({ exactChannels: [WORKITEM] });
    await refuseWildcard(t);
    const fake = t.fake();
    await goLive(fake);
    expect(t.channel.getStatus()).toBe('connected');
    // The server forgot the session (a restart); the new session's wildcard is refused once.
    await forgetSession(fake);
    await refuseWildcard(t);
    expect(nextSessionSubscriptions(t, WILDCARD, WORKITEM)).toEqual([1, 0]);
  });

  it('a 403 on an exact channel of the list is no refusal of a wildcard: the list is kept', async () => {
    const t = setup({ channels: [WORKITEM], exactChannels: [EMAIL] });
    await refuseWildcard(t, WORKITEM);
    await refuseWildcard(t, WORKITEM);
    expect(nextSessionSubscriptions(t, WORKITEM, EMAIL)).toEqual([1, 0]);
  });

  it('started afresh (every listener gone, then one back) tries the wildcard again', async () => {
    const t = setup({ exactChannels: [WORKITEM] });
    await refuseWildcard(t);
    await refuseWildcard(t);
    t.stopAll();
    expect(t.channel.getStatus()).toBe('disconnected');
    t.channel.subscribe({ onMessage: () => undefined });
    await runDue();
    t.fake().handshakeReply({ successful: true });
    expect(t.fake().subscriptionCount(WILDCARD)).toBeGreaterThan(0);
    expect(t.fake().subscriptionCount(WORKITEM)).toBe(0);
  });

  it('without exact channels to fall back to, keeps trying the wildcard', async () => {
    const t = setup();
    await refuseWildcard(t);
    t.fake().handshakeReply({ successful: true });
    expect(t.fake().subscriptionCount(WILDCARD)).toBe(1);
  });

  it('a subscription that failed otherwise (500, no answer) is no reason to give up the wildcard', async () => {
    const t = setup({ exactChannels: [WORKITEM] });
    const fake = t.fake();
    await refuseWildcard(t, WILDCARD, '500::internal');
    await refuseWildcard(t, WILDCARD, '500::internal');
    fake.handshakeReply({ successful: true });
    expect(fake.subscriptionCount(WILDCARD)).toBe(1);
    expect(fake.subscriptionCount(WORKITEM)).toBe(0);
  });

  it('after a sign-out, Reconnect (a new sign-in) tries the wildcard again', async () => {
    const t = setup({ exactChannels: [WORKITEM] });
    await refuseWildcard(t);
    await refuseWildcard(t);
    t.channel.sessionEnded?.();
    expect(t.channel.getStatus()).toBe('unauthorized');
    if (t.fake().inFlight('/meta/disconnect')) t.fake().disconnectReply();
    t.channel.reconnect?.();
    await vi.advanceTimersByTimeAsync(200);
    t.fake().handshakeReply({ successful: true });
    expect(t.fake().subscriptionCount(WILDCARD)).toBe(1);
    expect(t.fake().subscriptionCount(WORKITEM)).toBe(0);
  });
});

describe('createCometdChannel: request headers', () => {
  it('configures CometD with the headers every long-polling request carries', () => {
    const t = setup({ requestHeaders: { 'x-api-key': 'key-1' } });
    expect(t.fake().configurations[0]?.requestHeaders).toEqual({ 'x-api-key': 'key-1' });
  });

  it('configures no headers when none are given', () => {
    const t = setup();
    expect(t.fake().configurations[0]).not.toHaveProperty('requestHeaders');
  });
});

describe('checkCometdChannels', () => {
  it('keeps channel names and wildcards as the last segment, dropping repeats', () => {
    expect(checkCometdChannels([WORKITEM, '/workspace/v3/media/*', '/a/**', WORKITEM])).toEqual([WORKITEM, '/workspace/v3/media/*', '/a/**']);
  });

  it.each([
    [[], /at least one channel/],
    [['/'], /does not start with "\/" and a name/],
    [['media/email'], /does not start with "\/"/],
    [['/workspace/v3/media/ email'], /white space/],
    [['/workspace//media'], /empty segment/],
    [['/meta/connect'], /\/meta\/ or \/service\//],
    [['/service/echo'], /\/meta\/ or \/service\//],
    [['/workspace/*/email'], /wildcard/],
    [['/workspace/v3/media/e*'], /wildcard/],
    [['/*'], /wildcard/],
    [[42], /is not a string/],
  ])('refuses %j', (channels, message) => {
    expect(() => checkCometdChannels(channels)).toThrow(message);
  });
});
