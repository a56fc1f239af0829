import { describe, expect, it, vi } from 'vitest';
import { OPENMEDIA_CHANNEL } from '../protocol/parse';
import type { CsrfHeader, CsrfHeaderSource } from './csrf-header';
import { createMemoryChannel } from './memory-channel';
import { serveConnection } from './serve-connection';
import type { ConnectionPort } from './serve-connection';
import type { NotificationChannel } from './types';
import { createWorkerChannel } from './worker-channel';
import type { ConnectionWorker } from './worker-channel';
import { createRelayedCsrfSource } from './worker-csrf';
import type { FromConnectionWorker, ToConnectionWorker, WorkerChannelConfig } from './worker-protocol';

// The CSRF token crosses to the connection Worker: the page's REST client learns it, CometD in
// the Worker sends it. Both ends here with doubles; the whole path against the mock GWS is in
// src/client/cometd-csrf.integration.test.ts.

const T1: CsrfHeader = { header: 'X-CSRF-TOKEN', value: 'token-1' };
const T2: CsrfHeader = { header: 'X-CSRF-TOKEN', value: 'token-2' };

const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** A page-side source: `answered()` is GWS's first answer; `refresh()` waits for `finishRefresh()`. */
function pageSource(initial?: CsrfHeader) {
  let token = initial;
  const listeners = new Set<() => void>();
  let answered: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (answered = resolve));
  const refreshes: (() => void)[] = [];
  const source: CsrfHeaderSource = {
    current: () => token,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    ready: () => ready,
    refresh: () => new Promise<void>((resolve) => refreshes.push(resolve)),
  };
  return {
    source,
    refreshes,
    answered: () => answered(),
    set(next: CsrfHeader | undefined) {
      token = next;
      for (const listener of [...listeners]) listener();
    },
    listenerCount: () => listeners.size,
  };
}

describe('createRelayedCsrfSource (the Worker side)', () => {
  it('is ready once a token or the first csrf command came, and tells its listeners of changes only', async () => {
    const asked = vi.fn();
    const source = createRelayedCsrfSource(undefined, asked);
    const changes = vi.fn();
    source.subscribe(changes);
    let ready = false;
    void source.ready().then(() => (ready = true));
    await settle();
    expect(ready).toBe(false);
    source.changed(undefined);
    await settle();
    expect(ready).toBe(true);
    expect(changes).not.toHaveBeenCalled();
    source.changed(T1);
    source.changed({ ...T1 });
    expect(changes).toHaveBeenCalledTimes(1);
    expect(source.current()).toEqual(T1);
    await expect(createRelayedCsrfSource(T1, asked).ready()).resolves.toBeUndefined();
  });

  it('asks the page once for however many refreshes, and a change meanwhile does not end them', async () => {
    const asked = vi.fn();
    const source = createRelayedCsrfSource(T1, asked);
    const done: number[] = [];
    void source.refresh().then(() => done.push(1));
    void source.refresh().then(() => done.push(2));
    expect(asked).toHaveBeenCalledTimes(1);
    // The REST client forgot the refused token: a change, not the end of the read.
    source.changed(undefined);
    await settle();
    expect(done).toEqual([]);
    source.refreshed(T2);
    await settle();
    expect(done).toEqual([1, 2]);
    expect(source.current()).toEqual(T2);
    void source.refresh();
    expect(asked).toHaveBeenCalledTimes(2);
  });
});

