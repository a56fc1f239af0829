import { keepUnchanged } from './mock-api';
import type { MockSummary } from './mock-api';

/**
 * What a watch of `GET /mock/state` reports: a summary that changes something shown (`urgent`
 * when it answers the first read, `readNow` or `resume`), or a failed read (`status` 0 when no
 * HTTP answer came). A read that changes nothing reports nothing.
 */
export type MockStateEvent =
  | { readonly summary: MockSummary; readonly urgent: boolean }
  | { readonly error: string; readonly status: number };

export interface MockStateWatch {
  /** Reads at once (a control was used); the answer is reported as urgent. */
  readNow(): void;
  /** No more reads until `resume` (a hidden tab); a read under way still reports. */
  pause(): void;
  /** Reads at once and goes on reading (the page is seen again). */
  resume(): void;
  close(): void;
}

/**
 * Reads the mock's state at once, then `intervalMs` after each answer, and reports only what
 * changes something shown (the first answer, and the first after a failure, always). The same
 * loop runs in the panel's Worker and, where no Worker can start, on the page.
 */
export function watchMockState(
  read: (signal: AbortSignal) => Promise<MockSummary>,
  intervalMs: number,
  report: (event: MockStateEvent) => void,
): MockStateWatch {
  const abort = new AbortController();
  let last: MockSummary | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let reading = false;
  /** Asked for at once while a read was under way: another read, urgent, right after it. */
  let again = false;
  let paused = false;

  async function readOnce(urgent: boolean): Promise<void> {
    clearTimeout(timer);
    timer = undefined;
    reading = true;
    try {
      const next = await read(abort.signal);
      if (abort.signal.aborted) return;
      const summary = keepUnchanged(last, next);
      if (summary !== last) {
        last = summary;
        report({ summary, urgent });
      }
    } catch (error) {
      if (abort.signal.aborted) return;
      // The next answer is reported whatever it says: it ends the failure.
      last = undefined;
      const status = typeof error === 'object' && error !== null && 'status' in error && typeof error.status === 'number' ? error.status : 0;
      report({ error: error instanceof Error ? error.message : String(error), status });
    } finally {
      reading = false;
    }
    if (abort.signal.aborted) return;
    if (again) {
      again = false;
      void readOnce(true);
    } else if (!paused) timer = setTimeout(() => void readOnce(false), intervalMs);
  }

  function readNow(): void {
    if (abort.signal.aborted) return;
    if (reading) again = true;
    else void readOnce(true);
  }

  readNow();
  return {
    readNow,
    pause() {
      paused = true;
      clearTimeout(timer);
      timer = undefined;
    },
    resume() {
      if (!paused) return;
      paused = false;
      readNow();
    },
    close() {
      abort.abort();
      clearTimeout(timer);
      timer = undefined;
    },
  };
}

/** Something that can watch the mock's state: on the page, or in the panel's Worker. */
export interface MockStateSource {
  watch(intervalMs: number, report: (event: MockStateEvent) => void): MockStateWatch;
}

/** Watches with `read` on the page (reads `api.state`). */
export function watchOnPage(read: (signal: AbortSignal) => Promise<MockSummary>): MockStateSource {
  return { watch: (intervalMs, report) => watchMockState(read, intervalMs, report) };
}
