import { describe, expect, it } from 'vitest';
import seed from './fixtures/seed-openmedia-statuschange.json';
import { parseNotification, parseSnapshot } from './parse';

// What a real GWS, or a proxy in front of it, may send that the mock never does (a QA round
// against the spec's tolerance rule: "the widget must stay tolerant of other variants").

const resource = seed.data.openmedia;

describe('snapshot: a success that lists nothing', () => {
  it('is an empty list when the list is left out or null', () => {
    for (const answer of [{ statusCode: 0 }, { statusCode: 0, openmedia: null }, { statusCode: '0', statusMessage: 'OK' }]) {
      expect(parseSnapshot(answer)).toEqual({ ok: true, interactions: [], rejected: [] });
    }
  });

  it('is not read from an answer that does not say success, or lists under another name', () => {
    expect(parseSnapshot({})).toEqual({ ok: false, reason: 'missing-openmedia-list' });
    expect(parseSnapshot({ statusCode: 0, items: [resource] })).toEqual({ ok: false, reason: 'missing-openmedia-list' });
    expect(parseSnapshot({ statusCode: 0, openmedia: 'none' })).toEqual({ ok: false, reason: 'missing-openmedia-list' });
  });
});

describe('snapshot: an item without capabilities, or with user data that is not an object', () => {
  it('without capabilities is shown with no button; with unreadable user data it is not read (not "no user data"), and counted', () => {
    const { capabilities: _, ...noCapabilities } = resource;
    const result = parseSnapshot({ statusCode: 0, openmedia: [noCapabilities, { ...resource, id: 'B', userData: 'a=b' }] });
    expect(result).toMatchObject({ ok: true, interactions: [{ id: resource.id, capabilities: [] }], rejected: ['invalid-user-data'] });
    expect(result.ok && result.interactions).toHaveLength(1);
    // A snapshot's resource is whole: nothing in it is marked as left out.
    expect(result.ok && result.interactions.every((i) => i.omitted === undefined)).toBe(true);
  });
});

describe('Error notifications', () => {
  const error = (fields: Record<string, unknown>) =>
    parseNotification({ messageType: 'OpenmediaStateChangeMessage', notificationType: 'Error', referenceId: 4, openmedia: resource, ...fields });

  it('a blank errorMessage or errorCode says nothing: the default text is shown instead of an empty reason', () => {
    expect(error({ errorMessage: '   ', errorCode: '' })).toMatchObject({ ok: true, notification: { errorMessage: undefined, errorCode: undefined } });
    expect(error({ errorMessage: 'Not allowed now', errorCode: 0 })).toMatchObject({ ok: true, notification: { errorMessage: 'Not allowed now', errorCode: 0 } });
  });

  it('with a referenceId it cannot read, is still shown on the interaction it names, the reference counted as dropped', () => {
    expect(error({ referenceId: '14.0', errorMessage: 'Not allowed now' })).toEqual({
      ok: true,
      dropped: ['invalid-reference-id'],
      notification: expect.objectContaining({ notificationType: 'Error', referenceId: undefined, errorMessage: 'Not allowed now', openmedia: expect.objectContaining({ id: resource.id }) }),
    });
  });

  it('with a resource it cannot read, settles its request all the same, the resource counted as dropped', () => {
    expect(error({ openmedia: { ...resource, mediaType: 7 } })).toMatchObject({ ok: true, dropped: ['missing-media-type'], notification: { referenceId: 4, openmedia: undefined } });
  });
});

describe('a notification encoded twice (data sent as JSON text)', () => {
  it('is read as the object its text encodes, whole message or data alone; text that is not a JSON object is still rejected', () => {
    const text = JSON.stringify(seed.data);
    for (const input of [text, { channel: '/v2/me/openmedia', data: text }, ` ${text}\n`]) {
      expect(parseNotification(input)).toMatchObject({ ok: true, notification: { notificationType: 'StatusChange', openmedia: { id: resource.id } } });
    }
    for (const input of ['OpenmediaStateChangeMessage', '[1,2]', '{"messageType": ', { channel: '/v2/me/openmedia', data: '"x"' }]) {
      expect(parseNotification(input)).toMatchObject({ ok: false });
    }
  });
});
