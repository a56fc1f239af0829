import type { ActionError } from '../core/types';
import { AlertIcon } from './icons';
import { useMessages } from './messages-context';

export interface ActionErrorAlertProps {
  readonly error: ActionError;
  readonly onDismiss: () => void;
}

/** Why the last action on this interaction failed, in the server's words, until dismissed. */
export function ActionErrorAlert({ error, onDismiss }: ActionErrorAlertProps) {
  const messages = useMessages();
  const details: string[] = [];
  if (error.code !== undefined && error.code !== '') details.push(messages.errorCode(error.code));
  if (error.referenceId !== undefined) details.push(messages.errorReference(error.referenceId));
  return (
    <div role="alert" className={`omw-alert omw-alert--${error.kind}`}>
      <AlertIcon />
      <div className="omw-alert__body">
        <p className="omw-alert__title">{messages.errorTitle(error.operation, error.kind)}</p>
        <p className="omw-alert__message">{error.message}</p>
        {details.length > 0 ? <p className="omw-alert__details">{details.join(' · ')}</p> : null}
      </div>
      <button type="button" className="omw-button omw-button--ghost omw-alert__dismiss" onClick={onDismiss}>
        {messages.dismiss}
      </button>
    </div>
  );
}
