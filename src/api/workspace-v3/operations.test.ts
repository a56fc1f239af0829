import { describe, expect, it } from 'vitest';
import { createWorkspaceV3Session } from '../../protocol/workspace-v3/session';
import { createFakeFetch, json } from '../../testing/fake-fetch';
import type { FakeRoute } from '../../testing/fake-fetch';
import { GwsRequestError } from '../errors';
import { createWorkspaceV3Client } from './client';
import { readTransferTarget } from './operations';

describe('readTransferTarget', () => {
  it.each([
    ['agent:KateLondon', { kind: 'agent', agentId: 'KateLondon' }],
    ['  Agent:KateLondon  ', { kind: 'agent', agentId: 'KateLondon' }],
    ['QUEUE:Billing', { kind: 'queue', queue: 'Billing' }],
    ['http://gws/api/v2/agents/kate', { kind: 'agent', agentId: 'kate' }],
    ['http://gws/api/v2/agent/kate', { kind: 'agent', agentId: 'kate' }],
    ['http://gws/api/v2/Users/kate', { kind: 'agent', agentId: 'kate' }],
    ['http://gws/api/v2/queues/Q1/', { kind: 'queue', queue: 'Q1' }],
    ['http://gws/api/v2/queue/Q1', { kind: 'queue', queue: 'Q1' }],
    ['http://gws/api/v2/workbins/My%20bin', { kind: 'queue', queue: 'My bin' }],
    ['http://gws/api/v2/workbin/W', { kind: 'queue', queue: 'W' }],
  ] as const)('%j is %j', (uri, target) => {
    expect(readTransferTarget(uri)).toEqual(target);
  });

  it.each([
    ['xagent:kate', 'a scheme that only ends in agent'],
    ['agent:kate\nextra', 'a second line after the id'],
    ['http://gws/api/v2/skills/kate', 'neither an agent nor a queue segment'],
    ['http://gws/', 'no segment at all'],
    ['kate', 'one segment'],
    ['http://[bad', 'not a URL'],
  ])('%j names no target (%s)', (uri) => {
    expect(readTransferTarget(uri)).toBeUndefined();
  });
});

function setup(route: FakeRoute = () => json({ status: { code: 1 } })) {
  const fake = createFakeFetch(route);
  const session = createWorkspaceV3Session({ referenceBase: 0, instanceId: 'abcd' });
  return { fake, client: createWorkspaceV3Client({ fetch: fake.fetch, session, snapshotRetryDelaysMs: [] }) };
}

async function rejection(promise: Promise<unknown>): Promise<GwsRequestError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof GwsRequestError)) throw new Error(`expected a GwsRequestError, got ${String(error)}`);
  return error;
}

