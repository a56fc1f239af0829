/** What is used of `sessionStorage` (absent in Node, may throw when storage is disabled). */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** The offers this tab (or the tabs it shares a connection with) already alerted. */
export interface SeenOffers {
  has(id: string): boolean;
  add(ids: readonly string[]): void;
}

const LIMIT = 500;

/**
 * A bounded set of alerted offer ids, kept in `sessionStorage` under `key` so that a reload (or a
 * remount) within the tab's session does not alert the same offers again. Without storage it
 * still holds for the life of the client.
 */
export function createSeenOffers(storage: StorageLike | undefined, key: string): SeenOffers {
  const ids = new Set<string>();
  try {
    const stored: unknown = JSON.parse(storage?.getItem(key) ?? '[]');
    if (Array.isArray(stored)) for (const id of stored) if (typeof id === 'string') ids.add(id);
  } catch {
    // Unreadable or disabled storage: start empty.
  }
  return {
    has: (id) => ids.has(id),
    add(added) {
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
        storage?.setItem(key, JSON.stringify([...ids]));
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
