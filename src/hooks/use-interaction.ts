import { useCallback, useSyncExternalStore } from 'react';
import type { ConnectionStatus } from '../channel/types';
import type { OpenmediaClient } from '../client/openmedia-client';
import { selectDiagnostics, selectDisplayOrder, selectEntry } from '../core/selectors';
import type { Diagnostics, InteractionEntry, OpenmediaState } from '../core/types';
import { useProvidedClient, useStartedClient } from './openmedia-context';

/**
 * A slice of the client's state. React compares what `select` returns with `Object.is`, and the
 * store keeps unchanged parts identical, so the component re-renders only when its slice changed.
 */
export function useClientSelector<T>(client: OpenmediaClient, select: (state: OpenmediaState) => T): T {
  const getSlice = useCallback(() => select(client.getSnapshot().state), [client, select]);
  return useSyncExternalStore(client.subscribe, getSlice, getSlice);
}

/** The provider's client, kept connected while the calling component is mounted. */
function useConnectedClient(hookName: string): OpenmediaClient {
  const client = useProvidedClient(hookName);
  useStartedClient(client);
  return client;
}

/**
 * One interaction's entry. Re-renders only when that entry changes (not when others do).
 * Keeps the connection open while mounted. Must be used inside `<OpenmediaProvider>`.
 */
export function useInteraction(id: string): InteractionEntry | undefined {
  const client = useConnectedClient('useInteraction');
  const select = useCallback((state: OpenmediaState) => selectEntry(state, id), [id]);
  return useClientSelector(client, select);
}

/**
 * One interaction's entry, for a component whose ancestor already keeps the client connected (the
 * widget's cards): a subscription to its own entry only, no effect per card.
 */
export function useEntryOf(client: OpenmediaClient, id: string): InteractionEntry | undefined {
  const getSlice = useCallback(() => selectEntry(client.getSnapshot().state, id), [client, id]);
  // Told only when this entry changed: a publish costs O(changed cards), not a call per card.
  const subscribe = useCallback((listener: () => void) => client.subscribeEntry(id, listener), [client, id]);
  return useSyncExternalStore(subscribe, getSlice, getSlice);
}

/** Ids in display order; a new array only when an interaction joins, leaves or changes group. */
export function useInteractionIds(): readonly string[] {
  return useClientSelector(useConnectedClient('useInteractionIds'), selectDisplayOrder);
}

/** The push channel's status. */
export function useConnectionStatus(): ConnectionStatus {
  const client = useConnectedClient('useConnectionStatus');
  const getStatus = useCallback(() => client.getSnapshot().status, [client]);
  return useSyncExternalStore(client.subscribe, getStatus, getStatus);
}

/** Counters and the recent-event log, for a diagnostics panel. */
export function useDiagnostics(): Diagnostics {
  return useClientSelector(useConnectedClient('useDiagnostics'), selectDiagnostics);
}

const selectFocusedId = (state: OpenmediaState) => state.focusedId;

/** The interaction the agent last put in focus, if it is still shown. */
export function useFocusedId(): string | undefined {
  return useClientSelector(useConnectedClient('useFocusedId'), selectFocusedId);
}
