import { describe, expect, it } from 'vitest';
import { applyOperation } from './operations';
import { parseCreateBody, parseOperationBody } from './operation-request';
import type { StoredInteraction } from './resource';
import { capabilitiesFor } from './state-machine';

const record: StoredInteraction = {
  id: 'A',
  mediaType: 'promotion',
  openmediaType: 'Inbound',
  state: 'Processing',
  capabilities: capabilitiesFor('Processing'),
  userData: { Subject: 'Hi', Keep: 1 },
  receivedDate: '2014-03-26 16:02:22.000+0200',
  uri: undefined,
  extra: {},
};

describe('applyOperation', () => {
  it('merges, overwrites and deletes user data without touching the original', () => {
    const attached = applyOperation(record, { operationName: 'AttachUserData', userData: { New: 'x', ['__proto__']: 'p' } });
    expect(attached.userData).toEqual({ Subject: 'Hi', Keep: 1, New: 'x', ['__proto__']: 'p' });
    expect(Object.getPrototypeOf(attached.userData)).toBe(Object.prototype);
    const updated = applyOperation(attached, { operationName: 'UpdateUserData', userData: { Subject: 'Bye' } });
    expect(updated.userData.Subject).toBe('Bye');
    const deleted = applyOperation(updated, { operationName: 'DeleteUserData', keys: ['New', 'Missing'] });
    expect(deleted.userData).not.toHaveProperty('New');
    expect(record.userData).toEqual({ Subject: 'Hi', Keep: 1 });
  });

  it('moves the state on Complete and keeps everything else', () => {
    expect(applyOperation(record, { operationName: 'Complete' })).toEqual({ ...record, state: 'Completed', capabilities: [] });
    expect(applyOperation(record, { operationName: 'SetInFocus' })).toEqual(record);
  });
});

describe('operation bodies', () => {
  it('reads every documented operation', () => {
    expect(parseOperationBody({ operationName: 'Accept', saveLAR: true })).toEqual({ ok: true, request: { operationName: 'Accept', saveLAR: true } });
    expect(parseOperationBody({ operationName: 'Transfer', targetUri: 'u' })).toEqual({ ok: true, request: { operationName: 'Transfer', targetUri: 'u' } });
    expect(parseOperationBody({ operationName: 'DeleteUserData', keys: ['a'] })).toEqual({ ok: true, request: { operationName: 'DeleteUserData', keys: ['a'] } });
    expect(parseOperationBody({ operationName: 'Complete' })).toEqual({ ok: true, request: { operationName: 'Complete' } });
    expect(parseCreateBody({ operationName: 'Create', queueUri: 'q' })).toEqual({ ok: true, request: { operationName: 'Create', queueUri: 'q' } });
  });

  it.each([
    [null, /JSON object/],
    [{ operationName: 7 }, /must be a string/],
    [{ operationName: 'Accept', saveLAR: 'yes' }, /saveLAR must be a boolean/],
    [{ operationName: 'Transfer', targetUri: 5 }, /targetUri must be a string/],
    [{ operationName: 'UpdateUserData', userData: {} }, /Missing parameter: userData/],
    [{ operationName: 'UpdateUserData', userData: { a: Number.NaN } }, /userData\.a/],
    [{ operationName: 'DeleteUserData', keys: [] }, /Missing parameter: keys/],
    [{ operationName: 'DeleteUserData', keys: [1] }, /array of strings/],
  ])('refuses %j', (body, message) => {
    const parsed = parseOperationBody(body);
    expect(parsed.ok ? 'accepted' : parsed.statusMessage).toMatch(message);
  });

  it('refuses a Create with a bad parentId', () => {
    const parsed = parseCreateBody({ operationName: 'Create', queueUri: 'q', parentId: '' });
    expect(parsed.ok ? 'accepted' : parsed.statusMessage).toMatch(/parentId/);
  });
});
