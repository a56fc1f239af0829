/** Distinct strings a cache holds by default before it starts afresh. */
const DEFAULT_LIMIT = 512;

export interface StringCache {
  /** The string for `key`, made by `make` the first time (and again after the cache was full). */
  get(key: string, make: () => string): string;
}

/**
 * A bounded table that hands out one shared copy of a string, so that many holders of equal text
 * (props of 200 cards, 1,000 recorded payloads) keep one string instead of one each. Full at
 * `limit` distinct keys, it starts afresh: the keys may come from the server, so they are not a
 * fixed set, and strings nobody holds any more are let go.
 */
export function createStringCache(limit: number = DEFAULT_LIMIT): StringCache {
  const strings = new Map<string, string>();
  return {
    get(key, make) {
      let value = strings.get(key);
      if (value === undefined) {
        if (strings.size >= limit) strings.clear();
        value = make();
        strings.set(key, value);
      }
      return value;
    },
  };
}
