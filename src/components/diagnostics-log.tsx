import { memo } from 'react';
import type { LogEntry } from '../core/types';
import { dateTimeFormat } from './date-time-format';
import { logRowKey } from './log-row-key';
import { useMessages } from './messages-context';

const TIME: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', second: '2-digit' };

function timeOf(at: number, locale: string | undefined): string {
  const date = new Date(at);
  if (Number.isNaN(date.getTime())) return String(at);
  try {
    return dateTimeFormat(locale, TIME).format(date);
  } catch {
    return date.toISOString();
  }
}

interface LogRowProps {
  readonly line: LogEntry;
  readonly locale: string | undefined;
}

// Memoised: a flush that appends a line renders that line's row only.
const LogRow = memo(function LogRow({ line, locale }: LogRowProps) {
  const messages = useMessages();
  return (
    <tr className={`omw-log__row omw-log__row--${line.kind}`}>
      <td className="omw-mono" dir="auto">
        {timeOf(line.at, locale)}
      </td>
      <td>{messages.logKinds[line.kind]}</td>
      <td className="omw-mono">{line.interactionId ?? ''}</td>
      <td className="omw-mono">{line.referenceId ?? ''}</td>
      <td dir="auto">{line.detail}</td>
    </tr>
  );
});

export interface DiagnosticsLogProps {
  readonly log: readonly LogEntry[];
  readonly locale: string | undefined;
}

/** The recent-event log as a table, newest line first. */
export function DiagnosticsLog({ log, locale }: DiagnosticsLogProps) {
  const messages = useMessages();
  if (log.length === 0) return <p className="omw-muted">{messages.diagnosticsLogEmpty}</p>;
  // Newest first: the line that explains what just happened is the one support reads first.
  const lines = [...log].reverse();
  return (
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
          {lines.map((line) => (
            <LogRow key={logRowKey(line)} line={line} locale={locale} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
