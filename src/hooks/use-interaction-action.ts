import { useCallback, useMemo } from 'react';
import { useMutation } from '@tanstack/react-query';
import type { PerformOptions } from '../client/action-runner';
import type { ActionError, ActionOutcome, PendingAction } from '../core/types';
import type { OperationRequest } from '../protocol/types';
import { useProvidedClient } from './openmedia-context';
import { useInteraction } from './use-interaction';

/** What {@link useInteractionAction} returns. */
export interface InteractionAction {
  /**
   * Request an operation. The answer and the outcome land in the store: watch `pending` and
   * `error`. Ignored while another action on this interaction is pending; refused (as an
   * `error` of kind `not-available`) when the interaction's capabilities do not allow it now.
   * The promise resolves once the action has settled (never rejects): `succeeded` when the
   * notification carrying its referenceId arrived, `failed` with the error shown on the card,
   * `ignored` when nothing was sent. `options.onLateOutcome` hears an outcome that arrives after
   * the promise resolved as timed out (or unknown).
   */
  perform(request: OperationRequest, options?: PerformOptions): Promise<ActionOutcome>;
  /** Clear the error shown for this interaction. */
  dismissError(): void;
  readonly pending: PendingAction | undefined;
  readonly error: ActionError | undefined;
}

/** A failed action, as the mutation's error: a failed Transfer is a failed mutation in devtools. */
export class OpenmediaActionError extends Error {
  readonly error: ActionError;
  constructor(error: ActionError) {
    super(error.message);
    this.name = 'OpenmediaActionError';
    this.error = error;
  }
}

/**
 * Act on one interaction. Each `perform` runs as a TanStack Query mutation, so the host's devtools
 * show it: pending until the outcome notification (not merely the REST answer), then success or
 * an error with the message the card shows. The client owns the timers, so an action started by
 * a card that unmounts still settles. Must be used inside `<OpenmediaProvider>`.
 */
export function useInteractionAction(interactionId: string): InteractionAction {
  const client = useProvidedClient('useInteractionAction');
  const entry = useInteraction(interactionId);
  const { mutateAsync } = useMutation(
    {
      mutationKey: ['openmedia', 'operation', client.gwsBase, interactionId],
      mutationFn: async ({ request, options }: { request: OperationRequest; options: PerformOptions | undefined }) => {
        const outcome = await client.perform(interactionId, request, options);
        if (outcome.status === 'failed') throw new OpenmediaActionError(outcome.error);
        return outcome;
      },
      // Not idempotent: a retried Transfer could land twice. `networkMode: 'always'` because the
      // request itself reports being offline, as an error the card shows.
      retry: false,
      networkMode: 'always',
    },
    client.queryClient,
  );
  const perform = useCallback(
    (request: OperationRequest, options?: PerformOptions): Promise<ActionOutcome> =>
      mutateAsync({ request, options }).catch((reason: unknown) => {
        if (reason instanceof OpenmediaActionError) return { status: 'failed', error: reason.error };
        throw reason;
      }),
    [mutateAsync],
  );
  const dismissError = useCallback(() => client.dismissError(interactionId), [client, interactionId]);
  const pending = entry?.pending;
  const error = entry?.error;
  return useMemo(() => ({ perform, dismissError, pending, error }), [perform, dismissError, pending, error]);
}
