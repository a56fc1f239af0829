import type { ActionOutcome } from '../core/types';
import type { OperationRequest } from '../protocol/types';

/**
 * What `<OpenmediaWidget onAction>` hears: `before` when the agent asks for an operation (return
 * `false` to veto it), then `after` once it succeeded, failed or was vetoed.
 */
export type ActionEvent =
  | { readonly phase: 'before'; readonly interactionId: string; readonly request: OperationRequest }
  | {
      readonly phase: 'after';
      readonly interactionId: string;
      readonly request: OperationRequest;
      /** `succeeded`, `failed` or `vetoed` (the host's `before` call returned false): never `ignored`. */
      readonly outcome: Exclude<ActionOutcome, { readonly status: 'ignored' }>;
    };

/** `false` from a `before` call vetoes the action; anything else lets it go. */
export type ActionListener = (event: ActionEvent) => boolean | void;
