import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CometD } from 'cometd';
import { answerCapture, capture, mediaMessage } from '../../protocol/workspace-v3/fixtures';
import { parseCurrentSession, parseV3Notification } from '../../protocol/workspace-v3/parse';
import { createWorkspaceV3Session } from '../../protocol/workspace-v3/session';
import { CookieJar } from '../../test-support/cookie-jar';
import { adaptWithJar } from '../../test-support/test-cometd-client';
import { waitFor } from '../../test-support/wait-for';
import { createMockGws, type RunningMockGws } from '../server';
import { shapeOf } from './shape';

// One CometD client for the whole file (cometd-nodejs-client is process-wide).
type Obj = Record<string, unknown>;
type V3Message = Obj & { notificationType?: string; messageType: string; operationId?: string; interaction?: Obj & { id: string; state: string } };
interface Received {
  readonly channel: string;
  readonly data: V3Message;
}

let mock: RunningMockGws;
const jar = new CookieJar();
let cometd: CometD;
const received: Received[] = [];
/** Why the widget's v3 parser refused a message the mock sent (checked after every test). */
const rejections: string[] = [];
const parserSession = createWorkspaceV3Session({ referenceBase: 0, instanceId: 'parser' });
let subscriptions = 0;
const session = createWorkspaceV3Session({ referenceBase: 0, instanceId: 'test' });

async function http(method: string, path: string, body?: unknown, init: { form?: boolean; cookie?: boolean } = {}) {
  const headers: Record<string, string> = {};
  if (init.cookie !== false && jar.header()) headers.Cookie = jar.header();
  if (body !== undefined) headers['Content-Type'] = init.form ? 'application/x-www-form-urlencoded' : 'application/json';
  const response = await fetch(`${mock.url}${path}`, {
    method,
    headers,
    redirect: 'manual',
    body: body === undefined ? undefined : init.form ? String(body) : JSON.stringify(body),
  });
  if (init.cookie !== false) jar.storeFrom(response.headers);
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
}

function operate(mediaType: string, id: string, verb: string, body: unknown) {
  return http('POST', `/workspace/v3/media/${mediaType}/interactions/${id}/${verb}`, body);
}

function outcome(operationId: string): Promise<Received> {
  return waitFor(() => received.find((m) => m.data.operationId === operationId), `the notification with operationId ${operationId}`);
}

async function offerCaptured(): Promise<string> {
  // The captured workitem's own fields and user data, under a fresh id.
  const { id: _id, ...fields } = mediaMessage('01-workitem-invited').data?.interaction as Obj;
  const { id } = mock.control.offer(fields);
  await waitFor(() => received.find((m) => m.data.interaction?.id === id), `the offer ${id}`);
  return id;
}

beforeAll(async () => {
  mock = await createMockGws({ dialect: 'workspace-v3', outcomeDelayMs: 5, basicAuth: { user: 'JohnSmith', password: 'JohnSmith' } });
  adaptWithJar(jar);
  cometd = new CometD();
  cometd.unregisterTransport('websocket');
  cometd.configure({ url: `${mock.url}/workspace/v3/notifications`, logLevel: 'warn', backoffIncrement: 50, maxBackoff: 300 });
  cometd.addListener('/meta/handshake', (reply) => {
    if (!reply.successful) return;
    const onMessage = (m: { channel: string; data?: unknown }) => {
      received.push({ channel: m.channel, data: m.data as V3Message });
      const parsed = parseV3Notification(m.data, parserSession);
      if (!parsed.ok) rejections.push(parsed.reason);
    };
    cometd.subscribe('/workspace/v3/media/*', onMessage, (sub) => {
      if (sub.successful) subscriptions += 1;
    });
  });
});

afterAll(async () => {
  await new Promise<void>((resolve) => (cometd.isDisconnected() ? resolve() : cometd.disconnect(() => resolve())));
  await mock.close();
});

beforeEach(() => {
  mock.control.reset();
  received.length = 0;
});

afterEach(() => {
  expect(rejections, 'messages of the mock the v3 parser rejected').toEqual([]);
});

