import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { keepTimersIfWorkerFails } from './worker-timers';

// CometD's timer Worker as CometD drives it: setTimeout/clearTimeout commands posted, the Worker
// posting back { id } when one is due (CometD's onmessage runs that timer's function).

class FakeWorker {
  onmessage: ((event: { data: { id: number } }) => void) | null = null;
  readonly posted: { id: number; type: string; delay?: number }[] = [];
  terminated = false;
  private readonly listeners: Record<string, ((event: unknown) => void)[]> = {};
  postMessage(command: { id: number; type: string; delay?: number }) {
    this.posted.push(command);
  }
  addEventListener(type: string, listener: (event: unknown) => void) {
    (this.listeners[type] ??= []).push(listener);
  }
  terminate() {
    this.terminated = true;
  }
  /** The Worker answering (a timer it ran), as the browser delivers it to both handlers. */
  answer(id: number) {
    const event = { data: { id } };
    for (const listener of this.listeners.message ?? []) listener(event);
    this.onmessage?.(event);
  }
  fail() {
    for (const listener of this.listeners.error ?? []) listener({});
  }
}

function setup() {
  const worker = new FakeWorker();
  const stop = keepTimersIfWorkerFails(worker as unknown as Worker);
  const fired: number[] = [];
  worker.onmessage = (event) => fired.push(event.data.id);
  return { worker, stop, fired };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('keepTimersIfWorkerFails', () => {
  it('a Worker that fails to load: the timers posted before run on the page, at their time, and later ones too; a timer cleared before is not run', async () => {
    const { worker, fired } = setup();
    worker.postMessage({ id: 1, type: 'setTimeout', delay: 100 });
    worker.postMessage({ id: 2, type: 'setTimeout', delay: 50 });
    worker.postMessage({ id: 2, type: 'clearTimeout' });
    await vi.advanceTimersByTimeAsync(30);
    worker.fail();
    expect(worker.terminated).toBe(true);
    await vi.advanceTimersByTimeAsync(69);
    expect(fired).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(fired).toEqual([1]);
    worker.postMessage({ id: 3, type: 'setTimeout', delay: 10 });
    worker.postMessage({ id: 4, type: 'setTimeout', delay: 20 });
    worker.postMessage({ id: 4, type: 'clearTimeout' });
    await vi.advanceTimersByTimeAsync(50);
    expect(fired).toEqual([1, 3]);
  });

  it('a Worker that has answered once is trusted: a later error moves nothing to the page', async () => {
    const { worker, fired } = setup();
    worker.postMessage({ id: 1, type: 'setTimeout', delay: 10 });
    worker.answer(1);
    worker.postMessage({ id: 2, type: 'setTimeout', delay: 10 });
    worker.fail();
    await vi.advanceTimersByTimeAsync(100);
    expect(fired).toEqual([1]);
    expect(worker.terminated).toBe(false);
    expect(worker.posted.map((c) => c.id)).toEqual([1, 2]);
  });

  it('stopped (the client released): the page’s timers are cleared and later commands dropped', async () => {
    const { worker, stop, fired } = setup();
    worker.postMessage({ id: 1, type: 'setTimeout', delay: 100 });
    worker.fail();
    stop();
    worker.postMessage({ id: 2, type: 'setTimeout', delay: 10 });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(fired).toEqual([]);
  });
});
