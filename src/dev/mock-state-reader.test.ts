import { describe, expect, it, vi } from 'vitest';
import { readMockState } from './mock-api';
import type { MockSummary } from './mock-api';
import type { MockStateReply, MockStateRequest } from './mock-state-protocol';
import { watchOffThread } from './mock-state-reader';
import type { MockStateWorker } from './mock-state-reader';
import type { MockStateEvent, MockStateSource, MockStateWatch } from './mock-state-watch';

const BASE = 'http://127.0.0.1:5173/mock';
const summary = (published: number) => readMockState({ interactions: [], published }, 1_000) as MockSummary;

/** A Worker stand-in: records what the page asks and answers when the test says. */
function fakeWorker() {
  const sent: MockStateRequest[] = [];
  const listeners: { message: ((event: MessageEvent<MockStateReply>) => void)[]; error: (() => void)[] } = { message: [], error: [] };
  let terminated = false;
  const worker: MockStateWorker = {
    postMessage: (message) => void sent.push(message),
    addEventListener: (type: 'message' | 'error', listener: never) => void listeners[type].push(listener),
    terminate: () => {
      terminated = true;
    },
  };
  return {
    worker,
    sent,
    reply: (message: MockStateReply) => listeners.message.forEach((l) => l({ data: message } as MessageEvent<MockStateReply>)),
    crash: () => listeners.error.forEach((l) => l()),
    get terminated() {
      return terminated;
    },
  };
}

/** A page-side source that records its watches' calls. */
function fakeFallback() {
  const calls: string[] = [];
  const source: MockStateSource = {
    watch: (intervalMs) => {
      calls.push(`watch ${intervalMs}`);
      const watch: MockStateWatch = {
        readNow: () => void calls.push('readNow'),
        pause: () => void calls.push('pause'),
        resume: () => void calls.push('resume'),
        close: () => void calls.push('close'),
      };
      return watch;
    },
  };
  return { source, calls };
}

describe('watchOffThread: the mock panel watches /mock/state in a Worker', () => {
  it('starts the watch in the Worker, steers it there, and reports what the Worker reports', () => {
    const fake = fakeWorker();
    const fallback = fakeFallback();
    const events: MockStateEvent[] = [];
    const watch = watchOffThread(BASE, () => fake.worker, fallback.source).watch(1_500, (event) => events.push(event));
    expect(fake.sent).toEqual([{ type: 'watch', base: BASE, intervalMs: 1_500 }]);
    fake.reply({ summary: summary(5), urgent: true });
    fake.reply({ error: 'HTTP 503', status: 503 });
    expect(events).toEqual([{ summary: summary(5), urgent: true }, { error: 'HTTP 503', status: 503 }]);
    watch.pause();
    watch.resume();
    watch.readNow();
    expect(fake.sent.slice(1)).toEqual([{ type: 'pause' }, { type: 'resume' }, { type: 'readNow' }]);
    expect(fallback.calls).toEqual([]);
  });

  it('close() ends the Worker, and nothing it still says is reported', () => {
    const fake = fakeWorker();
    const events: MockStateEvent[] = [];
    const watch = watchOffThread(BASE, () => fake.worker, fakeFallback().source).watch(1_500, (event) => events.push(event));
    watch.close();
    expect(fake.terminated).toBe(true);
    fake.reply({ summary: summary(1), urgent: false });
    expect(events).toEqual([]);
  });

  it('watches on the page when no Worker can start', () => {
    const fallback = fakeFallback();
    const watch = watchOffThread(
      BASE,
      () => {
        throw new ReferenceError('Worker is not defined');
      },
      fallback.source,
    ).watch(1_000, () => undefined);
    watch.readNow();
    watch.close();
    expect(fallback.calls).toEqual(['watch 1000', 'readNow', 'close']);
  });

  it('a Worker that fails is dropped and the watch goes on on the page, paused if it was', () => {
    const fake = fakeWorker();
    const fallback = fakeFallback();
    const start = vi.fn(() => fake.worker);
    const watch = watchOffThread(BASE, start, fallback.source).watch(1_500, () => undefined);
    watch.pause();
    fake.crash();
    expect(fake.terminated).toBe(true);
    expect(fallback.calls).toEqual(['watch 1500', 'pause']);
    watch.resume();
    expect(fallback.calls.at(-1)).toBe('resume');
    expect(fake.sent.at(-1)).toEqual({ type: 'pause' });
    expect(start).toHaveBeenCalledTimes(1);
  });
});
