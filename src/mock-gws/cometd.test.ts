import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseNotification } from '../protocol/parse';
import type { OpenmediaStateChangeMessageWire } from '../protocol/types';
import { createMockGws, type RunningMockGws } from './server';
import { GwsRestClient } from '../test-support/gws-rest-client';
import { createTestCometdClient, type TestCometdClient } from '../test-support/test-cometd-client';
import { waitFor } from '../test-support/wait-for';

// One CometD client for this whole file (cometd-nodejs-client is process-wide).
let mock: RunningMockGws;
let rest: GwsRestClient;
let client: TestCometdClient;

const SEED = '03W0GH2KD56YV000';
const INVITED = '03W0GH2KD56YV001';
const GWS_DATE = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}[+-]\d{4}$/;
const PROCESSING_CAPS = ['Transfer', 'AttachUserData', 'UpdateUserData', 'DeleteUserData', 'SetInFocus', 'Complete'];

type Message = OpenmediaStateChangeMessageWire;

function received(): Message[] {
  return client.messages as Message[];
}

function withReference(ref: number): Promise<Message> {
  return waitFor(() => received().find((m) => m.referenceId === ref), `the notification with referenceId ${ref}`);
}

async function operate(mediaType: string, id: string, body: unknown): Promise<{ ref: number; message: Message }> {
  const answer = await rest.operate(mediaType, id, body);
  expect(answer.status).toBe(200);
  const ref = (answer.body as { referenceId: number }).referenceId;
  expect(answer.body).toEqual({ statusCode: 0, referenceId: ref });
  return { ref, message: await withReference(ref) };
}

beforeAll(async () => {
  mock = await createMockGws({ outcomeDelayMs: 10 });
  rest = new GwsRestClient(mock.url);
  await rest.login();
  client = createTestCometdClient(mock.url, rest.jar);
  await client.start();
});

afterAll(async () => {
  await client.stop();
  await mock.close();
});

beforeEach(() => {
  mock.control.reset();
  client.messages.length = 0;
});

describe('CometD push', () => {
  it('handshakes over long-polling with the REST session cookie and counts the session', () => {
    expect(client.cometd.getTransport()?.type).toBe('long-polling');
    const state = mock.control.state();
    expect(state.sessions).toBe(1);
    expect(state.handshakes).toBe(1);
  });

  it('answers Accept with a referenceId and publishes the whole resource with it, field for field', async () => {
    const { ref, message } = await operate('promotion', INVITED, { operationName: 'Accept' });
    expect(Object.keys(message)).toEqual(['messageType', 'notificationType', 'referenceId', 'openmedia']);
    expect(message.messageType).toBe('OpenmediaStateChangeMessage');
    expect(message.notificationType).toBe('StatusChange');
    expect(message.referenceId).toBe(ref);
    const om = message.openmedia;
    expect(Object.keys(om ?? {})).toEqual(['id', 'mediaType', 'openmediaType', 'state', 'capabilities', 'uri', 'userData', 'receivedDate']);
    expect(om).toMatchObject({
      id: INVITED,
      mediaType: 'promotion',
      openmediaType: 'Outbound',
      state: 'Processing',
      capabilities: PROCESSING_CAPS,
      uri: `${mock.url}/api/v2/openmedia/promotions/${INVITED}`,
      userData: expect.objectContaining({ CustomerName: 'Jonas Becker', OfferCode: 'LOYAL-12M' }) as unknown,
    });
    expect(om?.receivedDate).toMatch(GWS_DATE);
    const parsed = parseNotification(message);
    expect(parsed.ok && parsed.notification.openmedia?.receivedAt).toBeTypeOf('number');
  });

  it('numbers referenceIds upwards and correlates each answer with its own notification', async () => {
    const first = await operate('promotion', SEED, { operationName: 'SetInFocus' });
    const second = await operate('promotion', SEED, { operationName: 'SetInFocus' });
    expect(second.ref).toBe(first.ref + 1);
    expect(second.message.referenceId).toBe(second.ref);
  });

  it('carries out every Processing operation with the right notification type and resource', async () => {
    const attach = await operate('promotion', SEED, { operationName: 'AttachUserData', userData: { Note: 'called back' } });
    expect(attach.message.notificationType).toBe('PropertiesUpdated');
    expect(attach.message.openmedia?.userData).toMatchObject({ Note: 'called back', Discount: 15 });

    const update = await operate('promotion', SEED, { operationName: 'UpdateUserData', userData: { Discount: 20, Extra: null } });
    expect(update.message.notificationType).toBe('PropertiesUpdated');
    expect(update.message.openmedia?.userData).toMatchObject({ Note: 'called back', Discount: 20, Extra: null });

    const del = await operate('promotion', SEED, { operationName: 'DeleteUserData', keys: ['Note', 'Extra'] });
    expect(del.message.notificationType).toBe('PropertiesUpdated');
    expect(del.message.openmedia?.userData).not.toHaveProperty('Note');
    expect(del.message.openmedia?.userData).toHaveProperty('Discount', 20);

    const focus = await operate('promotion', SEED, { operationName: 'SetInFocus' });
    expect(focus.message.notificationType).toBe('StatusChange');
    expect(focus.message.openmedia).toEqual(del.message.openmedia);

    const complete = await operate('promotion', SEED, { operationName: 'Complete' });
    expect(complete.message.notificationType).toBe('StatusChange');
    expect(complete.message.openmedia).toMatchObject({ state: 'Completed', capabilities: [] });

    const snapshot = await rest.get('/api/v2/me/openmedia/promotion?fields=*');
    expect((snapshot.body as { openmedia: { id: string }[] }).openmedia.map((o) => o.id)).not.toContain(SEED);
  });

  it('ends the interaction for this agent on Reject and on Transfer', async () => {
    const reject = await operate('promotion', INVITED, { operationName: 'Reject' });
    expect(reject.message.openmedia).toMatchObject({ id: INVITED, state: 'Completed', capabilities: [] });
    const transfer = await operate('workitem', '03W0GH2KD56YV003', { operationName: 'Transfer', targetUri: 'http://gws/api/v2/queues/42' });
    expect(transfer.message.openmedia).toMatchObject({ mediaType: 'workitem', state: 'Completed', capabilities: [] });
  });

  it('creates a Processing outbound item and publishes it with the Create referenceId', async () => {
    const answer = await rest.post('/api/v2/me/openmedia/promotion', { operationName: 'Create', queueUri: 'http://gws/api/v2/queues/7', parentId: SEED });
    const ref = (answer.body as { referenceId: number }).referenceId;
    expect(answer.body).toEqual({ statusCode: 0, referenceId: ref });
    const message = await withReference(ref);
    expect(message.openmedia).toMatchObject({ mediaType: 'promotion', openmediaType: 'Outbound', state: 'Processing', capabilities: PROCESSING_CAPS, parentId: SEED });
    expect(message.openmedia?.id).toMatch(/^[0-9A-Z]{16}$/);
    expect(parseNotification(message).ok).toBe(true);
  });
});

