import { describe, expect, it } from 'vitest';
import type { Branch, SizeChange, Slot } from './hamt-node';
import { BRANCH, COLLISION, EMPTY_BRANCH, LEAF, diffSlots, insertIntoBranch, leavesOf, lookup, remove } from './hamt-node';
import { hashKey } from './hash-key';
import { diffPersistentMaps, emptyPersistentMap } from './persistent-map';
import type { ReadonlyPersistentMap } from './types';

// The trie's corner cases, driven with chosen hashes: full collisions of two and three keys, keys
// that share their first fragments, and the size bookkeeping (`SizeChange`) the map's `size`
// is built from.

type Root = Branch<string, number>;

/** Keys named after their hash: 'h5:a' has hash 5. Equal prefixes collide fully. */
function hashOf(key: string): number {
  return Number(key.slice(1, key.indexOf(':'))) >>> 0;
}

function set(root: Root, key: string, value: number): { root: Root; change: SizeChange } {
  const change: SizeChange = { grew: false, shrank: false };
  return { root: insertIntoBranch(root, 0, hashOf(key), key, value, change), change };
}

function del(root: Root, key: string): { root: Root; change: SizeChange } {
  const change: SizeChange = { grew: false, shrank: false };
  const next = remove(root, 0, hashOf(key), key, change);
  if (next === undefined || next.kind !== BRANCH) throw new Error('the root must stay a branch');
  return { root: next, change };
}

function build(keys: readonly string[]): Root {
  let root: Root = EMPTY_BRANCH;
  keys.forEach((key, i) => {
    root = set(root, key, i).root;
  });
  return root;
}

function contents(root: Root): Record<string, number> {
  return Object.fromEntries([...leavesOf(root as Slot<string, number>)].map((leaf) => [leaf.key, leaf.value]));
}

function diff(before: Slot<string, number> | undefined, after: Slot<string, number> | undefined) {
  const changes: [string, number | undefined, number | undefined][] = [];
  diffSlots(before, after, 0, (key, a, b) => changes.push([key, a, b]));
  return changes.sort(([a], [b]) => a.localeCompare(b));
}

// 1 and 33 share their first 5-bit fragment (1) and differ in the second; 1025 shares two with 1.
const COLLIDING = ['h7:a', 'h7:b', 'h7:c'];

describe('full collisions', () => {
  it('keeps two and three colliding keys apart, and counts each as a new key', () => {
    let root: Root = EMPTY_BRANCH;
    for (const [i, key] of COLLIDING.entries()) {
      const step = set(root, key, i);
      expect(step.change.grew).toBe(true);
      root = step.root;
    }
    expect(contents(root)).toEqual({ 'h7:a': 0, 'h7:b': 1, 'h7:c': 2 });
    for (const [i, key] of COLLIDING.entries()) expect(lookup(root, 7, key)?.value).toBe(i);
    expect(lookup(root, 7, 'h7:z')).toBeUndefined();
  });

  it('a key of another hash next to a collision grows the trie', () => {
    const root = build(['h7:a', 'h7:b']);
    const step = set(root, 'h39:x', 9); // 39 = 7 + 32: same first fragment as 7
    expect(step.change.grew).toBe(true);
    expect(contents(step.root)).toEqual({ 'h7:a': 0, 'h7:b': 1, 'h39:x': 9 });
    expect(lookup(step.root, 39, 'h39:x')?.value).toBe(9);
  });

  it('overwriting a colliding key changes no size; the same value keeps the very trie', () => {
    const root = build(COLLIDING);
    const same = set(root, 'h7:b', 1);
    expect(same.root).toBe(root);
    expect(same.change.grew).toBe(false);
    const changed = set(root, 'h7:b', 5);
    expect(changed.root).not.toBe(root);
    expect(changed.change.grew).toBe(false);
    expect(contents(changed.root)).toEqual({ 'h7:a': 0, 'h7:b': 5, 'h7:c': 2 });
  });

  it.each(COLLIDING)('removing %s from three keeps the other two', (key) => {
    const { root, change } = del(build(COLLIDING), key);
    expect(change.shrank).toBe(true);
    const expected = Object.fromEntries(COLLIDING.map((k, i) => [k, i] as const).filter(([k]) => k !== key));
    expect(contents(root)).toEqual(expected);
    for (const k of Object.keys(expected)) expect(lookup(root, 7, k)?.value).toBe(expected[k]);
    const slot = root.children[0] as Slot<string, number>;
    expect(slot.kind).toBe(COLLISION);
  });

  it.each(['h7:a', 'h7:b'])('removing %s from two leaves the other as a plain leaf', (key) => {
    const { root, change } = del(build(['h7:a', 'h7:b']), key);
    expect(change.shrank).toBe(true);
    expect(root.children).toHaveLength(1);
    const only = root.children[0] as Slot<string, number>;
    expect(only.kind).toBe(LEAF);
    expect(only.kind === LEAF && only.key).toBe(key === 'h7:a' ? 'h7:b' : 'h7:a');
  });

  it('removing an absent key of a colliding hash changes nothing', () => {
    const root = build(COLLIDING);
    const { root: after, change } = del(root, 'h7:zz');
    expect(after).toBe(root);
    expect(change.shrank).toBe(false);
  });

  it('removing a single key reports the shrink', () => {
    const { root, change } = del(build(['h3:a', 'h4:b']), 'h3:a');
    expect(change.shrank).toBe(true);
    expect(contents(root)).toEqual({ 'h4:b': 1 });
    const missing = del(root, 'h3:a');
    expect(missing.change.shrank).toBe(false);
    expect(missing.root).toBe(root);
  });
});

