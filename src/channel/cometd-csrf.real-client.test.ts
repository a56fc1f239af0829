import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HeaderXhr, ScriptedXhr, answer, establishSession, installScriptedXhr, pending, requestHeaders, settleTimers, unanswered } from '../test-support/scripted-xhr';
import { createCometdChannel } from './cometd-channel';
import { CSRF_WAIT_MS } from './csrf-header';
import type { CsrfHeader, CsrfHeaderSource } from './csrf-header';
import type { ConnectionStatus } from './types';

/**
 * The real CometD 9 client under the channel, with a scripted XMLHttpRequest that also keeps the
 * request headers: the CSRF token reaches every long-polling POST, follows changes, holds the
 * first handshake back until it could be known, and a refused handshake is retried once.
 */

function sent(channel: string): ScriptedXhr[] {
  return ScriptedXhr.sent.filter((x) => x.messages.some((m) => m.channel === channel));
}

const CSRF_REFUSAL = { statusCode: 3, statusMessage: 'Missing or invalid Csrf token' };
const T1: CsrfHeader = { header: 'X-CSRF-TOKEN', value: 'token-1' };
const T2: CsrfHeader = { header: 'X-CSRF-TOKEN', value: 'token-2' };

/** A source the test drives: `answered()` is GWS's first answer, `refresh()` hands out `next`. */
function fakeSource(initial?: CsrfHeader) {
  let token = initial;
  const listeners = new Set<() => void>();
  let resolveReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (resolveReady = resolve));
  const control = {
    next: undefined as CsrfHeader | undefined,
    refreshes: 0,
    set(next: CsrfHeader | undefined) {
      token = next;
      for (const listener of [...listeners]) listener();
    },
    answered: () => resolveReady(),
  };
  const source: CsrfHeaderSource = {
    current: () => token,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    ready: () => (token === undefined ? ready : Promise.resolve()),
    async refresh() {
      control.refreshes += 1;
      await Promise.resolve();
      if (control.next !== undefined) control.set(control.next);
    },
  };
  return { source, control };
}

function setup(csrf: CsrfHeaderSource) {
  const statuses: ConnectionStatus[] = [];
  const channel = createCometdChannel({ url: 'https://gws.example:8090/api/v2/notifications', random: () => 1, wake: false, csrf });
  const off = channel.subscribe({ onMessage: () => undefined, onStatus: (status) => statuses.push(status) });
  return { channel, statuses, off };
}

