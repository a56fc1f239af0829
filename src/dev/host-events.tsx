import { useId } from 'react';
import { dateTimeFormat } from '../components/date-time-format';

export interface HostEvent {
  readonly id: number;
  readonly at: number;
  readonly text: string;
  readonly tone: 'info' | 'ok' | 'warn' | 'error';
}

export interface HostEventsPanelProps {
  readonly events: readonly HostEvent[];
  readonly vetoTransfers: boolean;
  readonly onVetoTransfersChange: (veto: boolean) => void;
}

// Built on first use (the first event), not when the page's modules are evaluated: the page's
// first Intl format costs 10 ms or more, and at startup it would come before the snapshot request.
const TIME: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', second: '2-digit' };

/** What the embedding desktop hears from the widget (onAction, onFocus), and a veto switch to try. */
export function HostEventsPanel({ events, vetoTransfers, onVetoTransfersChange }: HostEventsPanelProps) {
  const titleId = useId();
  return (
    <section className="dev-panel" aria-labelledby={titleId}>
      <div className="dev-panel__header">
        <h2 id={titleId} className="dev-panel__title">
          Host callbacks
        </h2>
      </div>
      <label className="dev-check">
        <input type="checkbox" checked={vetoTransfers} onChange={(e) => onVetoTransfersChange(e.target.checked)} />
        Veto transfers in <code>onAction</code>
      </label>
      {events.length === 0 ? (
        <p className="dev-muted">onAction, onFocus and onOffer calls appear here.</p>
      ) : (
        <ol className="dev-events" aria-label="Recent callbacks">
          {events.map((event) => (
            <li key={event.id} className={`dev-event dev-event--${event.tone}`}>
              <time className="dev-event__time" dateTime={new Date(event.at).toISOString()}>
                {dateTimeFormat(undefined, TIME).format(event.at)}
              </time>
              <span>{event.text}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
