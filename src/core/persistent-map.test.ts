import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Branch, SizeChange, Slot } from './hamt-node';
import { BRANCH, EMPTY_BRANCH, diffSlots, insertIntoBranch, leavesOf, lookup, remove } from './hamt-node';
import { hashKey } from './hash-key';
import { diffPersistentMaps, emptyPersistentMap } from './persistent-map';
import type { ReadonlyPersistentMap } from './types';

type Key = string | number;
type Op = { readonly kind: 'set'; readonly key: Key; readonly value: number } | { readonly kind: 'delete'; readonly key: Key };

// A small key domain so that sets, overwrites and deletes of the same keys are frequent; it mixes
// look-alike string and number keys and the SameValueZero corner cases (NaN, -0).
const KEY_DOMAIN: readonly Key[] = [
  ...Array.from({ length: 40 }, (_, i) => `id-${i}`),
  ...Array.from({ length: 40 }, (_, i) => i),
  '1',
  '',
  'NaN',
  Number.NaN,
  -0,
  1.5,
  '1.5',
  -7,
  2 ** 40,
];
const keyArb = fc.constantFrom(...KEY_DOMAIN);
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('set' as const), key: keyArb, value: fc.integer({ min: 0, max: 3 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), key: keyArb }) },
);

function applyOp(map: ReadonlyPersistentMap<Key, number>, op: Op): ReadonlyPersistentMap<Key, number> {
  return op.kind === 'set' ? map.set(op.key, op.value) : map.delete(op.key);
}

function applyModel(model: Map<Key, number>, op: Op): Map<Key, number> {
  const next = new Map(model);
  if (op.kind === 'set') next.set(op.key, op.value);
  else next.delete(op.key);
  return next;
}

/** A description of the first difference, or undefined; plain code because expect() per key is slow. */
function contentDifference(map: ReadonlyPersistentMap<Key, number>, model: ReadonlyMap<Key, number>): string | undefined {
  if (map.size !== model.size) return `size ${map.size} ≠ ${model.size}`;
  for (const key of KEY_DOMAIN) {
    if (map.has(key) !== model.has(key)) return `has(${String(key)})`;
    if (map.get(key) !== model.get(key)) return `get(${String(key)})`;
  }
  let count = 0;
  for (const [key, value] of map.entries()) {
    count++;
    if (!model.has(key) || model.get(key) !== value) return `entry ${String(key)}`;
  }
  if (count !== model.size) return `${count} entries`;
  const keys = new Set(map.keys());
  if (keys.size !== model.size || [...model.keys()].some((key) => !keys.has(key))) return 'keys()';
  if ([...map.values()].sort().join() !== [...model.values()].sort().join()) return 'values()';
  return undefined;
}

function expectSameContent(map: ReadonlyPersistentMap<Key, number>, model: ReadonlyMap<Key, number>): void {
  expect(contentDifference(map, model)).toBeUndefined();
}

