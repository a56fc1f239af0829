import { useCallback, useEffect, useRef, useState } from 'react';
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
 * Polls `GET /mock/state`. The first answer decides whether a mock is there at all; later
 * failures only mark it unreachable, so the panel does not vanish during a fault it caused.
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
    const poll = async () => {
      try {
        const next = await api.state(abort.signal);
        if (abort.signal.aborted) return;
        everAnswered.current = true;
        setSummary(next);
        setAvailability('available');
        setUnreachable(false);
      } catch {
        if (abort.signal.aborted) return;
        if (everAnswered.current) setUnreachable(true);
        else setAvailability('absent');
      }
      if (!abort.signal.aborted && everAnswered.current) timer = setTimeout(() => void poll(), intervalMs);
    };
    void poll();
    return () => {
      abort.abort();
      clearTimeout(timer);
    };
  }, [api, enabled, intervalMs, tick]);

  const refresh = useCallback(() => setTick((t) => t + 1), []);
  return { availability: enabled ? availability : 'absent', summary, unreachable, refresh };
}
