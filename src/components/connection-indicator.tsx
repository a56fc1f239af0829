import type { ConnectionStatus } from '../channel/types';
import { useMessages } from './messages-context';

export interface ConnectionIndicatorProps {
  readonly status: ConnectionStatus;
  readonly reconnectingVisible: boolean;
  /** The browser said the network is gone (see `useNetworkLost`). */
  readonly networkLost?: boolean;
}

/** A small dot and word beside the title: calm while connected, never alarming during a short blip. */
export function ConnectionIndicator({ status, reconnectingVisible, networkLost = false }: ConnectionIndicatorProps) {
  const messages = useMessages();
  let tone: 'live' | 'pending' | 'warn' | 'off';
  let text: string;
  // Signed out says so whatever the network; otherwise "Live" would be a claim the browser denies.
  switch (networkLost && status !== 'unauthorized' ? 'no-network' : status) {
    case 'no-network':
      tone = 'warn';
      text = messages.statusNoNetwork;
      break;
    case 'connected':
      tone = 'live';
      text = messages.statusConnected;
      break;
    case 'connecting':
      tone = 'pending';
      text = messages.statusConnecting;
      break;
    case 'reconnecting':
      tone = reconnectingVisible ? 'warn' : 'pending';
      // Past the grace period the banner says "Reconnecting…"; the indicator does not repeat it.
      text = reconnectingVisible ? messages.statusDisconnected : messages.statusChecking;
      break;
    case 'unauthorized':
    case 'disconnected':
      tone = 'off';
      text = messages.statusDisconnected;
      break;
  }
  return (
    // Seen, not read: the status region below the header says the same to screen readers (it
    // would be heard twice), and keeps quiet through a short blip as the indicator does not.
    <span className={`omw-indicator omw-indicator--${tone}`} aria-hidden="true">
      <span className="omw-indicator__dot" aria-hidden="true" />
      {text}
    </span>
  );
}
