import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryChannel } from '../channel/memory-channel';
import { WORKSPACE_V3_CHANNEL } from '../protocol/workspace-v3/channel';
import { createFakeFetch, json } from '../testing/fake-fetch';
import { createOpenmediaClient } from './openmedia-client';

/**
 * How a Workspace API v3 server ties its notifications to the widget's requests is partly open in
 * the spec: a server may answer with an `operationId` of its own, and its notifications then name
 * the request by that one. News naming another request settles nothing of this widget's.
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

describe('Workspace API v3 notifications and the widget’s requests', () => {
  it('an empty operationId in the answer names nothing: news carrying an empty one settles nothing', async () => {
    let answers = 0;
    const { channel, client } = setup(() => ({ status: { code: 1 }, operationId: answers++ === 0 ? '' : 'server-chosen-7' }));
    const release = client.start();
    await vi.waitFor(() => expect(client.store.getState().byId.get(ID)).toBeDefined());
    // A first request answered with an empty operationId: no alias, so news with an empty one settles nothing.
    void client.perform(ID, { operationName: 'Reject' });
    await vi.waitFor(() => expect(client.store.getState().byId.get(ID)?.pending?.referenceId).toBeDefined());
    channel.emit({ messageType: 'InteractionStateChanged', notificationType: 'PropertiesUpdated', operationId: '', interaction: interaction('Invited', ['accept', 'reject']) });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(client.store.getState().byId.get(ID)?.pending?.operation).toBe('Reject');
    client.dispose();
    release();
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
