import { useSyncExternalStore } from 'react';

/** Local midnight at the start of the day `ms` falls on. */
export function startOfDay(ms: number): number {
  const day = new Date(ms);
  day.setHours(0, 0, 0, 0);
  return day.getTime();
}

/** Local midnight at the start of the day after the one `ms` falls on (a DST day is 23 or 25 hours). */
function startOfNextDay(ms: number): number {
  const day = new Date(ms);
  return new Date(day.getFullYear(), day.getMonth(), day.getDate() + 1).getTime();
}

const today = () => startOfDay(Date.now());

/** Renders again at each local midnight (a late timer, after sleep, still lands on the right day). */
function subscribeDays(onChange: () => void): () => void {
  let timer: ReturnType<typeof setTimeout>;
  const arm = () => {
    timer = setTimeout(() => {
      onChange();
      arm();
    }, Math.max(0, startOfNextDay(Date.now()) - Date.now()) + 50);
  };
  arm();
  return () => clearTimeout(timer);
}

const never = () => () => {};
const none = () => undefined;

/**
 * Local midnight of today while `active`, rendered again when the day turns; `undefined`, and no
 * timer, while not. For text that names a time and must name the day too once it is not today.
 */
export function useToday(active: boolean): number | undefined {
  return useSyncExternalStore(active ? subscribeDays : never, active ? today : none, active ? today : none);
}
