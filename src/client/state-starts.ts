import type { StateStart } from '../core/types';
import { lazyStorage } from './seen-offers';
import type { StorageLike, StorageSource } from './seen-offers';

/** How many interactions' starts are kept (the most recently confirmed). */
const LIMIT = 500;
/**
 * A start is used only if a page saw the interaction still in that state this recently before the
 * read: long enough for a reload, short enough that it cannot have left the state and come back
 * unseen (while no page of this browser was open) except within that moment.
 */
export const CONFIRMED_WITHIN_MS = 2 * 60 * 1000;
/** While a page holds starts, it confirms them this often (one write). */
export const CONFIRM_EVERY_MS = 60 * 1000;
/** Changes are written at most this often (one write for all of them). */
export const WRITE_AFTER_MS = 1000;

/** A start as stored: `confirmedAt` is the last time a page saw the interaction still in `state`. */
interface StoredStart extends StateStart {
  readonly confirmedAt: number;
}

type Stored = Record<string, StoredStart>;

/**
 * When this browser saw interactions enter their current state, kept in storage (`localStorage`:
 * every tab of the browser, across reloads), so that a page opened later can time a state it did
 * not see begin. GWS sends no state-change time; without this, a reload turns every timer into
 * "at least since the page loaded".
 *
 * Only live states are kept: a start is replaced when the state changes, and forgotten when the
 * interaction ends, leaves, or changes state unseen (a gap). What a page holds is written a second
 * after it changes, confirmed every minute, and written when the page goes away.
 */
export interface StateStarts {
  /**
   * Touch the storage now (its first touch in a page waits for the browser, 2–10 ms while a page
   * starts): the client does it while its first snapshot request is out, not when the answer is in.
   */
  load(): void;
  /** The starts of these ids confirmed shortly before `at` (the read), or undefined when none. */
  lookup(ids: Iterable<string>, at: number): Readonly<Record<string, StateStart>> | undefined;
  /**
   * `id` is in `state` since `since`, seen beginning; or (`state` undefined) in no state whose start
   * the widget knows: ended, gone, evicted, or changed unseen. Written {@link WRITE_AFTER_MS} later.
   */
  set(id: string, state: string | undefined, since: number): void;
  /** Writes what changed and confirms every start this page holds, now (the page goes away). */
  flush(): void;
  /** Called each second by the client's clock: confirms the starts this page holds once a minute. */
  tick(): void;
}

function isStored(value: unknown): value is StoredStart {
  if (typeof value !== 'object' || value === null) return false;
  const { state, since, confirmedAt } = value as Record<string, unknown>;
  return typeof state === 'string' && typeof since === 'number' && Number.isFinite(since) && typeof confirmedAt === 'number' && Number.isFinite(confirmedAt);
}

/** A record keyed by interaction id with no prototype: an id "__proto__" or "constructor" is a key like any other. */
function byId<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

function read(storage: StorageLike | undefined, key: string): Stored {
  const kept: Stored = byId();
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(key) ?? '{}');
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return kept;
    for (const [id, start] of Object.entries(parsed)) {
      if (isStored(start)) kept[id] = { state: start.state, since: start.since, confirmedAt: start.confirmedAt };
    }
  } catch {
    // Unreadable or disabled storage: nothing remembered.
  }
  return kept;
}

/**
 * Starts kept under `key` in `source` (found on first use: the first touch of a page's storage
 * waits for the browser). Each write reads what the other tabs wrote, applies this page's changes
 * (set and forgotten ids) and confirmations, and writes back the most recently confirmed
 * {@link LIMIT}. `schedule` runs the delayed write (default `setTimeout`). Without storage it
 * remembers nothing (a reload cannot be helped).
 */
export function createStateStarts(
  source: StorageSource,
  key: string,
  now: () => number,
  schedule: (write: () => void, ms: number) => void = (write, ms) => void setTimeout(write, ms),
): StateStarts {
  const storageOf = lazyStorage(source);
  /** The starts this page knows, of the interactions it shows in a state it saw begin. */
  const mine = new Map<string, StateStart>();
  /** Ids set or forgotten since the last write. */
  const changed = new Set<string>();
  let writeDue = false;
  let confirmedAt = -Infinity;

  /** What the tabs wrote, with what this page knows at `at` over it (its unwritten changes too). */
  function current(storage: StorageLike | undefined, at: number): Stored {
    const stored = read(storage, key);
    for (const id of changed) if (!mine.has(id)) Reflect.deleteProperty(stored, id);
    for (const [id, start] of mine) stored[id] = { state: start.state, since: start.since, confirmedAt: at };
    return stored;
  }

  function flush(): void {
    writeDue = false;
    const storage = storageOf();
    if (storage === undefined || (changed.size === 0 && mine.size === 0)) {
      changed.clear();
      return;
    }
    const at = now();
    const stored = current(storage, at);
    changed.clear();
    confirmedAt = at;
    const kept = Object.entries(stored)
      .filter(([, start]) => at - start.confirmedAt <= CONFIRMED_WITHIN_MS)
      .sort((a, b) => b[1].confirmedAt - a[1].confirmedAt)
      .slice(0, LIMIT);
    try {
      storage.setItem(key, JSON.stringify(Object.fromEntries(kept)));
    } catch {
      // Quota or privacy mode: this page still times what it sees.
    }
  }

  return {
    load() {
      storageOf();
    },
    lookup(ids, at) {
      const stored = current(storageOf(), at);
      let found: Record<string, StateStart> | undefined;
      for (const id of ids) {
        const start = stored[id];
        if (start === undefined || start.since > at || at - start.confirmedAt > CONFIRMED_WITHIN_MS) continue;
        (found ??= byId())[id] = { state: start.state, since: start.since };
      }
      return found;
    },
    set(id, state, since) {
      const known = mine.get(id);
      if (state === undefined ? known === undefined : known?.since === since && known.state === state) return;
      if (state === undefined) mine.delete(id);
      else mine.set(id, { state, since });
      changed.add(id);
      if (writeDue) return;
      writeDue = true;
      schedule(() => {
        if (writeDue) flush();
      }, WRITE_AFTER_MS);
    },
    flush,
    tick() {
      if (mine.size > 0 && now() - confirmedAt >= CONFIRM_EVERY_MS) flush();
    },
  };
}
