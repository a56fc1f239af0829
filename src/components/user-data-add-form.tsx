import { useId, useLayoutEffect, useRef, useState } from 'react';
import type { UserData } from '../protocol/types';
import { useMessages } from './messages-context';

export interface UserDataAddFormProps {
  readonly existing: UserData;
  /** Whether "edit it instead" can be offered for a key that already exists (UpdateUserData). */
  readonly canEditExisting: boolean;
  readonly onAdd: (key: string, value: string) => void;
  /** The key exists: edit it instead, starting from the value typed here (`typed`, possibly empty). */
  readonly onEditInstead: (key: string, typed: string) => void;
  readonly onCancel: () => void;
  /** Another tab's action in flight on the interaction: shown, and Save holds until it ends (see UserDataValueForm). */
  readonly waiting?: string | undefined;
  /** Hears what the agent typed (undefined while both fields are empty): the card keeps it should the form close before Save. */
  readonly onDraftChange?: ((typed: { readonly key: string; readonly value: string } | undefined) => void) | undefined;
}

type Problem = { kind: 'empty' } | { kind: 'duplicate'; key: string } | undefined;

/** Add one key/value pair (AttachUserData). Empty keys are refused; an existing key points to Edit. */
export function UserDataAddForm({ existing, canEditExisting, onAdd, onEditInstead, onCancel, waiting, onDraftChange }: UserDataAddFormProps) {
  const messages = useMessages();
  const titleId = useId();
  const keyId = useId();
  const valueId = useId();
  const problemId = useId();
  const waitingId = useId();
  const [key, setKey] = useState('');
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<Problem>(undefined);
  const keyRef = useRef<HTMLInputElement>(null);
  useLayoutEffect(() => {
    onDraftChange?.(key.trim() === '' && value.trim() === '' ? undefined : { key: key.trim(), value });
  }, [key, value, onDraftChange]);

  return (
    <form
      className="omw-add-form"
      aria-labelledby={titleId}
      noValidate
      // On the form, not the fields: Escape from Save, Cancel or "Edit … instead" cancels too.
      // Handled here, it goes no further (a host's dialog around the widget must not close with it).
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        event.stopPropagation();
        onCancel();
      }}
      onSubmit={(event) => {
        event.preventDefault();
        if (waiting !== undefined) return;
        const trimmed = key.trim();
        if (trimmed === '') {
          setProblem({ kind: 'empty' });
          keyRef.current?.focus();
          return;
        }
        if (Object.hasOwn(existing, trimmed)) {
          setProblem({ kind: 'duplicate', key: trimmed });
          keyRef.current?.focus();
          return;
        }
        onAdd(trimmed, value);
      }}
    >
      <p id={titleId} className="omw-add-form__title">
        {messages.addDataTitle}
      </p>
      <div className="omw-add-form__fields">
        <div className="omw-field">
          <label className="omw-field__label" htmlFor={keyId}>
            {messages.keyLabel}
          </label>
          <input
            id={keyId}
            ref={keyRef}
            // Opened on the agent's request: typing goes straight into the key.
            autoFocus
            className="omw-input omw-input--small"
            type="text"
            autoComplete="off"
            spellCheck={false}
            value={key}
            aria-invalid={problem ? 'true' : undefined}
            aria-describedby={[problem ? problemId : undefined, waiting === undefined ? undefined : waitingId].filter(Boolean).join(' ') || undefined}
            onChange={(event) => {
              setKey(event.target.value);
              setProblem(undefined);
            }}
          />
        </div>
        <div className="omw-field">
          <label className="omw-field__label" htmlFor={valueId}>
            {messages.valueLabel}
          </label>
          <input
            id={valueId}
            className="omw-input omw-input--small"
            type="text"
            autoComplete="off"
            value={value}
            aria-describedby={waiting === undefined ? undefined : waitingId}
            onChange={(event) => setValue(event.target.value)}
          />
        </div>
      </div>
      {/* A live region that stays mounted, so the message is announced even though focus does not move. */}
      <div aria-live="polite">
        {waiting === undefined ? null : (
          <p id={waitingId} className="omw-field__waiting">
            {waiting}
          </p>
        )}
        {problem ? (
          <p id={problemId} className="omw-field__error">
            {problem.kind === 'empty' ? messages.emptyKey : messages.duplicateKey(problem.key)}
            {problem.kind === 'duplicate' && canEditExisting ? (
              <>
                {' '}
                <button
                  type="button"
                  className="omw-button omw-button--link"
                  onClick={() => onEditInstead(problem.key, value)}
                >
                  {messages.editInstead(problem.key)}
                </button>
              </>
            ) : null}
          </p>
        ) : null}
      </div>
      <div className="omw-add-form__actions">
        <button type="button" className="omw-button omw-button--ghost omw-button--small" onClick={onCancel}>
          {messages.cancel}
        </button>
        <button
          type="submit"
          className="omw-button omw-button--primary omw-button--small"
          disabled={waiting !== undefined}
          aria-describedby={waiting === undefined ? undefined : waitingId}
        >
          {messages.save}
        </button>
      </div>
    </form>
  );
}