describe('fault switches over CometD', () => {
  it('fail-next error-notification: accepted, then an Error notification with the same referenceId, nothing changed', async () => {
    await rest.mock('fail-next', { mode: 'error-notification', message: 'Media server unavailable', statusCode: 4 });
    const { ref, message } = await operate('promotion', INVITED, { operationName: 'Accept' });
    expect(message).toEqual({
      messageType: 'OpenmediaStateChangeMessage',
      notificationType: 'Error',
      referenceId: ref,
      openmedia: expect.objectContaining({ id: INVITED, state: 'Invited' }) as unknown,
      errorMessage: 'Media server unavailable',
      errorCode: 4,
    });
    const parsed = parseNotification(message);
    expect(parsed.ok && parsed.notification.notificationType).toBe('Error');
    // The switch was for one operation only: the next one succeeds.
    const retry = await operate('promotion', INVITED, { operationName: 'Accept' });
    expect(retry.message.openmedia?.state).toBe('Processing');
  });

  it('fail-next status-code: refused at once, nothing published, state unchanged', async () => {
    await rest.mock('fail-next', { mode: 'status-code', statusCode: 4, message: 'Internal error (injected)' });
    const before = mock.control.state().published;
    const answer = await rest.operate('promotion', INVITED, { operationName: 'Accept' });
    expect(answer.status).toBe(500);
    expect(answer.body).toEqual({ statusCode: 4, statusMessage: 'Internal error (injected)' });
    const sentinel = await operate('promotion', SEED, { operationName: 'SetInFocus' });
    expect(received()).toEqual([sentinel.message]);
    expect(mock.control.state().published).toBe(before + 1);
  });

  it('fail-next no-answer: accepted with a referenceId whose outcome never comes', async () => {
    await rest.mock('fail-next', { mode: 'no-answer', count: 1 });
    const answer = await rest.operate('promotion', INVITED, { operationName: 'Accept' });
    const lost = (answer.body as { referenceId: number }).referenceId;
    expect(answer.body).toEqual({ statusCode: 0, referenceId: lost });
    // Outcomes go out in order with the same delay: once the next one arrives, the lost one never will.
    const next = await operate('promotion', SEED, { operationName: 'SetInFocus' });
    expect(next.ref).toBe(lost + 1);
    expect(received().some((m) => m.referenceId === lost)).toBe(false);
    expect(mock.control.state().interactions.find((i) => i.id === INVITED)?.state).toBe('Invited');
  });

  it('duplicate-next sends each of the next N notifications twice', async () => {
    await rest.mock('duplicate-next', { count: 1 });
    const first = await operate('promotion', SEED, { operationName: 'SetInFocus' });
    const second = await operate('promotion', SEED, { operationName: 'SetInFocus' });
    expect(received().map((m) => m.referenceId)).toEqual([first.ref, first.ref, second.ref]);
  });

  it('reorder-next holds the next N notifications and sends them newest first', async () => {
    await rest.mock('reorder-next', { count: 3 });
    const refs: number[] = [];
    for (const value of [1, 2, 3]) {
      const answer = await rest.operate('promotion', SEED, { operationName: 'UpdateUserData', userData: { Step: value } });
      refs.push((answer.body as { referenceId: number }).referenceId);
    }
    await waitFor(() => received().length === 3, 'three notifications');
    expect(received().map((m) => m.referenceId)).toEqual([...refs].reverse());
    // The oldest snapshot arrives last: that is the point of the switch.
    expect(received().map((m) => m.openmedia?.userData?.Step)).toEqual([3, 2, 1]);
  });

  it('raw publishes any data as is, even what the parser refuses', async () => {
    const hostile = { messageType: 'OpenmediaStateChangeMessage', notificationType: 'StatusChange', openmedia: { id: 42, capabilities: 'all' } };
    await rest.mock('raw', { data: hostile });
    await rest.mock('raw', { data: 'just a string' });
    await waitFor(() => received().length === 2, 'two raw messages');
    expect(client.messages).toEqual([hostile, 'just a string']);
    expect(parseNotification(client.messages[0]).ok).toBe(false);
  });
});

