import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ActionEvent } from '../components/action-event';
import { startConnectionWorker } from '../channel/start-connection-worker';
import { OfferAlertControls } from '../components/offer-alert-controls';
import { OpenmediaWidget } from '../components/openmedia-widget';
import { TabRoleIndicator } from '../components/tab-role';
import { useOpenmediaClient } from '../hooks/openmedia-context';
import { OpenmediaProvider } from '../hooks/openmedia-provider';
import { subjectOf } from '../protocol/interaction';
import type { OpenmediaInteraction } from '../protocol/types';
import type { DevConfig } from './dev-config';
import { exampleTargets } from './example-targets';
import { HostEventsPanel, type HostEvent } from './host-events';
import { useAfterFirstAnswer } from './use-after-first-answer';

type Theme = 'light' | 'dark';

// Loaded on demand, after the widget's first answer (see MockPanelSlot): it shows nothing until
// the mock's state has been read anyway, so the first cards do not wait for its modules.
const MockControlPanel = lazy(() => import('./mock-control-panel').then((module) => ({ default: module.MockControlPanel })));

/** The dev page records the latest raw messages so "Download log" can be replayed. */
const DEV_RECORD_LIMIT = 1_000;

function initialTheme(): Theme {
  return typeof window !== 'undefined' && window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

function describe(event: ActionEvent): { text: string; tone: HostEvent['tone'] } {
  const op = event.request.operationName;
  if (event.phase === 'before') return { text: `before ${op} · ${event.interactionId}`, tone: 'info' };
  switch (event.outcome.status) {
    case 'succeeded':
      return { text: `after ${op} · ${event.interactionId} · succeeded${event.outcome.late ? ' (late)' : ''}`, tone: 'ok' };
    case 'unknown':
      return { text: `after ${op} · ${event.interactionId} · outcome unknown`, tone: 'warn' };
    case 'vetoed':
      return { text: `after ${op} · ${event.interactionId} · vetoed`, tone: 'warn' };
    case 'failed':
      return { text: `after ${op} · ${event.interactionId} · ${event.outcome.error.message}`, tone: 'error' };
  }
}

/** The mock's panel, its traffic counters drawn with the widget's news (the provider's client). */
function MockPanelSlot({ config }: { config: DevConfig }) {
  const client = useOpenmediaClient();
  // Its code, its Worker and its first read come after the first cards (or a second at the latest).
  const due = useAfterFirstAnswer(client);
  if (!due) return null;
  return (
    <Suspense fallback={null}>
      <MockControlPanel base={config.gwsBase} enabled={config.mockPanel} dialect={config.dialect} subscribeToNews={client.subscribe} />
    </Suspense>
  );
}

/** The standalone agent desktop: the widget on a live (mock or real) GWS, beside the mock's controls. */
export function DevApp({ config }: { config: DevConfig }) {
  const [theme, setTheme] = useState<Theme>(initialTheme);
  const [compact, setCompact] = useState(false);
  const [vetoTransfers, setVetoTransfers] = useState(false);
  const [events, setEvents] = useState<readonly HostEvent[]>([]);
  const nextId = useRef(0);
  const vetoRef = useRef(vetoTransfers);
  useEffect(() => {
    vetoRef.current = vetoTransfers;
  }, [vetoTransfers]);

  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);

  const targets = useMemo(() => exampleTargets(config.gwsBase, window.location.origin, config.dialect), [config.gwsBase, config.dialect]);

  const record = useCallback((text: string, tone: HostEvent['tone']) => {
    nextId.current += 1;
    const event: HostEvent = { id: nextId.current, at: Date.now(), text, tone };
    setEvents((list) => [event, ...list].slice(0, 12));
  }, []);

  const onAction = useCallback(
    (event: ActionEvent) => {
      const { text, tone } = describe(event);
      record(text, tone);
      if (event.phase === 'before' && event.request.operationName === 'Transfer' && vetoRef.current) return false;
      return undefined;
    },
    [record],
  );

  const onOffer = useCallback(
    (interaction: OpenmediaInteraction) =>
      record(`offer · ${interaction.id} · ${subjectOf(interaction) ?? interaction.id}`, 'info'),
    [record],
  );

  const onFocus = useCallback(
    (interaction: OpenmediaInteraction) => record(`focus · ${interaction.id}`, 'info'),
    [record],
  );

  return (
    <div className="dev-app">
      <header className="dev-header">
        <div className="dev-brand">
          <span className="dev-brand__mark" aria-hidden="true" />
          <div>
            <h1 className="dev-brand__title">Open media</h1>
            <p className="dev-brand__subtitle">Agent desktop</p>
          </div>
        </div>
        <div className="dev-header__tools">
          <span className="dev-endpoint" title="GWS base URL">
            {config.gwsBase || 'Same origin'}
          </span>
          <button
            type="button"
            className="dev-button dev-button--quiet"
            aria-pressed={compact}
            onClick={() => setCompact((c) => !c)}
          >
            Compact
          </button>
          <button
            type="button"
            className="dev-button dev-button--quiet"
            aria-pressed={theme === 'dark'}
            onClick={() => setTheme((t) => (t === 'dark' ? 'light' : 'dark'))}
          >
            Dark theme
          </button>
        </div>
      </header>
      {/* Recording raw messages is opt-in (they carry customer data); on here, for replayable logs.
          Offer alerts are on by default here: the title badge and onOffer work without a setting. */}
      <OpenmediaProvider
        dialect={config.dialect}
        gwsBase={config.gwsBase}
        cometdUrl={config.cometdUrl}
        recordLimit={DEV_RECORD_LIMIT}
        connectionWorker={startConnectionWorker}
        alerts
        onOffer={onOffer}
        {...(config.mediaTypes ? { mediaTypes: config.mediaTypes } : {})}
        {...(config.cometdChannels ? { cometdChannels: config.cometdChannels } : {})}
      >
        <div className="dev-layout">
          <main className="dev-main">
            <OpenmediaWidget
              title="My interactions"
              transferTargets={targets}
              onAction={onAction}
              onFocus={onFocus}
              compact={compact}
              showDiagnostics
            />
          </main>
          <aside className="dev-aside" aria-label="Demo controls">
            <section className="dev-panel" aria-label="Alerts and tabs">
              <OfferAlertControls />
              <TabRoleIndicator />
            </section>
            <MockPanelSlot config={config} />
            <HostEventsPanel events={events} vetoTransfers={vetoTransfers} onVetoTransfersChange={setVetoTransfers} />
          </aside>
        </div>
      </OpenmediaProvider>
    </div>
  );
}
