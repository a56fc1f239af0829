import { createContext, memo, useContext, type RefObject } from 'react';
import { KNOWN_OPERATIONS, type Operation } from '../protocol/types';
import { actionButton, type ActionButtonProps } from './action-button';
import { LazyTransferDialog, LazyUserDataAddForm } from './lazy-parts';
import { useMessages } from './messages-context';

/**
 * True while the widget's connection refuses actions unsent (reconnecting, signed out): the bars'
 * buttons say so instead of offering what a press cannot do.
 */
export const ActionsRefusedContext = createContext(false);

/** Operations with one button in the bar; Update/Delete get one button per user-data key instead. */
export type BarOperation = Exclude<Operation, 'UpdateUserData' | 'DeleteUserData'>;

/** What a button opens, downloaded when the agent is about to press it (see lazy-parts). */
const PRELOAD: Partial<Record<BarOperation, () => void>> = {
  Transfer: LazyTransferDialog.preload,
  AttachUserData: LazyUserDataAddForm.preload,
};

const BAR_OPERATIONS = KNOWN_OPERATIONS.filter(
  (op): op is BarOperation => op !== 'UpdateUserData' && op !== 'DeleteUserData',
);

const VARIANTS: Record<BarOperation, ActionButtonProps['variant']> = {
  Accept: 'primary',
  Reject: 'danger',
  Transfer: 'secondary',
  AttachUserData: 'secondary',
  SetInFocus: 'secondary',
  Complete: 'primary',
};

export interface ActionBarProps {
  /** The interaction's capabilities (the store keeps the array's identity while it is equal). */
  readonly capabilities: readonly string[];
  /** The operation in flight, if any: every button is disabled meanwhile, and its own shows progress. */
  readonly pendingOperation: string | undefined;
  readonly onOperation: (operation: BarOperation) => void;
  readonly addOpen: boolean;
  readonly transferRef: RefObject<HTMLButtonElement | null>;
  readonly addRef: RefObject<HTMLButtonElement | null>;
  /** The id of the card's title: each button's description (which interaction it acts on). */
  readonly describedBy?: string;
}

/**
 * One button per capability the server lists, in KNOWN_OPERATIONS order. Buttons follow the
 * capabilities array only (never a guess from the state) and are enabled when nothing is pending.
 * A plain memo over what the buttons are made of (`onOperation` must be stable).
 */
export const ActionBar = memo(function ActionBar({ capabilities, pendingOperation, onOperation, addOpen, transferRef, addRef, describedBy }: ActionBarProps) {
  const messages = useMessages();
  const refused = useContext(ActionsRefusedContext);
  const present = BAR_OPERATIONS.filter((op) => capabilities.includes(op));
  if (present.length === 0) return null;
  return (
    <div className="omw-actions">
      {present.map((op) => {
        const busy = pendingOperation === op;
        return (
          actionButton(
            {
              variant: VARIANTS[op],
              className: op === 'AttachUserData' ? `omw-button--op-${op} omw-glyph omw-glyph--plus` : `omw-button--op-${op}`,
              // As canPerform: listed (it is, to be here) and nothing pending; an ended card has no bar.
              disabled: pendingOperation !== undefined,
              busy,
              unavailable: refused,
              onClick: () => onOperation(op),
              onIntent: PRELOAD[op],
              buttonRef: op === 'Transfer' ? transferRef : op === 'AttachUserData' ? addRef : undefined,
              expanded: op === 'AttachUserData' ? addOpen : undefined,
              hasPopup: op === 'Transfer' ? 'dialog' : undefined,
              children: messages.operations[op],
              describedBy,
            },
            op,
          )
        );
      })}
    </div>
  );
});
