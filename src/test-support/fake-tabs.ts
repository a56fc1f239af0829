import type { BroadcastChannelLike, LockManagerLike, TabEnvironment } from '../client/tab-leadership';

/**
 * An in-memory browser for the tab-sharing code: BroadcastChannels and Web Locks shared by the
 * "tabs" made from it (test-only). Like the real ones, a message reaches every other channel of
 * the same name but not the sender, in a later task; a lock goes to the oldest waiting request
 * when released; a crashed tab's locks are released and its requests and channels vanish.
 */
export interface FakeBrowser {
  /** A new tab: its own locks and channels, sharing this browser's. */
  tab(): FakeTab;
  /** Who holds each lock now (the tab's index), for assertions. */
  holders(name: string): number[];
}

export interface FakeTab {
  readonly index: number;
  readonly environment: TabEnvironment;
  /** The tab is killed: no pagehide, no goodbye; the browser frees its locks and channels. */
  crash(): void;
  /** Whether {@link crash} was called. */
  readonly crashed: boolean;
  /**
   * The tab's thread is held (a host's long task): messages to it wait, in order, until the
   * returned release. What the test makes it do meanwhile is up to the test.
   */
  hold(): () => void;
}

interface Request {
  readonly tab: number;
  readonly name: string;
  readonly grant: () => void;
  readonly cancel: () => void;
}

interface FakeChannel extends BroadcastChannelLike {
  readonly tab: number;
  readonly name: string;
  deliver(data: unknown): void;
}

export function createFakeBrowser(): FakeBrowser {
  const held = new Map<string, Request>();
  const queue: Request[] = [];
  const channels = new Set<FakeChannel>();
  const crashed = new Set<number>();
  /** Held tabs and what waits for them. */
  const waiting = new Map<number, (() => void)[]>();
  let tabs = 0;

  function grantNext(name: string): void {
    if (held.has(name)) return;
    const index = queue.findIndex((request) => request.name === name);
    if (index < 0) return;
    const [next] = queue.splice(index, 1);
    if (next === undefined) return;
    held.set(name, next);
    next.grant();
  }

  function release(request: Request): void {
    if (held.get(request.name) !== request) return;
    held.delete(request.name);
    // The next tab hears of it a task later (another process, in a browser): the gap is real.
    setTimeout(() => grantNext(request.name), 0);
  }

  function makeLocks(tab: number): LockManagerLike {
    return {
      request(name, options, callback) {
        return new Promise((resolve, reject) => {
          if (crashed.has(tab)) return;
          const request: Request = {
            tab,
            name,
            grant: () => {
              void callback({ name }).then(
                (value) => {
                  release(request);
                  resolve(value);
                },
                (error: unknown) => {
                  release(request);
                  reject(error);
                },
              );
            },
            cancel: () => reject(new DOMException('aborted', 'AbortError')),
          };
          options.signal?.addEventListener('abort', () => {
            const index = queue.indexOf(request);
            if (index < 0) return;
            queue.splice(index, 1);
            request.cancel();
          });
          queue.push(request);
          // Granted in a later task, as a browser does.
          queueMicrotask(() => grantNext(name));
        });
      },
      async query() {
        return {
          held: [...held.values()].map((request) => ({ name: request.name })),
          pending: queue.map((request) => ({ name: request.name })),
        };
      },
    };
  }

  function openChannel(tab: number, name: string): FakeChannel {
    const handlers = new Set<(event: { readonly data: unknown }) => void>();
    let closed = false;
    const channel: FakeChannel = {
      tab,
      name,
      postMessage(message) {
        if (closed) throw new DOMException('closed', 'InvalidStateError');
        const data = structuredClone(message);
        for (const other of channels) {
          if (other !== channel && other.name === name) setTimeout(() => other.deliver(data), 0);
        }
      },
      addEventListener: (_type, handler) => handlers.add(handler),
      removeEventListener: (_type, handler) => handlers.delete(handler),
      close() {
        closed = true;
        channels.delete(channel);
      },
      deliver(data) {
        if (closed) return;
        const held = waiting.get(tab);
        if (held !== undefined) {
          held.push(() => channel.deliver(data));
          return;
        }
        for (const handler of [...handlers]) handler({ data });
      },
    };
    channels.add(channel);
    return channel;
  }

  return {
    tab() {
      const index = tabs++;
      const tab: FakeTab = {
        index,
        environment: { locks: makeLocks(index), openChannel: (name) => openChannel(index, name), pageId: `page-${index}` },
        crash() {
          crashed.add(index);
          for (const channel of [...channels]) if (channel.tab === index) channel.close();
          for (let i = queue.length - 1; i >= 0; i -= 1) if (queue[i]?.tab === index) queue.splice(i, 1);
          for (const request of [...held.values()]) if (request.tab === index) release(request);
        },
        get crashed() {
          return crashed.has(index);
        },
        hold() {
          waiting.set(index, waiting.get(index) ?? []);
          return () => {
            const held = waiting.get(index) ?? [];
            waiting.delete(index);
            for (const deliver of held) deliver();
          };
        },
      };
      return tab;
    },
    holders(name) {
      const request = held.get(name);
      return request === undefined ? [] : [request.tab];
    },
  };
}
