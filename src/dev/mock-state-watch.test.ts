import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MockRequestError, readMockState } from './mock-api';
import type { MockSummary } from './mock-api';
import { watchMockState } from './mock-state-watch';
import type { MockStateEvent } from './mock-state-watch';

/** A mock whose published counter the test sets (or makes fail); counts the reads. */
function fakeRead() {
  const mock = { published: 0, reads: 0, failWith: undefined as Error | undefined };
  const read = () => {
    mock.reads += 1;
    if (mock.failWith) return Promise.reject(mock.failWith);
    return Promise.resolve(readMockState({ interactions: [], published: mock.published }, Date.now()) as MockSummary);
  };
  return { read, mock };
}

const published = (events: MockStateEvent[]) => events.map((e) => ('summary' in e ? `${e.summary.published}${e.urgent ? '!' : ''}` : `error ${e.status}`));

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('watchMockState', () => {
  it('reads at once and every interval after an answer, reporting only reads that change something shown', async () => {
    const { read, mock } = fakeRead();
    const events: MockStateEvent[] = [];
    const watch = watchMockState(read, 1_000, (e) => events.push(e));
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(mock.reads).toBe(3);
    mock.published = 4;
    await vi.advanceTimersByTimeAsync(1_000);
    expect(published(events)).toEqual(['0!', '4']);
    watch.close();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(mock.reads).toBe(4);
  });

  it('readNow reads at once and its answer is urgent; asked during a read, it reads again right after', async () => {
    const { read, mock } = fakeRead();
    const events: MockStateEvent[] = [];
    const watch = watchMockState(read, 1_000, (e) => events.push(e));
    watch.readNow();
    await vi.advanceTimersByTimeAsync(0);
    expect(mock.reads).toBe(2);
    mock.published = 2;
    watch.readNow();
    await vi.advanceTimersByTimeAsync(0);
    expect(mock.reads).toBe(3);
    expect(published(events)).toEqual(['0!', '2!']);
  });

  it('pause stops the reads; resume reads at once and goes on', async () => {
    const { read, mock } = fakeRead();
    const events: MockStateEvent[] = [];
    const watch = watchMockState(read, 1_000, (e) => events.push(e));
    await vi.advanceTimersByTimeAsync(0);
    watch.pause();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(mock.reads).toBe(1);
    mock.published = 7;
    watch.resume();
    await vi.advanceTimersByTimeAsync(0);
    expect(published(events)).toEqual(['0!', '7!']);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(mock.reads).toBe(3);
  });

  it('reports a failed read with its HTTP status, and the next answer even when it is the same as before', async () => {
    const { read, mock } = fakeRead();
    const events: MockStateEvent[] = [];
    watchMockState(read, 1_000, (e) => events.push(e));
    await vi.advanceTimersByTimeAsync(0);
    mock.failWith = new MockRequestError('HTTP 502', 502);
    await vi.advanceTimersByTimeAsync(1_000);
    mock.failWith = undefined;
    await vi.advanceTimersByTimeAsync(1_000);
    expect(published(events)).toEqual(['0!', 'error 502', '0']);
  });
});
