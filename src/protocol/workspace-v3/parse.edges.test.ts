import { describe, expect, it } from 'vitest';
import { WORKSPACE_V3_CHANNEL, normalizeCapability, parseCurrentSession, parseV3Answer, parseV3Interaction, parseV3Notification } from './parse';
import { createWorkspaceV3Session } from './session';

// Every rejection reason of the v3 parsers with the exact input that earns it, and the corners of
// what they accept: a null user data, an empty subject, non-string capabilities, a status code as
// text, a session with no media.

const session = () => createWorkspaceV3Session({ referenceBase: 0, instanceId: 'edge' });
const base = { id: 'a1', mediatype: 'workitem', state: 'Processing', capabilities: ['complete'] };

describe('parseV3Interaction: rejections', () => {
  it.each<[string, unknown, string]>([
    ['null', null, 'openmedia-not-an-object'],
    ['a list', [base], 'openmedia-not-an-object'],
    ['a string', 'a1', 'openmedia-not-an-object'],
    ['no id', { ...base, id: undefined }, 'missing-id'],
    ['a null id', { ...base, id: null }, 'missing-id'],
    ['an empty id', { ...base, id: '' }, 'missing-id'],
    ['a numeric id', { ...base, id: 7 }, 'invalid-id'],
    ['no media type', { ...base, mediatype: undefined }, 'missing-media-type'],
    ['a numeric media type', { ...base, mediatype: 3 }, 'missing-media-type'],
    ['an empty media type', { ...base, mediatype: '' }, 'missing-media-type'],
    ['no state', { ...base, state: undefined }, 'invalid-state'],
    ['a numeric state', { ...base, state: 1 }, 'invalid-state'],
    ['an empty state', { ...base, state: '' }, 'invalid-state'],
    ['capabilities as a string', { ...base, capabilities: 'complete' }, 'invalid-capabilities'],
    ['capabilities as an object', { ...base, capabilities: { 0: 'complete' } }, 'invalid-capabilities'],
  ])('%s → %s', (_name, value, reason) => {
    expect(parseV3Interaction(value, session())).toEqual({ ok: false, reason });
  });
});

describe('parseV3Interaction: what a server may leave out or send unreadable (as in GWS v2)', () => {
  it.each([undefined, null])('capabilities %s: none in a current-session item, and a notification lists them as left out', (capabilities) => {
    const item = parseV3Interaction({ ...base, capabilities }, session());
    expect(item).toMatchObject({ ok: true, interaction: { capabilities: [] } });
    expect(item.ok && item.interaction.omitted).toBeUndefined();
    const pushed = parseV3Interaction({ ...base, capabilities }, session(), true);
    expect(pushed.ok && pushed.interaction.omitted).toContain('capabilities');
  });

  it('an ended interaction without capabilities offers nothing and leaves nothing to fill', () => {
    const pushed = parseV3Interaction({ ...base, state: 'Completed', capabilities: undefined }, session(), true);
    expect(pushed).toMatchObject({ ok: true, interaction: { state: 'Completed', capabilities: [] } });
    expect(pushed.ok && pushed.interaction.omitted).not.toContain('capabilities');
  });

  it.each<[string, unknown]>([
    ['an object', { a: 1 }],
    ['a string', 'a=b'],
    ['a number', 7],
  ])('user data as %s: the rest is read, the user data are left out and counted', (_name, userData) => {
    const s = session();
    const pushed = parseV3Interaction({ ...base, userData }, s, true);
    expect(pushed).toMatchObject({ ok: true, dropped: 'invalid-user-data', interaction: { state: 'Processing', capabilities: ['Complete'], userData: {} } });
    expect(pushed.ok && pushed.interaction.omitted).toContain('userData');
    expect(s.typeOf('a1', 'a')).toBeUndefined();
  });

  it('a notification lists what it left out; one that sends everything lists nothing', () => {
    const whole = { ...base, userData: [], receivedAt: '2026-12-01T10:00:00Z', interactionType: 'Inbound', subject: 'S' };
    const all = parseV3Interaction(whole, session(), true);
    expect(all.ok && all.interaction.omitted).toBeUndefined();
    const lean = parseV3Interaction({ ...base, capabilities: undefined }, session(), true);
    expect(lean.ok && [...(lean.interaction.omitted ?? [])].sort()).toEqual(['capabilities', 'openmediaType', 'receivedDate', 'subject', 'userData']);
  });
});

