import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OpenmediaClientSnapshot } from '../client/openmedia-client';
import { AFTER_FIRST_ANSWER_AT_LATEST_MS, useAfterFirstAnswer } from './use-after-first-answer';
import { advanceTimers } from '../test-support/fake-timers';

/** A client whose snapshot the test replaces, publishing each change to its listeners. */
function fakeClient() {
  const listeners = new Set<() => void>();
  let snapshot = { state: { byId: 'empty' }, status: 'connecting', snapshotError: undefined, tab: undefined } as unknown as OpenmediaClientSnapshot;
  return {
    client: {
      getSnapshot: () => snapshot,
      subscribe(listener: () => void) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    },
    listeners,
    publish(patch: Partial<Record<keyof OpenmediaClientSnapshot, unknown>>) {
      snapshot = { ...snapshot, ...patch } as OpenmediaClientSnapshot;
      for (const listener of [...listeners]) listener();
    },
  };
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('useAfterFirstAnswer', () => {
  it('is due a frame after the first change of state (the snapshot), not before', async () => {
    const fake = fakeClient();
    const { result } = renderHook(() => useAfterFirstAnswer(fake.client));
    await advanceTimers(100);
    expect(result.current).toBe(false);
    act(() => fake.publish({ state: { byId: 'ten cards' } }));
    expect(result.current).toBe(false);
    await advanceTimers(20);
    expect(result.current).toBe(true);
  });

  it('is not due for a status change alone, and is due at the latest after the fallback delay', async () => {
    const fake = fakeClient();
    const { result } = renderHook(() => useAfterFirstAnswer(fake.client));
    act(() => fake.publish({ status: 'reconnecting' }));
    await advanceTimers(AFTER_FIRST_ANSWER_AT_LATEST_MS - 50);
    expect(result.current).toBe(false);
    await advanceTimers(100);
    expect(result.current).toBe(true);
  });

  it('is due when the snapshot read failed or the session was refused', async () => {
    for (const patch of [{ snapshotError: 'promotion: 503 Service Unavailable' }, { status: 'unauthorized' }]) {
      const fake = fakeClient();
      const { result, unmount } = renderHook(() => useAfterFirstAnswer(fake.client));
      act(() => fake.publish(patch));
      await advanceTimers(20);
      expect(result.current).toBe(true);
      unmount();
    }
  });

  it('stops listening once due, and on unmount', async () => {
    const fake = fakeClient();
    const { result, unmount } = renderHook(() => useAfterFirstAnswer(fake.client));
    expect(fake.listeners.size).toBe(1);
    act(() => fake.publish({ state: { byId: 'one card' } }));
    await advanceTimers(20);
    expect(result.current).toBe(true);
    expect(fake.listeners.size).toBe(0);

    const other = fakeClient();
    const second = renderHook(() => useAfterFirstAnswer(other.client));
    second.unmount();
    expect(other.listeners.size).toBe(0);
    await advanceTimers(AFTER_FIRST_ANSWER_AT_LATEST_MS * 2);
    unmount();
  });
});
