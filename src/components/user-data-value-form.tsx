import { useId, useLayoutEffect, useState } from 'react';
import type { UserDataValue } from '../protocol/types';
import { useMessages } from './messages-context';

export interface UserDataValueFormProps {
  /** The key being edited (for the validation message). */
  readonly dataKey: string;
  /** Accessible label of the value field, e.g. "New value for Subject". */
  readonly label: string;
  /** The value as it is now: its type is the type the edit is sent with. */
  readonly initial: UserDataValue;
  /**
   * Text to start the field with instead of `initial`'s (what the agent typed into Add data for
   * this key): it counts as typed, so Save sends it and a server change keeps it.
   */
  readonly startWith?: string | undefined;
  /**
   * The key was deleted on the server while the editor was open (`initial` is then null). Save
   * sends the typed value to add it back; with nothing typed there is nothing to send.
   */
  readonly removed?: boolean;
  /** Called with a value of the initial's type (a number stays a number); only when it changed. */
  readonly onSave: (value: UserDataValue) => void;
  readonly onCancel: () => void;
  /**
   * Another tab's action in flight on the interaction, as the card says it: shown here, and Save
   * holds until it ends (GWS takes one request at a time per interaction); what was typed stays.
   */
  readonly waiting?: string | undefined;
  /**
   * Hears what the agent typed (the field's text when it is not what the field was given), or
   * undefined: the card keeps it should the editor close before Save (see UnsavedDraftNote).
   */
  readonly onDraftChange?: ((typed: string | undefined) => void) | undefined;
}

/**
 * The text as a number, or undefined when it is not one. Blank is not 0 (`Number('')` is), and
 * only what reads back as a finite number counts. A decimal comma (`2,5`, as agents in much of
 * the world type it, and as a decimal keypad offers it) reads as a point; a comma that may group
 * thousands (`1,234`, `1.234,5`) is not guessed at (`0,500` cannot: it is a half).
 */
function readNumber(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const decimalComma = /^[+-]?\d+,\d+$/.test(trimmed) && !/^[+-]?[1-9]\d{0,2},\d{3}$/.test(trimmed);
  const value = Number(decimalComma ? trimmed.replace(',', '.') : trimmed);
  return Number.isFinite(value) ? value : undefined;
}

/** A value as the field shows it: null (an empty value) is blank. */
function textOf(value: UserDataValue): string {
  return value === null ? '' : String(value);
}

/** The same text, whatever line breaks a text area handed back. */
function sameText(a: string, b: string): boolean {
  return a === b || a.replace(/\r\n/g, '\n') === b.replace(/\r\n/g, '\n');
}

/** A value written on several lines: an `<input>` would drop its line breaks (browsers strip them). */
function hasLineBreak(text: string): boolean {
  return /[\r\n]/.test(text);
}

/** Most lines a multi-line value's field shows before it scrolls. */
const MAX_ROWS = 6;

/** How much of the server's new value the "changed meanwhile" notice quotes. */
const QUOTED_LENGTH = 80;

function quoted(value: UserDataValue): string {
  const text = textOf(value);
  return text.length > QUOTED_LENGTH ? `${text.slice(0, QUOTED_LENGTH)}…` : text;
}

/**
 * The inline editor of one user-data value: Enter saves, Escape (anywhere in it) cancels. The value
 * keeps its wire type: routing and reporting read attached data by type, so `Priority: 5` edited to
 * 7 is sent as the number 7, and text that is not a number is refused with a reason instead of sent
 * as a string.
 *
 * The server may change the value while the editor is open (a supervisor, a rule, another tab).
 * Nothing typed yet: the field takes the new value, so Enter cannot send the old one back over it.
 * Something typed: the agent's text stays, with the type it was typed for, and a notice says what
 * the server has now and that Save replaces it. Either way the notice is announced. A key deleted
 * meanwhile is the same with "no value": the field empties unless the agent typed, and Save adds it
 * back (the text the agent typed is never thrown away by the server's change).
 */
