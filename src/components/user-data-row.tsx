import { memo, useContext, useId, useMemo } from 'react';
import type { UserDataKind, UserDataValue } from '../protocol/types';
import { ActionsRefusedContext } from './action-bar';
import { actionButton } from './action-button';
import { userDataText } from './format';
import { LazyUserDataValueForm } from './lazy-parts';
import { useMessages } from './messages-context';
import { sharedLabel } from './shared-strings';

// Class lists as constants, one string for every row (see shared-strings).
const KEY_CELL: Record<RowMode, string> = { view: 'omw-ud-key omw-ud-cell', edit: 'omw-ud-key omw-ud-cell omw-ud-cell--active', delete: 'omw-ud-key omw-ud-cell omw-ud-cell--deleting' };
const VALUE_CELL: Record<RowMode, string> = { view: 'omw-ud-value omw-ud-cell', edit: 'omw-ud-value omw-ud-cell omw-ud-cell--active', delete: 'omw-ud-value omw-ud-cell omw-ud-cell--deleting' };

/**
 * A key is clamped to 3 lines of its column by CSS (GWS does not bound keys). Past this length it
 * may be cut (3 lines of the key column of the narrowest card hold ~39 characters of text, 25 W's),
 * so the whole key is also its tooltip; a shorter one needs none.
 */
export const KEY_TOOLTIP_AFTER = 24;

/** The `title` of a key's term: the whole key, once it may be clamped. */
export function keyTooltip(key: string): string | undefined {
  return key.length > KEY_TOOLTIP_AFTER ? key : undefined;
}

// The row's button states as bits of one number (see the memo in UserDataRow).
const EDIT_SHOWN = 1;
const EDIT_ENABLED = 2;
const EDIT_BUSY = 4;
const REMOVE_SHOWN = 8;
const REMOVE_ENABLED = 16;
const REMOVE_BUSY = 32;

/** How one user-data operation button should look: absent, enabled, disabled, or in flight. */
export interface KeyActionState {
  readonly present: boolean;
  readonly enabled: boolean;
  readonly busy: boolean;
}

export type RowMode = 'view' | 'edit' | 'delete';

export interface UserDataRowProps {
  readonly dataKey: string;
  readonly value: UserDataValue;
  /** The wire type when the shown value is a flattened one (nested list, true / false): read-only. */
  readonly kind?: UserDataKind | undefined;
  // Flat booleans, not KeyActionState objects, so a plain memo compares them (one fiber per row).
  readonly editPresent: boolean;
  readonly editEnabled: boolean;
  readonly editBusy: boolean;
  readonly removePresent: boolean;
  readonly removeEnabled: boolean;
  readonly removeBusy: boolean;
  readonly mode: RowMode;
  /** The editor's text to start from instead of the value (what the agent typed into Add data for this key). */
  readonly startWith?: string | undefined;
  /** Being edited, and deleted on the server meanwhile: the editor stays, and its Save adds the key back. */
  readonly removed?: boolean;
  /** The handlers take the row's key, so one stable function serves every row (and a row can be memoised). */
  readonly onModeChange: (key: string, mode: RowMode) => void;
  /** The new value, of the current value's type (a number stays a number). */
  readonly onUpdate: (key: string, value: UserDataValue) => void;
  readonly onDelete: (key: string) => void;
  /** Another tab's action in flight on the interaction: an open editor or confirmation says so and holds its Save / Delete. */
  readonly waiting?: string | undefined;
  /**
   * The id of the card's title: a screen reader's list of controls tells twenty "Edit Subject"
   * buttons apart by it, as it does the action bar's.
   */
  readonly describedBy?: string | undefined;
  /** Hears what the agent typed into this row's editor (stable, key-taking, as the handlers above). */
  readonly onDraftChange?: ((key: string, typed: string | undefined) => void) | undefined;
}

/**
 * One key/value pair, with inline Edit and a confirmed Delete when the capabilities allow.
 * Rows render again only when what they show changes: a notification that changes one value of a
 * card leaves its other rows alone. The handlers must be stable (the section passes key-taking ones).
 */
