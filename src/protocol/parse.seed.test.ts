import { describe, expect, it } from 'vitest';
import seed from './fixtures/seed-openmedia-statuschange.json';
import { parseNotification } from './parse';

describe('the seed fixture (a real GWS notification)', () => {
  it('parses to the expected interaction', () => {
    const result = parseNotification(seed.data);
    expect(result).toEqual({
      ok: true,
      notification: {
        notificationType: 'StatusChange',
        referenceId: 1,
        openmedia: {
          id: '03W0GH2KD56YV000',
          mediaType: 'promotion',
          openmediaType: 'Outbound',
          state: 'Processing',
          capabilities: ['Transfer', 'AttachUserData', 'UpdateUserData', 'DeleteUserData', 'SetInFocus', 'Complete'],
          uri: 'http://localhost:8090/api/v2/openmedia/promotions/03W0GH2KD56YV000',
          userData: {},
          receivedDate: undefined,
          receivedAt: undefined,
          // GWS's StatusChange sends no user data and no received date: unchanged, not empty.
          omitted: ['userData', 'receivedDate'],
        },
      },
    });
  });

  it('parses the whole Bayeux message as well as its data', () => {
    const result = parseNotification({ channel: '/v2/me/openmedia', data: seed.data });
    expect(result.ok && result.notification.openmedia?.id).toBe('03W0GH2KD56YV000');
  });

  it('parses the fixture as the GWS reference page wraps it ({ data }, no channel)', () => {
    expect(parseNotification(seed)).toEqual(parseNotification(seed.data));
    // A wrapper whose data is not a message stays a rejection, with its reason.
    expect(parseNotification({ data: { openmedia: seed.data.openmedia } })).toEqual({ ok: false, reason: 'unknown-message-type' });
  });
});