describe('performV3Operation', () => {
  // Add data too: update-user-data appends a key not there yet (attach-user-data is never
  // answered by Genesys's simulator).
  it.each([
    ['AttachUserData', 'update-user-data'],
    ['UpdateUserData', 'update-user-data'],
  ] as const)('%s POSTs …/%s with the pairs as KV list', async (operationName, verb) => {
    const { fake, client } = setup();
    await client.performOperation('workitem', 'i-1', { operationName, userData: { Subject: 'Hi' } });
    expect(fake.requests[0]?.url).toBe(`/workspace/v3/media/workitem/interactions/i-1/${verb}`);
    expect(fake.requests[0]?.body).toEqual({ operationId: 'omw-abcd-1', data: { userData: [{ key: 'Subject', type: 'str', value: 'Hi' }] } });
  });

  it('code 0 (done at once) is accepted with the referenceId and marked done; code 1 is not done', async () => {
    const { client } = setup(() => json({ status: { code: 0, message: 'Done' } }));
    expect(await client.performOperation('workitem', 'i-1', { operationName: 'Complete' })).toEqual({ statusCode: 0, referenceId: 1, statusMessage: 'Done', done: true });
    const accepted = setup(() => json({ status: { code: 1 } }));
    expect(await accepted.client.performOperation('workitem', 'i-1', { operationName: 'Complete' })).toEqual({ statusCode: 0, referenceId: 1, statusMessage: undefined });
  });

  it('code 2 keeps the server message; refusals without one say what was refused', async () => {
    const partial = setup(() => json({ status: { code: 2, message: 'Only half' } }));
    expect(await partial.client.performOperation('workitem', 'i-1', { operationName: 'Complete' })).toEqual({ statusCode: 7, serverCode: 2, referenceId: undefined, statusMessage: 'Only half' });
    const partialBare = setup(() => json({ status: { code: 2 } }));
    expect((await partialBare.client.performOperation('workitem', 'i-1', { operationName: 'Complete' })).statusMessage).toBe('Complete only partly succeeded.');
    const refused = setup(() => json({ status: { code: 12 } }));
    expect((await refused.client.performOperation('workitem', 'i-1', { operationName: 'Reject' })).statusMessage).toBe('The Workspace API refused reject (status code 12).');
  });

  it('a 2xx without a body is accepted with its operationId, as code 1 (its notification settles it)', async () => {
    const { client } = setup(() => new Response(null, { status: 204 }));
    expect(await client.performOperation('workitem', 'i-1', { operationName: 'Complete' })).toEqual({ statusCode: 0, referenceId: 1, statusMessage: undefined });
  });

  it('a 2xx whose body says no status at all ({} or only the operationId) is taken too', async () => {
    for (const body of [{}, { operationId: 'x' }]) {
      const { client } = setup(() => json(body));
      expect(await client.performOperation('workitem', 'i-1', { operationName: 'Complete' })).toEqual({ statusCode: 0, referenceId: 1, statusMessage: undefined });
    }
  });

  it('an unreadable answer is an http error naming the verb and the reason', async () => {
    const { client } = setup(() => json({ status: 'fine' }));
    const error = await rejection(client.performOperation('workitem', 'i-1', { operationName: 'Accept' }));
    expect(error).toMatchObject({ kind: 'http', message: 'The Workspace API sent an answer to accept the widget cannot read (invalid-status-code).' });
  });

  it('says why a transfer or a focus cannot be sent', async () => {
    const { fake, client } = setup();
    expect(await rejection(client.performOperation('workitem', 'i-1', { operationName: 'Transfer', targetUri: 'skills/x' }))).toMatchObject({
      kind: 'http',
      message: 'Cannot transfer to skills/x: neither an agent nor a queue.',
    });
    expect(await rejection(client.performOperation('workitem', 'i-1', { operationName: 'SetInFocus' }))).toMatchObject({
      kind: 'http',
      message: 'Set in focus does not exist in the Workspace API v3.',
    });
    expect(fake.requests).toHaveLength(0);
  });
});

describe('createWorkspaceV3Client: getMe', () => {
  it.each([
    ['the user of the session', { data: { user: { userName: 'kate' } } }, { userName: 'kate' }],
    ['no user', { data: {} }, {}],
    ['no data', { status: { code: 0 } }, {}],
    ['a user that is a list', { data: { user: [{ userName: 'kate' }] } }, {}],
    ['a user that is null', { data: { user: null } }, {}],
    ['a user that is a string', { data: { user: 'kate' } }, {}],
    ['null', null, {}],
    ['a string', 'kate', {}],
  ])('answers %s as the user resource or an empty one', async (_, body, expected) => {
    const { fake, client } = setup(() => json(body));
    expect(await client.getMe()).toEqual(expected);
    expect(fake.requests[0]?.url).toBe('/workspace/v3/current-session');
  });

  it('passes its abort signal on', async () => {
    const { fake, client } = setup(() => new Promise<Response>(() => undefined));
    const abort = new AbortController();
    const pending = client.getMe({ signal: abort.signal }).catch((error: unknown) => error);
    abort.abort(new Error('unmounted'));
    expect(await pending).toEqual(new Error('unmounted'));
    expect(fake.requests[0]?.aborted).toBe(true);
  });
});
