/**
 * 32-bit hashes for the persistent map's keys (strings and numbers).
 *
 * Integers hash from their value, everything else from its string form; equal keys (SameValueZero,
 * like `Map`) always get equal hashes, which is all the map needs: unequal keys may collide and are
 * then told apart by `keysEqual`.
 */
export function hashKey(key: unknown): number {
  if (typeof key === 'number') {
    // `key | 0` maps -0 to 0, so -0 and 0 (equal under SameValueZero) share a hash.
    if (key === (key | 0)) return finalize(key | 0);
    return hashString(String(key));
  }
  return hashString(typeof key === 'string' ? key : String(key));
}

/** SameValueZero, the key equality of `Map`: NaN equals NaN, -0 equals 0. */
export function keysEqual(a: unknown, b: unknown): boolean {
  // `x !== x` is the NaN test, without a call.
  return a === b || (a !== a && b !== b);
}

/** FNV-1a over UTF-16 code units, finalised so that similar ids spread over every 5-bit level. */
function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return finalize(h);
}

/** MurmurHash3's fmix32: every input bit affects every output bit. */
function finalize(input: number): number {
  let h = input;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
