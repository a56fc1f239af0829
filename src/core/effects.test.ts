import { describe, expect, it } from 'vitest';
import { makeInteraction } from '../test-support/entries';
import { showsEffect } from './effects';

// How a request is recognised done from what the server lists: the settling of requests that came
// back without a referenceId, and of requests in doubt (timed out, lost to the network).

describe('showsEffect', () => {
  it('a user-data edit: the value listed, the same number listed as text by a server that stores text', () => {
    const listed = (value: string | number | null) => makeInteraction({ userData: { Discount: value } });
    const edit = { operation: 'UpdateUserData' as const, userData: { Discount: 20 } };
    expect(showsEffect(edit, listed(20), false)).toBe(true);
    expect(showsEffect(edit, listed('20'), false)).toBe(true);
    expect(showsEffect({ operation: 'UpdateUserData', userData: { Discount: '20' } }, listed(20), false)).toBe(true);
    expect(showsEffect(edit, listed(15), false)).toBe(false);
    expect(showsEffect(edit, listed('20.5'), false)).toBe(false);
    expect(showsEffect(edit, listed(null), false)).toBe(false);
    expect(showsEffect({ operation: 'UpdateUserData', userData: { Discount: null } }, listed('null'), false)).toBe(false);
    expect(showsEffect(edit, listed(20), true)).toBe(false);
  });

  it('Accept is Processing; Complete is gone or ended; a delete is the key gone', () => {
    expect(showsEffect({ operation: 'Accept' }, makeInteraction({ state: 'Processing' }), false)).toBe(true);
    expect(showsEffect({ operation: 'Accept' }, makeInteraction({ state: 'Invited' }), false)).toBe(false);
    expect(showsEffect({ operation: 'Complete' }, undefined, false)).toBe(true);
    expect(showsEffect({ operation: 'DeleteUserData', keys: ['a'] }, makeInteraction({ userData: { b: '1' } }), false)).toBe(true);
    expect(showsEffect({ operation: 'DeleteUserData', keys: ['a'] }, makeInteraction({ userData: { a: '1' } }), false)).toBe(false);
  });
});
