import { useCallback, useSyncExternalStore } from 'react';
import type { ConnectionStatus } from '../channel/types';
import { selectDiagnostics, selectDisplayOrder, selectEntry } from '../core/selectors';
import type { Diagnostics, InteractionEntry, OpenmediaState } from '../core/types';
import type { OpenmediaRuntime } from './openmedia-context';
import { useOpenmediaRuntime, useRetainedConnection } from './openmedia-context';

/**
 * A slice of the store. React compares what `select` returns with `Object.is`, and the store
 * keeps unchanged parts identical, so the component re-renders only when its slice changed.
 */
function useStoreSelector<T>(runtime: OpenmediaRuntime, select: (state: OpenmediaState) => T): T {
  const { store } = runtime;
  const getSlice = useCallback(() => select(store.getSnapshot()), [store, select]);
  return useSyncExternalStore(store.subscribe, getSlice, getSlice);
}

/**
 * One interaction's entry. Re-renders only when that entry changes (not when others do).
 * Keeps the connection open while mounted. Must be used inside `<OpenmediaProvider>`.
 */
export function useInteraction(id: string): InteractionEntry | undefined {
  const runtime = useOpenmediaRuntime('useInteraction');
  useRetainedConnection(runtime);
  const select = useCallback((state: OpenmediaState) => selectEntry(state, id), [id]);
  return useStoreSelector(runtime, select);
}

/** Ids in display order; a new array only when an interaction joins, leaves or changes group. */
export function useInteractionIds(): readonly string[] {
  const runtime = useOpenmediaRuntime('useInteractionIds');
  useRetainedConnection(runtime);
  return useStoreSelector(runtime, selectDisplayOrder);
}

/** The push channel's status. */
export function useConnectionStatus(): ConnectionStatus {
  const runtime = useOpenmediaRuntime('useConnectionStatus');
  useRetainedConnection(runtime);
  const { connection } = runtime;
  const getStatus = useCallback(() => connection.getState().status, [connection]);
  return useSyncExternalStore(connection.subscribe, getStatus, getStatus);
}

/** Counters and the recent-event log, for a diagnostics panel. */
export function useDiagnostics(): Diagnostics {
  const runtime = useOpenmediaRuntime('useDiagnostics');
  useRetainedConnection(runtime);
  return useStoreSelector(runtime, selectDiagnostics);
}

const selectFocusedId = (state: OpenmediaState) => state.focusedId;

/** The interaction the agent last put in focus, if it is still shown. */
export function useFocusedId(): string | undefined {
  const runtime = useOpenmediaRuntime('useFocusedId');
  useRetainedConnection(runtime);
  return useStoreSelector(runtime, selectFocusedId);
}
