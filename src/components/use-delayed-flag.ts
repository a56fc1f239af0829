import { useEffect, useState } from 'react';

/**
 * True once `active` has stayed true for `delayMs` without interruption; false again as soon as it
 * drops. Used so a connection blip shorter than the grace period never flashes a banner.
 */
export function useDelayedFlag(active: boolean, delayMs: number): boolean {
  const [elapsed, setElapsed] = useState(false);
  useEffect(() => {
    if (!active) return undefined;
    const timer = setTimeout(() => setElapsed(true), Math.max(0, delayMs));
    return () => {
      clearTimeout(timer);
      setElapsed(false);
    };
  }, [active, delayMs]);
  return active && elapsed;
}
