import { useEffect, useState } from 'react';

/**
 * When the browser's `offline` event came (`Date.now()`), until its `online` event (then undefined): the computer has lost its
 * network, so nothing new can arrive, even while the long poll already out has not failed yet
 * (it can take its whole 30 s to). Only the events count, not `navigator.onLine` at mount:
 * some machines report false from the start with a working network, and the connection's own
 * status covers a start without one.
 */
export function useNetworkLost(): number | undefined {
  const [lostAt, setLostAt] = useState<number | undefined>(undefined);
  useEffect(() => {
    const target = typeof window === 'undefined' ? undefined : window;
    if (target === undefined) return undefined;
    // A second offline event keeps the first one's time: the network has been gone since then.
    const offline = () => setLostAt((at) => at ?? Date.now());
    const online = () => setLostAt(undefined);
    target.addEventListener('offline', offline);
    target.addEventListener('online', online);
    return () => {
      target.removeEventListener('offline', offline);
      target.removeEventListener('online', online);
    };
  }, []);
  return lostAt;
}
