import { keysEqual } from './hash-key';

/*
 * Nodes of a hash array mapped trie (Bagwell's HAMT), 32-way: each level consumes 5 bits of the
 * key's 32-bit hash, so a path is at most 7 branches long. Nodes are never mutated; an update copies
 * the branches on one path (at most 7 arrays of at most 32 slots) and shares everything else.
 *
 * Canonical shape: a branch below the root never holds a single leaf or collision (it is pulled
 * up into the parent instead), so a removed key leaves the same shape as if it was never added.
 */

const BITS = 5;
const MASK = 0x1f;

export const LEAF = 0;
export const BRANCH = 1;
export const COLLISION = 2;

export interface Leaf<K, V> {
  readonly kind: typeof LEAF;
  readonly hash: number;
  readonly key: K;
  readonly value: V;
}

export interface Branch<K, V> {
  readonly kind: typeof BRANCH;
  /** Bit i is set when the slot for hash fragment i is occupied; `children` holds only those. */
  readonly bitmap: number;
  readonly children: readonly Slot<K, V>[];
}

/** Keys whose whole 32-bit hashes are equal. */
export interface Collision<K, V> {
  readonly kind: typeof COLLISION;
  readonly hash: number;
  readonly leaves: readonly Leaf<K, V>[];
}

export type Slot<K, V> = Leaf<K, V> | Branch<K, V> | Collision<K, V>;

/** Out-parameter of `insert` / `remove`: whether the number of keys changed. */
export interface SizeChange {
  grew: boolean;
  shrank: boolean;
}

export const EMPTY_BRANCH: Branch<never, never> = { kind: BRANCH, bitmap: 0, children: [] };

function fragment(hash: number, shift: number): number {
  return (hash >>> shift) & MASK;
}