beforeEach(() => {
  vi.useFakeTimers();
  installScriptedXhr(HeaderXhr);
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('the CSRF token on CometD requests (real CometD client)', () => {
  it('holds the first handshake until the token is known, then every request carries it', async () => {
    const { source, control } = fakeSource();
    const t = setup(source);
    await vi.advanceTimersByTimeAsync(CSRF_WAIT_MS / 2);
    expect(ScriptedXhr.sent).toHaveLength(0);
    control.set(T1);
    control.answered();
    await settleTimers();
    expect(requestHeaders(pending('/meta/handshake'))).toMatchObject({ 'X-CSRF-TOKEN': 'token-1' });
    await establishSession();
    expect(t.statuses).toEqual(['connecting', 'connected']);
    t.off();
    expect(requestHeaders(pending('/meta/disconnect'))).toMatchObject({ 'X-CSRF-TOKEN': 'token-1' });
    const channels = ScriptedXhr.sent.map((x) => x.messages[0]?.channel);
    expect(channels).toEqual(['/meta/handshake', '/meta/subscribe', '/meta/connect', '/meta/connect', '/meta/disconnect']);
    expect(ScriptedXhr.sent.map((x) => requestHeaders(x)['X-CSRF-TOKEN'])).toEqual(Array(5).fill('token-1'));
  });

  it('a server that hands out no token: the handshake goes once it answered, with no CSRF header', async () => {
    const { source, control } = fakeSource();
    const t = setup(source);
    await settleTimers();
    expect(ScriptedXhr.sent).toHaveLength(0);
    control.answered();
    await settleTimers();
    expect(Object.keys(requestHeaders(pending('/meta/handshake')))).not.toContain('X-CSRF-TOKEN');
    await establishSession();
    expect(t.statuses.at(-1)).toBe('connected');
  });

  it(`a token read that never ends holds the handshake ${CSRF_WAIT_MS} ms at most`, async () => {
    const { source } = fakeSource();
    setup(source);
    await vi.advanceTimersByTimeAsync(CSRF_WAIT_MS - 1);
    expect(ScriptedXhr.sent).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(unanswered('/meta/handshake')).toHaveLength(1);
  });

  it('the next long poll carries a token that changed meanwhile', async () => {
    const { source, control } = fakeSource(T1);
    const t = setup(source);
    await establishSession();
    control.set(T2);
    answer(pending('/meta/connect'), () => ({ successful: true }));
    await settleTimers();
    expect(requestHeaders(pending('/meta/connect'))).toMatchObject({ 'X-CSRF-TOKEN': 'token-2' });
    expect(t.statuses).toEqual(['connecting', 'connected']);
  });

  it('a handshake refused for its CSRF token reads a fresh one and is retried once, with it', async () => {
    const { source, control } = fakeSource(T1);
    control.next = T2;
    const t = setup(source);
    pending('/meta/handshake').respond(403, CSRF_REFUSAL);
    await settleTimers();
    expect(control.refreshes).toBe(1);
    expect(requestHeaders(pending('/meta/handshake'))).toMatchObject({ 'X-CSRF-TOKEN': 'token-2' });
    await establishSession();
    expect(t.statuses).toEqual(['connecting', 'connected']);
  });

  it('a handshake refused for its token in the status line alone (empty body) reads a fresh one too', async () => {
    const { source, control } = fakeSource(T1);
    control.next = T2;
    const t = setup(source);
    pending('/meta/handshake').respond(403, undefined, 'Missing or invalid Csrf token');
    await settleTimers();
    expect(control.refreshes).toBe(1);
    expect(requestHeaders(pending('/meta/handshake'))).toMatchObject({ 'X-CSRF-TOKEN': 'token-2' });
    await establishSession();
    expect(t.statuses).toEqual(['connecting', 'connected']);
  });

  it('a handshake sent without a token and refused with a bare 403 is retried once too', async () => {
    const { source, control } = fakeSource();
    control.answered();
    control.next = T1;
    const t = setup(source);
    await settleTimers();
    pending('/meta/handshake').respond(403, 'Forbidden');
    await settleTimers();
    expect(control.refreshes).toBe(1);
    expect(requestHeaders(pending('/meta/handshake'))).toMatchObject({ 'X-CSRF-TOKEN': 'token-1' });
    await establishSession();
    expect(t.statuses).toEqual(['connecting', 'connected']);
  });

  it('refused again with the fresh token: signed out, and no loop', async () => {
    const { source, control } = fakeSource(T1);
    control.next = T2;
    const t = setup(source);
    pending('/meta/handshake').respond(403, CSRF_REFUSAL);
    await settleTimers();
    pending('/meta/handshake').respond(403, CSRF_REFUSAL);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(t.statuses).toEqual(['connecting', 'unauthorized']);
    expect(sent('/meta/handshake')).toHaveLength(2);
    expect(control.refreshes).toBe(1);
  });

  it('a 403 a token cannot cure (sent with one, not about CSRF) signs out at once', async () => {
    const { source, control } = fakeSource(T1);
    const t = setup(source);
    pending('/meta/handshake').respond(403, 'Access is denied');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(t.statuses).toEqual(['connecting', 'unauthorized']);
    expect(sent('/meta/handshake')).toHaveLength(1);
    expect(control.refreshes).toBe(0);
  });

  it("a long poll refused for its token reads a fresh one, which CometD's retry carries", async () => {
    const { source, control } = fakeSource(T1);
    control.next = T2;
    const t = setup(source);
    await establishSession();
    pending('/meta/connect').respond(403, CSRF_REFUSAL);
    await settleTimers();
    expect(control.refreshes).toBe(1);
    expect(t.statuses.at(-1)).toBe('reconnecting');
    while (unanswered('/meta/connect').length === 0) await vi.advanceTimersByTimeAsync(100);
    expect(requestHeaders(pending('/meta/connect'))).toMatchObject({ 'X-CSRF-TOKEN': 'token-2' });
    answer(pending('/meta/connect'), () => ({ successful: true }));
    await settleTimers();
    expect(t.statuses.at(-1)).toBe('connected');
  });
});
