import { describe, expect, it } from 'vitest';
import { subjectOf } from '../interaction';
import { CAPTURES, answerCapture, capture, frames, mediaMessage } from './fixtures';
import { normalizeCapability, parseCurrentSession, parseV3Answer, parseV3Interaction, parseV3Notification } from './parse';
import { createWorkspaceV3Session } from './session';

const PUSH_CAPTURES = ['01-workitem-invited', '02-workitem-accepted-processing', '03-workitem-userdata-updated', '04-workitem-completed', '05a-email-transfer-agent-origin-completed', '05b-email-transfer-agent-target-processing'];
const ANSWER_CAPTURES = ['v3-03-accept-answer-and-notification', 'v3-04-delete-user-data-real-api-body-is-a-no-op', 'v3-05-delete-user-data-simulator-body', 'v3-06-reject-without-operation-id'];
const SESSION_CAPTURES = ['v3-01-current-session-invited', 'v3-02-current-session-after-gap'];
const OTHER_CAPTURES = ['06-voice-eventerror', '07-unknown-session-server-disconnect', 'v3-07-rest-log', 'v3-08-driver-summary'];

function session() {
  return createWorkspaceV3Session({ referenceBase: 0, instanceId: 'tab1' });
}

describe('Workspace API v3 captures', () => {
  it('every capture is covered by a test below (a new one must be added here)', () => {
    expect([...CAPTURES.keys()].sort()).toEqual([...PUSH_CAPTURES, ...ANSWER_CAPTURES, ...SESSION_CAPTURES, ...OTHER_CAPTURES].sort());
  });

  it.each(PUSH_CAPTURES)('%s: the media message parses and the meta frames are not media', (name) => {
    const result = parseV3Notification(mediaMessage(name), session());
    expect(result.ok).toBe(true);
    expect(frames(name).filter((f) => f.channel.startsWith('/meta/'))).toHaveLength(1);
  });

  it('an offered workitem: id, media type, direction, state, capabilities in the widget words, flat user data', () => {
    const result = parseV3Notification(mediaMessage('01-workitem-invited'), session());
    expect(result).toEqual({
      ok: true,
      notification: {
        notificationType: 'StatusChange',
        referenceId: undefined,
        openmedia: {
          id: '31be41e8016ba71e',
          mediaType: 'workitem',
          openmediaType: 'Inbound',
          state: 'Invited',
          capabilities: ['Accept', 'Reject'],
          uri: undefined,
          userData: { Segment: 'Gold', Priority: 8, CallType: 'Inbound', Subject: 'Capture workitem 1' },
          subject: 'Capture workitem 1',
          receivedDate: 'Tue Nov 24 2026 16:26:48 GMT+0000 (Coordinated Universal Time)',
          receivedAt: Date.UTC(2026, 10, 24, 16, 26, 48),
        },
      },
    });
  });

  it('Processing: kebab-case capabilities matched, unknown ones (place-in-queue) kept in order', () => {
    const result = parseV3Notification(mediaMessage('02-workitem-accepted-processing'), session());
    expect(result.ok && result.notification.openmedia?.capabilities).toEqual([
      'AttachUserData',
      'DeleteUserData',
      'UpdateUserData',
      'place-in-queue',
      'Transfer',
      'Complete',
    ]);
  });

  it('an operationId this instance did not choose is unsolicited (the capture used "op-accept-1")', () => {
    const result = parseV3Notification(mediaMessage('02-workitem-accepted-processing'), session());
    expect(result.ok && result.notification.referenceId).toBeUndefined();
  });

  it('the operationId this instance chose settles as its referenceId; another instance does not claim it', () => {
    const mine = session();
    const other = createWorkspaceV3Session({ referenceBase: 0, instanceId: 'tab2' });
    const { operationId, referenceId } = mine.nextOperation();
    other.nextOperation();
    const message = mediaMessage('02-workitem-accepted-processing');
    const data = { ...message.data, operationId };
    const parsed = parseV3Notification({ ...message, data }, mine);
    expect(parsed.ok && parsed.notification.referenceId).toBe(referenceId);
    const elsewhere = parseV3Notification({ ...message, data }, other);
    expect(elsewhere.ok && elsewhere.notification.referenceId).toBeUndefined();
  });

  it('PropertiesUpdated carries the edited and added values', () => {
    const result = parseV3Notification(mediaMessage('03-workitem-userdata-updated'), session());
    expect(result.ok && result.notification.notificationType).toBe('PropertiesUpdated');
    expect(result.ok && result.notification.openmedia?.userData).toMatchObject({ Segment: 'Platinum', OrderId: 'A-1001' });
  });

  it('Completed has no capabilities', () => {
    const result = parseV3Notification(mediaMessage('04-workitem-completed'), session());
    expect(result.ok && result.notification.openmedia).toMatchObject({ state: 'Completed', capabilities: [] });
  });

  it('an email keeps its reply / reply-all capabilities and reads its subject', () => {
    const origin = parseV3Notification(mediaMessage('05a-email-transfer-agent-origin-completed'), session());
    const target = parseV3Notification(mediaMessage('05b-email-transfer-agent-target-processing'), session());
    expect(origin.ok && origin.notification.openmedia).toMatchObject({ mediaType: 'email', state: 'Completed', capabilities: [] });
    expect(target.ok && target.notification.openmedia?.capabilities).toContain('reply-all');
    expect(target.ok && target.notification.openmedia?.userData.IW_RoutingBasedOriginalEmployeeId).toBe('JohnSmith');
  });

  it('EventError becomes an Error notification with code and message', () => {
    const result = parseV3Notification(mediaMessage('06-voice-eventerror'), session());
    expect(result).toEqual({
      ok: true,
      notification: { notificationType: 'Error', referenceId: undefined, openmedia: undefined, errorMessage: 'Invalid Destination DN', errorCode: 415 },
    });
  });

  it('an EventError naming our operationId and an interaction lands on that interaction (the right card)', () => {
    const s = session();
    const { operationId, referenceId } = s.nextOperation();
    const interaction = mediaMessage('02-workitem-accepted-processing').data?.interaction;
    const data = { ...mediaMessage('06-voice-eventerror').data, operationId, interaction };
    const result = parseV3Notification(data, s);
    expect(result.ok && result.notification).toMatchObject({ notificationType: 'Error', referenceId, openmedia: { id: '31be41e8016ba71e' } });
  });

  it('a server-side disconnect frame is not a media message', () => {
    for (const frame of frames('07-unknown-session-server-disconnect')) {
      expect(frame.channel.startsWith('/meta/')).toBe(true);
    }
  });

  it.each(ANSWER_CAPTURES)('%s: the answer is accepted (code 1) and the notification parses', (name) => {
    const { answer, notification } = answerCapture(name);
    expect(answer.status).toBe(200);
    expect(parseV3Answer(answer.body)).toMatchObject({ ok: true, answer: { code: 1 } });
    expect(parseV3Notification(notification, session()).ok).toBe(true);
  });

  it('a repeated user-data key: the last one wins (v3-06)', () => {
    const { notification } = answerCapture('v3-06-reject-without-operation-id');
    const { subject: _subject, ...interaction } = notification.data.interaction as Record<string, unknown>;
    const parsed = parseV3Notification({ ...notification, data: { ...notification.data, interaction } }, session());
    expect(parsed.ok && parsed.notification.openmedia?.userData.Subject).toBe('V3 research workitem 2');
    expect(parsed.ok && parsed.notification.referenceId).toBeUndefined();
  });

  it('the simulator-body delete removed OrderId; the API-body one did not (v3-04 / v3-05)', () => {
    const real = parseV3Notification(answerCapture('v3-04-delete-user-data-real-api-body-is-a-no-op').notification, session());
    const sim = parseV3Notification(answerCapture('v3-05-delete-user-data-simulator-body').notification, session());
    expect(real.ok && real.notification.openmedia?.userData).toHaveProperty('OrderId');
    expect(sim.ok && sim.notification.openmedia?.userData).not.toHaveProperty('OrderId');
  });

  it.each(SESSION_CAPTURES)('%s: current-session lists each interaction once, whatever channel lists it', (name) => {
    const result = parseCurrentSession(capture(name), session());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const ids = result.interactions.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(result.rejected).toEqual([]);
  });

  it('current-session before and after a gap: the interaction offered during the gap is there', () => {
    const before = parseCurrentSession(capture('v3-01-current-session-invited'), session());
    const after = parseCurrentSession(capture('v3-02-current-session-after-gap'), session());
    expect(before.ok && before.interactions.map((i) => [i.id, i.state])).toEqual([['b7d20a96a667c294', 'Invited']]);
    expect(after.ok && after.interactions.map((i) => i.userData.Subject)).toContain('V3 research workitem 3 (sent during gap)');
  });

  it('the REST log: every JSON answer with a status reads, code 1 = accepted', () => {
    const log = capture('v3-07-rest-log') as { path: string; body: unknown }[];
    const answers = log.filter((entry) => typeof entry.body === 'object' && entry.body !== null && 'status' in entry.body);
    expect(answers.length).toBeGreaterThan(5);
    for (const entry of answers) expect(parseV3Answer(entry.body)).toMatchObject({ ok: true, answer: { code: 1 } });
  });

  it('the driver summary: every capability list it saw maps known verbs and keeps the rest', () => {
    const summary = capture('v3-08-driver-summary') as Record<string, { caps?: string[] }>;
    const lists = Object.values(summary).flatMap((v) => (v && Array.isArray(v.caps) ? [v.caps] : []));
    expect(lists.length).toBeGreaterThan(2);
    for (const caps of lists) {
      for (const cap of caps) {
        const mapped = normalizeCapability(cap);
        expect(mapped.replace(/-/g, '').toLowerCase()).toBe(cap.replace(/-/g, '').toLowerCase());
      }
    }
  });
});