describe('emptyPersistentMap', () => {
  it('behaves like a native Map after any sequence of set/delete (model-based)', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 120 }), (ops) => {
        let map = emptyPersistentMap<Key, number>();
        let model = new Map<Key, number>();
        for (const op of ops) {
          map = applyOp(map, op);
          model = applyModel(model, op);
        }
        expectSameContent(map, model);
      }),
      { numRuns: 300 },
    );
  });

  it('never changes an earlier version', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 60 }), (ops) => {
        const versions: { map: ReadonlyPersistentMap<Key, number>; model: Map<Key, number> }[] = [];
        let map = emptyPersistentMap<Key, number>();
        let model = new Map<Key, number>();
        for (const op of ops) {
          versions.push({ map, model });
          map = applyOp(map, op);
          model = applyModel(model, op);
        }
        for (const version of versions) expectSameContent(version.map, version.model);
      }),
      { numRuns: 150 },
    );
  });

  it('returns the same instance for set of an identical value and for delete of an absent key', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 60 }), keyArb, (ops, key) => {
        const map = ops.reduce(applyOp, emptyPersistentMap<Key, number>());
        if (map.has(key)) {
          expect(map.set(key, map.get(key) as number)).toBe(map);
          expect(map.set(key, (map.get(key) as number) + 1)).not.toBe(map);
        } else {
          expect(map.delete(key)).toBe(map);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('keeps object values by identity: an equal but new object is a change', () => {
    const value = { a: 1 };
    const map = emptyPersistentMap<string, { a: number }>().set('k', value);
    expect(map.set('k', value)).toBe(map);
    const replaced = map.set('k', { a: 1 });
    expect(replaced).not.toBe(map);
    expect(replaced.get('k')).not.toBe(value);
  });

  it('tells a stored undefined from an absent key', () => {
    const map = emptyPersistentMap<string, undefined>().set('k', undefined);
    expect(map.has('k')).toBe(true);
    expect(map.has('other')).toBe(false);
    expect(map.size).toBe(1);
  });

  it('treats NaN as one key and -0 as 0, like Map, but keeps "1" apart from 1', () => {
    const map = emptyPersistentMap<Key, string>().set(Number.NaN, 'nan').set(-0, 'zero').set(1, 'number').set('1', 'string');
    expect(map.get(Number.NaN)).toBe('nan');
    expect(map.get(0)).toBe('zero');
    expect(map.get(1)).toBe('number');
    expect(map.get('1')).toBe('string');
    expect(map.size).toBe(4);
  });

  it('goes back to the shared empty map when the last key is deleted', () => {
    const map = emptyPersistentMap<string, number>().set('a', 1).set('b', 2).delete('a').delete('b');
    expect(map.size).toBe(0);
    expect(map).toBe(emptyPersistentMap<string, number>());
  });

  it('holds 10,000 keys and finds every one', () => {
    let map = emptyPersistentMap<string, number>();
    for (let i = 0; i < 10_000; i++) map = map.set(`interaction-${i}`, i);
    expect(map.size).toBe(10_000);
    for (let i = 0; i < 10_000; i += 7) expect(map.get(`interaction-${i}`)).toBe(i);
    for (let i = 0; i < 10_000; i += 2) map = map.delete(`interaction-${i}`);
    expect(map.size).toBe(5_000);
    expect(map.get('interaction-2')).toBeUndefined();
    expect(map.get('interaction-3')).toBe(3);
  });
});

describe('diffPersistentMaps', () => {
  it('reports exactly the keys whose value differs between two versions', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 80 }), fc.array(opArb, { maxLength: 10 }), fc.array(opArb, { maxLength: 10 }), (base, left, right) => {
        const common = base.reduce(applyOp, emptyPersistentMap<Key, number>());
        const before = left.reduce(applyOp, common);
        const after = right.reduce(applyOp, common);
        const reported = new Map<Key, [number | undefined, number | undefined]>();
        diffPersistentMaps(before, after, (key, a, b) => {
          expect(reported.has(key)).toBe(false);
          reported.set(key, [a, b]);
        });
        const expected = new Map<Key, [number | undefined, number | undefined]>();
        for (const key of KEY_DOMAIN) if (before.get(key) !== after.get(key)) expected.set(key, [before.get(key), after.get(key)]);
        expect(reported).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });

  it('reports nothing for the same map, and nothing after a set and delete that cancel out', () => {
    const map = emptyPersistentMap<string, number>().set('a', 1).set('b', 2);
    const changes: string[] = [];
    diffPersistentMaps(map, map, (key) => changes.push(key));
    diffPersistentMaps(map, map.set('c', 3).delete('c'), (key) => changes.push(key));
    expect(changes).toEqual([]);
  });

  it('compares any other map implementation entry by entry', () => {
    const mine = emptyPersistentMap<string, number>().set('a', 1).set('b', 2);
    const other: ReadonlyPersistentMap<string, number> = {
      size: 2,
      get: (key) => ({ a: 1, c: 3 })[key as 'a' | 'c'],
      has: (key) => key === 'a' || key === 'c',
      set: () => other,
      delete: () => other,
      entries: () => new Map([['a', 1], ['c', 3]]).entries(),
      keys: () => new Map([['a', 1], ['c', 3]]).keys(),
      values: () => new Map([['a', 1], ['c', 3]]).values(),
    };
    const changes: [string, number | undefined, number | undefined][] = [];
    diffPersistentMaps(mine, other, (key, a, b) => changes.push([key, a, b]));
    expect(changes.sort()).toEqual([
      ['b', 2, undefined],
      ['c', undefined, 3],
    ]);
  });
});

