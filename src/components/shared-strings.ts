/**
 * Strings a card builds on every render (class lists, "Edit Subject" labels) end up in React's
 * props, twice with the alternate tree, and in the DOM: built by concatenation, each render's copy
 * is a string of its own. Shared through a small cache, 200 cards hold one copy of each instead
 * of hundreds (the heap benchmark counted about 1,600 copies of the two user-data button classes).
 */
const LIMIT = 512;

export interface StringCache {
  /** The string for `key`, made by `make` the first time (and again after the cache was full). */
  get(key: string, make: () => string): string;
}

export function createStringCache(): StringCache {
  const strings = new Map<string, string>();
  return {
    get(key, make) {
      let value = strings.get(key);
      if (value === undefined) {
        // Bounded: user-data keys are the server's, so labels made from them are not a fixed set.
        if (strings.size >= LIMIT) strings.clear();
        value = make();
        strings.set(key, value);
      }
      return value;
    },
  };
}

const labelCaches = new WeakMap<(key: string) => string, StringCache>();

/**
 * `format(key)`, shared: the same message function (one widget's messages, or another's) gives
 * the same string object for the same key.
 */
export function sharedLabel(format: (key: string) => string, key: string): string {
  let cache = labelCaches.get(format);
  if (cache === undefined) {
    cache = createStringCache();
    labelCaches.set(format, cache);
  }
  return cache.get(key, () => format(key));
}
