import { useId, useState } from 'react';
import { AlertIcon } from './icons';
import { DEFAULT_MESSAGES } from './messages';
import { useMessages } from './messages-context';
import { CopyStatus, useCopy } from './use-copy';
import { draftKey, type UnsavedDraft, type UnsavedDrafts } from './unsaved-draft';

export interface UnsavedDraftNoteProps {
  readonly draft: UnsavedDraft;
  /** The interaction's title, said first by a screen reader (hidden on screen, as on a failure's alert). */
  readonly subject: string;
  /** Shown on screen too: the note is not inside its card (the card is gone). */
  readonly subjectVisible?: boolean;
  /**
   * An alert (announced as it appears); false: a group named by its title, already announced (by
   * the card before this one).
   */
  readonly announce?: boolean;
  /** The id of the card's title: Copy and Dismiss are described by it. */
  readonly describedBy?: string | undefined;
  readonly onDismiss: () => void;
}

/** The text a draft is copied as: the value alone, or, from Add data, the key and the value. */
function copiedText(draft: UnsavedDraft): string {
  return draft.adding && draft.key !== '' ? `${draft.key}: ${draft.value}` : draft.value;
}

/**
 * What the agent typed into an editor the server closed before it was saved: said as an alert,
 * shown whole (as text, in a box that scrolls when long) with Copy, until dismissed. Nothing the
 * agent typed is thrown away by a change they did not make.
 */
export function UnsavedDraftNote({ draft, subject, subjectVisible = false, announce = true, describedBy, onDismiss }: UnsavedDraftNoteProps) {
  const messages = useMessages();
  const titleId = useId();
  const [copy, copyText] = useCopy();
  const title =
    draft.transfer === true
      ? (messages.transferNotSent ?? DEFAULT_MESSAGES.transferNotSent ?? '')
      : ((messages.draftNotSaved ?? DEFAULT_MESSAGES.draftNotSaved)?.(draft.key, draft.adding) ?? '');
  return (
    <div role={announce ? 'alert' : 'group'} aria-labelledby={announce ? undefined : titleId} className="omw-alert omw-alert--draft">
      <AlertIcon />
      <div className="omw-alert__body">
        {subjectVisible ? (
          <p className="omw-alert__subject" dir="auto">
            {subject}
          </p>
        ) : (
          <p className="omw-visually-hidden" dir="auto">{`${subject}:`}</p>
        )}
        <p id={titleId} className="omw-alert__title">
          {title}
        </p>
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
          <button type="button" className="omw-button omw-button--secondary omw-button--small" aria-describedby={describedBy} onClick={() => copyText(copiedText(draft))}>
            {messages.copy}
          </button>
          <CopyStatus copy={copy} messages={messages} />
        </div>
      </div>
      <button type="button" className="omw-button omw-button--ghost omw-alert__dismiss" aria-describedby={describedBy} onClick={onDismiss}>
        {messages.dismiss}
      </button>
    </div>
  );
}

export interface DraftsElsewhereProps {
  readonly drafts: UnsavedDrafts;
  /** Whether the interaction still has a card in the widget. */
  readonly hasCard: (interactionId: string) => boolean;
}

/**
 * Drafts of interactions no longer in the list (their ended card was evicted after the linger, or
 * the server stopped listing them): kept under the groups, with the interaction's title, until the
 * agent copies and dismisses them. Already announced on their card: not again.
 */
export function DraftsElsewhere({ drafts, hasCard }: DraftsElsewhereProps) {
  const messages = useMessages();
  const titleId = useId();
  const [, setDismissed] = useState(0);
  const orphans = drafts.orphans(hasCard);
  if (orphans.length === 0) return null;
  return (
    <div className="omw-group omw-drafts-elsewhere" role="group" aria-labelledby={titleId}>
      <h3 id={titleId} className="omw-group__title">
        {messages.draftsElsewhereTitle ?? DEFAULT_MESSAGES.draftsElsewhereTitle}{' '}
        <span className="omw-group__count">{orphans.length}</span>
      </h3>
      {orphans.map(({ interactionId, draft }) => (
        <UnsavedDraftNote
          key={draftKey(draft)}
          draft={draft}
          subject={draft.subject}
          subjectVisible
          announce={false}
          onDismiss={() => {
            drafts.dismiss(interactionId, draft);
            setDismissed((n) => n + 1);
          }}
        />
      ))}
    </div>
  );
}
