import type { LogEntry } from '../core/types';

// The log is a ring: every new line shifts every index, so an index (or `at`, which repeats within
// a millisecond) as key would remount every row on each store flush. Entries are immutable and
// kept by identity, so a number handed out once per entry object is a stable key.
const keys = new WeakMap<LogEntry, number>();
let next = 0;

/** A React key for `entry`, the same for as long as that entry object lives. */
export function logRowKey(entry: LogEntry): number {
  let key = keys.get(entry);
  if (key === undefined) {
    key = next;
    next += 1;
    keys.set(entry, key);
  }
  return key;
}
