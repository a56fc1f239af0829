import { useContext, useSyncExternalStore } from 'react';
import type { OpenmediaClient } from '../client/openmedia-client';
import type { TabInfo } from '../client/relay-channel';
import { OpenmediaContext, useProvidedClient } from './openmedia-context';

const noSubscription = () => () => undefined;
const noTab = () => undefined;

function useTabOf(client: OpenmediaClient | null): TabInfo | undefined {
  return useSyncExternalStore(
    client?.subscribe ?? noSubscription,
    client ? () => client.getSnapshot().tab : noTab,
    client ? () => client.getSnapshot().tab : noTab,
  );
}

/**
 * This tab's role in the connection shared by the browser's tabs (`leader`, `follower`, or `solo`
 * when not shared) and how many tabs share it. Must be used inside `<OpenmediaProvider>`.
 */
export function useTabInfo(): TabInfo {
  const tab = useTabOf(useProvidedClient('useTabInfo'));
  if (tab === undefined) throw new Error('useTabInfo: no client (this is a bug).');
  return tab;
}

/** {@link useTabInfo}, or undefined outside a provider (for components that also render without one). */
export function useOptionalTabInfo(): TabInfo | undefined {
  return useTabOf(useContext(OpenmediaContext));
}