describe('v3 mock: sign-in and session (the simulator’s, v3-07 / v3-08)', () => {
  it('refuses a request without a session with 403 and no body; signs in with the form, then the code sets WWE_CODE', async () => {
    expect(await http('GET', '/workspace/v3/current-session')).toMatchObject({ status: 403, body: undefined });
    const summary = capture('v3-08-driver-summary') as { signIn: { form: { location: string } }; initializeWorkspace: { setCookie: string; body: unknown } };

    const bad = await http('POST', '/auth/v3/sign-in', 'username=%5CJohnSmith&password=wrong', { form: true });
    expect(bad.status).toBe(302);
    expect(new URL(bad.headers.get('location') ?? '').search).toBe('?error&type=workspace');

    const signIn = await http('POST', '/auth/v3/sign-in', 'username=%5CJohnSmith&password=JohnSmith', { form: true });
    expect(signIn.status).toBe(302);
    const location = new URL(signIn.headers.get('location') ?? '');
    const expected = new URL(summary.signIn.form.location);
    expect(location.pathname).toBe(expected.pathname);
    const code = location.searchParams.get('code') ?? '';
    expect(code).toMatch(/^[0-9a-f]{4}$/);

    const init = await http('GET', `/workspace/v3/initialize-workspace?code=${code}`);
    expect(init.status).toBe(200);
    expect(init.body).toEqual(summary.initializeWorkspace.body);
    expect(init.headers.get('set-cookie')).toBe(summary.initializeWorkspace.setCookie.replace('e25a', code));
    expect(jar.get('WWE_CODE')).toBe(code);
  });

  it('handshakes and subscribes to /workspace/v3/media/* with the cookie; no CSRF header anywhere', async () => {
    cometd.handshake();
    await waitFor(() => subscriptions > 0, 'the first subscription');
    const snapshot = await http('GET', '/workspace/v3/current-session');
    expect(snapshot.status).toBe(200);
    expect(snapshot.headers.get('x-csrf-token')).toBeNull();
  });
});

