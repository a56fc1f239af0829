import { createStringCache, type StringCache } from '../core/string-cache';

/**
 * Strings a card builds on every render (class lists, "Edit Subject" labels) end up in React's
 * props, twice with the alternate tree, and in the DOM: built by concatenation, each render's copy
 * is a string of its own. Shared through a small cache, 200 cards hold one copy of each instead
 * of hundreds (the heap benchmark counted about 1,600 copies of the two user-data button classes).
 */
export { createStringCache, type StringCache };

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