export function UserDataValueForm({ dataKey, label, initial, startWith, removed = false, onSave, onCancel, waiting, onDraftChange }: UserDataValueFormProps) {
  const messages = useMessages();
  const inputId = useId();
  const problemId = useId();
  const changedId = useId();
  const waitingId = useId();
  /** The value the draft started from: its type is the type the edit is sent with. */
  const [base, setBase] = useState(initial);
  /** The server's value as last rendered, and whether the key was gone, to notice either change. */
  const [seen, setSeen] = useState(initial);
  const [seenRemoved, setSeenRemoved] = useState(removed);
  const [draft, setDraft] = useState(() => startWith ?? textOf(initial));
  /** The text the field was last given (the opening value, or the server's since): anything else was typed. */
  const [given, setGiven] = useState(() => textOf(initial));
  const [invalid, setInvalid] = useState(false);
  // A multi-line value is edited in a text area, its lines kept: in a one-line field they were
  // joined, and Save wrote the joined text back over the customer's address.
  const [multiline, setMultiline] = useState(() => hasLineBreak(draft));
  // Whether the field has focus: a field swapped for a text area (the server's value gained a line
  // break) takes focus only if the field had it, never from where the agent is typing.
  const [fieldFocused, setFieldFocused] = useState(true);
  const [changed, setChanged] = useState<{ readonly value: UserDataValue; readonly removed: boolean; readonly kept: boolean } | undefined>(undefined);
  if (!Object.is(initial, seen) || removed !== seenRemoved) {
    // Adjusted while rendering (not in an effect): the field never shows the stale value.
    const kept = draft !== given;
    setSeen(initial);
    setSeenRemoved(removed);
    if (!kept) {
      // A deleted key keeps the type it had: what the agent types for it is sent as that type.
      if (!removed) setBase(initial);
      const text = removed ? '' : textOf(initial);
      setDraft(text);
      setGiven(text);
      setInvalid(false);
      if (hasLineBreak(text)) setMultiline(true);
    }
    setChanged({ value: initial, removed, kept });
  }
  // Typed, as Save sees it: text other than the server's value now (a field handed back with
  // "\n" where the value had "\r\n" is the same text).
  const typed = sameText(draft, removed ? '' : textOf(initial)) ? undefined : draft;
  useLayoutEffect(() => {
    onDraftChange?.(typed);
  }, [typed, onDraftChange]);
  const isNumber = typeof base === 'number';
  const describedBy = [invalid ? problemId : undefined, changed === undefined ? undefined : changedId, waiting === undefined ? undefined : waitingId]
    .filter(Boolean)
    .join(' ');
  return (
    <form
      className="omw-inline-form"
      noValidate
      // On the form, not the field: Escape from Save or Cancel cancels too. Handled here, it goes no
      // further (a host's dialog around the widget must not close with it).
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        event.stopPropagation();
        onCancel();
      }}
      onSubmit={(event) => {
        event.preventDefault();
        if (waiting !== undefined) return;
        if (!isNumber) {
          // A text area writes its line breaks as "\n": a value written with "\r\n" keeps them.
          const text = typeof base === 'string' && base.includes('\r\n') ? draft.replace(/\r?\n/g, '\r\n') : draft;
          if (text !== textOf(initial)) onSave(text);
          else onCancel();
          return;
        }
        if (removed && draft.trim() === '') {
          onCancel();
          return;
        }
        const value = readNumber(draft);
        if (value === undefined) {
          setInvalid(true);
          return;
        }
        if (value !== initial) onSave(value);
        else onCancel();
      }}
    >
      <label className="omw-visually-hidden" htmlFor={inputId}>
        {label}
      </label>
      {multiline ? (
        <textarea
          id={inputId}
          autoFocus={fieldFocused}
          onFocus={(event) => {
            setFieldFocused(true);
            event.target.select();
          }}
          onBlur={() => setFieldFocused(false)}
          className="omw-input omw-input--small omw-input--multiline"
          rows={Math.min(MAX_ROWS, Math.max(2, draft.split('\n').length))}
          autoComplete="off"
          value={draft}
          aria-invalid={invalid ? 'true' : undefined}
          aria-describedby={describedBy === '' ? undefined : describedBy}
          // Enter is a new line here; Ctrl+Enter (⌘+Enter) saves, as the Save button does.
          aria-keyshortcuts="Control+Enter Meta+Enter"
          onKeyDown={(event) => {
            if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey)) return;
            event.preventDefault();
            event.currentTarget.form?.requestSubmit();
          }}
          onChange={(event) => {
            setDraft(event.target.value);
            setInvalid(false);
          }}
        />
      ) : (
        <input
          id={inputId}
          // The editor opens on the agent's request: typing goes straight into it.
          autoFocus
          onFocus={(event) => {
            setFieldFocused(true);
            event.target.select();
          }}
          onBlur={() => setFieldFocused(false)}
          className="omw-input omw-input--small"
          type="text"
          inputMode={isNumber ? 'decimal' : undefined}
          autoComplete="off"
          value={draft}
          aria-invalid={invalid ? 'true' : undefined}
          aria-describedby={describedBy === '' ? undefined : describedBy}
          onChange={(event) => {
            setDraft(event.target.value);
            setInvalid(false);
          }}
        />
      )}
      {/* Together: beside the field, or both under it when the cell is narrow (never Cancel alone). */}
      <span className="omw-inline-form__buttons">
        <button
          type="submit"
          className="omw-button omw-button--primary omw-button--small"
          disabled={waiting !== undefined}
          aria-describedby={waiting === undefined ? undefined : waitingId}
        >
          {messages.save}
        </button>
        <button type="button" className="omw-button omw-button--ghost omw-button--small" onClick={onCancel}>
          {messages.cancel}
        </button>
      </span>
      {/* Mounted before it has text, so what appears in it is announced. */}
      <span className="omw-inline-form__live" aria-live="polite">
        {changed !== undefined ? (
          <span id={changedId} className="omw-field__note">
            {changed.removed
              ? messages.valueRemovedMeanwhile(dataKey, changed.kept)
              : messages.valueChangedMeanwhile(dataKey, quoted(changed.value), changed.kept)}
          </span>
        ) : null}
        {invalid ? (
          <span id={problemId} className="omw-field__error">
            {messages.valueNotANumber(dataKey)}
          </span>
        ) : null}
        {waiting === undefined ? null : (
          <span id={waitingId} className="omw-field__waiting">
            {waiting}
          </span>
        )}
      </span>
    </form>
  );
}
