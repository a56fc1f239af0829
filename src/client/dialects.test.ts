import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createMemoryChannel } from '../channel/memory-channel';
import { mediaMessage, answerCapture, capture } from '../protocol/workspace-v3/fixtures';
import { WORKSPACE_V3_CHANNEL } from '../protocol/workspace-v3/parse';
import { createFakeFetch, json } from '../testing/fake-fetch';
import { createDialect, withDialect } from './dialects';
import { createOpenmediaClient } from './openmedia-client';

// The v3 dialect's code loads on demand (a dynamic import); loaded once here, each client
// then has it within a few microtasks, as a browser has a cached chunk.
beforeAll(async () => {
  await import('./workspace-v3-dialect');
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('dialects', () => {
  it('gws-v2 is the default and keeps every v2 setting', () => {
    const dialect = createDialect(undefined);
    expect(dialect.name).toBe('gws-v2');
    const options = withDialect({}, dialect, 'https://gws.example');
    expect(options.cometdUrl).toBe('https://gws.example/api/v2/notifications');
    expect(options.mediaTypes).toEqual(['promotion', 'workitem']);
    expect(options.channel).toBeUndefined();
  });

  it('workspace-v3: its CometD path, the media channels, its media types; explicit options win', () => {
    const dialect = createDialect('workspace-v3');
    const options = withDialect({}, dialect, 'https://wwe.example');
    expect(options.cometdUrl).toBe('https://wwe.example/workspace/v3/notifications');
    expect(options.mediaTypes).toEqual(['workitem', 'email', 'outboundpreview']);
    // The channel is the client's (shared between tabs), built from the dialect's descriptor.
    expect(options.channel).toBeUndefined();
    expect(dialect.descriptor).toBe(WORKSPACE_V3_CHANNEL);
    expect(withDialect({ mediaTypes: ['chat'], cometdUrl: '/x' }, dialect, '')).toMatchObject({ mediaTypes: ['chat'], cometdUrl: '/x' });
    // The widget's own explanations name the server it talks to.
    expect(options.gwsClient?.serverName).toBe('the Workspace API');
    expect(withDialect({}, createDialect('gws-v2'), '').gwsClient?.serverName ?? 'GWS').toBe('GWS');
  });

  it('checks the CometD channels where the host gave them: a malformed list throws with the fix, a good one is kept', () => {
    const dialect = createDialect('workspace-v3');
    expect(() => withDialect({ cometdChannels: ['/workspace/v3/media/*/x'] }, dialect, '')).toThrow(/cometdChannels: .*wildcard/);
    expect(() => createOpenmediaClient({ dialect: 'workspace-v3', cometdChannels: [] })).toThrow(/at least one channel/);
    expect(withDialect({ cometdChannels: ['/workspace/v3/media/email'] }, dialect, '').cometdChannels).toEqual(['/workspace/v3/media/email']);
    expect(withDialect({}, dialect, '').cometdChannels).toBeUndefined();
  });

  it.each(['gws-v2', 'workspace-v3'] as const)('%s: the REST client sends apiKey as x-api-key', async (name) => {
    const fake = createFakeFetch(() => json({ data: { user: { userName: 'a' } } }));
    vi.stubGlobal('fetch', fake.fetch);
    const options = withDialect({ apiKey: 'k-1' }, createDialect(name), 'https://gws.example');
    await options.gwsClient?.getMe();
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]?.headers.get('x-api-key')).toBe('k-1');
  });

  it("workspace-v3 names each media type's exact channel, for a server that refuses the wildcard; gws-v2 needs none", () => {
    expect(createDialect('workspace-v3').exactChannels?.(['workitem', 'email', 'bad/type', 'a b', '*'])).toEqual([
      '/workspace/v3/media/workitem',
      '/workspace/v3/media/email',
    ]);
    expect(createDialect('gws-v2').exactChannels).toBeUndefined();
  });

  it('an unknown dialect is a programmer error that names the choices', () => {
    expect(() => createDialect('v9' as never)).toThrow(/gws-v2, workspace-v3/);
  });
});