describe('parseV3Interaction: what it accepts', () => {
  it.each([undefined, null])('user data %s is empty, and no types are remembered', (userData) => {
    const s = session();
    const parsed = parseV3Interaction({ ...base, userData }, s);
    expect(parsed).toMatchObject({ ok: true, interaction: { userData: {} } });
    expect(parsed.ok && parsed.interaction.userData).toEqual({});
    expect(s.typeOf('a1', 'x')).toBeUndefined();
  });

  it('an empty subject does not replace the user data subject', () => {
    const userData = [{ key: 'Subject', type: 'str', value: 'Theirs' }];
    const parsed = parseV3Interaction({ ...base, subject: '', userData }, session());
    expect(parsed.ok && parsed.interaction.userData).toEqual({ Subject: 'Theirs' });
  });

  it('a subject with no user data is the title, not a user-data key', () => {
    const parsed = parseV3Interaction({ ...base, subject: 'Mine' }, session());
    expect(parsed.ok && parsed.interaction.userData).toEqual({});
    expect(parsed.ok && parsed.interaction.subject).toBe('Mine');
  });

  it('capabilities that are not strings are dropped', () => {
    const parsed = parseV3Interaction({ ...base, capabilities: [5, 'complete', null, { a: 1 }, 'reply'] }, session());
    expect(parsed.ok && parsed.interaction.capabilities).toEqual(['Complete', 'reply']);
  });

  it('Transfer shows for transfer or place-in-queue, Add data for attach- or update-user-data: the verbs each sends', () => {
    const caps = (capabilities: string[]) => {
      const parsed = parseV3Interaction({ ...base, capabilities }, session());
      return parsed.ok ? parsed.interaction.capabilities : [];
    };
    expect(caps(['complete', 'place-in-queue'])).toEqual(['Complete', 'place-in-queue', 'Transfer']);
    expect(caps(['transfer'])).toEqual(['Transfer']);
    expect(caps(['update-user-data'])).toEqual(['UpdateUserData', 'AttachUserData']);
    expect(caps(['attach-user-data'])).toEqual(['AttachUserData']);
  });

  it('a Completed interaction offers nothing, even with capabilities listed', () => {
    const parsed = parseV3Interaction({ ...base, state: 'Completed' }, session());
    expect(parsed.ok && parsed.interaction).toMatchObject({ state: 'Completed', capabilities: [] });
  });

  it('placed in a queue: only the Queued state ends it', () => {
    const s = session();
    s.notePlacedInQueue('a1');
    expect(parseV3Interaction(base, s)).toMatchObject({ ok: true, interaction: { state: 'Processing', capabilities: ['Complete'] } });
  });

  it('reads the dates GWS writes (a two-digit offset) and the text the simulator writes', () => {
    const gws = parseV3Interaction({ ...base, receivedAt: '2017-07-21T09:41:47.123+02' }, session());
    expect(gws.ok && gws.interaction.receivedAt).toBe(Date.UTC(2017, 6, 21, 7, 41, 47, 123));
    const text = 'Fri Jul 21 2017 09:41:47 GMT+0000 (Coordinated Universal Time)';
    const simulator = parseV3Interaction({ ...base, receivedAt: text }, session());
    expect(simulator.ok && simulator.interaction).toMatchObject({ receivedDate: text, receivedAt: Date.UTC(2017, 6, 21, 9, 41, 47) });
    const unreadable = parseV3Interaction({ ...base, receivedAt: 'soon' }, session());
    expect(unreadable.ok && unreadable.interaction).toMatchObject({ receivedDate: 'soon', receivedAt: undefined });
  });

  it('the direction, and no URI', () => {
    const parsed = parseV3Interaction({ ...base, interactionType: 'Inbound' }, session());
    expect(parsed.ok && parsed.interaction).toMatchObject({ openmediaType: 'Inbound', uri: undefined, mediaType: 'workitem', id: 'a1' });
  });
});

