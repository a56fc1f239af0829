import { describe, expect, it } from 'vitest';
import { reuseEqualParts } from './interaction-equal';
import { interaction } from '../test-support/builders';
import type { OpenmediaInteraction } from '../protocol/types';

// reuseEqualParts decides which notifications re-render a card: an equal resource must come back
// as the very object stored, a changed one as a copy that still shares its unchanged parts.

const base = interaction({
  capabilities: ['Complete', 'Transfer'],
  userData: { Subject: 'Hello', Count: 7 },
  userDataKinds: { Flag: 'boolean' },
  receivedAt: 1000,
});

/** A structurally equal copy: new objects all the way down. */
function copy(overrides: Partial<OpenmediaInteraction> = {}): OpenmediaInteraction {
  return {
    ...base,
    capabilities: [...base.capabilities],
    userData: { ...base.userData },
    ...(base.userDataKinds === undefined ? {} : { userDataKinds: { ...base.userDataKinds } }),
    ...overrides,
  };
}

describe('reuseEqualParts: equal resources keep the stored object', () => {
  it('returns previous for the same object and for an equal copy', () => {
    expect(reuseEqualParts(base, base)).toBe(base);
    expect(reuseEqualParts(base, copy())).toBe(base);
  });

  it('returns previous when neither has userDataKinds', () => {
    const plain = interaction({ userData: { A: '1' } });
    const { userDataKinds: _ignored, ...rest } = plain;
    expect(reuseEqualParts(plain, { ...rest, userData: { A: '1' }, capabilities: [...plain.capabilities] })).toBe(plain);
  });

  it.each<[string, Partial<OpenmediaInteraction>]>([
    ['id', { id: 'OTHER' }],
    ['mediaType', { mediaType: 'workitem' }],
    ['openmediaType', { openmediaType: 'Internal' }],
    ['state', { state: 'Invited' }],
    ['uri', { uri: 'http://elsewhere/' }],
    ['receivedDate', { receivedDate: '2020-01-01T00:00:00.000+0000' }],
    ['receivedAt', { receivedAt: 2000 }],
  ])('a changed %s gives a new object with the new value, sharing capabilities and user data', (field, overrides) => {
    const next = copy(overrides);
    const merged = reuseEqualParts(base, next);
    expect(merged).not.toBe(base);
    expect(merged).toEqual(next);
    expect(merged.capabilities).toBe(base.capabilities);
    expect(merged.userData).toBe(base.userData);
    expect(merged.userDataKinds).toBe(base.userDataKinds);
    expect(field).toBeTruthy();
  });
});

describe('reuseEqualParts: capabilities', () => {
  it.each<[string, readonly string[]]>([
    ['one more', ['Complete', 'Transfer', 'SetInFocus']],
    ['one fewer', ['Complete']],
    ['same length, last differs', ['Complete', 'Reject']],
    ['same length, first differs', ['Accept', 'Transfer']],
  ])('%s: the new list, and the unchanged user data shared', (_name, capabilities) => {
    const merged = reuseEqualParts(base, copy({ capabilities }));
    expect(merged).not.toBe(base);
    expect(merged.capabilities).toEqual(capabilities);
    expect(merged.userData).toBe(base.userData);
  });

  it('an empty list equals an empty list', () => {
    const none = interaction({ capabilities: [] });
    expect(reuseEqualParts(none, { ...none, capabilities: [] })).toBe(none);
  });
});

