import type { ReadonlyPersistentMap } from './types';
import { hashKey } from './hash-key';
import type { Branch, SizeChange } from './hamt-node';
import { BRANCH, EMPTY_BRANCH, diffSlots, insertIntoBranch, leavesOf, lookup, remove } from './hamt-node';

/** Keys the map hashes well. Keys compare like `Map` keys (SameValueZero). */
export type PersistentMapKey = string | number;

class PersistentHashMap<K, V> implements ReadonlyPersistentMap<K, V> {
  readonly size: number;
  readonly root: Branch<K, V>;

  constructor(size: number, root: Branch<K, V>) {
    this.size = size;
    this.root = root;
  }

  get(key: K): V | undefined {
    return lookup(this.root, hashKey(key), key)?.value;
  }

  has(key: K): boolean {
    return lookup(this.root, hashKey(key), key) !== undefined;
  }

  set(key: K, value: V): ReadonlyPersistentMap<K, V> {
    const change: SizeChange = { grew: false, shrank: false };
    const root = insertIntoBranch(this.root, 0, hashKey(key), key, value, change);
    // Setting the value already stored (===) keeps this very map, so callers can compare by identity.
    if (root === this.root) return this;
    return new PersistentHashMap(change.grew ? this.size + 1 : this.size, root);
  }

  delete(key: K): ReadonlyPersistentMap<K, V> {
    const change: SizeChange = { grew: false, shrank: false };
    const root = remove(this.root, 0, hashKey(key), key, change);
    if (root === this.root) return this;
    // The root is never collapsed (shift 0), so it stays a branch; an emptied one is the shared empty map.
    if (root === undefined || root.kind !== BRANCH || this.size === 1) return EMPTY as unknown as ReadonlyPersistentMap<K, V>;
    return new PersistentHashMap(this.size - 1, root);
  }

  *entries(): Generator<[K, V], undefined, undefined> {
    for (const leaf of leavesOf(this.root)) yield [leaf.key, leaf.value];
    return undefined;
  }

  *keys(): Generator<K, undefined, undefined> {
    for (const leaf of leavesOf(this.root)) yield leaf.key;
    return undefined;
  }

  *values(): Generator<V, undefined, undefined> {
    for (const leaf of leavesOf(this.root)) yield leaf.value;
    return undefined;
  }

  [Symbol.iterator](): Generator<[K, V], undefined, undefined> {
    return this.entries();
  }
}

const EMPTY = new PersistentHashMap<never, never>(0, EMPTY_BRANCH);

/**
 * An empty immutable hash map (a 32-way HAMT). `set` and `delete` cost O(log32 n) and return a new
 * map sharing all untouched nodes; earlier versions never change. `set` of the value already
 * stored (===) and `delete` of an absent key return the same map instance.
 */
export function emptyPersistentMap<K extends PersistentMapKey, V>(): ReadonlyPersistentMap<K, V> {
  return EMPTY as unknown as ReadonlyPersistentMap<K, V>;
}

/**
 * Call `onChange` for every key whose value differs (!==) between two maps, absence reported as
 * undefined. Two versions of one map a few updates apart are compared in O(changes × log n),
 * because shared subtrees are skipped; other implementations fall back to a full comparison.
 */
export function diffPersistentMaps<K, V>(
  before: ReadonlyPersistentMap<K, V>,
  after: ReadonlyPersistentMap<K, V>,
  onChange: (key: K, before: V | undefined, after: V | undefined) => void,
): void {
  if (before === after) return;
  if (before instanceof PersistentHashMap && after instanceof PersistentHashMap) {
    diffSlots<K, V>(before.root as Branch<K, V>, after.root as Branch<K, V>, 0, onChange);
    return;
  }
  for (const [key, value] of after.entries()) {
    if (!before.has(key)) onChange(key, undefined, value);
    else if (before.get(key) !== value) onChange(key, before.get(key), value);
  }
  for (const [key, value] of before.entries()) if (!after.has(key)) onChange(key, value, undefined);
}
