import { CometD } from 'cometd';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { installScriptedXhr } from '../test-support/scripted-xhr';
import { cacheConfigurationReads } from './cometd-configuration';

// The real CometD 9 client (with a stub window, as the other real-client tests): what the cache
// relies on is CometD's own behaviour, a copy per read that reflects every change.

beforeEach(() => {
  installScriptedXhr();
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

function configuredClient(): CometD {
  const cometd = new CometD();
  cometd.configure({ url: 'https://gws.example:8090/api/v2/notifications', maxNetworkDelay: 7_000 });
  return cometd;
}

describe('cacheConfigurationReads', () => {
  it('gives one copy of the configuration until it changes, instead of a deep copy per read', () => {
    const cometd = configuredClient();
    // CometD's own getConfiguration: one deep copy per call.
    const copies = vi.spyOn(cometd, 'getConfiguration');
    cacheConfigurationReads(cometd);
    const first = cometd.getConfiguration();
    expect(first).toMatchObject({ url: 'https://gws.example:8090/api/v2/notifications', maxNetworkDelay: 7_000 });
    expect(cometd.getConfiguration()).toBe(first);
    expect(cometd.getConfiguration()).toBe(first);
    expect(copies).toHaveBeenCalledTimes(1);
  });

  it('reads the new configuration after configure, setBackoffIncrement and setLogLevel', () => {
    const cometd = configuredClient();
    cacheConfigurationReads(cometd);
    const before = cometd.getConfiguration();

    cometd.configure({ url: 'https://gws.example:8090/api/v2/notifications', maxNetworkDelay: 9_000 });
    const configured = cometd.getConfiguration();
    expect(configured).not.toBe(before);
    expect(configured).toMatchObject({ url: 'https://gws.example:8090/api/v2/notifications', maxNetworkDelay: 9_000 });

    cometd.setBackoffIncrement(2_500);
    expect(cometd.getConfiguration()).toMatchObject({ backoffIncrement: 2_500 });

    cometd.setLogLevel('info');
    expect(cometd.getConfiguration()).toMatchObject({ logLevel: 'info' });
    // And the setters still did what they do.
    expect(cometd.getBackoffIncrement()).toBe(2_500);
  });

  it('leaves a client without getConfiguration (a test fake) as it is', () => {
    const fake = { configure: vi.fn() };
    cacheConfigurationReads(fake).setRequestHeaders({ 'X-CSRF-TOKEN': 'abc' });
    expect(Object.keys(fake)).toEqual(['configure']);
  });

  it('lays request headers set at run time over the configured ones, in a new copy, without configure()', () => {
    const cometd = new CometD();
    cometd.configure({ url: 'https://gws.example:8090/api/v2/notifications', requestHeaders: { 'X-Host': 'desk' } });
    const configure = vi.spyOn(cometd, 'configure');
    const reads = cacheConfigurationReads(cometd);
    const before = cometd.getConfiguration();
    reads.setRequestHeaders({ 'X-CSRF-TOKEN': 'abc' });
    const after = cometd.getConfiguration();
    expect(after).not.toBe(before);
    expect(after).toMatchObject({ requestHeaders: { 'X-Host': 'desk', 'X-CSRF-TOKEN': 'abc' } });
    expect(cometd.getConfiguration()).toBe(after);
    // A later configure() keeps them.
    cometd.configure({ url: 'https://gws.example:8090/api/v2/notifications', maxNetworkDelay: 9_000 });
    expect(cometd.getConfiguration()).toMatchObject({ maxNetworkDelay: 9_000, requestHeaders: { 'X-CSRF-TOKEN': 'abc' } });
    reads.setRequestHeaders({});
    expect((cometd.getConfiguration() as { requestHeaders: unknown }).requestHeaders).toEqual({ 'X-Host': 'desk' });
    expect(configure).toHaveBeenCalledTimes(1);
  });
});
