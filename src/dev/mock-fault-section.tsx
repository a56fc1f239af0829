import { memo, useId, useState } from 'react';
import type { MockApi } from './mock-api';
import type { PanelDialect } from './mock-dialect';

type Run = (label: string, action: () => Promise<unknown>, describe?: (result: unknown) => string) => Promise<void>;

export interface MockFaultSectionProps {
  readonly api: MockApi;
  readonly busy: string | undefined;
  readonly run: Run;
  readonly dialect: PanelDialect;
  /** The mock refuses every CometD subscription now. */
  readonly refusing: boolean;
}

const FAIL_MODES = [
  { value: 'error-notification', label: 'Error notification' },
  { value: 'status-code', label: 'Status code (refused at once)' },
  { value: 'no-answer', label: 'No answer (times out)' },
] as const;

function count(text: string, fallback: number): number {
  const n = Math.floor(Number(text));
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

/** Every fault switch of the mock. A memo: nothing here changes with the polled counters. */
export const MockFaultSection = memo(function MockFaultSection({ api, busy, run, dialect, refusing }: MockFaultSectionProps) {
  const ids = {
    mode: useId(),
    failCount: useId(),
    raw: useId(),
    dup: useId(),
    reorder: useId(),
    cut: useId(),
  };
  const [mode, setMode] = useState<(typeof FAIL_MODES)[number]['value']>('error-notification');
  const [failCount, setFailCount] = useState('1');
  const [raw, setRaw] = useState('0');
  const [dup, setDup] = useState('1');
  const [reorder, setReorder] = useState('2');
  const [cut, setCut] = useState('5');
  const disabled = busy !== undefined;
  const malformed = dialect.malformed[Number(raw)] ?? dialect.malformed[0];

  return (
    <>
      <fieldset className="dev-group">
        <legend>Fail the next operation</legend>
        <div className="dev-row dev-row--end">
          <label className="dev-field dev-field--grow" htmlFor={ids.mode}>
            How
            <select id={ids.mode} value={mode} onChange={(e) => setMode(e.target.value as typeof mode)}>
              {FAIL_MODES.map((m) => (
                <option key={m.value} value={m.value}>
                  {m.label}
                </option>
              ))}
            </select>
          </label>
          <label className="dev-field dev-field--count" htmlFor={ids.failCount}>
            Count
            <input id={ids.failCount} type="number" min="1" value={failCount} onChange={(e) => setFailCount(e.target.value)} />
          </label>
          <button
            type="button"
            className="dev-button"
            disabled={disabled}
            onClick={() =>
              void run(`Next ${count(failCount, 1)} operation(s) will fail: ${mode}`, () =>
                api.post('fail-next', { mode, count: count(failCount, 1) }),
              )
            }
          >
            Arm
          </button>
        </div>
      </fieldset>

      <fieldset className="dev-group">
        <legend>Bad messages</legend>
        <div className="dev-row dev-row--end">
          <label className="dev-field dev-field--grow" htmlFor={ids.raw}>
            Malformed message
            <select id={ids.raw} value={raw} onChange={(e) => setRaw(e.target.value)}>
              {dialect.malformed.map((m, index) => (
                <option key={m.label} value={String(index)}>
                  {m.label}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="dev-button"
            disabled={disabled || !malformed}
            onClick={() =>
              malformed && void run(`Published: ${malformed.label}`, () => api.post('raw', { data: malformed.data }))
            }
          >
            Publish
          </button>
        </div>
        <button
          type="button"
          className="dev-button"
          disabled={disabled}
          onClick={() => void run('Hostile offer published', () => api.post('offer', { overrides: dialect.hostileOffer }))}
        >
          Offer with hostile user data
        </button>
      </fieldset>

      <fieldset className="dev-group">
        <legend>Delivery</legend>
        <div className="dev-row dev-row--end">
          <label className="dev-field dev-field--narrow" htmlFor={ids.dup}>
            Duplicate next
            <input id={ids.dup} type="number" min="1" value={dup} onChange={(e) => setDup(e.target.value)} />
          </label>
          <button
            type="button"
            className="dev-button"
            disabled={disabled}
            onClick={() =>
              void run(`Next ${count(dup, 1)} notification(s) sent twice`, () =>
                api.post('duplicate-next', { count: count(dup, 1) }),
              )
            }
          >
            Arm duplicates
          </button>
        </div>
        <div className="dev-row dev-row--end">
          <label className="dev-field dev-field--narrow" htmlFor={ids.reorder}>
            Reorder next
            <input id={ids.reorder} type="number" min="2" value={reorder} onChange={(e) => setReorder(e.target.value)} />
          </label>
          <button
            type="button"
            className="dev-button"
            disabled={disabled}
            onClick={() =>
              void run(`Next ${count(reorder, 2)} notifications reordered`, () =>
                api.post('reorder-next', { count: count(reorder, 2) }),
              )
            }
          >
            Arm reordering
          </button>
        </div>
      </fieldset>

      <fieldset className="dev-group">
        <legend>Session and network</legend>
        <div className="dev-buttons">
          <button
            type="button"
            className="dev-button"
            disabled={disabled}
            onClick={() => void run('CometD sessions dropped', () => api.post('drop-sessions'))}
          >
            Drop sessions
          </button>
          <button
            type="button"
            className="dev-button"
            disabled={disabled}
            onClick={() => void run(`HTTP session expired (${dialect.expiredAnswer} from now on)`, () => api.post('expire-session'))}
          >
            Expire session
          </button>
          <button
            type="button"
            className="dev-button"
            disabled={disabled}
            onClick={() => void run('HTTP session restored', () => api.post('restore-session'))}
          >
            Restore session
          </button>
          <button
            type="button"
            className="dev-button"
            disabled={disabled}
            aria-pressed={refusing}
            onClick={() =>
              void run(
                refusing ? 'Subscriptions accepted again (from the next session on)' : 'Subscriptions refused from the next session on (drop sessions to see it now)',
                () => api.post('refuse-subscriptions', { on: !refusing }),
              )
            }
          >
            Refuse subscriptions
          </button>
        </div>
        <div className="dev-row dev-row--end">
          <label className="dev-field dev-field--narrow" htmlFor={ids.cut}>
            Seconds
            <input id={ids.cut} type="number" min="1" max="600" value={cut} onChange={(e) => setCut(e.target.value)} />
          </label>
          <button
            type="button"
            className="dev-button"
            disabled={disabled}
            onClick={() =>
              void run(`Network cut for ${count(cut, 5)} s`, () => api.post('network-cut', { seconds: count(cut, 5) }))
            }
          >
            Cut the network
          </button>
        </div>
        <button
          type="button"
          className="dev-button dev-button--danger"
          disabled={disabled}
          onClick={() => void run('Mock reset to its initial data', () => api.post('reset'))}
        >
          Reset the mock
        </button>
      </fieldset>
    </>
  );
});
