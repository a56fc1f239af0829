import { useId, useState } from 'react';
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
  /** The id of the card's title: Dismiss is described by it, so twenty cards' "Dismiss" can be told apart. */
  readonly describedBy?: string | undefined;
}

/**
 * Past this many characters a failure's text is shown clamped to a few lines, with Show more: a
 * server's message can be a page long (a stack trace), and the card must keep its buttons in reach.
 */
export const LONG_ALERT_TEXT = 400;

/**
 * Why the last action on this interaction failed, in the server's words, until dismissed. A lone
 * failure is a `role="alert"`; one of a burst is a plain group (the widget announces one summary).
 */
export function ActionErrorAlert({ error, onDismiss, subject, describedBy }: ActionErrorAlertProps) {
  const messages = useMessages();
  // In a burst of failures the widget announces one summary; this box is then not a live alert itself.
  const ownAlert = useOwnAlert(error);
  const titleId = useId();
  const [expanded, setExpanded] = useState(false);
  const text = errorMessageOf(messages, error);
  const long = text.length > LONG_ALERT_TEXT;
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
        {long && expanded ? (
          // The whole text in a box that scrolls (focusable, so a keyboard scrolls it too).
          <div className="omw-alert__message omw-alert__message--full" role="region" aria-label={messages.errorTitle(error.operation, error.kind)} tabIndex={0}>
            {text}
          </div>
        ) : (
          <p className={long ? 'omw-alert__message omw-alert__message--clamped' : 'omw-alert__message'}>{text}</p>
        )}
        {long ? (
          <button type="button" className="omw-button omw-button--ghost omw-button--small omw-alert__more" aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>
            {expanded ? messages.showLess : messages.showMore}
          </button>
        ) : null}
        {details.length > 0 ? <p className="omw-alert__details">{details.join(' · ')}</p> : null}
      </div>
      <button type="button" className="omw-button omw-button--ghost omw-alert__dismiss" aria-describedby={describedBy} onClick={onDismiss}>
        {messages.dismiss}
      </button>
    </div>
  );
}
