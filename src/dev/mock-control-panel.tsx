import { useId, useMemo } from 'react';
import type { DialectName } from '../client/dialects';
import { createMockApi, mockControlBase } from './mock-api';
import { panelDialect } from './mock-dialect';
import { startMockStateWorker, watchOffThread } from './mock-state-reader';
import { watchOnPage } from './mock-state-watch';
import { MockFaultSection } from './mock-fault-section';
import { MockScenarioSection } from './mock-scenario-section';
import { useMockRunner } from './use-mock-runner';
import { useMockState } from './use-mock-state';

export interface MockControlPanelProps {
  /** Where the mock answers (the GWS base; '' = this page's origin). */
  readonly base: string;
  /** `?mock=0` turns the panel off without probing. */
  readonly enabled: boolean;
  /** Which mock to drive: GWS v2's (`/mock`) or the Workspace API v3's (`/mock/v3`). Default v2. */
  readonly dialect?: DialectName;
  /**
   * The page's news (the widget client's `subscribe`): changes of the traffic counters are then
   * shown in the frames that draw the news, not in frames of their own.
   */
  readonly subscribeToNews?: ((listener: () => void) => () => void) | undefined;
}

/** Drives the mock GWS: offers, traffic and every fault switch. Hidden when no mock answers. */
export function MockControlPanel({ base, enabled, dialect = 'gws-v2', subscribeToNews }: MockControlPanelProps) {
  const control = mockControlBase(base, dialect);
  const api = useMemo(() => createMockApi(control), [control]);
  // Off the page's thread where it can be: the panel reads the mock's state every 1.5 s. The
  // Worker resolves nothing against the page's address, so it gets the absolute base.
  const source = useMemo(
    () => watchOffThread(new URL(control, window.location.href).href, startMockStateWorker, watchOnPage((signal) => api.state(signal))),
    [api, control],
  );
  const wording = panelDialect(dialect);
  const { availability, summary, unreachable, refresh } = useMockState(source, enabled, { subscribeToNews });
  const { busy, feedback, run } = useMockRunner(refresh);
  const titleId = useId();

  if (availability !== 'available' || !summary) return null;
  const active = summary.interactions.filter((i) => wording.isLive(i.state)).length;
  const cutRemaining =
    summary.networkCutUntil !== undefined ? Math.max(0, Math.ceil((summary.networkCutUntil - summary.readAt) / 1000)) : 0;

  return (
    <section className="dev-panel" aria-labelledby={titleId}>
      <div className="dev-panel__header">
        <h2 id={titleId} className="dev-panel__title">
          {dialect === 'workspace-v3' ? 'Mock Workspace API v3' : 'Mock GWS'}
        </h2>
        <span className={`dev-pill ${unreachable ? 'dev-pill--bad' : 'dev-pill--ok'}`}>
          {unreachable ? 'Unreachable' : 'Running'}
        </span>
      </div>
      <dl className="dev-stats">
        <div>
          <dt>CometD sessions</dt>
          <dd>{summary.sessions ?? '—'}</dd>
        </div>
        <div>
          <dt>Handshakes</dt>
          <dd>{summary.handshakes ?? '—'}</dd>
        </div>
        <div>
          <dt>Active interactions</dt>
          <dd>{active}</dd>
        </div>
        <div>
          <dt>Published</dt>
          <dd>{summary.published ?? '—'}</dd>
        </div>
      </dl>
      <ArmedFaults
        failNext={summary.failNextRemaining > 0 ? `${summary.failNextRemaining} × ${summary.failNextMode ?? ''}` : undefined}
        duplicateNext={summary.duplicateNext}
        reorderNext={summary.reorderNext}
        cutSeconds={cutRemaining}
        expired={summary.expiredSessions}
        refusing={summary.refuseSubscriptions}
        traffic={summary.trafficRunning ? summary.trafficRate : 0}
      />
      <MockScenarioSection api={api} interactions={summary.interactions} trafficRunning={summary.trafficRunning} busy={busy} run={run} dialect={wording} />
      <MockFaultSection api={api} busy={busy} run={run} dialect={wording} refusing={summary.refuseSubscriptions} />
      <p role="status" className={`dev-feedback${feedback ? ` dev-feedback--${feedback.tone}` : ''}`}>
        {feedback?.text ?? ''}
      </p>
    </section>
  );
}

function ArmedFaults(props: {
  failNext: string | undefined;
  duplicateNext: number;
  reorderNext: number;
  cutSeconds: number;
  expired: number;
  refusing: boolean;
  traffic: number;
}) {
  const items: string[] = [];
  if (props.traffic > 0) items.push(`traffic ${props.traffic}/s`);
  if (props.failNext) items.push(`fail next ${props.failNext}`);
  if (props.duplicateNext > 0) items.push(`duplicate next ${props.duplicateNext}`);
  if (props.reorderNext > 0) items.push(`reorder next ${props.reorderNext}`);
  if (props.cutSeconds > 0) items.push(`network cut ${props.cutSeconds} s`);
  if (props.refusing) items.push('subscriptions refused');
  if (props.expired > 0) items.push(`${props.expired} expired session${props.expired === 1 ? '' : 's'}`);
  if (items.length === 0) return <p className="dev-armed dev-armed--none">No fault armed.</p>;
  return (
    <ul className="dev-armed" aria-label="Armed">
      {items.map((item) => (
        <li key={item} className="dev-pill dev-pill--warn">
          {item}
        </li>
      ))}
    </ul>
  );
}
