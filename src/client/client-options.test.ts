import { describe, expect, it } from 'vitest';
import { createMemoryChannel } from '../channel/memory-channel';
import { CLIENT_OPTION_KEYS, DEFAULT_MEDIA_TYPES, pickClientOptions, sameClientOptions } from './client-options';

describe('sameClientOptions', () => {
  it('compares media types by content, in order', () => {
    expect(sameClientOptions({ mediaTypes: ['a', 'b'] }, { mediaTypes: ['a', 'b'] })).toBe(true);
    expect(sameClientOptions({ mediaTypes: DEFAULT_MEDIA_TYPES }, { mediaTypes: DEFAULT_MEDIA_TYPES })).toBe(true);
    expect(sameClientOptions({}, {})).toBe(true);
    expect(sameClientOptions({ mediaTypes: ['a', 'b'] }, { mediaTypes: ['b', 'a'] })).toBe(false);
    expect(sameClientOptions({ mediaTypes: ['a'] }, { mediaTypes: ['a', 'b'] })).toBe(false);
    expect(sameClientOptions({ mediaTypes: ['a', 'b'] }, { mediaTypes: ['a', 'c'] })).toBe(false);
    // The documented default (client-options.ts, docs/api.md).
    expect(DEFAULT_MEDIA_TYPES).toEqual(['promotion', 'workitem']);
    expect(sameClientOptions({ mediaTypes: ['a'] }, {})).toBe(false);
    expect(sameClientOptions({}, { mediaTypes: [] })).toBe(false);
  });

  it('takes an option given as its default for the option left out (an element given action-timeout-ms="15000" does not reconnect)', () => {
    expect(sameClientOptions({}, { actionTimeoutMs: 15_000, lingerMs: 60_000, shareConnection: true, transport: 'long-polling', mediaTypes: ['promotion', 'workitem'] })).toBe(true);
    expect(sameClientOptions({ actionTimeoutMs: 15_000 }, {})).toBe(true);
    expect(sameClientOptions({}, { actionTimeoutMs: 20_000 })).toBe(false);
    expect(sameClientOptions({}, { lingerMs: 5_000 })).toBe(false);
    expect(sameClientOptions({}, { shareConnection: false })).toBe(false);
    expect(sameClientOptions({}, { transport: 'websocket' })).toBe(false);
    // Workspace API v3 has other default media types: the GWS v2 list given is a change there.
    expect(sameClientOptions({ dialect: 'workspace-v3' }, { dialect: 'workspace-v3', mediaTypes: ['promotion', 'workitem'] })).toBe(false);
  });

  it('compares the CometD channels by content too, and the API key by value', () => {
    expect(sameClientOptions({ cometdChannels: ['/a', '/b'] }, { cometdChannels: ['/a', '/b'] })).toBe(true);
    expect(sameClientOptions({ cometdChannels: ['/a'] }, { cometdChannels: ['/a', '/b'] })).toBe(false);
    expect(sameClientOptions({ cometdChannels: ['/a'] }, {})).toBe(false);
    expect(sameClientOptions({ apiKey: 'k' }, { apiKey: 'k' })).toBe(true);
    expect(sameClientOptions({ apiKey: 'k' }, { apiKey: 'j' })).toBe(false);
  });

  it('compares every other defining option by identity', () => {
    const channel = createMemoryChannel();
    expect(sameClientOptions({ gwsBase: 'x', channel }, { gwsBase: 'x', channel })).toBe(true);
    expect(sameClientOptions({ channel }, { channel: createMemoryChannel() })).toBe(false);
    expect(sameClientOptions({ gwsBase: 'x' }, { gwsBase: 'y' })).toBe(false);
    expect(sameClientOptions({ tickMs: 1000 }, {})).toBe(false);
    expect(sameClientOptions({ alertEffects: undefined, shareConnection: false }, { shareConnection: false })).toBe(true);
    // Alerts are applied to a running client (client.alerts.configure): not defining.
    expect(sameClientOptions({ alerts: true }, { alerts: false })).toBe(true);
  });
});

describe('the options that need a new client', () => {
  // Spelled out here rather than read from CLIENT_OPTION_KEYS: a key dropped from that list must fail.
  it.each([
    'gwsBase',
    'dialect',
    'cometdUrl',
    'transport',
    'connectPacingMs',
    'channel',
    'gwsClient',
    'queryClient',
    'actionTimeoutMs',
    'lingerMs',
    'recordLimit',
    'schedule',
    'now',
    'tickMs',
    'shareConnection',
    'tabEnvironment',
    'alertEffects',
  ])('a different %s is a different client, and is picked', (key) => {
    const a = { [key]: { version: 1 } };
    const b = { [key]: { version: 2 } };
    expect(sameClientOptions(a, b)).toBe(false);
    expect(pickClientOptions(a)).toEqual(a);
  });
});

describe('pickClientOptions', () => {
  it('keeps only the defining keys that are set', () => {
    const schedule = (flush: () => void) => flush();
    const picked = pickClientOptions({ gwsBase: 'x', mediaTypes: ['a'], schedule, alerts: true, lingerMs: undefined });
    expect(picked).toEqual({ gwsBase: 'x', mediaTypes: ['a'], schedule });
    expect(Object.keys(picked)).toEqual(['gwsBase', 'mediaTypes', 'schedule']);
    expect(Object.keys(picked).every((key) => (CLIENT_OPTION_KEYS as readonly string[]).includes(key))).toBe(true);
  });
});
