import type { MockStateReply, MockStateRequest } from './mock-state-protocol';
import type { MockStateEvent, MockStateSource, MockStateWatch } from './mock-state-watch';

/** The part of a Worker the reader uses (a fake in tests). */
export interface MockStateWorker {
  postMessage(message: MockStateRequest): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<MockStateReply>) => void): void;
  addEventListener(type: 'error', listener: () => void): void;
  terminate(): void;
}

/**
 * Watches the mock's state (its control API at `base`, an absolute URL) in a Worker (`mock-state-worker.ts`), so the panel's polling
 * costs the page nothing but a small message when a read changes what it shows. A Worker that
 * cannot start or fails is dropped, and the watch goes on with `fallback` on the page (paused if
 * it was): the panel keeps working either way. Each watch has its Worker, ended by `close()`.
 */
export function watchOffThread(base: string, start: () => MockStateWorker, fallback: MockStateSource): MockStateSource {
  return {
    watch(intervalMs, report) {
      let paused = false;
      let closed = false;
      let onPage: MockStateWatch | undefined;
      let worker: MockStateWorker | undefined;
      const toPage = () => {
        worker?.terminate();
        worker = undefined;
        if (closed || onPage !== undefined) return;
        onPage = fallback.watch(intervalMs, report);
        if (paused) onPage.pause();
      };
      try {
        worker = start();
        worker.addEventListener('message', (event: MessageEvent<MockStateEvent>) => {
          if (!closed) report(event.data);
        });
        worker.addEventListener('error', toPage);
        worker.postMessage({ type: 'watch', base, intervalMs });
      } catch {
        // No Worker here (jsdom, a sandbox that refuses them): watch on the page.
        toPage();
      }
      const send = (type: 'readNow' | 'pause' | 'resume') => {
        if (type === 'pause') paused = true;
        if (type === 'resume') paused = false;
        if (onPage) onPage[type]();
        else worker?.postMessage({ type });
      };
      return {
        readNow: () => send('readNow'),
        pause: () => send('pause'),
        resume: () => send('resume'),
        close() {
          closed = true;
          onPage?.close();
          worker?.terminate();
          worker = undefined;
        },
      };
    },
  };
}

/** Starts this source tree's reader Worker (for pages built by Vite). */
export function startMockStateWorker(): MockStateWorker {
  return new Worker(new URL('./mock-state-worker.ts', import.meta.url), { type: 'module', name: 'mock-state' }) as MockStateWorker;
}
