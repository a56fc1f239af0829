import type { RefObject } from 'react';
import { canPerform } from '../core/selectors';
import type { InteractionEntry } from '../core/types';
import { KNOWN_OPERATIONS, type Operation } from '../protocol/types';
import { ActionButton, type ActionButtonProps } from './action-button';
import { useMessages } from './messages-context';

/** Operations with one button in the bar; Update/Delete get one button per user-data key instead. */
export type BarOperation = Exclude<Operation, 'UpdateUserData' | 'DeleteUserData'>;

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
  readonly entry: InteractionEntry;
  readonly onOperation: (operation: BarOperation) => void;
  readonly addOpen: boolean;
  readonly transferRef: RefObject<HTMLButtonElement | null>;
  readonly addRef: RefObject<HTMLButtonElement | null>;
}

/**
 * One button per capability the server lists, in KNOWN_OPERATIONS order. Buttons follow the
 * capabilities array only (never a guess from the state) and are enabled when nothing is pending.
 */
export function ActionBar({ entry, onOperation, addOpen, transferRef, addRef }: ActionBarProps) {
  const messages = useMessages();
  const present = BAR_OPERATIONS.filter((op) => entry.interaction.capabilities.includes(op));
  if (present.length === 0) return null;
  return (
    <div className="omw-actions">
      {present.map((op) => {
        const busy = entry.pending?.operation === op;
        return (
          <ActionButton
            key={op}
            variant={VARIANTS[op]}
            className={op === 'AttachUserData' ? `omw-button--op-${op} omw-glyph omw-glyph--plus` : `omw-button--op-${op}`}
            disabled={!canPerform(entry, op)}
            busy={busy}
            onClick={() => onOperation(op)}
            buttonRef={op === 'Transfer' ? transferRef : op === 'AttachUserData' ? addRef : undefined}
            expanded={op === 'AttachUserData' ? addOpen : undefined}
            hasPopup={op === 'Transfer' ? 'dialog' : undefined}
          >
            {messages.operations[op]}
          </ActionButton>
        );
      })}
    </div>
  );
}
