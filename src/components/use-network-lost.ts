import { useEffect, useState } from 'react';

/**
 * True from the browser's `offline` event until its `online` event: the computer has lost its
 * network, so nothing new can arrive, even while the long poll already out has not failed yet
 * (it can take its whole 30 s to). Only the events count, not `navigator.onLine` at mount:
 * some machines report false from the start with a working network, and the connection's own
 * status covers a start without one.
 */
export function useNetworkLost(): boolean {
  const [lost, setLost] = useState(false);
  useEffect(() => {
    const target = typeof window === 'undefined' ? undefined : window;
    if (target === undefined) return undefined;
    const offline = () => setLost(true);
    const online = () => setLost(false);
    target.addEventListener('offline', offline);
    target.addEventListener('online', online);
    return () => {
      target.removeEventListener('offline', offline);
      target.removeEventListener('online', online);
    };
  }, []);
  return lost;
}
