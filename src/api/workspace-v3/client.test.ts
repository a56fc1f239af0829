import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeFetch, json } from '../../testing/fake-fetch';
import type { FakeRequest } from '../../testing/fake-fetch';
import { answerCapture, capture } from '../../protocol/workspace-v3/fixtures';
import { parseV3Notification } from '../../protocol/workspace-v3/parse';
import { createWorkspaceV3Session } from '../../protocol/workspace-v3/session';
import { GwsRequestError } from '../errors';
import { createWorkspaceV3Client } from './client';
import { readTransferTarget } from './operations';

async function rejection(promise: Promise<unknown>): Promise<GwsRequestError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof GwsRequestError)) throw new Error(`expected a GwsRequestError, got ${String(error)}`);
  return error;
}

const ACCEPTED = answerCapture('v3-03-accept-answer-and-notification').answer.body;

function setup(handler: (request: FakeRequest) => Response | Promise<Response> = () => json(ACCEPTED)) {
  const fake = createFakeFetch(handler);
  const session = createWorkspaceV3Session({ referenceBase: 0, instanceId: 'abcd' });
  const client = createWorkspaceV3Client({ gwsBase: 'http://sim.test/', fetch: fake.fetch, session, snapshotRetryDelaysMs: [] });
  return { fake, session, client };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('createWorkspaceV3Client: operations', () => {
  it.each([
    ['Accept', { operationName: 'Accept' }, 'accept', undefined],
    ['Reject', { operationName: 'Reject' }, 'reject', undefined],
    ['Complete', { operationName: 'Complete' }, 'complete', undefined],
    ['Transfer to an agent', { operationName: 'Transfer', targetUri: 'agent:KateLondon' }, 'transfer-agent', { agentId: 'KateLondon' }],
    ['Transfer to a queue', { operationName: 'Transfer', targetUri: 'http://gws/api/v2/queues/Workbin%201' }, 'place-in-queue', { queue: 'Workbin 1' }],
    ['DeleteUserData', { operationName: 'DeleteUserData', keys: ['OrderId'] }, 'delete-user-data', { keys: ['OrderId'], userData: [{ key: 'OrderId' }] }],
  ] as const)('%s: POST …/interactions/{id}/%s with an operationId of ours, no CSRF', async (_, request, verb, data) => {
    const { fake, client } = setup();
    const answer = await client.performOperation('workitem', 'b7d20a96a667c294', request);
    expect(fake.requests).toHaveLength(1);
    const [sent] = fake.requests;
    expect(sent).toMatchObject({ method: 'POST', url: `http://sim.test/workspace/v3/media/workitem/interactions/b7d20a96a667c294/${verb}`, credentials: 'include' });
    expect(sent?.body).toEqual(data === undefined ? { operationId: 'omw-abcd-1' } : { operationId: 'omw-abcd-1', data });
    expect(sent?.headers.has('X-CSRF-TOKEN')).toBe(false);
    expect(answer).toEqual({ statusCode: 0, referenceId: 1, statusMessage: undefined });
  });

  it('the notification carrying the operationId we sent resolves to the same referenceId (v3-03, either order)', async () => {
    const { fake, client, session } = setup();
    const answer = await client.performOperation('workitem', 'b7d20a96a667c294', { operationName: 'Accept' });
    const { notification } = answerCapture('v3-03-accept-answer-and-notification');
    const sentOperationId = (fake.requests[0]?.body as { operationId: string }).operationId;
    const parsed = parseV3Notification({ ...notification, data: { ...notification.data, operationId: sentOperationId } }, session);
    expect(parsed.ok && parsed.notification.referenceId).toBe(answer.referenceId);
  });

  it('operationIds never repeat within an instance and differ between instances', async () => {
    const a = setup();
    const other = createFakeFetch(() => json(ACCEPTED));
    const b = createWorkspaceV3Client({ fetch: other.fetch });
    await a.client.performOperation('workitem', 'x', { operationName: 'Complete' });
    await a.client.performOperation('workitem', 'x', { operationName: 'Complete' });
    await b.performOperation('workitem', 'x', { operationName: 'Complete' });
    const ids = [...a.fake.requests, ...other.requests].map((r) => (r.body as { operationId: string }).operationId);
    expect(new Set(ids).size).toBe(3);
  });

  it('edits user data as KV pairs keeping the type the server used (int stays int)', async () => {
    const { fake, client, session } = setup();
    // The session learns the types from what the parser saw (v3-05: Priority is "interger").
    parseV3Notification(answerCapture('v3-05-delete-user-data-simulator-body').notification, session);
    await client.performOperation('workitem', 'b7d20a96a667c294', { operationName: 'UpdateUserData', userData: { Priority: '9', Segment: 'Platinum', OrderId: 'A-1001', Count: 2 } });
    expect(fake.requests[0]?.body).toEqual({
      operationId: 'omw-abcd-1',
      data: {
        userData: [
          { key: 'Priority', type: 'interger', value: 9 },
          { key: 'Segment', type: 'str', value: 'Platinum' },
          { key: 'OrderId', type: 'str', value: 'A-1001' },
          { key: 'Count', type: 'int', value: 2 },
        ],
      },
    });
  });

  it('refuses, unsent, a value an int-typed key cannot hold (2.5, beyond 2^53) instead of sending it as text', async () => {
    const { fake, client, session } = setup();
    parseV3Notification(answerCapture('v3-05-delete-user-data-simulator-body').notification, session);
    for (const value of [2.5, '2.5', 1e20, 'seven', null]) {
      const error = await rejection(client.performOperation('workitem', 'b7d20a96a667c294', { operationName: 'UpdateUserData', userData: { Priority: value } }));
      expect((error as Error).message).toMatch(/^Priority holds whole numbers on this server \(type interger\): .* was not sent\./);
    }
    expect(fake.requests).toHaveLength(0);
  });

  it('names the Workspace API, not GWS, when it cannot be reached', async () => {
    const { client } = setup(() => Promise.reject(new TypeError('Failed to fetch')));
    expect(client.serverName).toBe('the Workspace API');
    expect(await rejection(client.performOperation('workitem', 'x', { operationName: 'Complete' }))).toMatchObject({
      kind: 'network',
      message: 'Cannot reach the Workspace API: Failed to fetch.',
    });
  });

  it('sends a bool key as true or false, and refuses unsent what is neither', async () => {
    const { fake, client, session } = setup();
    parseV3Notification(
      { messageType: 'InteractionStateChanged', notificationType: 'StatusChange', interaction: { id: 'x', mediatype: 'workitem', state: 'Processing', capabilities: ['update-user-data'], userData: [{ key: 'VIP', type: 'bool', value: true }] } },
      session,
    );
    await client.performOperation('workitem', 'x', { operationName: 'UpdateUserData', userData: { VIP: 'false' } });
    expect((fake.requests[0]?.body as { data: unknown }).data).toEqual({ userData: [{ key: 'VIP', type: 'bool', value: false }] });
    const error = await rejection(client.performOperation('workitem', 'x', { operationName: 'UpdateUserData', userData: { VIP: 'maybe' } }));
    expect((error as Error).message).toBe('VIP holds true or false on this server (type bool): maybe was not sent.');
    expect(fake.requests).toHaveLength(1);
  });

  it('sends Add data as the user-data verb the server lists (update-user-data when it lists both)', async () => {
    const { fake, client, session } = setup();
    const listing = (capabilities: string[]) =>
      parseV3Notification({ messageType: 'InteractionStateChanged', notificationType: 'StatusChange', interaction: { id: 'x', mediatype: 'workitem', state: 'Processing', capabilities, userData: [] } }, session);
    listing(['complete', 'attach-user-data']);
    await client.performOperation('workitem', 'x', { operationName: 'AttachUserData', userData: { Note: 'a' } });
    listing(['complete', 'attach-user-data', 'update-user-data']);
    await client.performOperation('workitem', 'x', { operationName: 'AttachUserData', userData: { Note: 'b' } });
    expect(fake.requests.map((r) => new URL(r.url).pathname.split('/').at(-1))).toEqual(['attach-user-data', 'update-user-data']);
  });

  it('status.code 2 is a partial success (refused), any other code a refusal with the server message', async () => {
    const partial = setup(() => json({ status: { code: 2 } }));
    expect(await partial.client.performOperation('workitem', 'x', { operationName: 'Complete' })).toMatchObject({ statusCode: 7, serverCode: 2, referenceId: undefined });
    const refused = setup(() => json({ status: { code: 12, message: 'Invalid state' } }));
    expect(await refused.client.performOperation('workitem', 'x', { operationName: 'Complete' })).toEqual({ statusCode: 12, referenceId: undefined, statusMessage: 'Invalid state' });
  });

  it('an HTTP error keeps the {status:{code,message}} of its body; 401 is a lost session', async () => {
    const refused = setup(() => json({ status: { code: 5, message: 'Not allowed' } }, { status: 400 }));
    expect(await rejection(refused.client.performOperation('workitem', 'x', { operationName: 'Complete' }))).toMatchObject({ kind: 'status-code', statusCode: 5, message: 'Not allowed', status: 400 });
    const gone = setup(() => new Response('', { status: 401 }));
    expect(await rejection(gone.client.performOperation('workitem', 'x', { operationName: 'Complete' }))).toMatchObject({ kind: 'unauthorized' });
  });

  it('SetInFocus and a target that is neither agent nor queue fail without a request', async () => {
    const { fake, client } = setup();
    expect((await rejection(client.performOperation('workitem', 'x', { operationName: 'SetInFocus' }))).message).toMatch(/does not exist/);
    expect((await rejection(client.performOperation('workitem', 'x', { operationName: 'Transfer', targetUri: 'http://x/y' }))).message).toMatch(/neither/);
    expect(fake.requests).toHaveLength(0);
  });

  it('reads transfer targets from the forms a host may hold', () => {
    expect(readTransferTarget('http://gws/api/v2/users/dwhitfield')).toEqual({ kind: 'agent', agentId: 'dwhitfield' });
    expect(readTransferTarget('workbin:Workbin1')).toEqual({ kind: 'queue', queue: 'Workbin1' });
    expect(readTransferTarget('queues/billing')).toEqual({ kind: 'queue', queue: 'billing' });
    expect(readTransferTarget('nothing')).toBeUndefined();
  });

  it('every request of the REST log is a path the client builds', () => {
    const log = capture('v3-07-rest-log') as { path: string; label: string }[];
    const verbs = log.map((e) => /\/interactions\/[^/]+\/([a-z-]+)$/.exec(e.path)?.[1]).filter((v): v is string => v !== undefined);
    expect(new Set(verbs)).toEqual(new Set(['accept', 'update-user-data', 'delete-user-data', 'attach-user-data', 'transfer-agent', 'set-in-focus', 'complete', 'reject']));
  });
});

describe('createWorkspaceV3Client: snapshot (current-session)', () => {
  const invited = capture('v3-01-current-session-invited');

  it('one current-session read serves every media type at once, filtered and de-duplicated', async () => {
    const { fake, client } = setup(() => json(invited));
    const [workitem, email] = await Promise.all([client.getSnapshot('workitem'), client.getSnapshot('email')]);
    expect(fake.requests.map((r) => r.url)).toEqual(['http://sim.test/workspace/v3/current-session']);
    expect(workitem.interactions.map((i) => i.id)).toEqual(['b7d20a96a667c294']);
    expect(email.interactions).toEqual([]);
  });

  it('after a gap: the interaction offered meanwhile is listed (v3-02)', async () => {
    const { client } = setup(() => json(capture('v3-02-current-session-after-gap')));
    const result = await client.getSnapshot('workitem');
    expect(result.interactions.map((i) => i.userData.Subject)).toContain('V3 research workitem 3 (sent during gap)');
  });

  it('a refused read (403 after the first handshake) is retried with growing waits, then succeeds', async () => {
    vi.useFakeTimers();
    let calls = 0;
    const fake = createFakeFetch(() => (++calls <= 3 ? new Response('', { status: 403 }) : json(invited)));
    const client = createWorkspaceV3Client({ fetch: fake.fetch, snapshotRetryDelaysMs: [100, 200, 400] });
    const result = client.getSnapshot('workitem');
    await vi.advanceTimersByTimeAsync(100 + 200);
    expect(fake.requests).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(399);
    expect(fake.requests).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(1);
    expect((await result).interactions).toHaveLength(1);
  });

  it('gives up after the last wait and reports the failure; a 401 is not retried', async () => {
    vi.useFakeTimers();
    const refused = createFakeFetch(() => new Response('', { status: 403 }));
    const client = createWorkspaceV3Client({ fetch: refused.fetch, snapshotRetryDelaysMs: [100] });
    const failed = rejection(client.getSnapshot('workitem'));
    await vi.advanceTimersByTimeAsync(100);
    expect(await failed).toMatchObject({ kind: 'http', status: 403 });
    expect(refused.requests).toHaveLength(2);

    const gone = createFakeFetch(() => new Response('', { status: 401 }));
    const lost = createWorkspaceV3Client({ fetch: gone.fetch, snapshotRetryDelaysMs: [100] });
    expect(await rejection(lost.getSnapshot('workitem'))).toMatchObject({ kind: 'unauthorized' });
    expect(gone.requests).toHaveLength(1);
  });

  it('one caller aborting does not abort the read the others share', async () => {
    let release: (r: Response) => void = () => undefined;
    const { fake, client } = setup(() => new Promise<Response>((resolve) => (release = resolve)));
    const abort = new AbortController();
    const first = client.getSnapshot('workitem', { signal: abort.signal });
    const second = client.getSnapshot('workitem');
    abort.abort();
    await expect(first).rejects.toBeDefined();
    release(json(invited));
    expect((await second).interactions).toHaveLength(1);
    expect(fake.requests).toHaveLength(1);
  });
});