describe('parseV3Notification', () => {
  const message = (extra: Record<string, unknown>) => ({ messageType: 'InteractionStateChanged', notificationType: 'StatusChange', interaction: base, ...extra });

  it.each<[string, unknown]>([
    ['a list', [message({})]],
    ['a string', 'StatusChange'],
    ['a number', 3],
  ])('%s is not an object', (_name, input) => {
    expect(parseV3Notification(input, session())).toEqual({ ok: false, reason: 'not-an-object' });
  });

  it('a message encoded twice (JSON text, alone or as the data of a Bayeux message) is read as the object it encodes', () => {
    const text = JSON.stringify(message({}));
    for (const input of [text, { channel: WORKSPACE_V3_CHANNEL.channel, data: text }]) {
      expect(parseV3Notification(input, session())).toMatchObject({ ok: true, notification: { notificationType: 'StatusChange', openmedia: { id: base.id } } });
    }
  });

  it('a message that throws when read is rejected, not thrown', () => {
    const hostile = {
      get messageType(): never {
        throw new Error('boom');
      },
    };
    expect(parseV3Notification(hostile, session())).toEqual({ ok: false, reason: 'not-an-object' });
  });

  it('an interaction it cannot read rejects the notification with that reason', () => {
    expect(parseV3Notification(message({ interaction: { ...base, state: '' } }), session())).toEqual({ ok: false, reason: 'invalid-state' });
    expect(parseV3Notification(message({ interaction: null }), session())).toEqual({ ok: false, reason: 'missing-openmedia' });
  });

  it.each(['PropertiesUpdated', 'EmailSaved', 'UCSPropertiesUpdated'])('%s only changes properties', (notificationType) => {
    const parsed = parseV3Notification(message({ notificationType }), session());
    expect(parsed.ok && parsed.notification.notificationType).toBe('PropertiesUpdated');
  });

  it('the whole Bayeux message is read like its data', () => {
    const parsed = parseV3Notification({ channel: '/workspace/v3/media/workitem', data: message({}) }, session());
    expect(parsed).toMatchObject({ ok: true, notification: { notificationType: 'StatusChange', openmedia: { id: 'a1' } } });
  });

  it.each<[string, unknown, string | number | undefined]>([
    ['a number', 42, 42],
    ['a string', 'E42', 'E42'],
    ['a boolean', true, undefined],
    ['an object', { c: 1 }, undefined],
  ])('EventError with an error code that is %s', (_name, errorCode, expected) => {
    const parsed = parseV3Notification({ messageType: 'EventError', error: { errorCode, errorMessage: 'no' } }, session());
    expect(parsed).toEqual({ ok: true, notification: { notificationType: 'Error', referenceId: undefined, openmedia: undefined, errorMessage: 'no', errorCode: expected } });
  });

  it('EventError with an unreadable interaction or no error object: the error stands, the interaction is dropped and counted, its id kept for its card', () => {
    const parsed = parseV3Notification({ messageType: 'EventError', error: 'x', interaction: { id: 'a1' } }, session());
    expect(parsed).toEqual({
      ok: true,
      notification: { notificationType: 'Error', referenceId: undefined, openmedia: undefined, interactionId: 'a1', errorMessage: undefined, errorCode: undefined },
      dropped: ['missing-media-type'],
    });
  });

  it('EventError whose interaction has unreadable user data: the interaction stands, its user data are counted', () => {
    const parsed = parseV3Notification({ messageType: 'EventError', error: { errorMessage: 'no' }, interaction: { ...base, userData: 'x' } }, session());
    expect(parsed).toMatchObject({ ok: true, notification: { notificationType: 'Error', openmedia: { id: 'a1' } }, dropped: ['invalid-user-data'] });
  });

  it('a StatusChange whose user data cannot be read still applies, counted', () => {
    const parsed = parseV3Notification(message({ interaction: { ...base, state: 'Completed', userData: { a: 1 } } }), session());
    expect(parsed).toMatchObject({ ok: true, notification: { openmedia: { id: 'a1', state: 'Completed' } }, dropped: ['invalid-user-data'] });
  });

  it('the channel descriptor names the wildcard channel and the interaction key', () => {
    expect(WORKSPACE_V3_CHANNEL).toEqual({ channel: '/workspace/v3/media/*', messageType: 'InteractionStateChanged', resourceKey: 'interaction' });
  });

  it('every known operation but SetInFocus has a v3 spelling', () => {
    expect(['accept', 'reject', 'complete', 'transfer', 'attach-user-data', 'update-user-data', 'delete-user-data'].map(normalizeCapability)).toEqual([
      'Accept',
      'Reject',
      'Complete',
      'Transfer',
      'AttachUserData',
      'UpdateUserData',
      'DeleteUserData',
    ]);
    expect(normalizeCapability('setinfocus')).toBe('setinfocus');
  });
});

describe('parseV3Answer', () => {
  it.each<[string, unknown, number | undefined]>([
    ['a whole number', 3, 3],
    ['a fraction', 1.5, undefined],
    ['a numeric text', ' 12 ', 12],
    ['a negative text', '-4', -4],
    ['an empty text', '', undefined],
    ['a text with more', '12a', undefined],
    ['a text with a prefix', 'a12', undefined],
    ['a decimal text', '1.0', undefined],
    ['a hexadecimal text', '0x1', undefined],
    ['a boolean', true, undefined],
    ['a list of digits', ['12'], undefined],
  ])('a status code that is %s', (_name, code, expected) => {
    const parsed = parseV3Answer({ status: { code } });
    if (expected === undefined) expect(parsed).toEqual({ ok: false, reason: 'invalid-status-code' });
    else expect(parsed).toEqual({ ok: true, answer: { code: expected, message: undefined, operationId: undefined } });
  });

  it('a status that is not an object', () => {
    expect(parseV3Answer({ status: 0 })).toEqual({ ok: false, reason: 'invalid-status-code' });
  });

  it('a blank message is no message; an operationId that is not a string is none', () => {
    expect(parseV3Answer({ status: { code: 1, message: '   ' }, operationId: 5 })).toEqual({ ok: true, answer: { code: 1, message: undefined, operationId: undefined } });
    expect(parseV3Answer({ status: { code: 1, message: ' x ' } })).toEqual({ ok: true, answer: { code: 1, message: ' x ', operationId: undefined } });
  });
});

