import type { ActionError } from '../core/types';
import type { OperationRequest } from '../protocol/types';

/** How an action ended, as reported to `onAction` in the `after` phase. */
export type ActionOutcome =
  | { readonly status: 'succeeded' }
  | { readonly status: 'failed'; readonly error: ActionError }
  /** The host's `before` callback returned false: nothing was sent. */
  | { readonly status: 'vetoed' };

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
      readonly outcome: ActionOutcome;
    };

/** `false` from a `before` call vetoes the action; anything else lets it go. */
export type ActionListener = (event: ActionEvent) => boolean | void;
