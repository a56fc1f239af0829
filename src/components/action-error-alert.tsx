import { useId } from 'react';
import type { ActionError } from '../core/types';
import { useOwnAlert } from './failure-announcements';
import { AlertIcon } from './icons';
import { errorMessageOf } from './messages';
import { useMessages } from './messages-context';

export interface ActionErrorAlertProps {
  readonly error: ActionError;
  readonly onDismiss: () => void;
  /**
   * The interaction's title, said first by a screen reader (hidden on screen, where the alert sits
   * in its card): an alert is read alone, and the agent may be on another card by then.
   */
  readonly subject?: string;
}

/**
 * Why the last action on this interaction failed, in the server's words, until dismissed. A lone
 * failure is a `role="alert"`; one of a burst is a plain group (the widget announces one summary).
 */
export function ActionErrorAlert({ error, onDismiss, subject }: ActionErrorAlertProps) {
  const messages = useMessages();
  // In a burst of failures the widget announces one summary; this box is then not a live alert itself.
  const ownAlert = useOwnAlert(error);
  const titleId = useId();
  const details: string[] = [];
  if (error.code !== undefined && error.code !== '') details.push(messages.errorCode(error.code));
  if (error.referenceId !== undefined) details.push(messages.errorReference(error.referenceId));
  return (
    <div
      role={ownAlert ? 'alert' : 'group'}
      aria-labelledby={ownAlert ? undefined : titleId}
      className={`omw-alert omw-alert--${error.kind}`}
    >
      <AlertIcon />
      <div className="omw-alert__body">
        {subject === undefined ? null : <p className="omw-visually-hidden" dir="auto">{`${subject}:`}</p>}
        <p id={titleId} className="omw-alert__title">{messages.errorTitle(error.operation, error.kind)}</p>
        <p className="omw-alert__message">{errorMessageOf(messages, error)}</p>
        {details.length > 0 ? <p className="omw-alert__details">{details.join(' · ')}</p> : null}
      </div>
      <button type="button" className="omw-button omw-button--ghost omw-alert__dismiss" onClick={onDismiss}>
        {messages.dismiss}
      </button>
    </div>
  );
}
