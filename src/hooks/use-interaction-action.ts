import { useCallback, useMemo } from 'react';
import { useMutation } from '@tanstack/react-query';
import type { ActionError, ActionSettlement, PendingAction } from '../core/types';
import type { OperationRequest } from '../protocol/types';
import { useOpenmediaRuntime, useRetainedConnection } from './openmedia-context';
import { useInteraction } from './use-interaction';

/** What {@link useInteractionAction} returns. */
export interface InteractionAction {
  /**
   * Request an operation. The answer and the outcome land in the store: watch `pending` and
   * `error`. Ignored while another action on this interaction is pending; refused (as an
   * `error` of kind `vetoed`) when the interaction's capabilities do not allow it now.
   * The promise resolves once the action has settled (never rejects): `succeeded` when the
   * notification carrying its referenceId arrived, `failed` with the error shown on the card,
   * `ignored` when nothing was sent.
   */
  perform(request: OperationRequest): Promise<ActionSettlement>;
  /** Clear the error shown for this interaction. */
  dismissError(): void;
  readonly pending: PendingAction | undefined;
  readonly error: ActionError | undefined;
}

/**
 * Act on one interaction. Each `perform` runs as a TanStack Query mutation (so it shows in the
 * host's devtools); its timers live in the provider, so an action started by a card that
 * unmounts still settles or times out. Must be used inside `<OpenmediaProvider>`.
 */
export function useInteractionAction(interactionId: string): InteractionAction {
  const runtime = useOpenmediaRuntime('useInteractionAction');
  useRetainedConnection(runtime);
  const { connection, store, client, queryClient } = runtime;
  const entry = useInteraction(interactionId);
  const { mutateAsync } = useMutation(
    {
      mutationKey: ['openmedia', 'operation', client.gwsBase, interactionId],
      mutationFn: (request: OperationRequest) => connection.perform(interactionId, request),
      // Not idempotent: a retried Transfer could land twice. `networkMode: 'always'` because the
      // request itself reports being offline, as an error the card shows.
      retry: false,
      networkMode: 'always',
    },
    queryClient,
  );
  const perform = useCallback((request: OperationRequest) => mutateAsync(request), [mutateAsync]);
  const dismissError = useCallback(() => store.dispatch({ type: 'errorDismissed', interactionId }), [store, interactionId]);
  const pending = entry?.pending;
  const error = entry?.error;
  return useMemo(() => ({ perform, dismissError, pending, error }), [perform, dismissError, pending, error]);
}
