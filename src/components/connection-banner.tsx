import type { ConnectionStatus } from '../channel/types';
import { AlertIcon, LockIcon } from './icons';
import { useMessages } from './messages-context';

export interface ConnectionBannerProps {
  readonly status: ConnectionStatus;
  /** The reconnecting state has lasted past the grace period. */
  readonly reconnectingVisible: boolean;
  /** Why the last snapshot read failed, if it did. */
  readonly snapshotError: string | undefined;
}

/**
 * The live region for connection trouble. It stays mounted (empty while all is well) so screen
 * readers announce what appears in it.
 */
export function ConnectionBanner({ status, reconnectingVisible, snapshotError }: ConnectionBannerProps) {
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
        </div>
      ) : null}
    </div>
  );
}
