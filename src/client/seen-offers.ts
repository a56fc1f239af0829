/** What is used of `sessionStorage` (absent in Node, may throw when storage is disabled). */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** The offers this tab (or the tabs it shares a connection with) already alerted. */
export interface SeenOffers {
  has(id: string): boolean;
  add(ids: readonly string[]): void;
  /** Reads the stored ids now, if not yet (they are read on first use otherwise). */
  load(): void;
}

const LIMIT = 500;

/** A storage, or a function that finds it when it is first needed (see {@link createSeenOffers}). */
export type StorageSource = StorageLike | undefined | (() => StorageLike | undefined);

/** Reads a {@link StorageSource} once, on first use. */
export function lazyStorage(source: StorageSource): () => StorageLike | undefined {
  if (typeof source !== 'function') return () => source;
  let found: { readonly storage: StorageLike | undefined } | undefined;
  return () => (found ??= { storage: source() }).storage;
}

/**
 * A bounded set of alerted offer ids, kept in `sessionStorage` under `key` so that a reload (or a
 * remount) within the tab's session does not alert the same offers again. Without storage it
 * still holds for the life of the client.
 *
 * The stored ids are read when the set is first used, not when it is made: the first touch of a
 * page's storage waits for the browser (2–10 ms while a page starts, measured in Chromium), and the client is
 * made in the render that comes before its first snapshot request.
 */
export function createSeenOffers(source: StorageSource, key: string): SeenOffers {
  const storageOf = lazyStorage(source);
  let loaded: Set<string> | undefined;
  /** Adds the stored ids to `ids` (another client of this tab on the same key may have added some). */
  const readInto = (ids: Set<string>): void => {
    try {
      const stored: unknown = JSON.parse(storageOf()?.getItem(key) ?? '[]');
      if (Array.isArray(stored)) for (const id of stored) if (typeof id === 'string') ids.add(id);
    } catch {
      // Unreadable or disabled storage: what is held in memory stands.
    }
  };
  const load = (): Set<string> => {
    if (loaded !== undefined) return loaded;
    const ids = new Set<string>();
    readInto(ids);
    loaded = ids;
    return ids;
  };
  return {
    load,
    // An id not held is looked up in storage again: two widgets of one tab that do not share a
    // connection (share-connection="false") hear the same offer each, and it rings once.
    has(id) {
      const ids = load();
      if (ids.has(id)) return true;
      readInto(ids);
      return ids.has(id);
    },
    add(added) {
      const ids = load();
      readInto(ids);
      let changed = false;
      for (const id of added) {
        if (ids.has(id)) continue;
        ids.add(id);
        changed = true;
      }
      if (!changed) return;
      for (const id of ids) {
        if (ids.size <= LIMIT) break;
        ids.delete(id);
      }
      try {
        storageOf()?.setItem(key, JSON.stringify([...ids]));
      } catch {
        // Quota or privacy mode: the in-memory set still holds for this client.
      }
    },
  };
}

/** `sessionStorage`, or undefined where it is missing or forbidden. */
export function browserSessionStorage(): StorageLike | undefined {
  try {
    return typeof sessionStorage === 'undefined' ? undefined : sessionStorage;
  } catch {
    return undefined;
  }
}

/** `localStorage`, or undefined where it is missing or forbidden. */
export function browserLocalStorage(): StorageLike | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}
