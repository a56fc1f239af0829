import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { keepUnchanged, onlyTrafficMoved } from './mock-api';
import type { MockSummary } from './mock-api';
import type { MockStateSource, MockStateWatch } from './mock-state-watch';

export type MockAvailability = 'checking' | 'available' | 'absent';

export interface MockStateResult {
  readonly availability: MockAvailability;
  readonly summary: MockSummary | undefined;
  /** The last read failed although the mock answered before (e.g. the dev server restarted). */
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
 * Watches `GET /mock/state` (`source`: in the panel's Worker, or on the page) while the page is
 * seen: a hidden tab reads nothing, and reads at once when seen again. The first answer decides
 * whether a mock is there at all; later failures only mark it unreachable, so the panel does not
 * vanish during a fault it caused. A read that changes nothing shown is not heard of; one that
 * only moved the traffic counters may wait for the page's next news (`subscribeToNews`). The
 * first read, the read after `refresh` (a control was used) and the read when the page is seen
 * again are shown at once, and so is the first after the mock was unreachable.
 */
export function useMockState(source: MockStateSource, enabled: boolean, options: MockStateOptions = {}): MockStateResult {
  const { intervalMs = 1500, subscribeToNews, holdMs = 1500 } = options;
  const [cell] = useState(() => createShownCell({ availability: enabled ? 'checking' : 'absent', summary: undefined, unreachable: false }));
  const shown = useSyncExternalStore(cell.subscribe, cell.get, cell.get);
  const watch = useRef<MockStateWatch | undefined>(undefined);

  useEffect(() => {
    if (!enabled) return undefined;
    /** A routine change waiting for news, and the timer that shows it anyway after `holdMs`. */
    let held: MockSummary | undefined;
    let holdTimer: ReturnType<typeof setTimeout> | undefined;
    const drop = () => {
      held = undefined;
      clearTimeout(holdTimer);
      holdTimer = undefined;
    };
    const showHeld = () => {
      const summary = held;
      drop();
      if (summary !== undefined) cell.set({ summary });
    };
    const hidden = () => document.visibilityState === 'hidden';
    const current = source.watch(intervalMs, (event) => {
      const { availability, summary: previous, unreachable } = cell.get();
      if ('error' in event) {
        if (availability === 'available') cell.set({ unreachable: true });
        else {
          // No mock answered the first read: there is none, and nothing more to watch.
          cell.set({ availability: 'absent' });
          current.close();
        }
        return;
      }
      const { urgent } = event;
      // The watch compares with what it read last; a change held here may have been taken back.
      const summary = keepUnchanged(previous, event.summary);
      if (summary === previous) {
        drop();
        if (availability !== 'available' || unreachable) cell.set({ availability: 'available', unreachable: false });
      } else if (urgent || unreachable || subscribeToNews === undefined || previous === undefined || !onlyTrafficMoved(previous, summary)) {
        drop();
        cell.set({ availability: 'available', unreachable: false, summary });
      } else {
        held = summary;
        holdTimer ??= setTimeout(showHeld, holdMs);
      }
    });
    if (hidden()) current.pause();
    const onVisibilityChange = () => (hidden() ? current.pause() : current.resume());
    const stopNews = subscribeToNews?.(showHeld);
    document.addEventListener('visibilitychange', onVisibilityChange);
    watch.current = current;
    return () => {
      current.close();
      if (watch.current === current) watch.current = undefined;
      drop();
      stopNews?.();
      document.removeEventListener('visibilitychange', onVisibilityChange);
    };
  }, [source, enabled, intervalMs, subscribeToNews, holdMs, cell]);

  const refresh = useCallback(() => watch.current?.readNow(), []);
  return { availability: enabled ? shown.availability : 'absent', summary: shown.summary, unreachable: shown.unreachable, refresh };
}
