import { memo, useId, useState } from 'react';
import type { MockApi, MockSummary } from './mock-api';
import type { PanelDialect } from './mock-dialect';

type Run = (label: string, action: () => Promise<unknown>, describe?: (result: unknown) => string) => Promise<void>;

export interface MockScenarioSectionProps {
  readonly api: MockApi;
  readonly interactions: MockSummary['interactions'];
  readonly trafficRunning: boolean;
  readonly busy: string | undefined;
  readonly run: Run;
  readonly dialect: PanelDialect;
}

function offeredId(result: unknown): string {
  const id = typeof result === 'object' && result !== null ? (result as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? `Offered ${id}` : 'Offered';
}

/**
 * Offers, server-side user-data changes and random traffic. A memo: the panel's counters change
 * with every poll while traffic runs, and nothing here shows them.
 */
export const MockScenarioSection = memo(function MockScenarioSection({ api, interactions, trafficRunning, busy, run, dialect }: MockScenarioSectionProps) {
  const ids = { media: useId(), direction: useId(), subject: useId(), target: useId(), key: useId(), value: useId(), rate: useId() };
  const [chosenMediaType, setMediaType] = useState<string | undefined>(undefined);
  const mediaType = chosenMediaType !== undefined && dialect.mediaTypes.includes(chosenMediaType) ? chosenMediaType : (dialect.mediaTypes[0] ?? '');
  const [direction, setDirection] = useState('Inbound');
  const [subject, setSubject] = useState('');
  const [target, setTarget] = useState('');
  const [key, setKey] = useState('Priority');
  const [value, setValue] = useState('high');
  const [rate, setRate] = useState('2');
  const live = interactions.filter((i) => dialect.isLive(i.state));
  const targetId = live.some((i) => i.id === target) ? target : (live[0]?.id ?? '');
  const rateNumber = Number(rate);

  return (
    <>
      <fieldset className="dev-group">
        <legend>Offer an interaction</legend>
        <div className="dev-row">
          <label className="dev-field" htmlFor={ids.media}>
            Media type
            <select id={ids.media} value={mediaType} onChange={(e) => setMediaType(e.target.value)}>
              {dialect.mediaTypes.map((type) => (
                <option key={type} value={type}>
                  {type}
                </option>
              ))}
            </select>
          </label>
          <label className="dev-field" htmlFor={ids.direction}>
            Direction
            <select id={ids.direction} value={direction} onChange={(e) => setDirection(e.target.value)}>
              <option>Inbound</option>
              <option>Outbound</option>
            </select>
          </label>
        </div>
        <label className="dev-field" htmlFor={ids.subject}>
          Subject
          <input
            id={ids.subject}
            value={subject}
            placeholder="Generated when empty"
            onChange={(e) => setSubject(e.target.value)}
          />
        </label>
        <button
          type="button"
          className="dev-button dev-button--primary"
          disabled={busy !== undefined}
          onClick={() =>
            void run(
              'Offer',
              () =>
                api.post('offer', { overrides: dialect.offerOverrides(mediaType, direction, subject.trim()) }),
              offeredId,
            )
          }
        >
          Offer interaction
        </button>
      </fieldset>

      <fieldset className="dev-group">
        <legend>Random traffic</legend>
        <div className="dev-row dev-row--end">
          <label className="dev-field" htmlFor={ids.rate}>
            Messages per second
            <input
              id={ids.rate}
              type="number"
              min="0.1"
              max="1000"
              step="0.5"
              value={rate}
              onChange={(e) => setRate(e.target.value)}
            />
          </label>
          {trafficRunning ? (
            <button
              type="button"
              className="dev-button"
              disabled={busy !== undefined}
              onClick={() => void run('Traffic stopped', () => api.post('traffic', { rate: 0 }))}
            >
              Stop traffic
            </button>
          ) : (
            <button
              type="button"
              className="dev-button"
              disabled={busy !== undefined || !(rateNumber > 0)}
              onClick={() => void run(`Traffic at ${rateNumber}/s`, () => api.post('traffic', { rate: rateNumber }))}
            >
              Start traffic
            </button>
          )}
        </div>
      </fieldset>

      <fieldset className="dev-group" disabled={live.length === 0}>
        <legend>Change user data on the server</legend>
        <label className="dev-field" htmlFor={ids.target}>
          Interaction
          <select id={ids.target} value={targetId} onChange={(e) => setTarget(e.target.value)}>
            {live.map((i) => (
              <option key={i.id} value={i.id}>
                {i.subject ? `${i.subject} (${i.id})` : i.id}
              </option>
            ))}
          </select>
        </label>
        <div className="dev-row">
          <label className="dev-field" htmlFor={ids.key}>
            Key
            <input id={ids.key} value={key} onChange={(e) => setKey(e.target.value)} />
          </label>
          <label className="dev-field" htmlFor={ids.value}>
            Value
            <input id={ids.value} value={value} onChange={(e) => setValue(e.target.value)} />
          </label>
        </div>
        <button
          type="button"
          className="dev-button"
          disabled={busy !== undefined || targetId === '' || key.trim() === ''}
          onClick={() =>
            void run(`User data of ${targetId} changed`, () =>
              api.post('user-data', { id: targetId, userData: { [key.trim()]: value } }),
            )
          }
        >
          Send PropertiesUpdated
        </button>
      </fieldset>
    </>
  );
});
