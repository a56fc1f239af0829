import { describe, expect, it } from 'vitest';
import seed from './fixtures/seed-openmedia-statuschange.json';
import { OPENMEDIA_CHANNEL, parseNotification, parseOpenmediaResource, parseRestAnswer, parseSnapshot } from './parse';
import type { RejectionReason } from './types';
import { REJECTION_REASONS } from './types';

type Wire = Record<string, unknown>;

/** The seed message's data with some top-level fields replaced (undefined removes a field). */
function message(overrides: Wire = {}): Wire {
  return strip({ ...structuredClone(seed.data), ...overrides });
}

/** The seed message with some fields of its openmedia resource replaced (undefined removes a field). */
function withResource(overrides: Wire): Wire {
  return message({ openmedia: strip({ ...structuredClone(seed.data.openmedia), ...overrides }) });
}

function strip(object: Wire): Wire {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined));
}

describe('parseNotification rejections', () => {
  const rows: { reason: RejectionReason; input: unknown }[] = [
    { reason: 'not-an-object', input: null },
    { reason: 'not-an-object', input: [seed.data] },
    { reason: 'not-an-object', input: 'OpenmediaStateChangeMessage' },
    { reason: 'unknown-message-type', input: message({ messageType: 'WorkitemStateChangeMessage' }) },
    { reason: 'unknown-message-type', input: message({ messageType: undefined }) },
    { reason: 'unknown-message-type', input: message({ messageType: 42 }) },
    { reason: 'unknown-notification-type', input: message({ notificationType: 'Deleted' }) },
    { reason: 'unknown-notification-type', input: message({ notificationType: undefined }) },
    { reason: 'missing-openmedia', input: message({ openmedia: undefined }) },
    { reason: 'missing-openmedia', input: message({ notificationType: 'PropertiesUpdated', openmedia: null }) },
    { reason: 'openmedia-not-an-object', input: message({ openmedia: 'x' }) },
    { reason: 'openmedia-not-an-object', input: message({ openmedia: [seed.data.openmedia] }) },
    { reason: 'missing-id', input: withResource({ id: undefined }) },
    { reason: 'missing-id', input: withResource({ id: '' }) },
    { reason: 'invalid-id', input: withResource({ id: 4.5 }) },
    { reason: 'invalid-id', input: withResource({ id: -3 }) },
    { reason: 'invalid-id', input: withResource({ id: { value: 'a' } }) },
    { reason: 'missing-media-type', input: withResource({ mediaType: undefined }) },
    { reason: 'missing-media-type', input: withResource({ mediaType: 7 }) },
    { reason: 'invalid-state', input: withResource({ state: undefined }) },
    { reason: 'invalid-state', input: withResource({ state: '' }) },
    { reason: 'invalid-capabilities', input: withResource({ capabilities: 'Accept' }) },
    // An Error without a readable referenceId is shown only on the interaction it names: none here.
    { reason: 'invalid-reference-id', input: message({ notificationType: 'Error', referenceId: -1, openmedia: undefined }) },
    { reason: 'invalid-reference-id', input: message({ notificationType: 'Error', referenceId: 1.5, openmedia: null }) },
    { reason: 'invalid-reference-id', input: message({ notificationType: 'Error', referenceId: 'seven', openmedia: undefined }) },
    { reason: 'invalid-reference-id', input: message({ notificationType: 'Error', referenceId: true, openmedia: { id: 5.5 } }) },
    { reason: 'invalid-reference-id', input: message({ notificationType: 'Deleted', referenceId: true }) },
  ];
  /** Parts left out of a message that still applies, counted under these reasons (Workspace API v3 still rejects with the second two). */
  const drops: { reason: RejectionReason; input: unknown }[] = [
    { reason: 'invalid-user-data', input: withResource({ userData: 'a=b' }) },
    { reason: 'invalid-user-data', input: withResource({ userData: [['a', 'b']] }) },
    { reason: 'invalid-reference-id', input: message({ referenceId: 'abc-1' }) },
  ];
  const v3Only: RejectionReason[] = ['missing-capabilities'];

  it.each(rows)('$reason: $input', ({ reason, input }) => {
    expect(parseNotification(input)).toEqual({ ok: false, reason });
  });

  it('a StatusChange or PropertiesUpdated with an unreadable referenceId still applies its resource, the reference dropped and counted', () => {
    for (const notificationType of ['StatusChange', 'PropertiesUpdated']) {
      const result = parseNotification(message({ notificationType, referenceId: 'abc-1' }));
      expect(result).toMatchObject({ ok: true, dropped: ['invalid-reference-id'], notification: { notificationType, referenceId: undefined, openmedia: { id: seed.data.openmedia.id, state: 'Processing' } } });
    }
    // A readable one drops nothing.
    expect(parseNotification(message({ referenceId: 7 }))).not.toHaveProperty('dropped');
  });

  it.each(drops)('$reason is dropped, the rest applied: $input', ({ reason, input }) => {
    expect(parseNotification(input)).toMatchObject({ ok: true, dropped: [reason] });
  });

  it('covers every rejection reason', () => {
    expect(new Set([...rows, ...drops].map((row) => row.reason).concat(v3Only))).toEqual(new Set(REJECTION_REASONS));
  });
});

