import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HANDSHAKE_OK, HeaderXhr, ScriptedXhr, answer, installScriptedXhr, pending, requestHeaders, settleTimers } from '../test-support/scripted-xhr';
import { createCometdChannel } from './cometd-channel';
import type { CometdChannelOptions } from './cometd-channel';
import type { CsrfHeaderSource } from './csrf-header';
import { WORKSPACE_V3_CHANNEL } from '../protocol/workspace-v3/channel';
import type { ConnectionStatus } from './types';

/**
 * The real CometD 9 client under the channel: a list of channels goes out as one batched
 * subscription request, each message reaches the listener once even where two subscriptions
 * match it, and `x-api-key` rides on every request beside the CSRF token.
 */

const WORKITEM = '/workspace/v3/media/workitem';
const EMAIL = '/workspace/v3/media/email';
const CONNECT_OK = { successful: true, advice: { reconnect: 'retry', interval: 0, timeout: 30_000 } };

function setup(options: Partial<CometdChannelOptions>) {
  const statuses: ConnectionStatus[] = [];
  const received: unknown[] = [];
  const channel = createCometdChannel({ url: 'https://gws.example:8090/workspace/v3/notifications', descriptor: WORKSPACE_V3_CHANNEL, random: () => 1, wake: false, ...options });
  const off = channel.subscribe({ onMessage: (data) => received.push(data), onStatus: (status) => statuses.push(status) });
  return { statuses, received, off };
}

/** Handshake, then every subscription of the (one) subscribe request, then the first connect. */
async function establish(): Promise<void> {
  answer(pending('/meta/handshake'), () => HANDSHAKE_OK);
  await settleTimers();
  answer(pending('/meta/subscribe'), (m) => ({ successful: true, subscription: m.subscription }));
  await settleTimers();
  answer(pending('/meta/connect'), () => CONNECT_OK);
  await settleTimers();
}

beforeEach(() => {
  vi.useFakeTimers();
  installScriptedXhr(HeaderXhr);
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('a list of channels (real CometD client)', () => {
  it('subscribes to all of them in one request, and hears each channel', async () => {
    const t = setup({ channels: [WORKITEM, EMAIL] });
    answer(pending('/meta/handshake'), () => HANDSHAKE_OK);
    await settleTimers();
    const subscribe = pending('/meta/subscribe');
    expect(subscribe.messages.map((m) => m.subscription)).toEqual([WORKITEM, EMAIL]);
    answer(subscribe, (m) => ({ successful: true, subscription: m.subscription }));
    await settleTimers();
    answer(pending('/meta/connect'), () => CONNECT_OK, [
      { channel: WORKITEM, data: { n: 1 } },
      { channel: EMAIL, data: { n: 2 } },
    ]);
    await settleTimers();
    expect(t.statuses).toEqual(['connecting', 'connected']);
    expect(t.received).toEqual([{ n: 1 }, { n: 2 }]);
  });

  it('a message matched by an exact channel and a wildcard of the list reaches the listener once', async () => {
    const t = setup({ channels: ['/workspace/v3/media/*', WORKITEM] });
    await establish();
    answer(pending('/meta/connect'), () => CONNECT_OK, [
      { channel: WORKITEM, data: { n: 1 } },
      { channel: EMAIL, data: { n: 2 } },
      { channel: WORKITEM, data: { n: 3 } },
    ]);
    await settleTimers();
    expect(t.received).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
  });

  it('one channel of the list refused: not Live, the session starts over', async () => {
    const t = setup({ channels: [WORKITEM, EMAIL] });
    answer(pending('/meta/handshake'), () => HANDSHAKE_OK);
    await settleTimers();
    answer(pending('/meta/subscribe'), (m) =>
      m.subscription === EMAIL ? { successful: false, subscription: EMAIL, error: '403::subscribe_denied' } : { successful: true, subscription: WORKITEM },
    );
    await settleTimers();
    expect(t.statuses).toEqual(['connecting', 'reconnecting']);
    answer(pending('/meta/disconnect'), () => ({ successful: true }));
    await vi.advanceTimersByTimeAsync(5_000);
    expect(pending('/meta/handshake').messages[0]?.channel).toBe('/meta/handshake');
  });
});

/** A CSRF token the page already knows. */
const TOKEN_1: CsrfHeaderSource = {
  current: () => ({ header: 'X-CSRF-TOKEN', value: 'token-1' }),
  subscribe: () => () => undefined,
  ready: () => Promise.resolve(),
  refresh: () => Promise.resolve(),
};

describe('x-api-key (real CometD client)', () => {
  it('every request carries the key, beside the CSRF token when there is one', async () => {
    const t = setup({ requestHeaders: { 'x-api-key': 'key-1' }, csrf: TOKEN_1 });
    await establish();
    t.off();
    const sent = ScriptedXhr.sent.map((x) => x.messages[0]?.channel);
    expect(sent).toEqual(['/meta/handshake', '/meta/subscribe', '/meta/connect', '/meta/connect', '/meta/disconnect']);
    for (const request of ScriptedXhr.sent) expect(requestHeaders(request)).toMatchObject({ 'x-api-key': 'key-1', 'X-CSRF-TOKEN': 'token-1' });
  });

  it('the disconnect that ends a session closed while its handshake was out carries the key and the CSRF token too', async () => {
    const t = setup({ requestHeaders: { 'x-api-key': 'key-1' }, csrf: TOKEN_1 });
    await settleTimers();
    const handshake = pending('/meta/handshake');
    t.off();
    answer(handshake, () => HANDSHAKE_OK);
    await settleTimers();
    const orphan = ScriptedXhr.sent.find((x) => x.messages.some((m) => m.channel === '/meta/disconnect' && m.clientId === HANDSHAKE_OK.clientId));
    expect(orphan).toBeDefined();
    expect(requestHeaders(orphan)).toMatchObject({ 'x-api-key': 'key-1', 'X-CSRF-TOKEN': 'token-1' });
  });

  it('without a key, no x-api-key header', async () => {
    setup({});
    await establish();
    expect(ScriptedXhr.sent.length).toBeGreaterThan(2);
    for (const request of ScriptedXhr.sent) expect(Object.keys(requestHeaders(request))).not.toContain('x-api-key');
  });
});