describe('scenarios over CometD', () => {
  it('offer publishes an unsolicited Invited StatusChange, listed by the snapshot', async () => {
    const answer = await rest.mock('offer', { overrides: { mediaType: 'workitem', userData: { Subject: 'Urgent claim' } } });
    const { id } = answer.body as { id: string };
    const message = await waitFor(() => received().find((m) => m.openmedia?.id === id), 'the offer');
    expect(message).not.toHaveProperty('referenceId');
    expect(message.openmedia).toMatchObject({ mediaType: 'workitem', state: 'Invited', capabilities: ['Accept', 'Reject'], userData: { Subject: 'Urgent claim' } });
    const snapshot = await rest.get('/api/v2/me/openmedia/workitem?fields=*');
    expect((snapshot.body as { openmedia: { id: string }[] }).openmedia.map((o) => o.id)).toContain(id);
  });

  it('user-data publishes an unsolicited PropertiesUpdated with keys set and deleted', async () => {
    await rest.mock('user-data', { id: SEED, userData: { CustomerSegment: 'platinum' }, delete: ['Discount'] });
    const message = await waitFor(() => received()[0], 'the user-data change');
    expect(message.notificationType).toBe('PropertiesUpdated');
    expect(message).not.toHaveProperty('referenceId');
    expect(message.openmedia?.userData).toMatchObject({ CustomerSegment: 'platinum' });
    expect(message.openmedia?.userData).not.toHaveProperty('Discount');
  });

  it('publish sends a valid notification as given and refuses an invalid one', async () => {
    const openmedia = { id: 'X1', mediaType: 'promotion', state: 'Processing', capabilities: ['Complete'] };
    const ok = await rest.mock('publish', { notificationType: 'PropertiesUpdated', openmedia, referenceId: 99 });
    expect(ok.status).toBe(200);
    const bad = await rest.mock('publish', { notificationType: 'StatusChange', openmedia: { id: 'X2', mediaType: 'promotion', capabilities: [] } });
    expect(bad.status).toBe(400);
    expect((bad.body as { error: string }).error).toMatch(/invalid-state/);
    const message = await withReference(99);
    expect(message).toEqual({ messageType: 'OpenmediaStateChangeMessage', notificationType: 'PropertiesUpdated', referenceId: 99, openmedia });
    expect(received()).toHaveLength(1);
  });

  it('burst publishes count notifications over the given interactions, each stamped with sentAt', async () => {
    const start = Date.now();
    const answer = await rest.mock('burst', { count: 60, interactions: 4 });
    const { ids } = answer.body as { ids: string[] };
    expect(ids).toHaveLength(4);
    await waitFor(() => received().length === 60, '60 burst notifications');
    const seqs = received().map((m) => m.openmedia?.userData?.seq);
    expect(seqs).toEqual(Array.from({ length: 60 }, (_, i) => i));
    for (const m of received()) {
      expect(parseNotification(m).ok).toBe(true);
      expect(ids).toContain(m.openmedia?.id);
      expect(m.openmedia?.userData?.sentAt).toBeGreaterThanOrEqual(start);
    }
    expect(received().filter((m) => m.notificationType === 'StatusChange')).toHaveLength(6);
  });
  it('burst with a rate paces its notifications and reports progress in /mock/state', async () => {
    const started = Date.now();
    await rest.mock('burst', { count: 20, interactions: 2, rate: 400 });
    expect(mock.control.state().burst).toMatchObject({ running: true, total: 20 });
    await waitFor(() => received().length === 20, '20 paced burst notifications');
    // 20 messages at 400/s cannot all go out in the first tick.
    expect(Date.now() - started).toBeGreaterThanOrEqual(30);
    expect(mock.control.state().burst).toEqual({ running: false, sent: 20, total: 20 });
  });

  it('a burst of 0 only seeds its interactions; a reuse burst publishes over the same ones', async () => {
    const before = mock.control.state().interactions.length;
    const seeded = (await rest.mock('burst', { count: 0, interactions: 3 })).body as { ids: string[] };
    expect(mock.control.state().interactions).toHaveLength(before + 3);
    expect(mock.control.state().burst).toEqual({ running: false, sent: 0, total: 0 });
    const again = (await rest.mock('burst', { count: 9, interactions: 50, reuse: true })).body as { ids: string[] };
    expect(again.ids).toEqual(seeded.ids);
    await waitFor(() => received().length === 9, '9 notifications over the seeded interactions');
    expect(new Set(received().map((m) => m.openmedia?.id))).toEqual(new Set(seeded.ids));
    // Numbered on from the previous burst (the seed sent none): 0…8, then 9…10 for the next one.
    expect(received().map((m) => m.openmedia?.userData?.seq)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    await rest.mock('burst', { count: 2, interactions: 1, reuse: true });
    await waitFor(() => received().length === 11, '2 more');
    expect(received().slice(9).map((m) => m.openmedia?.userData?.seq)).toEqual([9, 10]);
    expect(mock.control.state().interactions).toHaveLength(before + 3);
  });
});

describe('session loss', () => {
  it('drop-sessions makes the next /meta/connect fail with 402 and the client re-handshakes and resubscribes', async () => {
    const handshakesBefore = mock.control.state().handshakes;
    const answer = await rest.mock('drop-sessions');
    expect(answer.body).toEqual({ ok: true, dropped: 1 });
    const unknown = await waitFor(() => client.meta.find((m) => m.error === '402::session_unknown'), 'a 402 reply');
    expect(unknown.channel).toBe('/meta/connect');
    expect(unknown.advice?.reconnect).toBe('handshake');
    await waitFor(() => client.subscriptions() === 2, 'the resubscription after the re-handshake');
    expect(mock.control.state()).toMatchObject({ sessions: 1, handshakes: handshakesBefore + 1 });
    // Notifications flow again on the new session.
    const { message } = await operate('promotion', SEED, { operationName: 'SetInFocus' });
    expect(message.openmedia?.id).toBe(SEED);
  });

  it('refuse-subscriptions refuses the subscription of the next session with 403, until switched off (reset too)', async () => {
    expect((await rest.mock('refuse-subscriptions', { on: true })).body).toEqual({ ok: true, refuseSubscriptions: true });
    expect(mock.control.state().faults.refuseSubscriptions).toBe(true);
    const before = client.subscriptions();
    await rest.mock('drop-sessions');
    const refused = await waitFor(() => client.meta.find((m) => m.channel === '/meta/subscribe' && m.successful === false), 'a refused subscription');
    expect(refused.error).toBe('403::subscribe_denied');
    expect(client.subscriptions()).toBe(before);

    expect((await rest.mock('refuse-subscriptions', { on: 'yes' })).status).toBe(400);
    mock.control.reset();
    expect(mock.control.state().faults.refuseSubscriptions).toBe(false);
    await rest.mock('drop-sessions');
    await waitFor(() => client.subscriptions() === before + 1, 'the subscription of the next session, accepted');
  });
});