describe('reuseEqualParts: user data', () => {
  it.each<[string, Record<string, string | number | null>]>([
    ['a changed value', { Subject: 'Bye', Count: 7 }],
    ['a number that became its text', { Subject: 'Hello', Count: '7' }],
    ['a renamed key (same count)', { Subject: 'Hello', Total: 7 }],
    ['one key more', { Subject: 'Hello', Count: 7, Extra: null }],
    ['one key fewer', { Subject: 'Hello' }],
    ['a value that became null', { Subject: 'Hello', Count: null }],
  ])('%s: the new user data, and the unchanged capabilities shared', (_name, userData) => {
    const merged = reuseEqualParts(base, copy({ userData }));
    expect(merged).not.toBe(base);
    expect(merged.userData).toEqual(userData);
    expect(merged.userData).not.toBe(base.userData);
    expect(merged.capabilities).toBe(base.capabilities);
  });

  it('the same keys and values in another order are equal', () => {
    expect(reuseEqualParts(base, copy({ userData: { Count: 7, Subject: 'Hello' } }))).toBe(base);
  });

  it('a "__proto__" key counts like any other key', () => {
    const withProto = (value: string) => {
      const userData: Record<string, string> = { A: '1' };
      Object.defineProperty(userData, '__proto__', { value, enumerable: true, writable: true, configurable: true });
      return interaction({ userData });
    };
    const first = withProto('x');
    expect(reuseEqualParts(first, { ...withProto('x'), capabilities: first.capabilities })).toBe(first);
    expect(reuseEqualParts(first, { ...withProto('y'), capabilities: first.capabilities })).not.toBe(first);
    expect(reuseEqualParts(first, { ...first, userData: { A: '1' } })).not.toBe(first);
  });

  it('a key missing on one side differs even when both read as undefined', () => {
    const withKey = interaction({ userData: { A: '1', B: undefined } as unknown as Record<string, string> });
    const other = { ...withKey, userData: { A: '1', C: undefined } as unknown as Record<string, string> };
    expect(reuseEqualParts(withKey, other)).not.toBe(withKey);
  });

  it('both changed: next itself is returned', () => {
    const next = copy({ capabilities: ['Complete'], userData: { Subject: 'Bye' } });
    expect(reuseEqualParts(base, next)).toBe(next);
  });

  it('only user data changed: a copy, not next itself', () => {
    const next = copy({ userData: { Subject: 'Bye' } });
    const merged = reuseEqualParts(base, next);
    expect(merged).not.toBe(next);
    expect(merged.capabilities).toBe(base.capabilities);
  });
});

describe('reuseEqualParts: userDataKinds', () => {
  it('equal kinds in new objects keep the stored kinds object', () => {
    const merged = reuseEqualParts(base, copy({ state: 'Invited', userDataKinds: { Flag: 'boolean' } }));
    expect(merged.userDataKinds).toBe(base.userDataKinds);
  });

  it.each<[string, OpenmediaInteraction['userDataKinds']]>([
    ['gone', undefined],
    ['a changed kind', { Flag: 'json' }],
    ['a renamed key', { Other: 'boolean' }],
    ['one more', { Flag: 'boolean', Nested: 'json' }],
  ])('%s: user data counts as changed', (_name, userDataKinds) => {
    const { userDataKinds: _dropped, ...rest } = copy();
    const next: OpenmediaInteraction = userDataKinds === undefined ? rest : { ...rest, userDataKinds };
    const merged = reuseEqualParts(base, next);
    expect(merged).not.toBe(base);
    expect(merged.userData).not.toBe(base.userData);
    expect(merged.userDataKinds).toEqual(userDataKinds);
    expect(merged.capabilities).toBe(base.capabilities);
  });

  it('kinds that appear where there were none count as a change', () => {
    const plain = interaction({ userData: { A: '1' } });
    const merged = reuseEqualParts(plain, { ...plain, userData: { A: '1' }, userDataKinds: { A: 'json' } });
    expect(merged).not.toBe(plain);
    expect(merged.userDataKinds).toEqual({ A: 'json' });
  });

  it('with no kinds on either side, a copy does not gain a userDataKinds key', () => {
    const plain = interaction({ userData: { A: '1' } });
    const merged = reuseEqualParts(plain, { ...plain, userData: { A: '1' }, state: 'Invited' });
    expect(merged).not.toBe(plain);
    expect('userDataKinds' in merged).toBe(false);
    expect(merged.userData).toBe(plain.userData);
  });
});
