import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryChannel } from '../channel/memory-channel';
import { WORKSPACE_V3_CHANNEL } from '../protocol/workspace-v3/channel';
import { createFakeFetch, json } from '../testing/fake-fetch';
import { createOpenmediaClient } from './openmedia-client';

/**
 * One Workspace API v3 `current-session` lists every media type at once. A type the client was
 * not told of (an SMS, a chat) that is already there at load is shown too on the wildcard
 * subscription, whose news of it reaches the client; not with exact channels the host chose.
 */

function interaction(id: string, mediatype: string, subject: string) {
  return { id, mediatype, state: 'Invited', capabilities: ['accept', 'reject'], subject, userData: [] };
}

let withSms = true;

function currentSession() {
  const channels = [{ name: 'workitem', interactions: [interaction('WI-1', 'workitem', 'A workitem')] }];
  if (withSms) channels.push({ name: 'sms', interactions: [interaction('SMS-1', 'sms', 'A text message')] });
  return {
    status: { code: 0 },
    data: {
      user: {
        userName: 'JohnSmith',
        activeSession: {
          media: {
            channels,
          },
        },
      },
    },
  };
}

function setup(cometdChannels?: readonly string[]) {
  const fake = createFakeFetch((request) => (request.url.endsWith('/workspace/v3/current-session') ? json(currentSession()) : json({ status: { code: 1 } })));
  vi.stubGlobal('fetch', fake.fetch);
  const channel = createMemoryChannel(WORKSPACE_V3_CHANNEL);
  const client = createOpenmediaClient({
    dialect: 'workspace-v3',
    channel,
    schedule: queueMicrotask,
    tickMs: 60_000,
    stateStartStorage: null,
    ...(cometdChannels === undefined ? {} : { cometdChannels }),
  });
  return { fake, client, channel };
}

afterEach(() => {
  vi.unstubAllGlobals();
  withSms = true;
});

describe('media types a Workspace API read lists that the client was not told of', () => {
  it('are read and shown on the wildcard subscription', async () => {
    const { client } = setup();
    const release = client.start();
    await vi.waitFor(() => expect(client.store.getState().byId.get('SMS-1')?.interaction.state).toBe('Invited'));
    expect(client.store.getState().byId.get('WI-1')).toBeDefined();
    // There at load: not news (a screen reader is not told of it as a new offer).
    await vi.waitFor(() => expect(client.getSnapshot().baselineTypes?.has('sms')).toBe(true));
    release();
    client.dispose();
  });

  it('met first in a read after a gap, what they list may have come during it: news', async () => {
    withSms = false;
    const { client, channel } = setup();
    const release = client.start();
    await vi.waitFor(() => expect(client.store.getState().byId.get('WI-1')).toBeDefined());
    withSms = true;
    channel.requestResync();
    await vi.waitFor(() => expect(client.store.getState().byId.get('SMS-1')).toBeDefined());
    expect(client.getSnapshot().baselineTypes?.has('sms')).toBe(false);
    release();
    client.dispose();
  });

  it('are left out with exact channels the host chose (no news of them would come)', async () => {
    const { client } = setup(['/workspace/v3/media/workitem']);
    const release = client.start();
    await vi.waitFor(() => expect(client.store.getState().byId.get('WI-1')).toBeDefined());
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(client.store.getState().byId.get('SMS-1')).toBeUndefined();
    release();
    client.dispose();
  });
});
