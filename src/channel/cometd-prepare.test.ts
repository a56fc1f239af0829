import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Configuration, Message } from 'cometd';
import { prepareCometd } from './cometd-session';
import type { CometdClient } from './cometd-session';

// prepareCometd on its own: what it configures, the Workers and blob URLs CometD's configure()
// creates (stopped on dispose, since CometD 9 cannot), the CSP fallback, the close guard and the
// jitter on CometD's own retries.

afterEach(() => {
  vi.unstubAllGlobals();
});

const PARAMS = { url: 'https://gws.example/api/v2/notifications', transport: 'long-polling', backoff: { baseMs: 100, maxMs: 1000 }, random: () => 0 } as const;

type Extension = { outgoing?: (message: Message) => Message | null };

function stubCometd(configure: (config: Configuration) => void = () => undefined) {
  const configs: Configuration[] = [];
  const unregistered: string[] = [];
  const extensions = new Map<string, Extension>();
  const cometd = {
    configure: (config: Configuration) => {
      configs.push(config);
      configure(config);
    },
    handshake: vi.fn(),
    disconnect: vi.fn(),
    addListener: vi.fn(),
    removeListener: vi.fn(),
    subscribe: vi.fn(),
    unregisterTransport: (name: string) => {
      unregistered.push(name);
      return null;
    },
    registerExtension: (name: string, extension: Extension) => {
      extensions.set(name, extension);
      return true;
    },
    getStatus: () => 'disconnected',
  };
  return { cometd: cometd as unknown as CometdClient, configs, unregistered, extensions };
}

describe('prepareCometd', () => {
  it('configures the URL and back-off, drops callback-polling, and websocket for long-polling only', () => {
    const longPolling = stubCometd();
    prepareCometd(longPolling.cometd, PARAMS);
    expect(longPolling.configs).toEqual([{ url: PARAMS.url, backoffIncrement: 100, maxBackoff: 1000, logLevel: 'warn' }]);
    expect(longPolling.unregistered.sort()).toEqual(['callback-polling', 'websocket']);
    const websocket = stubCometd();
    prepareCometd(websocket.cometd, { ...PARAMS, transport: 'websocket' });
    expect(websocket.unregistered).toEqual(['callback-polling']);
  });

  it('lets nothing but a disconnect out while the gate is closed', () => {
    const stub = stubCometd();
    const prepared = prepareCometd(stub.cometd, PARAMS);
    const guard = [...stub.extensions.values()][0];
    const connect = { channel: '/meta/connect' } as Message;
    const disconnect = { channel: '/meta/disconnect' } as Message;
    expect(prepared.gate.open).toBe(false);
    expect(guard?.outgoing?.(connect)).toBeNull();
    expect(guard?.outgoing?.(disconnect)).toBe(disconnect);
    prepared.gate.open = true;
    expect(guard?.outgoing?.(connect)).toBe(connect);
    prepared.dispose();
    expect(prepared.gate.open).toBe(false);
  });

  it('stops the Workers and revokes the blob URLs configure() created, on dispose, and restores the globals at once', () => {
    const terminated: string[] = [];
    const revoked: string[] = [];
    class FakeWorker {
      constructor(readonly url: string) {}
      terminate() {
        terminated.push(this.url);
      }
    }
    const urlApi = { createObjectURL: (blob: unknown) => `blob:${String(blob)}`, revokeObjectURL: (url: string) => revoked.push(url) };
    vi.stubGlobal('Worker', FakeWorker);
    vi.stubGlobal('URL', urlApi);
    const stub = stubCometd(() => {
      const scope = globalThis as unknown as { Worker: new (url: string) => FakeWorker; URL: typeof urlApi };
      const url = scope.URL.createObjectURL('scheduler');
      new scope.Worker(url);
    });
    const prepared = prepareCometd(stub.cometd, PARAMS);
    expect((globalThis as { Worker?: unknown }).Worker).toBe(FakeWorker);
    expect(urlApi.createObjectURL('x')).toBe('blob:x');
    expect(terminated).toEqual([]);
    prepared.dispose();
    expect(terminated).toEqual(['blob:scheduler']);
    expect(revoked).toEqual(['blob:scheduler']);
    prepared.dispose();
    expect(terminated).toHaveLength(1);
  });

  it('restores the globals even when configure() throws', () => {
    const createObjectURL = () => 'blob:x';
    vi.stubGlobal('Worker', undefined);
    vi.stubGlobal('URL', { createObjectURL });
    const stub = stubCometd(() => {
      throw new Error('bad URL');
    });
    expect(() => prepareCometd(stub.cometd, PARAMS)).toThrow('bad URL');
    expect((globalThis as unknown as { URL: { createObjectURL: unknown } }).URL.createObjectURL).toBe(createObjectURL);
  });

  it('falls back to window timers when a Content-Security-Policy forbids the Worker', () => {
    vi.stubGlobal('Worker', class {});
    let calls = 0;
    const stub = stubCometd(() => {
      calls += 1;
      if (calls === 1) throw new Error('CSP: worker-src');
    });
    prepareCometd(stub.cometd, PARAMS);
    expect(stub.configs).toHaveLength(2);
    expect(stub.configs[1]).toMatchObject({ url: PARAMS.url, useWorkerScheduler: false });
  });

  it('without Worker at all, a configure() failure is thrown to the caller', () => {
    vi.stubGlobal('Worker', undefined);
    const stub = stubCometd(() => {
      throw new Error('bad URL');
    });
    expect(() => prepareCometd(stub.cometd, PARAMS)).toThrow('bad URL');
  });

  it("jitters the delay of CometD's own retries, and leaves a decision without one alone", () => {
    const stub = stubCometd();
    const decided: { delay?: number }[] = [];
    const target = stub.cometd as unknown as {
      onTransportFailure: (m: Message, d: { delay?: number }, proceed: (d: { delay?: number }) => void) => void;
    };
    target.onTransportFailure = (_message, decision, proceed) => proceed(decision);
    prepareCometd(stub.cometd, { ...PARAMS, random: () => 0 });
    target.onTransportFailure({ channel: '/meta/connect' } as Message, { delay: 1000 }, (d) => decided.push(d));
    target.onTransportFailure({ channel: '/meta/connect' } as Message, {}, (d) => decided.push(d));
    expect(decided).toEqual([{ delay: 500 }, {}]);
  });
});
