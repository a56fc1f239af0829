import { MockRequestError } from './mock-api';
import type { MockApi, MockSummary } from './mock-api';
import type { MockStateReply, MockStateRequest } from './mock-state-protocol';

/** The part of a Worker the reader uses (a fake in tests). */
export interface MockStateWorker {
  postMessage(message: MockStateRequest): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<MockStateReply>) => void): void;
  addEventListener(type: 'error', listener: () => void): void;
  terminate(): void;
}

/**
 * `api` whose `state()` is read by a Worker (`mock-state-worker.ts`) at `url`, so the panel's
 * polling costs the page one small message per read instead of a fetch and its parse. A Worker
 * that cannot start or fails is dropped, and reads (those it had too) fall back to `api.state` on
 * the page: the panel keeps working either way. `close()` ends the Worker (and the reads it had).
 */
export function readStateOffThread(api: MockApi, url: string, start: () => MockStateWorker): MockApi & { close(): void } {
  let worker: MockStateWorker | undefined;
  let failed = false;
  let nextId = 0;
  const pending = new Map<number, { resolve: (summary: MockSummary) => void; reject: (error: unknown) => void; signal: AbortSignal | undefined }>();

  /** The Worker failed: it is dropped, and the reads it had are made again on the page. */
  function fail(): void {
    failed = true;
    worker?.terminate();
    worker = undefined;
    const waiting = [...pending.values()];
    pending.clear();
    for (const read of waiting) api.state(read.signal).then(read.resolve, read.reject);
  }

  function started(): MockStateWorker | undefined {
    if (worker !== undefined || failed) return worker;
    try {
      worker = start();
    } catch {
      // No Worker here (jsdom, an old embedder's sandbox): read on the page.
      failed = true;
      return undefined;
    }
    worker.addEventListener('message', (event: MessageEvent<MockStateReply>) => {
      const reply = event.data;
      const read = pending.get(reply.id);
      if (read === undefined) return;
      pending.delete(reply.id);
      if ('summary' in reply) read.resolve(reply.summary);
      else read.reject(new MockRequestError(reply.error, reply.status));
    });
    worker.addEventListener('error', fail);
    return worker;
  }

  return {
    post: (route, body) => api.post(route, body),
    state(signal) {
      const reader = started();
      if (reader === undefined) return api.state(signal);
      if (signal?.aborted) return Promise.reject(signal.reason);
      const id = (nextId += 1);
      return new Promise<MockSummary>((resolve, reject) => {
        pending.set(id, { resolve, reject, signal });
        signal?.addEventListener(
          'abort',
          () => {
            if (!pending.delete(id)) return;
            reader.postMessage({ type: 'abort', id });
            reject(signal.reason);
          },
          { once: true },
        );
        reader.postMessage({ type: 'read', id, url });
      });
    },
    close() {
      worker?.terminate();
      worker = undefined;
      const waiting = [...pending.values()];
      pending.clear();
      for (const read of waiting) read.reject(new MockRequestError('the mock state reader was closed', 0));
    },
  };
}

/** Starts this source tree's reader Worker (for pages built by Vite). */
export function startMockStateWorker(): MockStateWorker {
  return new Worker(new URL('./mock-state-worker.ts', import.meta.url), { type: 'module', name: 'mock-state' }) as MockStateWorker;
}