describe('v3 rules beyond the captures', () => {
  it('capabilities: strip dashes, any case; set-in-focus is not offered', () => {
    expect(['ACCEPT', 'Attach-User-Data', 'update-user-data', 'set-in-focus', 'reply'].map(normalizeCapability)).toEqual([
      'Accept',
      'AttachUserData',
      'UpdateUserData',
      'set-in-focus',
      'reply',
    ]);
  });

  const base = { id: 'a1', mediatype: 'workitem', capabilities: ['complete', 'transfer'], userData: [] };

  it.each(['InWorkbin', 'Sent', 'Canceled'])('%s has left the agent: its state as sent, marked ended, without buttons', (state) => {
    const parsed = parseV3Interaction({ ...base, state }, session());
    expect(parsed.ok && parsed.interaction).toMatchObject({ state, ended: true, capabilities: [] });
  });

  it('states that have not left the agent carry no ended mark', () => {
    for (const state of ['Invited', 'Processing', 'Composing', 'Queued', 'Completed']) {
      const parsed = parseV3Interaction({ ...base, state }, session());
      expect(parsed.ok && 'ended' in parsed.interaction, state).toBe(false);
    }
  });

  it('Queued in a current-session item is ended only after this widget placed the interaction in a queue', () => {
    const s = session();
    expect(parseV3Interaction({ ...base, state: 'Queued' }, s)).toMatchObject({ ok: true, interaction: { state: 'Queued' } });
    s.notePlacedInQueue('a1');
    expect(parseV3Interaction({ ...base, state: 'Queued' }, s)).toMatchObject({ ok: true, interaction: { state: 'Queued', ended: true, capabilities: [] } });
  });

  it('Queued in a notification is news of a place-in-queue by anyone (another tab, the agent’s desktop): ended, and a read that still lists it Queued keeps it so', () => {
    const s = session();
    const parsed = parseV3Interaction({ ...base, state: 'Queued', capabilities: ['complete', 'transfer'] }, s, true);
    expect(parsed).toMatchObject({ ok: true, interaction: { state: 'Queued', ended: true, capabilities: [] } });
    expect(parseV3Interaction({ ...base, state: 'Queued', capabilities: ['complete', 'transfer'] }, s)).toMatchObject({ ok: true, interaction: { ended: true, capabilities: [] } });
  });

  it('nested KV lists are readable on one line, and types are remembered for editing', () => {
    const s = session();
    const userData = [
      { key: 'Customer', type: 'kvlist', value: [{ key: 'Name', type: 'str', value: 'Ada' }, { key: 'Ids', type: 'kvlist', value: [{ key: 'crm', type: 'int', value: 7 }] }] },
      { key: 'Priority', type: 'int', value: 3 },
    ];
    const parsed = parseV3Interaction({ ...base, state: 'Processing', userData }, s);
    expect(parsed.ok && parsed.interaction.userData).toEqual({ Customer: 'Name: Ada, Ids: (crm: 7)', Priority: 3 });
    expect(s.typeOf('a1', 'Priority')).toBe('int');
    expect(s.typeOf('a1', 'Customer')).toBe('kvlist');
  });

  it('a nested list and a boolean are marked as shown flattened (read-only: saving them as text would change their type)', () => {
    const userData = [
      { key: 'Customer', type: 'kvlist', value: [{ key: 'Name', type: 'str', value: 'Ada' }] },
      { key: 'VIP', type: 'bool', value: true },
      { key: 'Opted', type: 'boolean', value: 'false' },
      { key: 'Untyped', value: false },
      { key: 'Note', type: 'str', value: 'plain' },
      { key: 'Priority', type: 'int', value: 3 },
    ];
    const parsed = parseV3Interaction({ ...base, state: 'Processing', userData }, session());
    expect(parsed.ok && parsed.interaction.userData).toEqual({ Customer: 'Name: Ada', VIP: 'true', Opted: 'false', Untyped: 'false', Note: 'plain', Priority: 3 });
    expect(parsed.ok && parsed.interaction.userDataKinds).toEqual({ Customer: 'list', VIP: 'boolean', Opted: 'boolean', Untyped: 'boolean' });
  });

  it('a key whose last entry is plain is editable again; plain user data carry no kinds at all', () => {
    const userData = [
      { key: 'Customer', type: 'kvlist', value: [] },
      { key: 'Customer', type: 'str', value: 'Ada' },
    ];
    const parsed = parseV3Interaction({ ...base, state: 'Processing', userData }, session());
    expect(parsed.ok && parsed.interaction.userData).toEqual({ Customer: 'Ada' });
    expect(parsed.ok && 'userDataKinds' in parsed.interaction).toBe(false);
  });

  it('interaction.subject is kept apart from userData.Subject: the title prefers it, the user data stay as sent', () => {
    const userData = [{ key: 'Subject', type: 'str', value: 'Another one' }];
    const parsed = parseV3Interaction({ ...base, state: 'Invited', subject: 'Mine', userData }, session());
    expect(parsed.ok && parsed.interaction.userData.Subject).toBe('Another one');
    expect(parsed.ok && parsed.interaction.subject).toBe('Mine');
    expect(parsed.ok && subjectOf(parsed.interaction)).toBe('Mine');
  });

  it('no subject on the interaction: the title is userData.Subject; a blank one is no subject', () => {
    const userData = [{ key: 'Subject', type: 'str', value: 'From the data' }];
    const parsed = parseV3Interaction({ ...base, state: 'Invited', subject: '  ', userData }, session());
    expect(parsed.ok && 'subject' in parsed.interaction).toBe(false);
    expect(parsed.ok && subjectOf(parsed.interaction)).toBe('From the data');
  });

  it('rejects what it cannot read, with a reason, never throwing', () => {
    const s = session();
    expect(parseV3Notification(null, s)).toEqual({ ok: false, reason: 'not-an-object' });
    expect(parseV3Notification({ messageType: 'ChannelStateChanged' }, s)).toEqual({ ok: false, reason: 'unknown-message-type' });
    expect(parseV3Notification({ messageType: 'InteractionStateChanged', notificationType: 'Odd', interaction: base }, s)).toEqual({ ok: false, reason: 'unknown-notification-type' });
    expect(parseV3Notification({ messageType: 'InteractionStateChanged', notificationType: 'StatusChange' }, s)).toEqual({ ok: false, reason: 'missing-openmedia' });
    expect(parseV3Interaction({ ...base, state: 'Invited', userData: 'x' }, s)).toMatchObject({ ok: true, dropped: 'invalid-user-data' });
    expect(parseV3Interaction({ ...base, id: 5, state: 'Invited' }, s)).toEqual({ ok: false, reason: 'invalid-id' });
  });

  it('email notification types that only change properties count as PropertiesUpdated', () => {
    const data = { messageType: 'InteractionStateChanged', notificationType: 'EmailSaved', interaction: { ...base, state: 'Processing' } };
    const parsed = parseV3Notification(data, session());
    expect(parsed.ok && parsed.notification.notificationType).toBe('PropertiesUpdated');
  });

  it('answers: code and message, or a reason', () => {
    expect(parseV3Answer({ status: { code: 0 } })).toEqual({ ok: true, answer: { code: 0, message: undefined, operationId: undefined } });
    expect(parseV3Answer({ status: { code: 12, message: 'Nope' }, operationId: 'x' })).toEqual({ ok: true, answer: { code: 12, message: 'Nope', operationId: 'x' } });
    expect(parseV3Answer({ statusCode: 0 })).toEqual({ ok: false, reason: 'invalid-status-code' });
    expect(parseV3Answer('x')).toEqual({ ok: false, reason: 'not-an-object' });
  });
});