describe('parseNotification accepts', () => {
  it.each(['statusChange', 'STATUSCHANGE', 'propertiesupdated'])('notificationType %s (case-insensitive, as messageType)', (notificationType) => {
    const result = parseNotification({ ...withResource({}), notificationType });
    expect(result.ok && result.notification.notificationType).toBe(notificationType.toLowerCase() === 'statuschange' ? 'StatusChange' : 'PropertiesUpdated');
  });

  it('an Error spelled in lower case, which settles its request', () => {
    const result = parseNotification(message({ notificationType: 'error', referenceId: 9, errorMessage: 'Nope' }));
    expect(result).toMatchObject({ ok: true, notification: { notificationType: 'Error', referenceId: 9, errorMessage: 'Nope' } });
  });

  it('capabilities however the server spells a known operation, and unknown ones as sent', () => {
    const result = parseNotification(withResource({ capabilities: ['accept', 'REJECT', 'set-in-focus', 'Complete', 'place-in-queue', 'Consult'] }));
    expect(result.ok && result.notification.openmedia?.capabilities).toEqual(['Accept', 'Reject', 'SetInFocus', 'Complete', 'place-in-queue', 'Consult']);
  });

  it('an id written as a whole JSON number, read as its digits', () => {
    const result = parseNotification(withResource({ id: 4521 }));
    expect(result.ok && result.notification.openmedia?.id).toBe('4521');
  });

  it.each(['OpenmediaStateChangeMessage', 'OpenMediaStateChangeMessage', 'openmediastatechangemessage', 'OPENMEDIASTATECHANGEMESSAGE'])(
    'messageType %s (case-insensitive)',
    (messageType) => {
      expect(parseNotification(message({ messageType })).ok).toBe(true);
    },
  );

  it.each<{ name: string; referenceId: unknown; expected: number | undefined }>([
    { name: 'absent', referenceId: undefined, expected: undefined },
    { name: 'null', referenceId: null, expected: undefined },
    { name: '0 (unsolicited)', referenceId: 0, expected: undefined },
    { name: 'a number', referenceId: 6, expected: 6 },
    { name: 'a numeric string', referenceId: '17', expected: 17 },
    { name: 'a padded numeric string', referenceId: ' 17 ', expected: 17 },
    { name: '"0"', referenceId: '0', expected: undefined },
  ])('referenceId $name → $expected', ({ referenceId, expected }) => {
    const result = parseNotification(message({ referenceId }));
    expect(result.ok && result.notification.referenceId).toBe(expected);
  });

  it.each<{ name: string; userData: unknown; expected: Record<string, unknown> }>([
    { name: 'strings, numbers and null', userData: { s: 'gold', n: 3, z: null }, expected: { s: 'gold', n: 3, z: null } },
    { name: 'absent', userData: undefined, expected: {} },
    { name: 'null', userData: null, expected: {} },
    { name: 'booleans and nested values, as text', userData: { b: true, o: { x: 1 }, a: [1, 2] }, expected: { b: 'true', o: '{"x":1}', a: '[1,2]' } },
    { name: 'a key named __proto__, as a plain key', userData: JSON.parse('{"__proto__": "x"}'), expected: JSON.parse('{"__proto__": "x"}') },
  ])('userData: $name', ({ userData, expected }) => {
    const result = parseNotification(withResource({ userData }));
    expect(result.ok && result.notification.openmedia?.userData).toEqual(expected);
  });

  it.each<{ name: string; fields: Wire; omitted: string[] | undefined }>([
    { name: 'every field sent', fields: { userData: { A: '1' }, receivedDate: '2014-03-26 16:02:22.000+0200' }, omitted: undefined },
    { name: 'as GWS sends a StatusChange (the seed)', fields: {}, omitted: ['userData', 'receivedDate'] },
    { name: 'nothing but the required fields', fields: { openmediaType: undefined, uri: undefined }, omitted: ['userData', 'receivedDate', 'openmediaType', 'uri'] },
    // Explicitly empty is not left out: it clears the user data.
    { name: 'userData {} and null', fields: { userData: {}, receivedDate: null }, omitted: undefined },
    { name: 'userData null', fields: { userData: null, receivedDate: 'x' }, omitted: undefined },
  ])('a notification lists the fields it left out: $name', ({ fields, omitted }) => {
    const result = parseNotification(withResource(fields));
    expect(result.ok && result.notification.openmedia?.omitted).toEqual(omitted);
    // On an Error too (its resource is applied the same way).
    const error = parseNotification({ ...withResource(fields), notificationType: 'Error' });
    expect(error.ok && error.notification.openmedia?.omitted).toEqual(omitted);
  });

  it('a snapshot resource is whole: a field it leaves out is empty, not unknown', () => {
    const parsed = parseOpenmediaResource(strip({ ...structuredClone(seed.data.openmedia) }));
    expect(parsed.ok && parsed.interaction).toMatchObject({ userData: {}, receivedDate: undefined });
    expect(parsed.ok && parsed.interaction).not.toHaveProperty('omitted');
    const listed = parseSnapshot({ statusCode: 0, openmedia: [seed.data.openmedia] });
    expect(listed.ok && listed.interactions[0]).not.toHaveProperty('omitted');
  });

  it('keeps unknown capabilities and states, drops non-string capabilities', () => {
    const result = parseNotification(withResource({ state: 'Parked', capabilities: ['Complete', 'Teleport', 3, null] }));
    expect(result.ok && result.notification.openmedia).toMatchObject({ state: 'Parked', capabilities: ['Complete', 'Teleport'] });
  });

  it.each([
    { receivedDate: '2014-03-26 16:02:22.000+0200', receivedAt: Date.UTC(2014, 2, 26, 14, 2, 22) },
    { receivedDate: '2014-03-26T14:02:22Z', receivedAt: Date.UTC(2014, 2, 26, 14, 2, 22) },
    { receivedDate: 'yesterday', receivedAt: undefined },
  ])('reads receivedDate $receivedDate', ({ receivedDate, receivedAt }) => {
    const result = parseNotification(withResource({ receivedDate }));
    expect(result.ok && result.notification.openmedia).toMatchObject({ receivedDate, receivedAt });
  });

  it('reads an Error without openmedia, with its message and code', () => {
    const result = parseNotification(message({ notificationType: 'Error', openmedia: undefined, referenceId: 9, errorMessage: 'Invalid state', errorCode: 2 }));
    expect(result).toEqual({
      ok: true,
      notification: { notificationType: 'Error', referenceId: 9, openmedia: undefined, errorMessage: 'Invalid state', errorCode: 2 },
    });
  });

  it('reads an Error with a string code and no message', () => {
    const result = parseNotification(message({ notificationType: 'Error', openmedia: null, errorCode: 'E42' }));
    expect(result.ok && result.notification).toMatchObject({ notificationType: 'Error', errorMessage: undefined, errorCode: 'E42' });
  });

  it('keeps an Error whose resource cannot be read: the failure still settles its request (the resource counted as dropped)', () => {
    const result = parseNotification(message({ notificationType: 'Error', referenceId: 9, openmedia: { id: true }, errorMessage: 'Nope' }));
    expect(result).toEqual({
      ok: true,
      notification: { notificationType: 'Error', referenceId: 9, openmedia: undefined, errorMessage: 'Nope', errorCode: undefined },
      dropped: ['invalid-id'],
    });
  });

  it('keeps the id an Error’s unreadable resource still names, so the error finds its card', () => {
    const unsolicited = parseNotification(message({ notificationType: 'Error', openmedia: { id: 'P1' }, errorMessage: 'Locked' }));
    expect(unsolicited).toMatchObject({ ok: true, notification: { notificationType: 'Error', openmedia: undefined, interactionId: 'P1' } });
    const numbered = parseNotification(message({ notificationType: 'Error', referenceId: 4, openmedia: { id: 17 }, errorMessage: 'Locked' }));
    expect(numbered).toMatchObject({ ok: true, notification: { referenceId: 4, interactionId: '17' } });
  });

  it('reads the sibling channels through a descriptor', () => {
    const workitem = { messageType: 'WorkitemStateChangeMessage', notificationType: 'StatusChange', workitem: seed.data.openmedia };
    const descriptor = { channel: '/v2/me/workitems', messageType: 'WorkitemStateChangeMessage', resourceKey: 'workitem' };
    expect(parseNotification(workitem, descriptor).ok).toBe(true);
    expect(parseNotification(workitem, OPENMEDIA_CHANNEL)).toEqual({ ok: false, reason: 'unknown-message-type' });
  });
});