function popcount(input: number): number {
  let x = input - ((input >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/** Position of the child for `bit` among the occupied slots. */
function slotIndex(bitmap: number, bit: number): number {
  return popcount(bitmap & (bit - 1));
}

function withInserted<T>(items: readonly T[], index: number, item: T): T[] {
  const copy = items.slice(0, index);
  copy.push(item);
  for (let i = index; i < items.length; i++) copy.push(items[i] as T);
  return copy;
}

function withReplaced<T>(items: readonly T[], index: number, item: T): T[] {
  const copy = items.slice();
  copy[index] = item;
  return copy;
}

function withRemoved<T>(items: readonly T[], index: number): T[] {
  const copy = items.slice(0, index);
  for (let i = index + 1; i < items.length; i++) copy.push(items[i] as T);
  return copy;
}

function makeLeaf<K, V>(hash: number, key: K, value: V): Leaf<K, V> {
  return { kind: LEAF, hash, key, value };
}

/** The leaf holding `key`, or undefined. Returning the leaf lets `has` tell a stored `undefined` from absence. */
export function lookup<K, V>(root: Branch<K, V>, hash: number, key: K): Leaf<K, V> | undefined {
  let node: Slot<K, V> = root;
  let shift = 0;
  for (;;) {
    if (node.kind === LEAF) return node.hash === hash && keysEqual(node.key, key) ? node : undefined;
    if (node.kind === COLLISION) {
      return node.hash === hash ? node.leaves.find((leaf) => keysEqual(leaf.key, key)) : undefined;
    }
    const bit = 1 << fragment(hash, shift);
    if ((node.bitmap & bit) === 0) return undefined;
    node = node.children[slotIndex(node.bitmap, bit)] as Slot<K, V>;
    shift += BITS;
  }
}

/**
 * A subtree holding both `existing` and a new leaf of a different hash, placed at depth `shift`.
 * Distinct 32-bit hashes differ in some 5-bit fragment at a shift ≤ 30, so the recursion ends there.
 */
function merge<K, V>(shift: number, existing: Leaf<K, V> | Collision<K, V>, added: Leaf<K, V>): Slot<K, V> {
  const a = fragment(existing.hash, shift);
  const b = fragment(added.hash, shift);
  if (a === b) return { kind: BRANCH, bitmap: 1 << a, children: [merge(shift + BITS, existing, added)] };
  return { kind: BRANCH, bitmap: (1 << a) | (1 << b), children: a < b ? [existing, added] : [added, existing] };
}

/** `branch` with `key` set to `value`; the same branch when `value` is already stored (===). */
export function insertIntoBranch<K, V>(
  branch: Branch<K, V>,
  shift: number,
  hash: number,
  key: K,
  value: V,
  change: SizeChange,
): Branch<K, V> {
  const bit = 1 << fragment(hash, shift);
  const index = slotIndex(branch.bitmap, bit);
  if ((branch.bitmap & bit) === 0) {
    change.grew = true;
    return {
      kind: BRANCH,
      bitmap: branch.bitmap | bit,
      children: withInserted(branch.children, index, makeLeaf(hash, key, value)),
    };
  }
  const child = branch.children[index] as Slot<K, V>;
  const next = insert(child, shift + BITS, hash, key, value, change);
  return next === child ? branch : { kind: BRANCH, bitmap: branch.bitmap, children: withReplaced(branch.children, index, next) };
}

function insert<K, V>(slot: Slot<K, V>, shift: number, hash: number, key: K, value: V, change: SizeChange): Slot<K, V> {
  switch (slot.kind) {
    case BRANCH:
      return insertIntoBranch(slot, shift, hash, key, value, change);
    case LEAF:
      if (slot.hash === hash && keysEqual(slot.key, key)) return slot.value === value ? slot : makeLeaf(hash, key, value);
      change.grew = true;
      // Another key of the same 32-bit hash: a collision (`insert` extends an existing one itself).
      if (slot.hash === hash) return { kind: COLLISION, hash, leaves: [slot, makeLeaf(hash, key, value)] };
      return merge(shift, slot, makeLeaf(hash, key, value));
    case COLLISION: {
      if (slot.hash !== hash) {
        change.grew = true;
        return merge(shift, slot, makeLeaf(hash, key, value));
      }
      const index = slot.leaves.findIndex((leaf) => keysEqual(leaf.key, key));
      if (index === -1) {
        change.grew = true;
        return { kind: COLLISION, hash, leaves: [...slot.leaves, makeLeaf(hash, key, value)] };
      }
      if ((slot.leaves[index] as Leaf<K, V>).value === value) return slot;
      return { kind: COLLISION, hash, leaves: withReplaced(slot.leaves, index, makeLeaf(hash, key, value)) };
    }
  }
}

/**
 * `slot` without `key`: the same slot when the key is absent, undefined when nothing is left, and
 * below the root a lone leaf or collision instead of a branch around it (canonical shape).
 */
export function remove<K, V>(slot: Slot<K, V>, shift: number, hash: number, key: K, change: SizeChange): Slot<K, V> | undefined {
  switch (slot.kind) {
    case LEAF:
      if (slot.hash !== hash || !keysEqual(slot.key, key)) return slot;
      change.shrank = true;
      return undefined;
    case COLLISION: {
      if (slot.hash !== hash) return slot;
      const index = slot.leaves.findIndex((leaf) => keysEqual(leaf.key, key));
      if (index === -1) return slot;
      change.shrank = true;
      if (slot.leaves.length === 2) return slot.leaves[1 - index];
      return { kind: COLLISION, hash, leaves: withRemoved(slot.leaves, index) };
    }
    case BRANCH: {
      const bit = 1 << fragment(hash, shift);
      if ((slot.bitmap & bit) === 0) return slot;
      const index = slotIndex(slot.bitmap, bit);
      const child = slot.children[index] as Slot<K, V>;
      const next = remove(child, shift + BITS, hash, key, change);
      if (next === child) return slot;
      const children = next === undefined ? withRemoved(slot.children, index) : withReplaced(slot.children, index, next);
      const bitmap = next === undefined ? slot.bitmap & ~bit : slot.bitmap;
      if (shift > 0) {
        if (children.length === 0) return undefined;
        const only = children[0] as Slot<K, V>;
        if (children.length === 1 && only.kind !== BRANCH) return only;
      }
      return { kind: BRANCH, bitmap, children };
    }
  }
}

/** Every leaf under `slot`, depth first (an explicit stack: no generator per level). */
export function* leavesOf<K, V>(slot: Slot<K, V>): Generator<Leaf<K, V>, void, undefined> {
  const stack: Slot<K, V>[] = [slot];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (node.kind === LEAF) yield node;
    else if (node.kind === COLLISION) yield* node.leaves;
    else for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as Slot<K, V>);
  }
}

/**
 * Report every key whose value differs (!==) between two tries, skipping shared subtrees, so two
 * versions one update apart are compared in O(log n). Absence is reported as undefined.
 */
export function diffSlots<K, V>(
  before: Slot<K, V> | undefined,
  after: Slot<K, V> | undefined,
  shift: number,
  onChange: (key: K, before: V | undefined, after: V | undefined) => void,
): void {
  if (before === after) return;
  if (before !== undefined && after !== undefined && before.kind === BRANCH && after.kind === BRANCH) {
    let bits = before.bitmap | after.bitmap;
    while (bits !== 0) {
      const bit = bits & -bits;
      bits &= ~bit;
      const left = (before.bitmap & bit) === 0 ? undefined : before.children[slotIndex(before.bitmap, bit)];
      const right = (after.bitmap & bit) === 0 ? undefined : after.children[slotIndex(after.bitmap, bit)];
      diffSlots(left, right, shift + BITS, onChange);
    }
    return;
  }
  // At least one side is a leaf, a collision or nothing: a handful of keys against a subtree.
  const remaining = new Map<K, V>();
  if (before !== undefined) for (const leaf of leavesOf(before)) remaining.set(leaf.key, leaf.value);
  if (after !== undefined) {
    for (const leaf of leavesOf(after)) {
      if (remaining.has(leaf.key)) {
        const old = remaining.get(leaf.key);
        remaining.delete(leaf.key);
        if (old !== leaf.value) onChange(leaf.key, old, leaf.value);
      } else {
        onChange(leaf.key, undefined, leaf.value);
      }
    }
  }
  for (const [key, value] of remaining) onChange(key, value, undefined);
}
