import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readMockState } from './mock-api';
import type { MockApi, MockSummary } from './mock-api';
import { watchOnPage } from './mock-state-watch';
import { useMockState } from './use-mock-state';
import { advanceTimers } from '../test-support/fake-timers';

let visibility: 'visible' | 'hidden' = 'visible';

function setVisibility(next: 'visible' | 'hidden'): void {
  visibility = next;
  document.dispatchEvent(new Event('visibilitychange'));
}

/** A mock whose published counter the test sets; counts the polls. */
function fakeApi() {
  const mock = { published: 0, duplicateNext: 0, polls: 0 };
  const api: MockApi = {
    state: () => {
      mock.polls += 1;
      return Promise.resolve(readMockState(
          { interactions: [{ id: 'A', state: 'Invited' }], published: mock.published, faults: { duplicateNext: mock.duplicateNext } },
          Date.now(),
        ) as MockSummary);
    },
    post: () => Promise.resolve(undefined),
  };
  return { api, mock, source: watchOnPage((signal) => api.state(signal)) };
}

beforeEach(() => {
  vi.useFakeTimers();
  visibility = 'visible';
  vi.spyOn(document, 'visibilityState', 'get').mockImplementation(() => visibility);
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('useMockState', () => {
  it('keeps the same summary while polls change nothing shown, and takes a new one when they do', async () => {
    const { source, mock } = fakeApi();
    const { result } = renderHook(() => useMockState(source, true, { intervalMs: 1_000 }));
    await advanceTimers(0);
    const first = result.current.summary;
    expect(first?.published).toBe(0);
    await advanceTimers(3_000);
    expect(mock.polls).toBe(4);
    expect(result.current.summary).toBe(first);
    mock.published = 7;
    await advanceTimers(1_000);
    expect(result.current.summary?.published).toBe(7);
  });

  it('reads nothing in a hidden tab and reads at once when the page is seen again', async () => {
    const { source, mock } = fakeApi();
    const { result } = renderHook(() => useMockState(source, true, { intervalMs: 1_000 }));
    await advanceTimers(0);
    expect(mock.polls).toBe(1);
    act(() => setVisibility('hidden'));
    await advanceTimers(10_000);
    expect(mock.polls).toBe(1);
    mock.published = 5;
    act(() => setVisibility('visible'));
    await advanceTimers(0);
    expect(mock.polls).toBe(2);
    expect(result.current.summary?.published).toBe(5);
    await advanceTimers(1_000);
    expect(mock.polls).toBe(3);
  });

  it('says there is no mock when the first read fails, and reads no more', async () => {
    const failing = watchOnPage(() => Promise.reject(new Error('404')));
    const { result } = renderHook(() => useMockState(failing, true, { intervalMs: 1_000 }));
    expect(result.current.availability).toBe('checking');
    await advanceTimers(0);
    expect(result.current.availability).toBe('absent');
  });

  it('marks the mock unreachable when a later read fails, and shows the first answer after at once', async () => {
    const { api, mock } = fakeApi();
    let down = false;
    const source = watchOnPage((signal) => (down ? Promise.reject(new Error('connection refused')) : api.state(signal)));
    const news = { subscribe: () => () => undefined };
    const { result } = renderHook(() => useMockState(source, true, { intervalMs: 1_000, subscribeToNews: news.subscribe }));
    await advanceTimers(0);
    down = true;
    await advanceTimers(1_000);
    expect(result.current.unreachable).toBe(true);
    expect(result.current.availability).toBe('available');
    down = false;
    mock.published = 8;
    await advanceTimers(1_000);
    expect(result.current.unreachable).toBe(false);
    expect(result.current.summary?.published).toBe(8);
  });

  describe('with news from the page to wait for', () => {
    /** A stand-in for the client's publish: the test says when news comes. */
    function fakeNews() {
      const listeners = new Set<() => void>();
      return {
        subscribe: (listener: () => void) => {
          listeners.add(listener);
          return () => void listeners.delete(listener);
        },
        publish: () => listeners.forEach((listener) => listener()),
        get count() {
          return listeners.size;
        },
      };
    }

    /** Reads every second, a held change shown after `holdMs` at the latest; the test publishes the news. */
    function renderWithNews(holdMs = 800) {
      const { source, mock } = fakeApi();
      const news = fakeNews();
      const view = renderHook(() => useMockState(source, true, { intervalMs: 1_000, subscribeToNews: news.subscribe, holdMs }));
      return { mock, news, ...view };
    }

    it('holds a change of the traffic counters until the next news, then shows it with that news', async () => {
      const { mock, news, result } = renderWithNews();
      await advanceTimers(0);
      expect(result.current.summary?.published).toBe(0);
      mock.published = 3;
      await advanceTimers(1_000);
      expect(mock.polls).toBe(2);
      expect(result.current.summary?.published).toBe(0);
      act(() => news.publish());
      expect(result.current.summary?.published).toBe(3);
    });

    it('shows a held change after holdMs when no news comes', async () => {
      const { mock, result } = renderWithNews();
      await advanceTimers(0);
      mock.published = 4;
      await advanceTimers(1_000);
      await advanceTimers(799);
      expect(result.current.summary?.published).toBe(0);
      await advanceTimers(1);
      expect(result.current.summary?.published).toBe(4);
    });

    it('shows at once a change that is not traffic (a fault armed)', async () => {
      const { mock, result } = renderWithNews();
      await advanceTimers(0);
      mock.duplicateNext = 2;
      mock.published = 9;
      await advanceTimers(1_000);
      expect(result.current.summary?.duplicateNext).toBe(2);
      expect(result.current.summary?.published).toBe(9);
    });

    it('shows the read after refresh (a control was used) at once', async () => {
      const { mock, result } = renderWithNews();
      await advanceTimers(0);
      mock.published = 6;
      act(() => result.current.refresh());
      await advanceTimers(0);
      expect(result.current.summary?.published).toBe(6);
    });

    it('drops a held change that the next read takes back, and stops listening when unmounted', async () => {
      const { mock, news, result, unmount } = renderWithNews(5_000);
      await advanceTimers(0);
      const first = result.current.summary;
      mock.published = 2;
      await advanceTimers(1_000);
      mock.published = 0;
      await advanceTimers(1_000);
      act(() => news.publish());
      expect(result.current.summary).toBe(first);
      expect(news.count).toBe(1);
      unmount();
      expect(news.count).toBe(0);
    });
  });
});