describe('parseOpenmediaResource', () => {
  it('reads the seed resource and rejects a non-object', () => {
    expect(parseOpenmediaResource(seed.data.openmedia)).toMatchObject({ ok: true, interaction: { id: '03W0GH2KD56YV000', openmediaType: 'Outbound' } });
    expect(parseOpenmediaResource(7)).toEqual({ ok: false, reason: 'openmedia-not-an-object' });
  });
});

describe('parseRestAnswer', () => {
  it.each<{ name: string; input: unknown; expected: ReturnType<typeof parseRestAnswer> }>([
    { name: 'accepted', input: { statusCode: 0, referenceId: 7 }, expected: { ok: true, answer: { statusCode: 0, referenceId: 7, statusMessage: undefined } } },
    {
      name: 'refused',
      input: { statusCode: 2, statusMessage: 'Invalid state' },
      expected: { ok: true, answer: { statusCode: 2, referenceId: undefined, statusMessage: 'Invalid state' } },
    },
    { name: 'a numeric string code', input: { statusCode: '0', referenceId: '7' }, expected: { ok: true, answer: { statusCode: 0, referenceId: 7, statusMessage: undefined } } },
    { name: 'a bad referenceId, dropped', input: { statusCode: 0, referenceId: 'x' }, expected: { ok: true, answer: { statusCode: 0, referenceId: undefined, statusMessage: undefined } } },
    { name: 'not an object', input: 'OK', expected: { ok: false, reason: 'not-an-object' } },
    { name: 'no statusCode (a 2xx that took the request)', input: { referenceId: 7 }, expected: { ok: true, answer: { statusCode: 0, referenceId: 7, statusMessage: undefined } } },
    { name: 'a fractional statusCode', input: { statusCode: 0.5 }, expected: { ok: false, reason: 'invalid-status-code' } },
    // An empty or blank string is not "0": reading it as success would hide a broken answer.
    { name: 'an empty string statusCode', input: { statusCode: '' }, expected: { ok: false, reason: 'invalid-status-code' } },
    { name: 'a blank string statusCode', input: { statusCode: '  ' }, expected: { ok: false, reason: 'invalid-status-code' } },
    { name: 'a hexadecimal string statusCode', input: { statusCode: '0x0' }, expected: { ok: false, reason: 'invalid-status-code' } },
  ])('$name', ({ input, expected }) => {
    expect(parseRestAnswer(input)).toEqual(expected);
  });
});

