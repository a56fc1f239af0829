import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryChannel } from '../channel/memory-channel';
import { WORKSPACE_V3_CHANNEL } from '../protocol/workspace-v3/channel';
import { createFakeFetch, json } from '../testing/fake-fetch';
import { createOpenmediaClient } from './openmedia-client';

/**
 * How a Workspace API v3 server ties its notifications to the widget's requests is partly open in
 * the spec: the widget's own `operationId` may not come back in them, or the server may answer with
 * one of its own. Either way the action settles when its news shows it done, not after its timeout.
 */

const ID = 'WI-1';

function interaction(state: string, capabilities: string[]) {
  return { id: ID, mediatype: 'workitem', state, capabilities, subject: 'A workitem', userData: [] };
}

function setup(answer: (operationId: string) => unknown) {
  const fake = createFakeFetch((request) => {
    if (request.url.endsWith('/workspace/v3/current-session')) {
      return json({ status: { code: 0 }, data: { user: { activeSession: { media: { channels: [{ name: 'workitem', interactions: [interaction('Invited', ['accept', 'reject'])] }] } } } } });
    }
    return json(answer((request.body as { operationId: string }).operationId));
  });
  vi.stubGlobal('fetch', fake.fetch);
  const channel = createMemoryChannel(WORKSPACE_V3_CHANNEL);
  const client = createOpenmediaClient({ dialect: 'workspace-v3', channel, schedule: queueMicrotask, tickMs: 60_000, stateStartStorage: null, actionTimeoutMs: 60_000 });
  return { channel, client };
}

const accepted = (extra: Record<string, unknown> = {}) => ({ messageType: 'InteractionStateChanged', notificationType: 'StatusChange', interaction: interaction('Processing', ['complete']), ...extra });

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('Workspace API v3 notifications that do not carry the widget’s operationId', () => {
  it('an Accept settles when news without any operationId shows it done', async () => {
    const { channel, client } = setup(() => ({ status: { code: 1 } }));
    const release = client.start();
    await vi.waitFor(() => expect(client.store.getState().byId.get(ID)).toBeDefined());
    const outcome = client.perform(ID, { operationName: 'Accept' });
    await vi.waitFor(() => expect(client.store.getState().byId.get(ID)?.pending?.referenceId).toBeDefined());
    channel.emit(accepted());
    await expect(outcome).resolves.toEqual({ status: 'succeeded' });
    release();
    client.dispose();
  });

  it('an Accept the server answered with an operationId of its own settles on news that carries that one', async () => {
    const { channel, client } = setup(() => ({ status: { code: 1 }, operationId: 'server-chosen-7' }));
    const release = client.start();
    await vi.waitFor(() => expect(client.store.getState().byId.get(ID)).toBeDefined());
    const outcome = client.perform(ID, { operationName: 'Accept' });
    await vi.waitFor(() => expect(client.store.getState().byId.get(ID)?.pending?.referenceId).toBeDefined());
    channel.emit(accepted({ operationId: 'server-chosen-7' }));
    await expect(outcome).resolves.toEqual({ status: 'succeeded' });
    release();
    client.dispose();
  });

  it('news that carries another request’s operationId is not taken for this one’s outcome', async () => {
    const { channel, client } = setup(() => ({ status: { code: 1 } }));
    const release = client.start();
    await vi.waitFor(() => expect(client.store.getState().byId.get(ID)).toBeDefined());
    void client.perform(ID, { operationName: 'Accept' });
    await vi.waitFor(() => expect(client.store.getState().byId.get(ID)?.pending?.referenceId).toBeDefined());
    channel.emit(accepted({ operationId: 'another-tab-3' }));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(client.store.getState().byId.get(ID)?.interaction.state).toBe('Processing');
    expect(client.store.getState().byId.get(ID)?.pending?.operation).toBe('Accept');
    release();
    client.dispose();
  });
});