describe('v3 mock: operations against the captures', () => {
  it('current-session has the capture’s path to the interactions, lists each under every channel, parses with no rejection', async () => {
    const id = await offerCaptured();
    const { body } = await http('GET', '/workspace/v3/current-session');
    const b = body as { status: unknown; data: { user: { activeSession: { media: { channels: { name: string; interactions: Obj[] }[] } } } } };
    expect(b.status).toEqual({ code: 0 });
    const channels = b.data.user.activeSession.media.channels;
    expect(channels.map((c) => c.name)).toEqual(['email', 'workitem', 'outboundpreview']);
    for (const channel of channels) expect(channel.interactions.map((i) => i.id)).toContain(id);
    const real = capture('v3-01-current-session-invited') as typeof b;
    const mine = channels[1]?.interactions.find((i) => i.id === id) ?? {};
    expect(shapeOf({ ...mine, userData: [] })).toEqual(shapeOf({ ...real.data.user.activeSession.media.channels[1]?.interactions[0], userData: [] }));
    const parsed = parseCurrentSession(body, session);
    expect(parsed.ok && parsed.rejected).toEqual([]);
  });

  it('accept: the answer of v3-03, then the Processing notification with the operationId, on the workitem channel', async () => {
    const id = await offerCaptured();
    const real = answerCapture('v3-03-accept-answer-and-notification');
    const answer = await operate('workitem', id, 'accept', { operationId: 'op-accept-1' });
    expect(answer.status).toBe(real.answer.status);
    expect(answer.body).toEqual(real.answer.body);
    const note = await outcome('op-accept-1');
    expect(note.channel).toBe(real.notification.channel);
    expect(Object.keys(note.data)).toEqual(Object.keys(real.notification.data));
    expect(note.data.interaction).toMatchObject({ state: 'Processing', capabilities: (real.notification.data.interaction as unknown as Obj).capabilities });
  });

  it('update-user-data merges by key and appends new keys: the user data of the driver summary', async () => {
    const id = await offerCaptured();
    await operate('workitem', id, 'accept', { operationId: 'a' });
    const log = capture('v3-07-rest-log') as { label: string; request: unknown }[];
    const request = log.find((e) => e.label === 'update-user-data')?.request;
    const answer = await operate('workitem', id, 'update-user-data', request);
    expect(answer.body).toEqual({ status: { code: 1 }, operationId: 'op-upd-1' });
    const note = await outcome('op-upd-1');
    expect(note.data.notificationType).toBe('PropertiesUpdated');
    const summary = capture('v3-08-driver-summary') as { update: { userData: unknown } };
    // The subject the offer kept is the capture's, not the summary's session: compare all but Subject.
    const withoutSubject = (list: unknown) => (list as { key: string }[]).filter((p) => p.key !== 'Subject');
    expect(withoutSubject(note.data.interaction?.userData)).toEqual(withoutSubject(summary.update.userData));
  });

  it('delete-user-data takes the API body (data.keys) and the simulator body (data.userData[].key)', async () => {
    const id = await offerCaptured();
    await operate('workitem', id, 'accept', { operationId: 'a' });
    await operate('workitem', id, 'update-user-data', { operationId: 'u', data: { userData: [{ key: 'OrderId', type: 'str', value: 'A-1' }, { key: 'Note', type: 'str', value: 'n' }] } });
    await outcome('u');
    await operate('workitem', id, 'delete-user-data', { operationId: 'op-del-real', data: { keys: ['OrderId'] } });
    await operate('workitem', id, 'delete-user-data', { operationId: 'op-del-sim', data: { userData: [{ key: 'Note' }] } });
    const keys = (m: Received) => (m.data.interaction?.userData as { key: string }[]).map((p) => p.key);
    expect(keys(await outcome('op-del-real'))).not.toContain('OrderId');
    expect(keys(await outcome('op-del-sim'))).not.toContain('Note');
  });

  it('reject without an operationId: the answer carries one of the server’s, the outcome none (v3-06)', async () => {
    const id = await offerCaptured();
    const real = answerCapture('v3-06-reject-without-operation-id');
    const answer = await operate('workitem', id, 'reject', {});
    expect(shapeOf(answer.body)).toEqual(shapeOf(real.answer.body));
    expect((answer.body as { operationId: string }).operationId).toMatch(/^[0-9a-f]{16}$/);
    const note = await waitFor(() => received.find((m) => m.data.interaction?.id === id && m.data.interaction.state === 'Completed'), 'the Completed notification');
    expect(note.data).not.toHaveProperty('operationId');
    expect(note.data.interaction?.capabilities).toEqual((real.notification.data.interaction as unknown as Obj).capabilities);
  });

  it('complete, transfer-agent and place-in-queue end the interaction (Completed, Completed, InWorkbin / Queued)', async () => {
    const ids = [await offerCaptured(), await offerCaptured(), await offerCaptured(), await offerCaptured()];
    for (const [n, id] of ids.entries()) await operate('workitem', id, 'accept', { operationId: `acc-${n}` });
    await operate('workitem', ids[0] ?? '', 'complete', { operationId: 'c' });
    await operate('workitem', ids[1] ?? '', 'transfer-agent', { operationId: 't', data: { agentId: 'KateLondon' } });
    await operate('workitem', ids[2] ?? '', 'place-in-queue', { operationId: 'w', data: { queue: 'email-draft-wb' } });
    await operate('workitem', ids[3] ?? '', 'place-in-queue', { operationId: 'q', data: { queue: 'billing' } });
    const states = await Promise.all(['c', 't', 'w', 'q'].map(async (op) => (await outcome(op)).data.interaction?.state));
    expect(states).toEqual(['Completed', 'Completed', 'InWorkbin', 'Queued']);
    const { body } = await http('GET', '/workspace/v3/current-session');
    const listed = JSON.stringify(body);
    for (const id of ids) expect(listed).not.toContain(id);
  });

  it('refuses what the interaction does not allow, an unknown id and an unknown verb, with {status:{code,message}}', async () => {
    const id = await offerCaptured();
    expect(await operate('workitem', id, 'complete', { operationId: 'x' })).toMatchObject({ status: 400, body: { status: { code: 409, message: expect.stringContaining('complete is not allowed in state Invited') } } });
    expect(await operate('workitem', 'ffffffffffffffff', 'complete', { operationId: 'x' })).toMatchObject({ status: 404, body: { status: { code: 404 } } });
    expect(await operate('workitem', id, 'set-in-focus', { operationId: 'x' })).toMatchObject({ status: 404, body: { status: { code: 404, message: expect.stringContaining('Unknown operation') } } });
  });
});