describe('parseSnapshot', () => {
  it('keeps the readable items and reports the others', () => {
    const result = parseSnapshot({
      statusCode: 0,
      openmedia: [seed.data.openmedia, { ...seed.data.openmedia, id: undefined }, 'junk', { ...seed.data.openmedia, id: 'second', state: 'Invited' }],
    });
    expect(result.ok && result.interactions.map((item) => item.id)).toEqual(['03W0GH2KD56YV000', 'second']);
    expect(result.ok && result.rejected).toEqual(['missing-id', 'openmedia-not-an-object']);
  });

  it.each<{ name: string; input: unknown; expected: unknown }>([
    { name: 'an empty list', input: { statusCode: 0, openmedia: [] }, expected: { ok: true, interactions: [], rejected: [] } },
    { name: 'no statusCode, taken as 0', input: { openmedia: [] }, expected: { ok: true, interactions: [], rejected: [] } },
    { name: 'a numeric string statusCode', input: { statusCode: '0', openmedia: [] }, expected: { ok: true, interactions: [], rejected: [] } },
    { name: 'not an object', input: [], expected: { ok: false, reason: 'not-an-object' } },
    { name: 'a non-numeric statusCode', input: { statusCode: 'ok', openmedia: [] }, expected: { ok: false, reason: 'invalid-status-code' } },
    { name: 'no list', input: { statusCode: 0, openmedia: {} }, expected: { ok: false, reason: 'missing-openmedia-list' } },
    {
      name: 'a failure status',
      input: { statusCode: 3, statusMessage: 'Forbidden' },
      expected: { ok: false, reason: 'status-code', statusCode: 3, statusMessage: 'Forbidden' },
    },
  ])('$name', ({ input, expected }) => {
    expect(parseSnapshot(input)).toEqual(expected);
  });
});
