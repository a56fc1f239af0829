import { useCallback, useEffect, useRef, useState } from 'react';
import { keepUnchanged } from './mock-api';
import type { MockApi, MockSummary } from './mock-api';

export type MockAvailability = 'checking' | 'available' | 'absent';

export interface MockStateResult {
  readonly availability: MockAvailability;
  readonly summary: MockSummary | undefined;
  /** The last poll failed although the mock answered before (e.g. the dev server restarted). */
  readonly unreachable: boolean;
  readonly refresh: () => void;
}

/**
 * Polls `GET /mock/state` while the page is seen (a hidden tab polls once more when seen again).
 * The first answer decides whether a mock is there at all; later failures only mark it
 * unreachable, so the panel does not vanish during a fault it caused. An answer that changes
 * nothing shown keeps the summary as it was, so the panel does not render for it.
 */
export function useMockState(api: MockApi, enabled: boolean, intervalMs = 1500): MockStateResult {
  const [availability, setAvailability] = useState<MockAvailability>(enabled ? 'checking' : 'absent');
  const [summary, setSummary] = useState<MockSummary | undefined>(undefined);
  const [unreachable, setUnreachable] = useState(false);
  const [tick, setTick] = useState(0);
  const everAnswered = useRef(false);

  useEffect(() => {
    if (!enabled) return undefined;
    const abort = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    /** Polling stopped in a hidden tab; the next poll runs when the page is seen again. */
    let paused = false;
    const hidden = () => document.visibilityState === 'hidden';
    const poll = async () => {
      timer = undefined;
      try {
        const next = await api.state(abort.signal);
        if (abort.signal.aborted) return;
        everAnswered.current = true;
        setSummary((previous) => keepUnchanged(previous, next));
        setAvailability('available');
        setUnreachable(false);
      } catch {
        if (abort.signal.aborted) return;
        if (everAnswered.current) setUnreachable(true);
        else setAvailability('absent');
      }
      if (abort.signal.aborted || !everAnswered.current) return;
      if (hidden()) paused = true;
      else timer = setTimeout(() => void poll(), intervalMs);
    };
    const onVisibilityChange = () => {
      if (!paused || hidden()) return;
      paused = false;
      void poll();
    };
    document.addEventListener('visibilitychange', onVisibilityChange);
    void poll();
    return () => {
      abort.abort();
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisibilityChange);
    };
  }, [api, enabled, intervalMs, tick]);

  const refresh = useCallback(() => setTick((t) => t + 1), []);
  return { availability: enabled ? availability : 'absent', summary, unreachable, refresh };
}
