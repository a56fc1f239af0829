import { useId, useLayoutEffect, useRef, useState } from 'react';
import type { UserData, UserDataKind, UserDataValue } from '../protocol/types';
import { COLLAPSE_AFTER_KEYS, VISIBLE_KEYS, isLongText, matchesFilter, previewText } from './bounded-user-data';
import { ClampedValueRow } from './clamped-value-row';
import { userDataText } from './format';
import { LazyUserDataAddForm } from './lazy-parts';
import { useMessages } from './messages-context';
import type { TypedDraft } from './unsaved-draft';
import type { EditorState } from './user-data-editor-state';
import { UserDataRow, type KeyActionState, type RowMode } from './user-data-row';

/** Presence and enablement of a per-key operation; which key (if any) has its request in flight. */
export interface KeyOperationState {
  readonly present: boolean;
  readonly enabled: boolean;
  readonly busyKey: string | undefined;
}

export interface UserDataSectionProps {
  readonly userData: UserData;
  /** Values shown flattened (a nested list, true / false): read-only, see `OpenmediaInteraction.userDataKinds`. */
  readonly userDataKinds?: Readonly<Record<string, UserDataKind>> | undefined;
  readonly update: KeyOperationState;
  readonly remove: KeyOperationState;
  readonly editor: EditorState;
  readonly onEditorChange: (editor: EditorState) => void;
  readonly onAdd: (key: string, value: string) => void;
  /** A new value of the current value's type (a number stays a number). */
  readonly onUpdate: (key: string, value: UserDataValue) => void;
  readonly onDelete: (key: string) => void;
  /** Another tab's action in flight on the interaction, as the card says it: the open editor holds its Save and says so. */
  readonly waiting?: string | undefined;
  /** The id of the card's title: each key's Edit and Delete are described by it, as the action bar's buttons are. */
  readonly describedBy?: string | undefined;
  /** Hears what the agent typed into the open editor (undefined: nothing); stable. */
  readonly onDraftChange?: ((draft: TypedDraft | undefined) => void) | undefined;
}

function rowMode(editor: EditorState, key: string): RowMode {
  if (editor.mode === 'edit' && editor.key === key) return 'edit';
  if (editor.mode === 'delete' && editor.key === key) return 'delete';
  return 'view';
}

function keyState(op: KeyOperationState, key: string): KeyActionState {
  return { present: op.present, enabled: op.enabled, busy: op.busyKey === key };
}

/**
 * The interaction's user data as a key/value list, with the inline editors the capabilities allow.
 * Bounded (GWS does not bound user data): past {@link COLLAPSE_AFTER_KEYS} keys the list collapses to
 * {@link VISIBLE_KEYS} rows, with
 * a count, a filter and "Show all" (in a scrollable region); long values are clamped.
 */