// Real 32-bit hash collisions are too rare to find by chance, so the trie itself is driven with a
// deliberately poor hash: few distinct values, equal low fragments (deep paths down to the last
// 2-bit level) and full collisions.
describe('the trie under hash collisions', () => {
  const weakHash = (key: number): number => (((key % 4) << 30) | (key % 3 === 0 ? 0 : 1 << 25)) >>> 0;

  function set(root: Branch<number, number>, key: number, value: number): Branch<number, number> {
    const change: SizeChange = { grew: false, shrank: false };
    return insertIntoBranch(root, 0, weakHash(key), key, value, change);
  }
  function del(root: Branch<number, number>, key: number): Branch<number, number> {
    const change: SizeChange = { grew: false, shrank: false };
    const next = remove(root, 0, weakHash(key), key, change);
    if (next === undefined || next.kind !== BRANCH) throw new Error('the root must stay a branch');
    return next;
  }

  it('stores, finds, overwrites and removes colliding keys like a Map', () => {
    const ops = fc.array(
      fc.record({ key: fc.integer({ min: 0, max: 30 }), value: fc.integer({ min: 0, max: 2 }), remove: fc.boolean() }),
      { maxLength: 80 },
    );
    fc.assert(
      fc.property(ops, (list) => {
        let root: Branch<number, number> = EMPTY_BRANCH;
        const model = new Map<number, number>();
        for (const op of list) {
          if (op.remove) {
            root = del(root, op.key);
            model.delete(op.key);
          } else {
            root = set(root, op.key, op.value);
            model.set(op.key, op.value);
          }
        }
        for (let key = 0; key <= 30; key++) expect(lookup(root, weakHash(key), key)?.value).toBe(model.get(key));
        expect(new Map([...leavesOf(root as Slot<number, number>)].map((leaf) => [leaf.key, leaf.value]))).toEqual(model);
        // Canonical shape: deleting everything leaves an empty root.
        for (const key of model.keys()) root = del(root, key);
        expect(root.children).toHaveLength(0);
      }),
      { numRuns: 200 },
    );
  });

  it('diffs tries with collisions on either side', () => {
    let base: Branch<number, number> = EMPTY_BRANCH;
    for (let key = 0; key < 24; key++) base = set(base, key, key);
    const after = del(set(set(base, 3, 100), 40, 40), 9);
    const changes: [number, number | undefined, number | undefined][] = [];
    diffSlots<number, number>(base, after, 0, (key, a, b) => changes.push([key, a, b]));
    expect(changes.sort((x, y) => x[0] - y[0])).toEqual([
      [3, 3, 100],
      [9, 9, undefined],
      [40, undefined, 40],
    ]);
  });
});

describe('hashKey', () => {
  it('gives equal keys equal hashes and spreads similar ids', () => {
    expect(hashKey(-0)).toBe(hashKey(0));
    expect(hashKey(Number.NaN)).toBe(hashKey(Number.NaN));
    const lowFragments = new Set(Array.from({ length: 256 }, (_, i) => hashKey(`03W0GH2KD56YV${i}`) & 0x1f));
    expect(lowFragments.size).toBeGreaterThan(28);
  });
});
