import type { StateStart } from '../core/types';
import { lazyStorage } from './seen-offers';
import type { StorageLike, StorageSource } from './seen-offers';

/** How many interactions' starts are kept (the most recent). */
const LIMIT = 500;
/** A start older than this is forgotten: a shift is over, and the state has surely changed since. */
export const STATE_START_MAX_AGE_MS = 24 * 60 * 60 * 1000;

/**
 * When this browser saw interactions enter their current state, kept in storage (`localStorage`:
 * every tab of the browser, across reloads) so that a page opened later can time a state it did not
 * see begin. GWS sends no state-change time; without this, a reload turns every timer into
 * "at least since the page loaded".
 */
export interface StateStarts {
  /**
   * Touch the storage now (its first touch in a page waits for the browser, 2–10 ms while a page
   * starts): the client does it while its first snapshot request is out, not when the answer is in.
   */
  load(): void;
  /** The remembered starts of these ids, or undefined when there is none. */
  lookup(ids: Iterable<string>): Readonly<Record<string, StateStart>> | undefined;
  /** Remember starts the widget saw (one storage write for all of them). */
  note(starts: readonly (StateStart & { readonly id: string })[]): void;
}

type Stored = Record<string, StateStart>;

function isStart(value: unknown): value is StateStart {
  if (typeof value !== 'object' || value === null) return false;
  const { state, since } = value as Record<string, unknown>;
  return typeof state === 'string' && typeof since === 'number' && Number.isFinite(since);
}

/** The starts under `key`, as stored by any tab, without those too old (or from the future). */
function read(storage: StorageLike | undefined, key: string, now: number): Stored {
  const kept: Stored = {};
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(key) ?? '{}');
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return kept;
    for (const [id, start] of Object.entries(parsed)) {
      if (isStart(start) && start.since <= now && now - start.since <= STATE_START_MAX_AGE_MS) kept[id] = { state: start.state, since: start.since };
    }
  } catch {
    // Unreadable or disabled storage: nothing remembered.
  }
  return kept;
}

/**
 * Starts kept under `key` in `source` (read on first use: the first touch of a page's storage waits
 * for the browser). Each `note` reads what the other tabs wrote, adds its own and writes back, the
 * most recent {@link LIMIT} kept. Without storage it remembers nothing (a reload cannot be helped).
 */
export function createStateStarts(source: StorageSource, key: string, now: () => number): StateStarts {
  const storageOf = lazyStorage(source);
  /** What this client noted last, by id: a start noted once is not written again. */
  const noted = new Map<string, number>();
  return {
    load() {
      read(storageOf(), key, now());
    },
    lookup(ids) {
      const stored = read(storageOf(), key, now());
      let found: Stored | undefined;
      for (const id of ids) {
        const start = stored[id];
        if (start !== undefined) (found ??= {})[id] = start;
      }
      return found;
    },
    note(starts) {
      const fresh = starts.filter((start) => noted.get(start.id) !== start.since);
      if (fresh.length === 0) return;
      const storage = storageOf();
      for (const start of fresh) noted.set(start.id, start.since);
      if (storage === undefined) return;
      const stored = read(storage, key, now());
      for (const { id, state, since } of fresh) stored[id] = { state, since };
      const kept = Object.entries(stored)
        .sort((a, b) => b[1].since - a[1].since)
        .slice(0, LIMIT);
      try {
        storage.setItem(key, JSON.stringify(Object.fromEntries(kept)));
      } catch {
        // Quota or privacy mode: this page still times what it sees.
      }
    },
  };
}