export const UserDataRow = memo(function UserDataRow({
  dataKey,
  value,
  kind,
  editPresent,
  editEnabled,
  editBusy,
  removePresent,
  removeEnabled,
  removeBusy,
  mode,
  startWith,
  removed = false,
  onModeChange,
  onUpdate,
  onDelete,
  waiting,
  describedBy,
  onDraftChange,
}: UserDataRowProps) {
  const messages = useMessages();
  // Nothing can be sent (reconnecting, signed out): the buttons say so, as the action bar's do.
  const refused = useContext(ActionsRefusedContext);
  const text = userDataText(value);
  // What does not depend on the value is made again only when what it shows changes: a new value
  // (the usual update) then leaves the key cell and the two buttons to React as they were, with
  // nothing of theirs to compare or write. The buttons' states go in as one number and the parts
  // come back as one array: this is held twice (React's two trees) for every row of every card.
  // A value shown flattened cannot be sent back as shown (it would change its wire type): no Edit.
  const buttons =
    (mode === 'view' && kind === undefined && editPresent ? EDIT_SHOWN : 0) |
    (editEnabled ? EDIT_ENABLED : 0) |
    (editBusy ? EDIT_BUSY : 0) |
    (mode === 'view' && removePresent ? REMOVE_SHOWN : 0) |
    (removeEnabled ? REMOVE_ENABLED : 0) |
    (removeBusy ? REMOVE_BUSY : 0);
  const [keyCell, editButton, removeButton] = useMemo(() => {
    const editShown = (buttons & EDIT_SHOWN) !== 0;
    return [
      // Keys and values come from the server, in any script: each in its own direction, isolated.
      <dt className={KEY_CELL[mode]} title={keyTooltip(dataKey)} dir="auto">{dataKey}</dt>,
      // The row's buttons sit in the value cell itself (no wrapper: four elements less per card);
      // the first is pushed to the end of the line, see .omw-ud-action in the CSS.
      editShown
        ? actionButton({
            variant: 'icon',
            className: 'omw-glyph omw-glyph--edit omw-ud-action omw-ud-action--first',
            label: sharedLabel(messages.editKey, dataKey),
            describedBy,
            disabled: (buttons & EDIT_ENABLED) === 0,
            busy: (buttons & EDIT_BUSY) !== 0,
            unavailable: refused,
            onIntent: LazyUserDataValueForm.preload,
            onClick: () => onModeChange(dataKey, 'edit'),
          })
        : null,
      (buttons & REMOVE_SHOWN) !== 0
        ? actionButton({
            variant: 'icon',
            className: editShown ? 'omw-glyph omw-glyph--delete omw-ud-action' : 'omw-glyph omw-glyph--delete omw-ud-action omw-ud-action--first',
            label: sharedLabel(messages.deleteKey, dataKey),
            describedBy,
            disabled: (buttons & REMOVE_ENABLED) === 0,
            busy: (buttons & REMOVE_BUSY) !== 0,
            unavailable: refused,
            onClick: () => onModeChange(dataKey, 'delete'),
          })
        : null,
    ] as const;
  }, [mode, dataKey, buttons, onModeChange, messages, refused, describedBy]);

  const shownText = (
    <span className={`omw-ud-text${text === '' ? ' omw-ud-text--empty' : ''}`} dir="auto">
      {text === '' ? messages.notProvided : text}
    </span>
  );

  // The row's own Save, Cancel, Delete and Keep close it; the section then gives focus back to
  // the Edit or Delete button it came from (a row closed because another editor opened elsewhere
  // is not closed through here, so it does not take focus). The row itself holds no ref or effect
  // for this: React holds a row's hooks twice (its two trees), for every key of every card.
  const close = () => onModeChange(dataKey, 'view');

  return (
    // The term and its value are cells of the list's grid, with no row element around them (one
    // element less per key); the row's look (padding, separator, background) is on both cells.
    <>
      {keyCell}
      <dd className={VALUE_CELL[mode]}>
        {mode === 'edit' && kind === undefined ? (
          <LazyUserDataValueForm
            dataKey={dataKey}
            label={messages.editValueLabel(dataKey)}
            initial={value}
            startWith={startWith}
            removed={removed}
            onSave={(next) => {
              onUpdate(dataKey, next);
              close();
            }}
            onCancel={close}
            waiting={waiting}
            // The value stays in view while the editor's code downloads (first edit only).
            whileLoading={shownText}
            onDraftChange={onDraftChange === undefined ? undefined : (typed) => onDraftChange(dataKey, typed)}
          />
        ) : (
          shownText
        )}
        {kind !== undefined ? <span className="omw-ud-note omw-muted">{messages.valueReadOnly(kind)}</span> : null}
        {mode === 'edit' && kind !== undefined ? (
          <button type="button" className="omw-button omw-button--ghost omw-button--small" onClick={close}>
            {messages.cancel}
          </button>
        ) : null}
        {mode === 'delete' ? (
          <DeleteConfirm
            question={messages.deleteConfirm(dataKey)}
            longKey={dataKey.length > KEY_TOOLTIP_AFTER}
            confirmLabel={messages.confirmDelete}
            keepLabel={messages.keep}
            onConfirm={() => {
              onDelete(dataKey);
              close();
            }}
            onKeep={close}
            waiting={waiting}
          />
        ) : null}
        {editButton}
        {removeButton}
      </dd>
    </>
  );
});

interface DeleteConfirmProps {
  readonly question: string;
  /** The question names a key long enough to be clamped: it is clamped too, and its own tooltip. */
  readonly longKey: boolean;
  readonly confirmLabel: string;
  readonly keepLabel: string;
  readonly onConfirm: () => void;
  readonly onKeep: () => void;
  /** Another tab's action in flight: said under the question, and Delete holds until it ends. */
  readonly waiting?: string | undefined;
}

/** The inline "Delete …?" of a row; its own component, so only a row asking it holds the id that names the group. */
function DeleteConfirm({ question, longKey, confirmLabel, keepLabel, onConfirm, onKeep, waiting }: DeleteConfirmProps) {
  const textId = useId();
  const waitingId = useId();
  return (
    <span
      className="omw-confirm"
      role="group"
      aria-labelledby={textId}
      // Escape keeps the data from either button, as Keep does; handled, it goes no further.
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        event.stopPropagation();
        onKeep();
      }}
    >
      <span id={textId} className="omw-confirm__text" title={longKey ? question : undefined}>
        {question}
      </span>
      <button
        type="button"
        className="omw-button omw-button--danger omw-button--small"
        disabled={waiting !== undefined}
        aria-describedby={waiting === undefined ? undefined : waitingId}
        onClick={onConfirm}
      >
        {confirmLabel}
      </button>
      <button
        // The safe choice has focus, so a stray Enter keeps the data.
        autoFocus
        type="button"
        className="omw-button omw-button--ghost omw-button--small"
        onClick={onKeep}
      >
        {keepLabel}
      </button>
      {/* Mounted before it has text, so the line is announced when it appears (focus is on Keep). */}
      <span className="omw-confirm__live" aria-live="polite">
        {waiting === undefined ? null : (
          <span id={waitingId} className="omw-field__waiting">
            {waiting}
          </span>
        )}
      </span>
    </span>
  );
}
