import { useEffect, useState } from 'react';
import { AlertIcon } from './icons';
import { DEFAULT_MESSAGES } from './messages';
import { useMessages } from './messages-context';
import type { UnsavedDraft } from './unsaved-draft';

export interface UnsavedDraftNoteProps {
  readonly draft: UnsavedDraft;
  /** The interaction's title, said first by a screen reader (hidden on screen, as on a failure's alert). */
  readonly subject: string;
  readonly onDismiss: () => void;
}

type CopyState = 'idle' | 'copied' | 'failed';

/** The text a draft is copied as: the value alone, or, from Add data, the key and the value. */
function copiedText(draft: UnsavedDraft): string {
  return draft.adding && draft.key !== '' ? `${draft.key}: ${draft.value}` : draft.value;
}

/**
 * What the agent typed into an editor the server closed before it was saved: said as an alert,
 * shown whole (as text, in a box that scrolls when long) with Copy, until dismissed. Nothing the
 * agent typed is thrown away by a change they did not make.
 */
export function UnsavedDraftNote({ draft, subject, onDismiss }: UnsavedDraftNoteProps) {
  const messages = useMessages();
  const [copy, setCopy] = useState<CopyState>('idle');
  useEffect(() => {
    if (copy === 'idle') return undefined;
    const timer = setTimeout(() => setCopy('idle'), 3_000);
    return () => clearTimeout(timer);
  }, [copy]);
  const title = (messages.draftNotSaved ?? DEFAULT_MESSAGES.draftNotSaved)?.(draft.key, draft.adding) ?? '';
  const copyDraft = () => {
    const clipboard = typeof navigator === 'undefined' ? undefined : navigator.clipboard;
    if (!clipboard) {
      setCopy('failed');
      return;
    }
    clipboard.writeText(copiedText(draft)).then(
      () => setCopy('copied'),
      () => setCopy('failed'),
    );
  };
  return (
    <div role="alert" className="omw-alert omw-alert--draft">
      <AlertIcon />
      <div className="omw-alert__body">
        <p className="omw-visually-hidden" dir="auto">{`${subject}:`}</p>
        <p className="omw-alert__title">{title}</p>
        {draft.adding ? (
          <dl className="omw-alert__draft-fields">
            <dt>{messages.keyLabel}</dt>
            <dd dir="auto">{draft.key === '' ? messages.notProvided : draft.key}</dd>
            <dt>{messages.valueLabel}</dt>
            <dd dir="auto">{draft.value === '' ? messages.notProvided : draft.value}</dd>
          </dl>
        ) : (
          // The agent's text as typed (server data or not, never markup), whole: the box scrolls.
          <p className="omw-alert__message omw-alert__draft" dir="auto">
            {draft.value}
          </p>
        )}
        <div className="omw-alert__actions">
          <button type="button" className="omw-button omw-button--secondary omw-button--small" onClick={copyDraft}>
            {messages.copy}
          </button>
          {/* Present before it changes, so "Copied" is announced. */}
          <span className="omw-ud-copy-status" aria-live="polite">
            {copy === 'copied' ? messages.copied : copy === 'failed' ? messages.copyFailed : ''}
          </span>
        </div>
      </div>
      <button type="button" className="omw-button omw-button--ghost omw-alert__dismiss" onClick={onDismiss}>
        {messages.dismiss}
      </button>
    </div>
  );
}
