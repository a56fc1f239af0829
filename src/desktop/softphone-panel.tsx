import { useId } from 'react';
import { CALL_HISTORY, formatCallDuration } from './call-history';

/** The desktop's telephony area: line state and today's calls (static: no telephony here). */
export function SoftphonePanel() {
  const titleId = useId();
  return (
    <section className="desk-panel" aria-labelledby={titleId}>
      <header className="desk-panel__header">
        <h2 id={titleId} className="desk-panel__title">
          Softphone
        </h2>
        <span className="desk-line">
          <span className="desk-line__dot" aria-hidden="true" /> Line 1 · idle
        </span>
      </header>
      <dl className="desk-stats">
        <div>
          <dt>Calls today</dt>
          <dd>{CALL_HISTORY.length}</dd>
        </div>
        <div>
          <dt>Talk time</dt>
          <dd>{formatCallDuration(CALL_HISTORY.reduce((sum, call) => sum + call.durationSeconds, 0))}</dd>
        </div>
        <div>
          <dt>Missed</dt>
          <dd>{CALL_HISTORY.filter((call) => call.disposition === 'Missed').length}</dd>
        </div>
      </dl>
      <div className="desk-table-wrap" role="region" aria-label="Call history" tabIndex={0}>
        <table className="desk-table">
          <caption className="desk-visually-hidden">Today’s calls, newest last</caption>
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Direction</th>
              <th scope="col">Contact</th>
              <th scope="col">Duration</th>
              <th scope="col">Disposition</th>
            </tr>
          </thead>
          <tbody>
            {CALL_HISTORY.map((call) => (
              <tr key={call.id}>
                <td className="desk-mono">{call.time}</td>
                <td>{call.direction}</td>
                <td>
                  {call.contact}
                  <span className="desk-table__sub desk-mono">{call.number}</span>
                </td>
                <td className="desk-mono">{formatCallDuration(call.durationSeconds)}</td>
                <td>
                  <span className={`desk-tag desk-tag--${call.disposition.toLowerCase()}`}>{call.disposition}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