export function UserDataSection({
  userData,
  userDataKinds,
  update,
  remove,
  editor,
  onEditorChange,
  onAdd,
  onUpdate,
  onDelete,
  waiting,
  describedBy,
  onDraftChange,
}: UserDataSectionProps) {
  const messages = useMessages();
  const [filter, setFilter] = useState('');
  const [showAll, setShowAll] = useState(false);

  // One stable handler of each kind for every row (rows are memoised), reading the latest props;
  // made once, as one object (one hook rather than one per handler).
  const latest = useRef({ userData, editor, onEditorChange, onUpdate, onDelete, onDraftChange });
  const [rowHandlers] = useState(() => {
    /** The section's element, from a stable callback ref (no ref hook). */
    let root: HTMLElement | null = null;
    /** A row closed by its own Save, Cancel, Delete or Keep: focus goes back to its button. */
    let returnFocus: { key: string; target: 'edit' | 'delete' } | undefined;
    return {
      rootRef: (element: HTMLElement | null) => {
        root = element;
      },
      changeRowMode: (key: string, next: RowMode) => {
        const current = latest.current;
        const mode = rowMode(current.editor, key);
        if (next === 'view' && mode !== 'view') returnFocus = { key, target: mode === 'edit' ? 'edit' : 'delete' };
        current.onEditorChange(next === 'view' ? { mode: 'none' } : { mode: next, key });
      },
      /**
       * After a render (the section's layout effect: before the card checks whether its focus was
       * lost): once the closed row shows its buttons again, the one it came from takes the focus.
       * Found in what was drawn, a plain row or a clamped one (a long value): the value may have
       * changed length with the Save, in the same event when the host applies it at once.
       */
      returnFocusIfDue: () => {
        const due = returnFocus;
        if (due === undefined || rowMode(latest.current.editor, due.key) !== 'view') return;
        returnFocus = undefined;
        for (const term of root?.querySelectorAll('.omw-ud-list dt') ?? []) {
          if (term.textContent !== due.key) continue;
          term.nextElementSibling?.querySelector<HTMLButtonElement>(due.target === 'edit' ? '.omw-glyph--edit' : '.omw-glyph--delete')?.focus();
          return;
        }
      },
      updateRow: (key: string, value: UserDataValue) => latest.current.onUpdate(key, value),
      deleteRow: (key: string) => latest.current.onDelete(key),
      rowDraft: (key: string, typed: string | undefined) => latest.current.onDraftChange?.(typed === undefined ? undefined : { key, value: typed, adding: false }),
      addDraft: (typed: { readonly key: string; readonly value: string } | undefined) => latest.current.onDraftChange?.(typed === undefined ? undefined : { ...typed, adding: true }),
    };
  });
  useLayoutEffect(() => {
    latest.current = { userData, editor, onEditorChange, onUpdate, onDelete, onDraftChange };
    rowHandlers.returnFocusIfDue();
  });
  const { rootRef, changeRowMode, updateRow, deleteRow, rowDraft, addDraft } = rowHandlers;

  const keys = Object.keys(userData);
  const many = keys.length > COLLAPSE_AFTER_KEYS;
  const matching = many && filter.trim() !== '' ? keys.filter((key) => matchesFilter(key, userDataText(userData[key] ?? null), filter)) : keys;
  let shown = !many || showAll || matching.length <= VISIBLE_KEYS ? matching : matching.slice(0, VISIBLE_KEYS);
  // The key being edited stays on screen, even when collapsed or filtered out, or deleted on the
  // server meanwhile (the editor keeps what the agent typed; the card allows this only while the
  // key can be added back).
  const editing = editor.mode === 'edit' || editor.mode === 'delete' ? editor.key : undefined;
  const removedKey = editor.mode === 'edit' && !Object.hasOwn(userData, editor.key) ? editor.key : undefined;
  if (editing !== undefined && (removedKey !== undefined || Object.hasOwn(userData, editing)) && !shown.includes(editing)) shown = [...shown, editing];

  const rows = shown.map((key) => {
    const value = userData[key] ?? null;
    const text = userDataText(value);
    const mode = rowMode(editor, key);
    if (mode === 'view' && isLongText(text)) {
      return (
        <ClampedValueRow
          key={key}
          dataKey={key}
          text={text}
          edit={keyState(update, key)}
          remove={keyState(remove, key)}
          onModeChange={changeRowMode}
          describedBy={describedBy}
        />
      );
    }
    return (
      <UserDataRow
        key={key}
        dataKey={key}
        // Own keys only: a key named like an Object method ("constructor") is plain text.
        kind={userDataKinds !== undefined && Object.hasOwn(userDataKinds, key) ? userDataKinds[key] : undefined}
        // The editor needs the whole value; the delete confirmation only its start.
        value={mode === 'delete' && isLongText(text) ? previewText(text) : value}
        editPresent={update.present}
        editEnabled={update.enabled}
        editBusy={update.busyKey === key}
        removePresent={remove.present}
        removeEnabled={remove.enabled}
        removeBusy={remove.busyKey === key}
        mode={mode}
        // Only the open editor gets it: the other rows' memo stays intact.
        startWith={mode === 'edit' && editor.mode === 'edit' ? editor.typed : undefined}
        removed={key === removedKey}
        onModeChange={changeRowMode}
        onUpdate={updateRow}
        onDelete={deleteRow}
        // Only an open editor shows it: the other rows' memo stays intact.
        waiting={mode === 'view' ? undefined : waiting}
        describedBy={describedBy}
        onDraftChange={rowDraft}
      />
    );
  });

  return (
    <div ref={rootRef} className="omw-ud">
      {/* The label alone needs no wrapper; with the count beside it, a header row holds both. */}
      {many ? (
        <div className="omw-ud-header">
          <p className="omw-section-label">{messages.labelUserData}</p>
          {/* Live while the list is long: the filter's result is announced as the agent types. */}
          <span className="omw-ud-count" role="status">
            {messages.userDataShowing(shown.length, matching.length)}
          </span>
        </div>
      ) : (
        <p className="omw-section-label">{messages.labelUserData}</p>
      )}
      {many ? <UserDataFilter filter={filter} onFilterChange={setFilter} label={messages.userDataFilter} describedBy={describedBy} /> : null}
      {/* Mounted with the filter, empty while something matches, so "no match" is announced when it leaves nothing. */}
      {many ? (
        <div role="status" className="omw-ud-live">
          {rows.length === 0 ? <p className="omw-muted omw-ud-empty">{messages.userDataNoMatch}</p> : null}
        </div>
      ) : null}
      {keys.length === 0 && removedKey === undefined ? (
        <p className="omw-muted omw-ud-empty">{messages.noUserData}</p>
      ) : rows.length === 0 ? null : showAll && matching.length > VISIBLE_KEYS ? (
        // Every key, in a box of bounded height: the action bar below stays in reach.
        <div className="omw-ud-scroll" role="region" aria-label={messages.userDataAllRegion(matching.length)} tabIndex={0}>
          <dl className="omw-ud-list">{rows}</dl>
        </div>
      ) : (
        <dl className="omw-ud-list">{rows}</dl>
      )}
      {many && (showAll || matching.length > VISIBLE_KEYS) ? (
        <button
          type="button"
          className="omw-button omw-button--ghost omw-button--small omw-ud-show-all"
          aria-expanded={showAll}
          aria-describedby={describedBy}
          onClick={() => setShowAll((all) => !all)}
        >
          {showAll ? messages.userDataShowFewer : messages.userDataShowAll(matching.length)}
        </button>
      ) : null}
      {editor.mode === 'add' ? (
        <LazyUserDataAddForm
          existing={userData}
          canEditExisting={update.present && update.enabled}
          onAdd={onAdd}
          // What was typed as the value goes on into the key's editor: nothing typed is thrown away.
          onEditInstead={(key, typed) => onEditorChange(typed === '' ? { mode: 'edit', key } : { mode: 'edit', key, typed })}
          onCancel={() => onEditorChange({ mode: 'none' })}
          waiting={waiting}
          onDraftChange={addDraft}
        />
      ) : null}
    </div>
  );
}

interface UserDataFilterProps {
  readonly filter: string;
  readonly onFilterChange: (filter: string) => void;
  readonly label: string;
  /** The card's title: twenty cards' filters told apart. */
  readonly describedBy?: string | undefined;
}

/** The filter of a long user-data list; only such a list holds the id that labels it. */
function UserDataFilter({ filter, onFilterChange, label, describedBy }: UserDataFilterProps) {
  const filterId = useId();
  return (
    <div className="omw-ud-filter">
      <label htmlFor={filterId} className="omw-visually-hidden">
        {label}
      </label>
      <input
        id={filterId}
        type="search"
        className="omw-input omw-ud-filter__input"
        placeholder={label}
        aria-describedby={describedBy}
        value={filter}
        onChange={(event) => onFilterChange(event.currentTarget.value)}
      />
    </div>
  );
}