describe('parseCurrentSession', () => {
  const withChannels = (channels: unknown, status?: unknown) => ({
    ...(status === undefined ? {} : { status }),
    data: { user: { activeSession: { media: { channels } } } },
  });
  const item = (id: string, extra: Record<string, unknown> = {}) => ({ ...base, id, ...extra });

  it.each<[string, unknown]>([
    ['null', null],
    ['a list', []],
  ])('%s is not an object', (_name, input) => {
    expect(parseCurrentSession(input, session())).toEqual({ ok: false, reason: 'not-an-object' });
  });

  it('a status code other than 0 or 1 is an error, with its message', () => {
    expect(parseCurrentSession(withChannels([], { code: 2, message: 'Not logged in' }), session())).toEqual({ ok: false, reason: 'status-code', code: 2, message: 'Not logged in' });
    expect(parseCurrentSession(withChannels([], { code: '500' }), session())).toEqual({ ok: false, reason: 'status-code', code: 500, message: undefined });
  });

  it.each<[string, unknown]>([
    ['0', { code: 0 }],
    ['1', { code: 1 }],
    ['unreadable', { code: 'x' }],
    ['not an object', 'fine'],
  ])('a status code %s reads the session', (_name, status) => {
    expect(parseCurrentSession(withChannels([{ interactions: [item('a1')] }], status), session())).toMatchObject({ ok: true, interactions: [{ id: 'a1' }], rejected: [] });
  });

  it('an active session without media, or media without channels (a server that writes no empty arrays), has nothing to show', () => {
    expect(parseCurrentSession({ data: { user: { activeSession: {} } } }, session())).toEqual({ ok: true, interactions: [], rejected: [], unreadable: [] });
    expect(parseCurrentSession({ data: { user: { activeSession: { media: {} } } } }, session())).toEqual({ ok: true, interactions: [], rejected: [], unreadable: [] });
    expect(parseCurrentSession({ data: { user: { activeSession: { media: { channels: null } } } } }, session())).toEqual({ ok: true, interactions: [], rejected: [], unreadable: [] });
    expect(parseCurrentSession({ data: { user: { activeSession: { media: 'none' } } } }, session())).toEqual({ ok: true, interactions: [], rejected: [], unreadable: [] });
  });

  it.each<[string, unknown]>([
    ['no data', {}],
    ['data without user', { data: {} }],
    ['a user that is not an object', { data: { user: 'x' } }],
    ['a user without an active session', { data: { user: {} } }],
    ['an active session that is not an object', { data: { user: { activeSession: 'x' } } }],
    ['channels that are not a list', { data: { user: { activeSession: { media: { channels: {} } } } } }],
  ])('%s: no channels', (_name, input) => {
    expect(parseCurrentSession(input, session())).toEqual({ ok: false, reason: 'missing-channels' });
  });

  it('skips channels it cannot read, rejects items it cannot read, keeps the first listing of an id', () => {
    const parsed = parseCurrentSession(
      withChannels([
        null,
        { interactions: 'x' },
        { interactions: [item('a1', { state: 'Invited' }), item('', {}), item('a2')] },
        { interactions: [item('a1', { state: 'Processing' }), { id: 'a3' }] },
      ]),
      session(),
    );
    expect(parsed).toEqual({
      ok: true,
      interactions: [expect.objectContaining({ id: 'a1', state: 'Invited' }), expect.objectContaining({ id: 'a2' })],
      rejected: ['missing-id', 'missing-media-type'],
      // Still listed, though not read: its media type cannot be told.
      unreadable: [{ id: 'a3', mediaType: undefined }],
    });
  });

  it('an item whose user data cannot be read is not read (rejected), not an item without user data', () => {
    const parsed = parseCurrentSession(withChannels([{ interactions: [item('a1', { userData: { a: 1 } }), item('a2', { capabilities: undefined })] }]), session());
    expect(parsed).toEqual({
      ok: true,
      interactions: [expect.objectContaining({ id: 'a2', capabilities: [] })],
      rejected: ['invalid-user-data'],
      unreadable: [{ id: 'a1', mediaType: 'workitem' }],
    });
  });
});