describe('the token between the page and its connection Worker', () => {
  function pageWithWorker(csrf: CsrfHeaderSource) {
    const posted: ToConnectionWorker[] = [];
    const fromWorker: ((event: MessageEvent<FromConnectionWorker>) => void)[] = [];
    const worker: ConnectionWorker = {
      postMessage: (message) => posted.push(message),
      addEventListener(type: 'message' | 'error', listener: (event: never) => void) {
        if (type === 'message') fromWorker.push(listener as (event: MessageEvent<FromConnectionWorker>) => void);
      },
      terminate: vi.fn(),
    };
    const channel = createWorkerChannel({
      createWorker: () => worker,
      fallback: () => createMemoryChannel(),
      url: 'https://gws.example/api/v2/notifications',
      descriptor: OPENMEDIA_CHANNEL,
      csrf,
      visibility: { visible: () => true, onChange: () => () => undefined },
    });
    const say = (message: FromConnectionWorker) => {
      for (const listener of fromWorker) listener({ data: message } as MessageEvent<FromConnectionWorker>);
    };
    return { channel, posted, say };
  }

  it('the page sends the token in start, on every change, once GWS answered, and after each read the Worker asks for', async () => {
    const page = pageSource();
    const { channel, posted, say } = pageWithWorker(page.source);
    const off = channel.subscribe({ onMessage: () => undefined });
    expect(posted[0]).toMatchObject({ kind: 'start', config: { csrf: { token: undefined } } });
    page.set(T1);
    page.answered();
    await settle();
    expect(posted.slice(1)).toEqual([
      { kind: 'csrf', token: T1 },
      { kind: 'csrf', token: T1 },
    ]);
    say({ kind: 'csrfRefresh' });
    expect(page.refreshes).toHaveLength(1);
    page.set(T2);
    page.refreshes[0]?.();
    await settle();
    expect(posted.slice(3)).toEqual([
      { kind: 'csrf', token: T2 },
      { kind: 'csrfRefreshed', token: T2 },
    ]);
    off();
    expect(page.listenerCount()).toBe(0);
    page.set(T1);
    expect(posted.at(-1)).toEqual({ kind: 'stop' });
  });

  it('a page whose token is known starts the Worker with it', () => {
    const page = pageSource(T1);
    const { channel, posted } = pageWithWorker(page.source);
    channel.subscribe({ onMessage: () => undefined });
    expect(posted[0]).toMatchObject({ kind: 'start', config: { csrf: { token: T1 } } });
  });

  it("the Worker's channel gets a source that follows the page's commands and asks the page for a fresh token", async () => {
    const posted: FromConnectionWorker[] = [];
    const handlers: ((event: MessageEvent<ToConnectionWorker>) => void)[] = [];
    const port: ConnectionPort = { postMessage: (m) => posted.push(m), addEventListener: (_t, l) => handlers.push(l), close: vi.fn() };
    const given: (CsrfHeaderSource | undefined)[] = [];
    serveConnection(port, (config, _visible, csrf): NotificationChannel => {
      given.push(csrf);
      return createMemoryChannel(config.descriptor);
    });
    const command = (message: ToConnectionWorker) => {
      for (const handler of handlers) handler({ data: message } as MessageEvent<ToConnectionWorker>);
    };
    const config: WorkerChannelConfig = { url: 'https://gws.example/api/v2/notifications', descriptor: OPENMEDIA_CHANNEL, transport: 'long-polling', visible: true, csrf: { token: T1 } };
    command({ kind: 'start', config });
    const source = given[0];
    expect(source?.current()).toEqual(T1);
    command({ kind: 'csrf', token: T2 });
    expect(source?.current()).toEqual(T2);
    let refreshed = false;
    void source?.refresh().then(() => (refreshed = true));
    expect(posted.at(-1)).toEqual({ kind: 'csrfRefresh' });
    command({ kind: 'csrfRefreshed', token: T1 });
    await settle();
    expect(refreshed).toBe(true);
    expect(source?.current()).toEqual(T1);
  });

  it('a page without a token to give: the Worker channel gets no source', () => {
    const handlers: ((event: MessageEvent<ToConnectionWorker>) => void)[] = [];
    const port: ConnectionPort = { postMessage: vi.fn(), addEventListener: (_t, l) => handlers.push(l), close: vi.fn() };
    const given: (CsrfHeaderSource | undefined)[] = [];
    serveConnection(port, (config, _visible, csrf) => {
      given.push(csrf);
      return createMemoryChannel(config.descriptor);
    });
    const config: WorkerChannelConfig = { url: 'https://gws.example/api/v2/notifications', descriptor: OPENMEDIA_CHANNEL, transport: 'long-polling', visible: true };
    for (const handler of handlers) handler({ data: { kind: 'start', config } } as MessageEvent<ToConnectionWorker>);
    expect(given).toEqual([undefined]);
  });
});
