import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeBrowser } from '../test-support/fake-tabs';
import { OPENMEDIA_CHANNEL } from '../protocol/parse';
import { isSharedChannel } from './relay-channel';
import { createConnectionChannel, sharedConnectionName } from './shared-connection';

const V2 = { name: 'gws-v2', cometdPath: '/api/v2/notifications', descriptor: OPENMEDIA_CHANNEL } as const;

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('sharedConnectionName', () => {
  it('names the dialect and the absolute CometD URL', () => {
    expect(sharedConnectionName('https://gws.example/api/v2/notifications', 'gws-v2')).toBe('openmedia-widget gws-v2 https://gws.example/api/v2/notifications');
  });

  it('resolves a relative URL against the page, so two spellings of one endpoint share', () => {
    vi.stubGlobal('location', { href: 'https://desk.example/agent/index.html' });
    expect(sharedConnectionName('/api/v2/notifications', 'gws-v2')).toBe('openmedia-widget gws-v2 https://desk.example/api/v2/notifications');
    expect(sharedConnectionName('https://desk.example/api/v2/notifications', 'gws-v2')).toBe(sharedConnectionName('/api/v2/notifications', 'gws-v2'));
  });

  it('names a channel list when one is given, in any order: tabs listening to other channels never share', () => {
    const url = 'https://gws.example/workspace/v3/notifications';
    const exact = sharedConnectionName(url, 'workspace-v3', ['/workspace/v3/media/workitem', '/workspace/v3/media/email']);
    expect(exact).toBe(sharedConnectionName(url, 'workspace-v3', ['/workspace/v3/media/email', '/workspace/v3/media/workitem']));
    expect(exact).not.toBe(sharedConnectionName(url, 'workspace-v3'));
    expect(exact).not.toBe(sharedConnectionName(url, 'workspace-v3', ['/workspace/v3/media/workitem']));
  });

  it('keeps a URL it cannot resolve as it is (no page location in Node)', () => {
    expect(sharedConnectionName('/api/v2/notifications', 'workspace-v3')).toBe('openmedia-widget workspace-v3 /api/v2/notifications');
  });
});

describe('createConnectionChannel', () => {
  it('shares between tabs when the browser can, on the dialect path under gwsBase', () => {
    const browser = createFakeBrowser();
    const channel = createConnectionChannel({ tabEnvironment: browser.tab().environment }, 'https://gws.example', V2);
    expect(isSharedChannel(channel)).toBe(true);
    expect(channel.descriptor).toBe(OPENMEDIA_CHANNEL);
  });

  it('has a session of its own with shareConnection false, or without Web Locks (Node)', () => {
    const browser = createFakeBrowser();
    expect(isSharedChannel(createConnectionChannel({ shareConnection: false, tabEnvironment: browser.tab().environment }, '', V2))).toBe(false);
    expect(isSharedChannel(createConnectionChannel({}, '', V2))).toBe(false);
  });
});
