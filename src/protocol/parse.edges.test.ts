import { describe, expect, it } from 'vitest';
import seed from './fixtures/seed-openmedia-statuschange.json';
import { OPENMEDIA_CHANNEL, parseNotification, parseOpenmediaResource, parseRestAnswer } from './parse';

// Edges of the tolerant parser that mutation testing (npm run test:mutation) showed untested:
// each test here fails on a mutant that survived parse.test.ts.

type Wire = Record<string, unknown>;

const data = (): Wire => structuredClone(seed.data) as Wire;
const resourceWith = (overrides: Wire): Wire => ({ ...(structuredClone(seed.data.openmedia) as Wire), ...overrides });

function read(overrides: Wire) {
  const parsed = parseOpenmediaResource(resourceWith(overrides));
  if (!parsed.ok) throw new Error(`expected the resource to parse, got ${parsed.reason}`);
  return parsed.interaction;
}

describe('OPENMEDIA_CHANNEL', () => {
  it('is the spec’s Open Media channel, message type and resource key', () => {
    expect(OPENMEDIA_CHANNEL).toEqual({
      channel: '/v2/me/openmedia',
      messageType: 'OpenmediaStateChangeMessage',
      resourceKey: 'openmedia',
    });
  });
});

describe('parseOpenmediaResource: which rejection, exactly', () => {
  it.each([
    [{ id: null }, 'missing-id'],
    [{ mediaType: '' }, 'missing-media-type'],
    [{ capabilities: 'Accept' }, 'invalid-capabilities'],
  ])('%j → %s', (overrides, reason) => {
    expect(parseOpenmediaResource(resourceWith(overrides))).toEqual({ ok: false, reason });
  });
});

describe('parseOpenmediaResource: optional fields of the wrong type', () => {
  it('writes a finite number as a string, and drops other non-strings', () => {
    expect(read({ openmediaType: 42 }).openmediaType).toBe('42');
    expect(read({ openmediaType: Number.POSITIVE_INFINITY }).openmediaType).toBeUndefined();
    expect(read({ openmediaType: Number.NaN }).openmediaType).toBeUndefined();
    expect(read({ openmediaType: { kind: 'Inbound' } }).openmediaType).toBeUndefined();
    expect(read({ openmediaType: true }).openmediaType).toBeUndefined();
  });

  it('keeps a uri only when it is a string', () => {
    expect(read({ uri: 42 }).uri).toBeUndefined();
    expect(read({ uri: { href: 'x' } }).uri).toBeUndefined();
  });

  it('writes a bigint user-data value as its digits (JSON.stringify would throw)', () => {
    expect(read({ userData: { Amount: 10n, Flag: true } }).userData).toEqual({ Amount: '10', Flag: 'true' });
  });
});

describe('parseNotification: the Bayeux envelope', () => {
  it('unwraps { channel, data } only when the outer object has no messageType of its own', () => {
    const inner = data();
    const outer = { ...data(), channel: '/v2/me/openmedia', data: { unrelated: true } };
    expect(parseNotification(outer)).toMatchObject({ ok: true, notification: { notificationType: 'StatusChange' } });
    expect(parseNotification({ channel: '/v2/me/openmedia', data: inner })).toMatchObject({ ok: true });
  });

  it('unwraps a data field without a channel only when it holds a message (the GWS reference page wraps one so)', () => {
    expect(parseNotification({ data: data() })).toMatchObject({ ok: true });
    expect(parseNotification({ channel: 7, data: data() })).toMatchObject({ ok: true });
    expect(parseNotification({ data: { ...data(), messageType: undefined } })).toEqual({ ok: false, reason: 'unknown-message-type' });
    expect(parseNotification({ data: 'text' })).toEqual({ ok: false, reason: 'unknown-message-type' });
  });

  it('turns an object whose getters throw into a rejection, never an exception', () => {
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('no');
        },
      },
    );
    expect(parseNotification(hostile)).toEqual({ ok: false, reason: 'not-an-object' });
  });
});