describe('canonical shape', () => {
  it.each([
    ['a key sharing the first fragment', ['h1:a', 'h2:b'], 'h33:c'],
    ['a key sharing the first two fragments', ['h1:a', 'h2:b'], 'h1025:c'],
    ['a colliding key', ['h1:a', 'h2:b'], 'h1:c'],
    ['a key next to a collision', ['h1:a', 'h1:b', 'h2:c'], 'h33:d'],
  ])('adding then removing %s leaves the same shape as before', (_name, keys, extra) => {
    const before = build(keys);
    const after = del(set(before, extra, 99).root, extra).root;
    expect(after).toEqual(before);
  });

  it('a deep single chain collapses back to a leaf in the root', () => {
    const root = del(build(['h1:a', 'h1025:b']), 'h1025:b').root;
    expect(root.children).toEqual([{ kind: LEAF, hash: 1, key: 'h1:a', value: 0 }]);
  });
});

describe('diffSlots', () => {
  it('reports a key added in an empty slot and one removed from a slot that empties', () => {
    const before = build(['h1:a', 'h2:b']);
    expect(diff(before, set(before, 'h3:c', 7).root)).toEqual([['h3:c', undefined, 7]]);
    expect(diff(before, del(before, 'h2:b').root)).toEqual([['h2:b', 1, undefined]]);
  });

  it('reports only the added key when a leaf becomes a branch under it', () => {
    const before = build(['h1:a', 'h2:b']);
    const after = set(before, 'h33:c', 7).root;
    expect(diff(before, after)).toEqual([['h33:c', undefined, 7]]);
    // The same, compared from the slot down: a leaf on one side, a branch on the other.
    expect(diff(before.children[0], after.children[0])).toEqual([['h33:c', undefined, 7]]);
  });

  it('reports only the removed key when a branch collapses to a leaf', () => {
    const before = build(['h1:a', 'h33:c', 'h2:b']);
    const after = del(before, 'h33:c').root;
    expect(diff(before, after)).toEqual([['h33:c', 1, undefined]]);
    expect(diff(before.children[0], after.children[0])).toEqual([['h33:c', 1, undefined]]);
  });

  it('reports changed values below the first level, and nothing for equal tries', () => {
    const before = build(['h1:a', 'h33:c', 'h1025:d', 'h2:b']);
    const after = set(set(before, 'h1025:d', 50).root, 'h33:c', 40).root;
    expect(diff(before, after)).toEqual([
      ['h1025:d', 2, 50],
      ['h33:c', 1, 40],
    ]);
    expect(diff(before, build(['h1:a', 'h33:c', 'h1025:d', 'h2:b']))).toEqual([]);
    expect(diff(undefined, undefined)).toEqual([]);
  });

  it('reports every key of a side that is missing', () => {
    const root = build(['h1:a', 'h33:c']);
    expect(diff(undefined, root)).toEqual([
      ['h1:a', undefined, 0],
      ['h33:c', undefined, 1],
    ]);
    expect(diff(root, undefined)).toEqual([
      ['h1:a', 0, undefined],
      ['h33:c', 1, undefined],
    ]);
  });
});

describe('the persistent map over real colliding keys', () => {
  // A number that is not an integer hashes from its text, so 1.5 and '1.5' collide fully.
  it('1.5 and "1.5" collide but stay two keys', () => {
    expect(hashKey(1.5)).toBe(hashKey('1.5'));
    let map: ReadonlyPersistentMap<string | number, string> = emptyPersistentMap();
    map = map.set(1.5, 'number').set('1.5', 'string');
    expect(map.size).toBe(2);
    expect(map.get(1.5)).toBe('number');
    expect(map.get('1.5')).toBe('string');
    expect(map.set('1.5', 'string')).toBe(map);
    const one = map.delete(1.5);
    expect(one.size).toBe(1);
    expect(one.has(1.5)).toBe(false);
    expect(one.get('1.5')).toBe('string');
    expect(one.delete('1.5')).toBe(emptyPersistentMap());
  });

  it('diffPersistentMaps with another Map implementation reports changed values too', () => {
    const ours = emptyPersistentMap<string, number>().set('a', 1).set('b', 2);
    const native = new Map<string, number>([
      ['a', 1],
      ['b', 3],
      ['c', 4],
    ]);
    const theirs: ReadonlyPersistentMap<string, number> = {
      size: native.size,
      get: (key) => native.get(key),
      has: (key) => native.has(key),
      set: () => {
        throw new Error('read only');
      },
      delete: () => {
        throw new Error('read only');
      },
      entries: () => native.entries(),
      values: () => native.values(),
      keys: () => native.keys(),
    };
    const changes: [string, number | undefined, number | undefined][] = [];
    diffPersistentMaps(ours, theirs, (key, a, b) => changes.push([key, a, b]));
    expect(changes.sort()).toEqual([
      ['b', 2, 3],
      ['c', undefined, 4],
    ]);
  });
});
