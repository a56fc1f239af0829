/**
 * Leader election between the tabs of one browser, over the Web Locks API: the tab holding the
 * exclusive lock leads; the others wait in its queue, so when the leader closes or crashes the
 * browser releases its lock and hands it to the next tab at once (no heartbeat, no timeout).
 */

/** What is used of `navigator.locks` (a fake in tests). */
export interface LockManagerLike {
  request(name: string, options: { readonly signal?: AbortSignal }, callback: (lock: unknown) => Promise<void>): Promise<unknown>;
  query?(): Promise<{ readonly held?: readonly { readonly name?: string }[]; readonly pending?: readonly { readonly name?: string }[] }>;
}

/** What is used of a `BroadcastChannel` (a fake in tests). */
export interface BroadcastChannelLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: { readonly data: unknown }) => void): void;
  removeEventListener(type: 'message', listener: (event: { readonly data: unknown }) => void): void;
  close(): void;
}

/** What sharing a connection between tabs needs of the browser; absent parts disable sharing. */
export interface TabEnvironment {
  readonly locks: LockManagerLike;
  readonly openChannel: (name: string) => BroadcastChannelLike;
  /**
   * This page's id, the same for every widget on it: what another widget of the same page sent is
   * not "from another tab". Default {@link currentPageId}.
   */
  readonly pageId?: string;
}

/** The browser's Web Locks and BroadcastChannel, or undefined where either is missing. */
export function browserTabEnvironment(): TabEnvironment | undefined {
  const locks = (globalThis.navigator as { locks?: LockManagerLike } | undefined)?.locks;
  if (locks === undefined || typeof locks.request !== 'function' || typeof BroadcastChannel !== 'function') return undefined;
  return { locks, openChannel: (name) => new BroadcastChannel(name), pageId: currentPageId() };
}
const PAGE_ID_KEY = Symbol.for('openmedia-widget.page-id');

/**
 * This page's id, the same for every widget on it (kept on the global object, so two copies of
 * the library on one page agree).
 */
export function currentPageId(): string {
  const scope = globalThis as unknown as Record<symbol, unknown>;
  const known = scope[PAGE_ID_KEY];
  if (typeof known === 'string') return known;
  const id = typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  scope[PAGE_ID_KEY] = id;
  return id;
}

export interface Election {
  /** Leave the election: abandon the place in the queue, or release the lock when leading. Idempotent. */
  resign(): void;
}

/**
 * Stand for leadership under `name`. `onLead` runs once the lock is granted (maybe at once, maybe
 * when the current leader's tab goes away); the lock is held until {@link Election.resign}.
 */
export function standForLeadership(locks: LockManagerLike, name: string, onLead: () => void): Election {
  const abort = new AbortController();
  let release: (() => void) | undefined;
  let resigned = false;
  locks
    .request(name, { signal: abort.signal }, () => {
      if (resigned) return Promise.resolve();
      return new Promise<void>((resolve) => {
        release = resolve;
        onLead();
      });
    })
    // An aborted request rejects with an AbortError: that is the resignation, nothing to report.
    .catch(() => undefined);
  return {
    resign() {
      if (resigned) return;
      resigned = true;
      abort.abort();
      release?.();
      release = undefined;
    },
  };
}

/** How many tabs hold or wait for the lock `name`: the tabs sharing the connection. Undefined when unknown. */
export async function countTabs(locks: LockManagerLike, name: string): Promise<number | undefined> {
  if (typeof locks.query !== 'function') return undefined;
  try {
    const { held = [], pending = [] } = await locks.query();
    return held.filter((lock) => lock.name === name).length + pending.filter((lock) => lock.name === name).length;
  } catch {
    return undefined;
  }
}
