import { useId, useState } from 'react';
import type { Diagnostics } from '../core/types';
import type { Recording } from '../replay/recording';
import { redactRecording } from '../replay/redact';
import { DiagnosticsLog } from './diagnostics-log';
import { downloadJson } from './download-json';
import { DownloadIcon } from './icons';
import { useOptionalTabInfo } from '../hooks/use-tab-info';
import { useMessages } from './messages-context';
import { describeTab } from './tab-role';

export interface DiagnosticsBodyProps {
  readonly diagnostics: Diagnostics;
  readonly locale?: string | undefined;
  readonly getRecording?: (() => Recording) | undefined;
  /** Closes the panel (the Cancel of the alert shown if this code cannot be downloaded). */
  readonly onClose: () => void;
}

/**
 * What the open diagnostics panel shows: counters, the rejection reasons, the tab that holds the
 * connection, the download and the recent-event log. Downloaded the first time the panel opens
 * (see lazy-parts): an agent's page that never opens it never loads this code.
 */
export function DiagnosticsBody({ diagnostics, locale, getRecording }: DiagnosticsBodyProps) {
  const messages = useMessages();
  // Inside a provider: which tab holds the connection the browser's tabs share (support asks first).
  const tab = useOptionalTabInfo();
  // Raw payloads carry customer data: a file for a support ticket is redacted unless the agent says otherwise.
  const [redact, setRedact] = useState(true);
  const redactHintId = useId();
  const rejected = Object.entries(diagnostics.rejected).filter(([, n]) => (n ?? 0) > 0);
  const rejectedTotal = rejected.reduce((sum, [, n]) => sum + (n ?? 0), 0);
  return (
    <div className="omw-diagnostics__body">
      <dl className="omw-counters">
        <div className="omw-counter">
          <dt>{messages.diagnosticsReceived}</dt>
          <dd>{diagnostics.received}</dd>
        </div>
        <div className="omw-counter">
          <dt>{messages.diagnosticsRejected}</dt>
          <dd>{rejectedTotal}</dd>
        </div>
        <div className="omw-counter">
          <dt>{messages.diagnosticsUnmatched}</dt>
          <dd>{diagnostics.unmatchedReferenceIds}</dd>
        </div>
      </dl>
      {tab ? (
        <p className="omw-diagnostics__tab">
          {messages.diagnosticsTab}: {describeTab(messages, tab)}
        </p>
      ) : null}
      {rejected.length > 0 ? (
        <ul className="omw-reasons" aria-label={messages.diagnosticsRejected}>
          {rejected.map(([reason, n]) => (
            <li key={reason} className="omw-reason">
              <code>{reason}</code> <span className="omw-reason__count">{n}</span>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="omw-diagnostics__log-header">
        <p className="omw-section-label">{messages.diagnosticsLog}</p>
        {getRecording ? (
          <label className="omw-diagnostics__redact" title={messages.diagnosticsRedactHint}>
            <input type="checkbox" checked={redact} aria-describedby={redactHintId} onChange={(event) => setRedact(event.currentTarget.checked)} />
            <span>{messages.diagnosticsRedact}</span>
          </label>
        ) : null}
        {getRecording ? (
          <span id={redactHintId} className="omw-visually-hidden">
            {messages.diagnosticsRedactHint}
          </span>
        ) : null}
        <button
          type="button"
          className="omw-button omw-button--secondary omw-button--small"
          onClick={() =>
            downloadJson(`openmedia-log-${new Date().toISOString().replace(/[:.]/g, '-')}.json`, {
              exportedAt: new Date().toISOString(),
              received: diagnostics.received,
              rejected: diagnostics.rejected,
              unmatchedReferenceIds: diagnostics.unmatchedReferenceIds,
              log: diagnostics.log,
              ...(getRecording ? { recording: redact ? redactRecording(getRecording()) : getRecording(), redacted: redact } : {}),
            })
          }
        >
          <DownloadIcon />
          <span>{messages.diagnosticsDownload}</span>
        </button>
      </div>
      <DiagnosticsLog log={diagnostics.log} locale={locale} />
    </div>
  );
}
