import { afterEach, describe, expect, it, vi } from 'vitest';
import { browserTabEnvironment, countTabs, standForLeadership, currentPageId } from './tab-leadership';
import type { LockManagerLike } from './tab-leadership';

afterEach(() => {
  vi.unstubAllGlobals();
});

/** Web Locks for one exclusive name at a time, granted in request order, honouring abort signals. */
function fakeLocks() {
  interface Waiter {
    readonly name: string;
    readonly callback: (lock: unknown) => Promise<void>;
    readonly resolve: (value: unknown) => void;
    readonly reject: (reason: unknown) => void;
  }
  const held = new Map<string, Waiter>();
  const queue: Waiter[] = [];
  function grant(name: string): void {
    if (held.has(name)) return;
    const next = queue.find((w) => w.name === name);
    if (next === undefined) return;
    queue.splice(queue.indexOf(next), 1);
    held.set(name, next);
    void next.callback({ name }).then((value) => {
      held.delete(name);
      next.resolve(value);
      grant(name);
    });
  }
  const locks: LockManagerLike = {
    request(name, options, callback) {
      return new Promise((resolve, reject) => {
        const waiter: Waiter = { name, callback, resolve, reject };
        queue.push(waiter);
        options.signal?.addEventListener('abort', () => {
          const at = queue.indexOf(waiter);
          if (at === -1) return;
          queue.splice(at, 1);
          reject(new DOMException('aborted', 'AbortError'));
        });
        grant(name);
      });
    },
    query: () =>
      Promise.resolve({
        held: [...held.values()].map((w) => ({ name: w.name })),
        pending: queue.map((w) => ({ name: w.name })),
      }),
  };
  return { locks, holder: (name: string) => held.get(name) };
}

const settle = async () => {
  for (let i = 0; i < 5; i += 1) await Promise.resolve();
};

describe('standForLeadership', () => {
  it('leads at once when nobody holds the lock, and hands it to the next tab on resign', async () => {
    const { locks } = fakeLocks();
    const first = vi.fn();
    const second = vi.fn();
    const a = standForLeadership(locks, 'omw', first);
    const b = standForLeadership(locks, 'omw', second);
    await settle();
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).not.toHaveBeenCalled();
    expect(await countTabs(locks, 'omw')).toBe(2);
    a.resign();
    await settle();
    expect(second).toHaveBeenCalledTimes(1);
    expect(await countTabs(locks, 'omw')).toBe(1);
    b.resign();
    b.resign();
    await settle();
    expect(await countTabs(locks, 'omw')).toBe(0);
  });

  it('a tab that resigns while waiting never leads and leaves the queue', async () => {
    const { locks } = fakeLocks();
    const leader = standForLeadership(locks, 'omw', vi.fn());
    const waiting = vi.fn();
    const waiter = standForLeadership(locks, 'omw', waiting);
    await settle();
    waiter.resign();
    await settle();
    expect(await countTabs(locks, 'omw')).toBe(1);
    leader.resign();
    await settle();
    expect(waiting).not.toHaveBeenCalled();
  });

  it('a tab that resigned before its lock was granted releases it at once without leading', async () => {
    let callback: ((lock: unknown) => Promise<void>) | undefined;
    const locks: LockManagerLike = {
      request: (_name, _options, cb) => {
        callback = cb;
        return new Promise(() => undefined);
      },
    };
    const onLead = vi.fn();
    standForLeadership(locks, 'omw', onLead).resign();
    // The browser granted it just as the tab resigned.
    await expect(callback?.({})).resolves.toBeUndefined();
    expect(onLead).not.toHaveBeenCalled();
  });
});

describe('countTabs', () => {
  it('counts only the holders and waiters of that name', async () => {
    const locks: LockManagerLike = {
      request: () => Promise.resolve(),
      query: () => Promise.resolve({ held: [{ name: 'omw' }, { name: 'other' }], pending: [{ name: 'omw' }, { name: 'omw' }, {}] }),
    };
    expect(await countTabs(locks, 'omw')).toBe(3);
  });

  it('treats missing lists as empty', async () => {
    const locks: LockManagerLike = { request: () => Promise.resolve(), query: () => Promise.resolve({}) };
    expect(await countTabs(locks, 'omw')).toBe(0);
  });

  it('is unknown without query, or when query fails', async () => {
    expect(await countTabs({ request: () => Promise.resolve() }, 'omw')).toBeUndefined();
    const failing: LockManagerLike = { request: () => Promise.resolve(), query: () => Promise.reject(new Error('denied')) };
    expect(await countTabs(failing, 'omw')).toBeUndefined();
  });
});

describe('browserTabEnvironment', () => {
  it('needs both navigator.locks and BroadcastChannel', () => {
    const locks = { request: () => Promise.resolve() };
    vi.stubGlobal('navigator', { locks });
    vi.stubGlobal('BroadcastChannel', undefined);
    expect(browserTabEnvironment()).toBeUndefined();
    vi.stubGlobal('navigator', { locks: { request: 'no' } });
    vi.stubGlobal('BroadcastChannel', class {});
    expect(browserTabEnvironment()).toBeUndefined();
    vi.stubGlobal('navigator', {});
    expect(browserTabEnvironment()).toBeUndefined();
  });

  it('opens BroadcastChannels by name over the browser locks', () => {
    const locks = { request: () => Promise.resolve() };
    const opened: string[] = [];
    vi.stubGlobal('navigator', { locks });
    vi.stubGlobal(
      'BroadcastChannel',
      class {
        constructor(name: string) {
          opened.push(name);
        }
      },
    );
    const environment = browserTabEnvironment();
    expect(environment?.locks).toBe(locks);
    environment?.openChannel('omw-relay');
    expect(opened).toEqual(['omw-relay']);
  });
});

describe('currentPageId', () => {
  it('is one id per page, kept on the global object so a second copy of the library agrees', () => {
    const id = currentPageId();
    expect(id).not.toBe('');
    expect(currentPageId()).toBe(id);
    expect((globalThis as unknown as Record<symbol, unknown>)[Symbol.for('openmedia-widget.page-id')]).toBe(id);
  });
});
