import type { Diagnostics } from '../core/types';
import type { Recording } from '../replay/recording';
import { downloadJson } from './download-json';
import { DownloadIcon } from './icons';
import { useMessages } from './messages-context';

export interface DiagnosticsPanelProps {
  readonly diagnostics: Diagnostics;
  readonly locale?: string | undefined;
  /** Open on first render (it is a collapsible <details>). */
  readonly defaultOpen?: boolean;
  /**
   * The latest raw messages, added to the download as `recording` so the log can be replayed
   * (`parseRecording` / `createReplayChannel`). The widget passes the provider's recording.
   */
  readonly getRecording?: (() => Recording) | undefined;
}

function timeOf(at: number, locale: string | undefined): string {
  const date = new Date(at);
  if (Number.isNaN(date.getTime())) return String(at);
  try {
    return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(date);
  } catch {
    return date.toISOString();
  }
}

/** Counters and the recent-event log, for support: what arrived, what was refused and why. */
export function DiagnosticsPanel({ diagnostics, locale, defaultOpen = false, getRecording }: DiagnosticsPanelProps) {
  const messages = useMessages();
  const rejected = Object.entries(diagnostics.rejected).filter(([, n]) => (n ?? 0) > 0);
  const rejectedTotal = rejected.reduce((sum, [, n]) => sum + (n ?? 0), 0);
  // Newest first: the line that explains what just happened is the one support reads first.
  const log = [...diagnostics.log].reverse();
  return (
    <details className="omw-diagnostics" open={defaultOpen}>
      <summary className="omw-diagnostics__summary">{messages.diagnosticsTitle}</summary>
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
                ...(getRecording ? { recording: getRecording() } : {}),
              })
            }
          >
            <DownloadIcon />
            <span>{messages.diagnosticsDownload}</span>
          </button>
        </div>
        {log.length === 0 ? (
          <p className="omw-muted">{messages.diagnosticsLogEmpty}</p>
        ) : (
          <div className="omw-log" tabIndex={0} role="region" aria-label={messages.diagnosticsLog}>
            <table className="omw-log__table">
              <thead>
                <tr>
                  <th scope="col">{messages.logColumns.time}</th>
                  <th scope="col">{messages.logColumns.kind}</th>
                  <th scope="col">{messages.logColumns.interaction}</th>
                  <th scope="col">{messages.logColumns.referenceId}</th>
                  <th scope="col">{messages.logColumns.detail}</th>
                </tr>
              </thead>
              <tbody>
                {log.map((line, index) => (
                  <tr key={`${line.at}-${index}`} className={`omw-log__row omw-log__row--${line.kind}`}>
                    <td className="omw-mono">{timeOf(line.at, locale)}</td>
                    <td>{messages.logKinds[line.kind]}</td>
                    <td className="omw-mono">{line.interactionId ?? ''}</td>
                    <td className="omw-mono">{line.referenceId ?? ''}</td>
                    <td>{line.detail}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </details>
  );
}
