import { useCallback, useMemo } from 'react';
import { useMutation } from '@tanstack/react-query';
import type { MutationOptions } from '@tanstack/react-query';
import type { PerformOptions } from '../client/action-runner';
import type { OpenmediaClient } from '../client/openmedia-client';
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

/**
 * A failed action, as the mutation's error: a failed Transfer is a failed mutation in devtools.
 * Its `message` is the English one; `errorMessageOf(messages, error.error)` gives what the card shows.
 */
export class OpenmediaActionError extends Error {
  readonly error: ActionError;
  constructor(error: ActionError) {
    super(error.message);
    this.name = 'OpenmediaActionError';
    this.error = error;
  }
}

interface ActionVariables {
  readonly request: OperationRequest;
  readonly options: PerformOptions | undefined;
}

/**
 * How long an action stays in the mutation cache (what devtools and `useMutationState` see) once
 * nothing observes it, as TanStack counts it: from when it was built, counted again while it is
 * still pending, so a settled action goes within this long after it settles. TanStack's default,
 * 5 minutes, holds about 1.5 KB and a timer per action: hundreds over a busy hour, for a record
 * nobody reads.
 */
export const SETTLED_ACTION_KEPT_MS = 60_000;

/**
 * A minute, unless the host's QueryClient says otherwise (its `defaultOptions.mutations.gcTime`,
 * or `setMutationDefaults` for a key this one falls under): the host's word wins.
 */
function settledActionKept(client: OpenmediaClient, mutationKey: readonly unknown[]): number {
  return client.queryClient.getMutationDefaults(mutationKey).gcTime ?? client.queryClient.getDefaultOptions().mutations?.gcTime ?? SETTLED_ACTION_KEPT_MS;
}

/** The mutation an action runs as: keyed by interaction, pending until the action settles. */
function actionMutationOptions(client: OpenmediaClient, interactionId: string): MutationOptions<ActionOutcome, Error, ActionVariables> {
  const mutationKey = ['openmedia', 'operation', client.gwsBase, interactionId];
  return {
    mutationKey,
    mutationFn: async ({ request, options }) => {
      const outcome = await client.perform(interactionId, request, options);
      if (outcome.status === 'failed') throw new OpenmediaActionError(outcome.error);
      return outcome;
    },
    // Not idempotent: a retried Transfer could land twice. `networkMode: 'always'` because the
    // request itself reports being offline, as an error the card shows.
    retry: false,
    networkMode: 'always',
    gcTime: settledActionKept(client, mutationKey),
  };
}

/** A failed mutation is a `failed` outcome again: `perform` never rejects for a failed action. */
function asOutcome(reason: unknown): ActionOutcome {
  if (reason instanceof OpenmediaActionError) return { status: 'failed', error: reason.error };
  throw reason;
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
  const { mutateAsync } = useMutation(actionMutationOptions(client, interactionId), client.queryClient);
  const perform = useCallback(
    (request: OperationRequest, options?: PerformOptions): Promise<ActionOutcome> => mutateAsync({ request, options }).catch(asOutcome),
    [mutateAsync],
  );
  const dismissError = useCallback(() => client.dismissError(interactionId), [client, interactionId]);
  const pending = entry?.pending;
  const error = entry?.error;
  return useMemo(() => ({ perform, dismissError, pending, error }), [perform, dismissError, pending, error]);
}

/**
 * `perform` and `dismissError` of {@link useInteractionAction} without its subscriptions, for a
 * component that reads the entry itself (the widget's cards): the same mutation runs in the
 * mutation cache for each `perform`, but no observer is kept per card while nothing is sent.
 */
export function useInteractionCommands(interactionId: string): Pick<InteractionAction, 'perform' | 'dismissError'> {
  return useCommandsOf(useProvidedClient('useInteractionCommands'), interactionId);
}

/** {@link useInteractionCommands} for a given client: one hook, both functions stable per (client, id). */
export function useCommandsOf(client: OpenmediaClient, interactionId: string): Pick<InteractionAction, 'perform' | 'dismissError'> {
  return useMemo(
    () => ({
      perform: (request: OperationRequest, options?: PerformOptions): Promise<ActionOutcome> =>
        client.queryClient
          .getMutationCache()
          .build(client.queryClient, actionMutationOptions(client, interactionId))
          .execute({ request, options })
          .catch(asOutcome),
      dismissError: () => client.dismissError(interactionId),
    }),
    [client, interactionId],
  );
}
