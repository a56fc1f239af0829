import { memo, type RefObject } from 'react';
import { canPerform, isEnded } from '../core/selectors';
import type { InteractionEntry } from '../core/types';
import { KNOWN_OPERATIONS, type Operation } from '../protocol/types';
import { actionButton, type ActionButtonProps } from './action-button';
import { LazyTransferDialog, LazyUserDataAddForm } from './lazy-parts';
import { useMessages } from './messages-context';

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
  readonly entry: InteractionEntry;
  readonly onOperation: (operation: BarOperation) => void;
  readonly addOpen: boolean;
  readonly transferRef: RefObject<HTMLButtonElement | null>;
  readonly addRef: RefObject<HTMLButtonElement | null>;
}

function sameCapabilities(a: readonly string[], b: readonly string[]): boolean {
  return a === b || (a.length === b.length && a.every((capability, i) => capability === b[i]));
}

/** What the buttons are made of: the capabilities, what is pending, whether it ended (see canPerform). */
function sameBar(a: ActionBarProps, b: ActionBarProps): boolean {
  return (
    a.onOperation === b.onOperation &&
    a.addOpen === b.addOpen &&
    a.transferRef === b.transferRef &&
    a.addRef === b.addRef &&
    a.entry.pending?.operation === b.entry.pending?.operation &&
    (a.entry.pending === undefined) === (b.entry.pending === undefined) &&
    isEnded(a.entry) === isEnded(b.entry) &&
    sameCapabilities(a.entry.interaction.capabilities, b.entry.interaction.capabilities)
  );
}

/**
 * One button per capability the server lists, in KNOWN_OPERATIONS order. Buttons follow the
 * capabilities array only (never a guess from the state) and are enabled when nothing is pending.
 * Memoised on what the buttons are made of (`onOperation` must be stable).
 */
export const ActionBar = memo(function ActionBar({ entry, onOperation, addOpen, transferRef, addRef }: ActionBarProps) {
  const messages = useMessages();
  const present = BAR_OPERATIONS.filter((op) => entry.interaction.capabilities.includes(op));
  if (present.length === 0) return null;
  return (
    <div className="omw-actions">
      {present.map((op) => {
        const busy = entry.pending?.operation === op;
        return (
          actionButton(
            {
              variant: VARIANTS[op],
              className: op === 'AttachUserData' ? `omw-button--op-${op} omw-glyph omw-glyph--plus` : `omw-button--op-${op}`,
              disabled: !canPerform(entry, op),
              busy,
              onClick: () => onOperation(op),
              onIntent: PRELOAD[op],
              buttonRef: op === 'Transfer' ? transferRef : op === 'AttachUserData' ? addRef : undefined,
              expanded: op === 'AttachUserData' ? addOpen : undefined,
              hasPopup: op === 'Transfer' ? 'dialog' : undefined,
              children: messages.operations[op],
            },
            op,
          )
        );
      })}
    </div>
  );
}, sameBar);
