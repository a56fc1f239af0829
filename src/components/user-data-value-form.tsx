import { useId, useState } from 'react';
import { useMessages } from './messages-context';

export interface UserDataValueFormProps {
  /** Accessible label of the value field, e.g. "New value for Subject". */
  readonly label: string;
  readonly initial: string;
  readonly onSave: (value: string) => void;
  readonly onCancel: () => void;
}

/** The inline editor of one user-data value: Enter saves, Escape cancels. */
export function UserDataValueForm({ label, initial, onSave, onCancel }: UserDataValueFormProps) {
  const messages = useMessages();
  const inputId = useId();
  const [draft, setDraft] = useState(initial);
  return (
    <form
      className="omw-inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        onSave(draft);
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
        autoComplete="off"
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
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
    </form>
  );
}