describe('parseNotification: referenceId', () => {
  it.each([[true], [[7]], ['0x1A'], ['1e3'], ['7 8'], [-1], [1.5]])(
    'rejects %j on an Error about no interaction, drops it from a StatusChange and from an Error about one',
    (referenceId) => {
      expect(parseNotification({ ...data(), notificationType: 'Error', referenceId, openmedia: undefined })).toEqual({ ok: false, reason: 'invalid-reference-id' });
      expect(parseNotification({ ...data(), notificationType: 'StatusChange', referenceId })).toMatchObject({ ok: true, dropped: ['invalid-reference-id'], notification: { referenceId: undefined } });
      expect(parseNotification({ ...data(), notificationType: 'Error', referenceId })).toMatchObject({
        ok: true,
        dropped: ['invalid-reference-id'],
        notification: { notificationType: 'Error', referenceId: undefined, openmedia: { id: seed.data.openmedia.id } },
      });
    },
  );

  it('reads a numeric string, spaces around it allowed', () => {
    expect(parseNotification({ ...data(), referenceId: ' 12 ' })).toMatchObject({ ok: true, notification: { referenceId: 12 } });
  });
});

describe('parseNotification: Error', () => {
  it('keeps only a number or string errorCode', () => {
    const error = (errorCode: unknown) => parseNotification({ ...data(), notificationType: 'Error', errorCode });
    expect(error({ code: 1 })).toMatchObject({ ok: true, notification: { errorCode: undefined } });
    expect(error(true)).toMatchObject({ ok: true, notification: { errorCode: undefined } });
    expect(error('E42')).toMatchObject({ ok: true, notification: { errorCode: 'E42' } });
  });

  it('writes a numeric errorMessage as text', () => {
    expect(parseNotification({ ...data(), notificationType: 'Error', errorMessage: 404 })).toMatchObject({
      ok: true,
      notification: { errorMessage: '404' },
    });
  });
});

describe('parseRestAnswer: statusCode', () => {
  it('reads a multi-digit numeric string', () => {
    expect(parseRestAnswer({ statusCode: ' 12 ' })).toMatchObject({ ok: true, answer: { statusCode: 12 } });
  });

  it.each([[null], [[]], [true], ['']])('rejects %j (Number() would read it as 0: success)', (statusCode) => {
    expect(parseRestAnswer({ statusCode })).toEqual({ ok: false, reason: 'invalid-status-code' });
  });

  it('rejects an array of digits, which a regular expression would read as its text', () => {
    expect(parseRestAnswer({ statusCode: ['12'] })).toEqual({ ok: false, reason: 'invalid-status-code' });
  });

  it('writes a numeric statusMessage as text', () => {
    expect(parseRestAnswer({ statusCode: 2, statusMessage: 7 })).toMatchObject({ ok: true, answer: { statusMessage: '7' } });
  });
});

describe('parseOpenmediaResource: userDataKinds', () => {
  it('records what each flattened value was: booleans, nested objects and arrays', () => {
    const interaction = read({ userData: { flag: false, nested: { a: 1 }, list: [1, 2], text: 's', n: 1, none: null } });
    expect(interaction.userDataKinds).toEqual({ flag: 'boolean', nested: 'json', list: 'json' });
    expect(interaction.userData).toMatchObject({ flag: 'false', nested: '{"a":1}', list: '[1,2]' });
  });

  it('leaves userDataKinds out when every value kept its type', () => {
    expect(read({ userData: { text: 's', n: 1, none: null } })).not.toHaveProperty('userDataKinds');
    expect(read({ userData: undefined })).not.toHaveProperty('userDataKinds');
  });

  it('keeps a "__proto__" key as a plain, read-only key', () => {
    const kinds = read({ userData: JSON.parse('{"__proto__": true}') as unknown }).userDataKinds;
    expect(Object.keys(kinds ?? {})).toEqual(['__proto__']);
    expect(Object.getOwnPropertyDescriptor(kinds, '__proto__')).toEqual({ value: 'boolean', enumerable: true, writable: false, configurable: false });
  });
});

