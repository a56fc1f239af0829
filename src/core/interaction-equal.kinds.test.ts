import { describe, expect, it } from 'vitest';
import { reuseEqualParts } from './interaction-equal';
import { interaction } from '../test-support/builders';

// userDataKinds are equal only when every key's kind is: one matching key of two is a change.

describe('reuseEqualParts: userDataKinds with several keys', () => {
  it('one kind of two changed: user data counts as changed', () => {
    const before = interaction({ userData: { A: '[1]', B: 'true' }, userDataKinds: { A: 'json', B: 'boolean' } });
    const next = { ...before, userData: { ...before.userData }, userDataKinds: { A: 'json', B: 'json' } as const };
    const merged = reuseEqualParts(before, next);
    expect(merged).not.toBe(before);
    expect(merged.userDataKinds).toEqual({ A: 'json', B: 'json' });
  });
});
