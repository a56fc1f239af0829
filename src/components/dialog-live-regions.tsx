import { useContext, useState } from 'react';
import type { ActionError } from '../core/types';
import { LiveMirrorContext, alertsSince, markLive } from './live-mirror';
import { useMessages } from './messages-context';
import { createObjectKeys } from './object-key';

// A stable key per failure (the same error object for as long as its card shows it).
const alertKey = createObjectKeys<ActionError>();

/**
 * Inside a modal dialog, visually hidden: what the widget's live regions announce while the dialog
 * is open (see `LiveMirror`) — new announcements, a card's own failure alert, a change of the
 * connection status — in regions of the dialog, which stay in the accessibility tree. Present from
 * the dialog's first render, empty until something happens.
 */
export function DialogLiveRegions() {
  const mirror = useContext(LiveMirrorContext);
  const messages = useMessages();
  const [atOpen] = useState(() => (mirror === undefined ? undefined : markLive(mirror, messages)));
  // The status once it changed while the dialog is open (the first change, and every one after).
  const [status, setStatus] = useState({ seen: mirror?.status, shown: undefined as string | undefined });
  if (mirror?.status !== undefined && mirror.status !== status.seen) setStatus({ seen: mirror.status, shown: mirror.status });
  if (mirror === undefined || atOpen === undefined) return null;

  const polite = mirror.announcer.polite.filter((line) => line.id > atOpen.id);
  const assertive = mirror.announcer.assertive.filter((line) => line.id > atOpen.id);
  const alerts = alertsSince(atOpen, mirror, messages).map((alert) => ({ key: alertKey(alert.error), text: alert.text }));
  return (
    <div className="omw-visually-hidden">
      <div role="log" aria-live="polite" aria-relevant="additions" aria-label={messages.announcementsLabel}>
        {polite.map((line) => (
          <p key={line.id}>{line.text}</p>
        ))}
      </div>
      <div role="log" aria-live="assertive" aria-relevant="additions" aria-label={messages.urgentAnnouncementsLabel}>
        {assertive.map((line) => (
          <p key={`a${line.id}`}>{line.text}</p>
        ))}
        {alerts.map((alert) => (
          <p key={`e${alert.key}`}>{alert.text}</p>
        ))}
      </div>
      <div role="status" aria-live={mirror.statusUrgent ? 'assertive' : 'polite'} aria-label={messages.connectionStatusLabel}>
        {status.shown === undefined ? null : <p>{status.shown}</p>}
      </div>
    </div>
  );
}
