import type { ConnectionStatus } from '../channel/types';
import { AlertIcon, LockIcon } from './icons';
import { useMessages } from './messages-context';

export interface ConnectionBannerProps {
  readonly status: ConnectionStatus;
  /** The reconnecting state has lasted past the grace period. */
  readonly reconnectingVisible: boolean;
  /** Why the last snapshot read failed, if it did. */
  readonly snapshotError: string | undefined;
  /** Offered as a button when signed out or a snapshot read failed; absent: no button. */
  readonly onRetry?: (() => void) | undefined;
}

/**
 * The live region for connection trouble. It stays mounted (empty while all is well) so screen
 * readers announce what appears in it.
 */
export function ConnectionBanner({ status, reconnectingVisible, snapshotError, onRetry }: ConnectionBannerProps) {
  const messages = useMessages();
  return (
    <div role="status" className="omw-banners">
      {status === 'unauthorized' ? (
        <div className="omw-banner omw-banner--signed-out">
          <LockIcon />
          <div>
            <p className="omw-banner__title">{messages.statusUnauthorized}</p>
            <p className="omw-banner__detail">{messages.unauthorizedDetail}</p>
          </div>
          {onRetry ? (
            <button type="button" className="omw-button omw-button--secondary omw-button--small omw-banner__action" onClick={onRetry}>
              {messages.reconnectAction}
            </button>
          ) : null}
        </div>
      ) : null}
      {status === 'reconnecting' && reconnectingVisible ? (
        <div className="omw-banner omw-banner--reconnecting">
          <span className="omw-spinner omw-spinner--banner" aria-hidden="true" />
          <div>
            <p className="omw-banner__title">{messages.statusReconnecting}</p>
            <p className="omw-banner__detail">{messages.reconnectingDetail}</p>
          </div>
        </div>
      ) : null}
      {snapshotError !== undefined && status !== 'unauthorized' ? (
        <div className="omw-banner omw-banner--snapshot">
          <AlertIcon />
          <div>
            <p className="omw-banner__title">{messages.snapshotErrorTitle}</p>
            <p className="omw-banner__detail">{snapshotError}</p>
          </div>
          {onRetry ? (
            <button type="button" className="omw-button omw-button--secondary omw-button--small omw-banner__action" onClick={onRetry}>
              {messages.retrySnapshotAction}
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
