import type { ReadonlyPersistentMap, UnsettledAction, UnsettledKey } from './types';

/** How many given-up requests stay recognisable at most; the oldest goes first. */
export const UNSETTLED_LIMIT = 256;
/** How long a given-up request stays recognisable: an outcome later than this is only counted. */
export const UNSETTLED_MAX_AGE_MS = 10 * 60_000;
/** How many evicted ids are remembered, so a late message for one does not re-create its card. */
export const TOMBSTONE_LIMIT = 1_000;

/** `map` with `key` set, dropping the entry with the smallest `age(value)` first when full. */
function setBounded<K, V>(map: ReadonlyPersistentMap<K, V>, key: K, value: V, limit: number, age: (value: V) => number) {
  let kept = map;
  if (!kept.has(key) && kept.size >= limit) {
    let oldestKey: K | undefined;
    let oldestAt = Number.POSITIVE_INFINITY;
    for (const [candidate, stored] of kept.entries()) {
      if (age(stored) < oldestAt) {
        oldestAt = age(stored);
        oldestKey = candidate;
      }
    }
    if (oldestKey !== undefined) kept = kept.delete(oldestKey);
  }
  return kept.set(key, value);
}

export function rememberUnsettled(
  map: ReadonlyPersistentMap<UnsettledKey, UnsettledAction>,
  key: UnsettledKey,
  action: UnsettledAction,
): ReadonlyPersistentMap<UnsettledKey, UnsettledAction> {
  return setBounded(map, key, action, UNSETTLED_LIMIT, (a) => a.at);
}

/** Given-up requests still young enough at `at`; the same map when none expired. */
export function dropExpiredUnsettled(
  map: ReadonlyPersistentMap<UnsettledKey, UnsettledAction>,
  at: number,
): ReadonlyPersistentMap<UnsettledKey, UnsettledAction> {
  let kept = map;
  for (const [id, action] of map.entries()) if (at - action.at > UNSETTLED_MAX_AGE_MS) kept = kept.delete(id);
  return kept;
}

export function rememberTombstone(
  map: ReadonlyPersistentMap<string, number>,
  id: string,
  at: number,
): ReadonlyPersistentMap<string, number> {
  return setBounded(map, id, at, TOMBSTONE_LIMIT, (evictedAt) => evictedAt);
}
