import { useId, useState } from 'react';
import type { UserDataValue } from '../protocol/types';
import { useMessages } from './messages-context';

export interface UserDataValueFormProps {
  /** The key being edited (for the validation message). */
  readonly dataKey: string;
  /** Accessible label of the value field, e.g. "New value for Subject". */
  readonly label: string;
  /** The value as it is now: its type is the type the edit is sent with. */
  readonly initial: UserDataValue;
  /** Called with a value of the initial's type (a number stays a number); only when it changed. */
  readonly onSave: (value: UserDataValue) => void;
  readonly onCancel: () => void;
}

/**
 * The text as a number, or undefined when it is not one. Blank is not 0 (`Number('')` is), and
 * only what reads back as a finite number counts.
 */
function readNumber(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : undefined;
}

/**
 * The inline editor of one user-data value: Enter saves, Escape cancels. The value keeps its wire
 * type: routing and reporting read attached data by type, so `Priority: 5` edited to 7 is sent as
 * the number 7, and text that is not a number is refused with a reason instead of sent as a string.
 */
export function UserDataValueForm({ dataKey, label, initial, onSave, onCancel }: UserDataValueFormProps) {
  const messages = useMessages();
  const inputId = useId();
  const problemId = useId();
  const isNumber = typeof initial === 'number';
  const initialText = initial === null ? '' : String(initial);
  const [draft, setDraft] = useState(initialText);
  const [invalid, setInvalid] = useState(false);
  return (
    <form
      className="omw-inline-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!isNumber) {
          if (draft !== initialText) onSave(draft);
          else onCancel();
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
      <input
        id={inputId}
        // The editor opens on the agent's request: typing goes straight into it.
        autoFocus
        onFocus={(event) => event.target.select()}
        className="omw-input omw-input--small"
        type="text"
        inputMode={isNumber ? 'decimal' : undefined}
        autoComplete="off"
        value={draft}
        aria-invalid={invalid ? 'true' : undefined}
        aria-describedby={invalid ? problemId : undefined}
        onChange={(event) => {
          setDraft(event.target.value);
          setInvalid(false);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.preventDefault();
            onCancel();
          }
        }}
      />
      <button type="submit" className="omw-button omw-button--primary omw-button--small">
        {messages.save}
      </button>
      <button type="button" className="omw-button omw-button--ghost omw-button--small" onClick={onCancel}>
        {messages.cancel}
      </button>
      {/* Mounted before it has text, so the reason is announced when it appears. */}
      <span aria-live="polite">
        {invalid ? (
          <span id={problemId} className="omw-field__error">
            {messages.valueNotANumber(dataKey)}
          </span>
        ) : null}
      </span>
    </form>
  );
}
