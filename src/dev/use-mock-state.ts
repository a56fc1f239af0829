import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { keepUnchanged, onlyTrafficMoved } from './mock-api';
import type { MockApi, MockSummary } from './mock-api';

export type MockAvailability = 'checking' | 'available' | 'absent';

export interface MockStateResult {
  readonly availability: MockAvailability;
  readonly summary: MockSummary | undefined;
  /** The last poll failed although the mock answered before (e.g. the dev server restarted). */
  readonly unreachable: boolean;
  readonly refresh: () => void;
}

export interface MockStateOptions {
  /** Between two reads of `GET /mock/state`. Default 1.5 s. */
  readonly intervalMs?: number;
  /**
   * Subscribes to the page's own news (a publish it draws in its coming frame). A routine read
   * that only moved what traffic moves (see {@link onlyTrafficMoved}) waits for the next news, up
   * to `holdMs`, and is shown in the frame that draws it: at an agent's pace (a notification a
   * second) the panel then costs no frame of its own. Without it every change is shown at once.
   */
  readonly subscribeToNews?: ((listener: () => void) => () => void) | undefined;
  /**
   * The longest a routine change waits for news. Default 1.5 s: news a second apart (an agent's
   * pace, the benchmark's light load) always comes within it, whatever the phase of the reads.
   */
  readonly holdMs?: number;
}

type Shown = Omit<MockStateResult, 'refresh'>;

/** What the panel shows, kept outside React so that a change made in a frame callback is drawn in that frame. */
function createShownCell(initial: Shown) {
  let value = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    set(patch: Partial<Shown>) {
      const next = { ...value, ...patch };
      if (next.availability === value.availability && next.summary === value.summary && next.unreachable === value.unreachable) return;
      value = next;
      for (const listener of listeners) listener();
    },
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}

/**
 * Polls `GET /mock/state` while the page is seen (a hidden tab polls once more when seen again).
 * The first answer decides whether a mock is there at all; later failures only mark it
 * unreachable, so the panel does not vanish during a fault it caused. An answer that changes
 * nothing shown keeps the summary as it was, so the panel does not render for it; one that only
 * moved the traffic counters may wait for the page's next news (`subscribeToNews`). The first
 * read, the read after `refresh` (a control was used) and the read when the page is seen again
 * are shown at once, and so is the first after the mock was unreachable.
 */
export function useMockState(api: MockApi, enabled: boolean, options: MockStateOptions = {}): MockStateResult {
  const { intervalMs = 1500, subscribeToNews, holdMs = 1500 } = options;
  const [cell] = useState(() => createShownCell({ availability: enabled ? 'checking' : 'absent', summary: undefined, unreachable: false }));
  const shown = useSyncExternalStore(cell.subscribe, cell.get, cell.get);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    if (!enabled) return undefined;
    const abort = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    /** A routine change waiting for news, and the timer that shows it anyway after `holdMs`. */
    let held: MockSummary | undefined;
    let holdTimer: ReturnType<typeof setTimeout> | undefined;
    /** Polling stopped in a hidden tab; the next poll runs when the page is seen again. */
    let paused = false;
    const hidden = () => document.visibilityState === 'hidden';
    const everAnswered = () => cell.get().availability === 'available';
    const showHeld = () => {
      clearTimeout(holdTimer);
      holdTimer = undefined;
      if (held === undefined) return;
      const summary = held;
      held = undefined;
      cell.set({ summary });
    };
    const poll = async (urgent: boolean) => {
      timer = undefined;
      try {
        const next = await api.state(abort.signal);
        if (abort.signal.aborted) return;
        const { summary: current, unreachable } = cell.get();
        const summary = keepUnchanged(current, next);
        if (summary === current) {
          held = undefined;
          clearTimeout(holdTimer);
          holdTimer = undefined;
          cell.set({ availability: 'available', unreachable: false });
        } else if (urgent || unreachable || subscribeToNews === undefined || current === undefined || !onlyTrafficMoved(current, summary)) {
          held = undefined;
          clearTimeout(holdTimer);
          holdTimer = undefined;
          cell.set({ availability: 'available', unreachable: false, summary });
        } else {
          held = summary;
          holdTimer ??= setTimeout(showHeld, holdMs);
          cell.set({ availability: 'available', unreachable: false });
        }
      } catch {
        if (abort.signal.aborted) return;
        if (everAnswered()) cell.set({ unreachable: true });
        else cell.set({ availability: 'absent' });
      }
      if (abort.signal.aborted || !everAnswered()) return;
      if (hidden()) paused = true;
      else timer = setTimeout(() => void poll(false), intervalMs);
    };
    const onVisibilityChange = () => {
      if (!paused || hidden()) return;
      paused = false;
      void poll(true);
    };
    const stopNews = subscribeToNews?.(showHeld);
    document.addEventListener('visibilitychange', onVisibilityChange);
    void poll(true);
    return () => {
      abort.abort();
      clearTimeout(timer);
      clearTimeout(holdTimer);
      stopNews?.();
      document.removeEventListener('visibilitychange', onVisibilityChange);
    };
  }, [api, enabled, intervalMs, subscribeToNews, holdMs, tick, cell]);

  const refresh = useCallback(() => setTick((t) => t + 1), []);
  return { availability: enabled ? shown.availability : 'absent', summary: shown.summary, unreachable: shown.unreachable, refresh };
}
