import { useCallback, useMemo, useSyncExternalStore } from 'react';
import type { ConnectionStatus } from '../channel/types';
import { selectDisplayOrder, selectPendingActions } from '../core/selectors';
import type { Diagnostics, InteractionEntry, PendingAction } from '../core/types';
import { useProvidedClient, useStartedClient } from './openmedia-context';

/** What {@link useOpenmedia} returns. */
export interface UseOpenmediaResult {
  readonly status: ConnectionStatus;
  /** Ids in display order: offers, then active, then ended (newest first in each group). */
  readonly interactionIds: readonly string[];
  /** The entries, in the same order. */
  readonly interactions: readonly InteractionEntry[];
  /** The entry with this id, from the same state as the rest of this result. */
  get(id: string): InteractionEntry | undefined;
  /** Every action in flight, oldest first. */
  readonly pending: readonly PendingAction[];
  /** The interaction last put in focus (after a successful SetInFocus). */
  readonly focusedId: string | undefined;
  readonly diagnostics: Diagnostics;
  /** Why the last snapshot read failed, or undefined. */
  readonly snapshotError: string | undefined;
  /** The interactions have been read once: before, an empty list means "not read yet", not "none". */
  readonly listed: boolean;
  /**
   * Try again, on the agent's request: reconnect after `unauthorized` (once they have signed in
   * again), or re-read the snapshots after a failed read. Never called automatically.
   */
  readonly retry: () => void;
}

/** The former name of {@link UseOpenmediaResult}. */
export type OpenmediaChannelState = UseOpenmediaResult;

/**
 * The whole widget state, for a list or a dashboard. Keeps the connection open while mounted.
 * Renders at most once per animation frame, however many notifications arrive.
 * Must be used inside `<OpenmediaProvider>`.
 */
export function useOpenmedia(): UseOpenmediaResult {
  return useWholeState('useOpenmedia');
}

/** The former name of {@link useOpenmedia}, kept for existing hosts. */
export function useOpenmediaChannel(): UseOpenmediaResult {
  return useWholeState('useOpenmediaChannel');
}

function useWholeState(hookName: string): UseOpenmediaResult {
  const client = useProvidedClient(hookName);
  useStartedClient(client);
  const { state, status, snapshotError, listed } = useSyncExternalStore(client.subscribe, client.getSnapshot, client.getSnapshot);

  const interactionIds = selectDisplayOrder(state);
  const pending = selectPendingActions(state);
  const { byId, focusedId, diagnostics } = state;
  const interactions = useMemo(
    () => interactionIds.map((id) => byId.get(id)).filter((entry): entry is InteractionEntry => entry !== undefined),
    [interactionIds, byId],
  );
  const get = useCallback((id: string) => byId.get(id), [byId]);
  const retry = useCallback(() => client.retry(), [client]);

  return useMemo(
    () => ({ status, interactionIds, interactions, get, pending, focusedId, diagnostics, snapshotError, listed, retry }),
    [status, interactionIds, interactions, get, pending, focusedId, diagnostics, snapshotError, listed, retry],
  );
}
