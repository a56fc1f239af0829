import { useState } from 'react';
import type { ConnectionStatus } from '../channel/types';
import { AlertIcon, LockIcon } from './icons';
import type { Messages } from './messages';
import { useMessages } from './messages-context';

export interface ConnectionBannerProps {
  readonly status: ConnectionStatus;
  /** The reconnecting state has lasted past the grace period. */
  readonly reconnectingVisible: boolean;
  /** Why the last snapshot read failed, if it did. */
  readonly snapshotError: string | undefined;
  /** Offered as a button when signed out or a snapshot read failed; absent: no button. */
  readonly onRetry?: (() => void) | undefined;
  /** The browser said the network is gone (see `useNetworkLost`): shown at once, no grace period. */
  readonly networkLost?: boolean;
}

/** What the region says when no connection banner shows; undefined during the reconnect grace period. */
function quietText(status: ConnectionStatus, messages: Messages): string | undefined {
  switch (status) {
    case 'connected':
      return messages.statusConnected;
    case 'connecting':
      return messages.statusConnecting;
    case 'disconnected':
      return messages.statusDisconnected;
    case 'reconnecting':
    case 'unauthorized':
      return undefined;
  }
}

/**
 * The one connection-status live region. It is always in the DOM and in the accessibility tree
 * (a region inserted with its text, or hidden with display:none, is often not announced): while
 * all is well it says "Live" to screen readers only, and the banners appear inside it. A short
 * blip (the reconnect grace period) changes nothing in it, as on screen. "Signed out" is assertive.
 */
export function ConnectionBanner({ status, reconnectingVisible, snapshotError, onRetry, networkLost = false }: ConnectionBannerProps) {
  const messages = useMessages();
  const settled = quietText(status, messages);
  const noNetwork = networkLost && status !== 'unauthorized';
  const connectionBanner = status === 'unauthorized' || noNetwork || (status === 'reconnecting' && reconnectingVisible);
  // During the grace period the region keeps saying what it said before the blip.
  const [lastQuiet, setLastQuiet] = useState(settled ?? messages.statusConnecting);
  if (settled !== undefined && settled !== lastQuiet) setLastQuiet(settled);
  const quiet = connectionBanner ? undefined : (settled ?? lastQuiet);
  const visible = connectionBanner || snapshotError !== undefined;
  return (
    <div
      role="status"
      // The politeness is set in the same commit as the text; Chromium reads it when it fires the event.
      aria-live={status === 'unauthorized' ? 'assertive' : 'polite'}
      className={`omw-banners${visible ? '' : ' omw-banners--quiet'}`}
    >
      {quiet === undefined ? null : <p className="omw-visually-hidden">{quiet}</p>}
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
      {noNetwork ? (
        <div className="omw-banner omw-banner--no-network">
          <AlertIcon />
          <div>
            <p className="omw-banner__title">{messages.statusNoNetwork}</p>
            <p className="omw-banner__detail">{messages.noNetworkDetail}</p>
          </div>
        </div>
      ) : null}
      {status === 'reconnecting' && reconnectingVisible && !noNetwork ? (
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