describe('a workspace-v3 client end to end (memory channel, fake fetch)', () => {
  function setup() {
    const session = capture('v3-01-current-session-invited');
    const fake = createFakeFetch((request) => {
      if (request.url.endsWith('/workspace/v3/current-session')) return json(session);
      return json({ status: { code: 1 }, operationId: (request.body as { operationId?: string }).operationId });
    });
    vi.stubGlobal('fetch', fake.fetch);
    const channel = createMemoryChannel(WORKSPACE_V3_CHANNEL);
    const client = createOpenmediaClient({ dialect: 'workspace-v3', channel, schedule: queueMicrotask, tickMs: 60_000 });
    return { fake, channel, client };
  }

  async function settle(): Promise<void> {
    for (let i = 0; i < 10; i += 1) await Promise.resolve();
    await new Promise((resolve) => setTimeout(resolve, 0));
  }

  it('reads current-session once for all media types and shows the offer with Accept and Reject', async () => {
    const { fake, client } = setup();
    const release = client.start();
    await settle();
    expect(fake.requests.filter((r) => r.url.endsWith('/current-session'))).toHaveLength(1);
    const entry = client.store.getState().byId.get('b7d20a96a667c294');
    expect(entry?.interaction).toMatchObject({ state: 'Invited', capabilities: ['Accept', 'Reject'] });
    release();
    client.dispose();
  });

  it('Accept posts the v3 verb with an operationId; the notification carrying it settles the action', async () => {
    const { fake, channel, client } = setup();
    const release = client.start();
    await settle();
    const outcome = client.perform('b7d20a96a667c294', { operationName: 'Accept' });
    await settle();
    const post = fake.requests.find((r) => r.method === 'POST');
    expect(post?.url).toBe('/workspace/v3/media/workitem/interactions/b7d20a96a667c294/accept');
    const operationId = (post?.body as { operationId: string }).operationId;
    expect(client.store.getState().byId.get('b7d20a96a667c294')?.pending).toBeDefined();
    const { notification } = answerCapture('v3-03-accept-answer-and-notification');
    channel.emit({ ...notification.data, operationId });
    await expect(outcome).resolves.toEqual({ status: 'succeeded' });
    expect(client.store.getState().byId.get('b7d20a96a667c294')?.interaction.state).toBe('Processing');
    release();
    client.dispose();
  });

  it('a server that leaves out capabilities and user data, or sends user data it cannot read: the card keeps what is still true (as with GWS v2)', async () => {
    const { channel, client } = setup();
    const release = client.start();
    await settle();
    const id = 'b7d20a96a667c294';
    const held = client.store.getState().byId.get(id)?.interaction;
    expect(Object.keys(held?.userData ?? {}).length).toBeGreaterThan(0);
    const resource = (held === undefined ? {} : { id, mediatype: held.mediaType }) as Record<string, unknown>;
    const emit = (interaction: Record<string, unknown>, notificationType = 'PropertiesUpdated') =>
      channel.emit({ messageType: 'InteractionStateChanged', notificationType, interaction: { ...resource, ...interaction } });

    // Same state, nothing but the state: the offer keeps its buttons and its user data.
    emit({ state: 'Invited' });
    await settle();
    expect(client.store.getState().byId.get(id)?.interaction).toMatchObject({ state: 'Invited', capabilities: ['Accept', 'Reject'], userData: held?.userData });
    // User data that cannot be read: the state still applies, the data held stay, and it is counted.
    emit({ state: 'Invited', capabilities: ['accept'], userData: { Segment: 'Gold' } });
    await settle();
    expect(client.store.getState().byId.get(id)?.interaction).toMatchObject({ capabilities: ['Accept'], userData: held?.userData });
    expect(client.store.getState().diagnostics.rejected).toEqual({ 'invalid-user-data': 1 });
    // Another state without capabilities: no button for what the server did not say is allowed.
    emit({ state: 'Processing' }, 'StatusChange');
    await settle();
    expect(client.store.getState().byId.get(id)?.interaction).toMatchObject({ state: 'Processing', capabilities: [], userData: held?.userData });
    release();
    client.dispose();
  });

  it('a push capture parses through the client without a rejection', async () => {
    const { channel, client } = setup();
    const release = client.start();
    await settle();
    channel.emit(mediaMessage('01-workitem-invited').data);
    await settle();
    expect(client.store.getState().byId.get('31be41e8016ba71e')?.interaction.state).toBe('Invited');
    expect(client.store.getState().diagnostics.rejected).toEqual({});
    release();
    client.dispose();
  });
});