describe('v3 mock: fault switches', () => {
  it('status-code refuses at once with the message; error-notification sends an EventError on the card’s channel; no-answer sends nothing', async () => {
    const id = await offerCaptured();
    mock.control.failNext({ count: 1, mode: 'status-code', statusCode: 12, message: 'Agent is not ready' });
    expect(await operate('workitem', id, 'accept', { operationId: 'r' })).toMatchObject({ status: 400, body: { status: { code: 12, message: 'Agent is not ready' } } });

    const { operationId, referenceId } = session.nextOperation();
    mock.control.failNext({ count: 1, mode: 'error-notification', statusCode: 415, message: 'Invalid state' });
    expect((await operate('workitem', id, 'accept', { operationId })).body).toEqual({ status: { code: 1 }, operationId });
    const error = await outcome(operationId);
    expect(error.channel).toBe('/workspace/v3/media/workitem');
    expect(error.data).toMatchObject({ error: { errorCode: 415, errorMessage: 'Invalid state' }, messageType: 'EventError', interaction: { id, state: 'Invited' } });
    const parsed = parseV3Notification(error.data, session);
    expect(parsed.ok && parsed.notification).toMatchObject({ notificationType: 'Error', referenceId, errorMessage: 'Invalid state' });

    mock.control.failNext({ count: 1, mode: 'no-answer' });
    expect((await operate('workitem', id, 'accept', { operationId: 'silent' })).body).toEqual({ status: { code: 1 }, operationId: 'silent' });
    await operate('workitem', id, 'accept', { operationId: 'after' });
    await outcome('after');
    expect(received.some((m) => m.data.operationId === 'silent')).toBe(false);
  });

  it('publish (checked by the v3 parser) and raw (unchecked) go out on the media channels', async () => {
    const [interaction] = mock.control.state().interactions as unknown as Obj[];
    mock.control.publish({ notificationType: 'PropertiesUpdated', interaction: { ...interaction } });
    expect(() => mock.control.publish({ notificationType: 'StatusChange', interaction: { id: 'x' } })).toThrow(/not a valid notification/);
    mock.control.publishRaw({ messageType: 'InteractionStateChanged', notificationType: 'Exploded' });
    await waitFor(() => received.length >= 2, 'both messages');
    expect(received.map((m) => m.channel)).toEqual(['/workspace/v3/media/workitem', '/workspace/v3/media/workitem']);
    // The raw one is refused by the parser, as meant; nothing else.
    expect(rejections.splice(0)).toEqual(['unknown-notification-type']);
  });

  it('traffic and burst speak v3 too: workitem and email offers, accepts, edits, completions, all parsed', async () => {
    mock.control.traffic(200, 5);
    await waitFor(() => received.length >= 40, '40 traffic messages', 5_000);
    mock.control.traffic(0);
    const types = new Set(received.map((m) => `${m.data.interaction?.mediatype ?? '?'} ${m.data.interaction?.state ?? '?'}`));
    expect([...types]).toEqual(expect.arrayContaining(['workitem Invited', 'email Invited', 'workitem Processing']));
    expect(received.every((m) => m.channel === `/workspace/v3/media/${String(m.data.interaction?.mediatype)}`)).toBe(true);
    received.length = 0;
    const { ids } = mock.control.burst({ count: 20, interactions: 4 });
    await waitFor(() => received.length >= 20, 'the burst');
    expect(new Set(received.map((m) => m.data.interaction?.id))).toEqual(new Set(ids));
  });

  it('drop-sessions: the client re-handshakes and subscribes again', async () => {
    const before = subscriptions;
    expect(mock.control.dropSessions()).toBeGreaterThan(0);
    await waitFor(() => subscriptions > before, 'a new subscription');
    const id = await offerCaptured();
    expect(received.some((m) => m.data.interaction?.id === id)).toBe(true);
  });

  it('expire-session: REST answers 403, CometD handshakes lead nowhere (402); restore-session brings both back', async () => {
    const before = subscriptions;
    expect(mock.control.expireSession()).toBe(1);
    // Its CometD sessions are forgotten at once, as the simulator does: a long-poll a browser
    // resends on a fresh connection (after the held one was cut) cannot be held again.
    expect((mock.control.state() as { sessions: number }).sessions).toBe(0);
    expect((await http('GET', '/workspace/v3/current-session')).status).toBe(403);
    const connects: boolean[] = [];
    const listener = cometd.addListener('/meta/connect', (m) => connects.push(m.successful === true));
    await waitFor(() => connects.filter((ok) => !ok).length >= 2, 'failed connects');
    expect(subscriptions).toBe(before);
    mock.control.restoreSession();
    await waitFor(() => subscriptions > before, 'a subscription after the restore', 10_000);
    cometd.removeListener(listener);
    expect((await http('GET', '/workspace/v3/current-session')).status).toBe(200);
  });
});
