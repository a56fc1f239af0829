import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readMockState } from './mock-api';
import type { MockApi, MockSummary } from './mock-api';
import { useMockState } from './use-mock-state';

let visibility: 'visible' | 'hidden' = 'visible';

function setVisibility(next: 'visible' | 'hidden'): void {
  visibility = next;
  document.dispatchEvent(new Event('visibilitychange'));
}

/** A mock whose published counter the test sets; counts the polls. */
function fakeApi() {
  const mock = { published: 0, polls: 0 };
  const api: MockApi = {
    state: () => {
      mock.polls += 1;
      return Promise.resolve(readMockState({ interactions: [{ id: 'A', state: 'Invited' }], published: mock.published }, Date.now()) as MockSummary);
    },
    post: () => Promise.resolve(undefined),
  };
  return { api, mock };
}

async function advance(ms: number): Promise<void> {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });
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
    const { api, mock } = fakeApi();
    const { result } = renderHook(() => useMockState(api, true, 1_000));
    await advance(0);
    const first = result.current.summary;
    expect(first?.published).toBe(0);
    await advance(3_000);
    expect(mock.polls).toBe(4);
    expect(result.current.summary).toBe(first);
    mock.published = 7;
    await advance(1_000);
    expect(result.current.summary?.published).toBe(7);
  });

  it('stops polling in a hidden tab and reads at once when the page is seen again', async () => {
    const { api, mock } = fakeApi();
    const { result } = renderHook(() => useMockState(api, true, 1_000));
    await advance(0);
    expect(mock.polls).toBe(1);
    act(() => setVisibility('hidden'));
    await advance(1_000);
    // The poll already scheduled runs once, then no more while hidden.
    expect(mock.polls).toBe(2);
    await advance(10_000);
    expect(mock.polls).toBe(2);
    mock.published = 5;
    act(() => setVisibility('visible'));
    await advance(0);
    expect(mock.polls).toBe(3);
    expect(result.current.summary?.published).toBe(5);
    await advance(1_000);
    expect(mock.polls).toBe(4);
  });
});
