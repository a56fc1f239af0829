import { useCallback, useMemo, useState } from 'react';
import type { ActionEvent } from '../components/action-event';
import { OfferAlertControls } from '../components/offer-alert-controls';
import { OpenmediaWidget } from '../components/openmedia-widget';
import { TabRoleIndicator } from '../components/tab-role';
import { exampleTargets } from '../dev/example-targets';
import { OpenmediaProvider } from '../hooks/openmedia-provider';
import type { OpenmediaProviderProps } from '../hooks/openmedia-provider';
import { subjectOf } from '../protocol/interaction';
import type { OpenmediaInteraction } from '../protocol/types';
import { AgentHeader } from './agent-header';
import type { AgentState } from './agent-header';
import { FocusedInteractionPanel } from './focused-interaction-panel';
import { NotesPanel } from './notes-panel';
import type { NoteSubject } from './notes-panel';
import { SoftphonePanel } from './softphone-panel';

export interface DesktopAppProps {
  /** How the single provider connects (gwsBase, cometdUrl, mediaTypes; a channel and client in tests). */
  readonly connection: Omit<OpenmediaProviderProps, 'children'>;
  readonly origin: string;
  readonly initialTheme?: 'light' | 'dark';
}

function titleOf(interaction: OpenmediaInteraction): string {
  return subjectOf(interaction) ?? interaction.id;
}

function describeOutcome(event: Extract<ActionEvent, { phase: 'after' }>): string {
  const what = `${event.request.operationName} on ${event.interactionId}`;
  switch (event.outcome.status) {
    case 'succeeded':
      return `${what} succeeded${event.outcome.late ? ' (late)' : ''}`;
    case 'unknown':
      return `${what}: outcome unknown`;
    case 'vetoed':
      return `${what} was blocked`;
    case 'failed':
      return `${what} failed: ${event.outcome.error.message}`;
  }
}

/**
 * An example agent desktop: two views of open media (the full list and the interaction in focus)
 * share ONE provider, hence one CometD connection, beside the desktop's own softphone and notes.
 */
export function DesktopApp({ connection, origin, initialTheme = 'light' }: DesktopAppProps) {
  const [theme, setTheme] = useState<'light' | 'dark'>(initialTheme);
  const [agentState, setAgentState] = useState<AgentState>('Ready');
  const [noteSubject, setNoteSubject] = useState<NoteSubject | undefined>(undefined);
  const [lastAction, setLastAction] = useState('No action yet');
  const targets = useMemo(() => exampleTargets(connection.gwsBase ?? '', origin), [connection.gwsBase, origin]);

  const onFocus = useCallback((interaction: OpenmediaInteraction) => {
    setNoteSubject({ id: interaction.id, title: titleOf(interaction) });
  }, []);
  const onAction = useCallback((event: ActionEvent) => {
    if (event.phase === 'after') setLastAction(describeOutcome(event));
  }, []);

  return (
    <div className="desk" data-theme={theme}>
      <AgentHeader agentName="Dana Whitfield" state={agentState} onStateChange={setAgentState} theme={theme} onThemeChange={setTheme} />
      {/* Offer alerts on (title badge; the agent turns on notifications and sound below). */}
      <OpenmediaProvider alerts {...connection}>
        <div className="desk-layout">
          <div className="desk-column desk-column--side">
            <section className="desk-panel desk-alerts" aria-label="Alerts and tabs">
              <OfferAlertControls />
              <TabRoleIndicator />
            </section>
            <SoftphonePanel />
            <NotesPanel subject={noteSubject} />
          </div>
          <main className="desk-column desk-column--main">
            <OpenmediaWidget title="My interactions" transferTargets={targets} onFocus={onFocus} onAction={onAction} />
          </main>
          <aside className="desk-column desk-column--focus" aria-label="Focused interaction panel">
            <FocusedInteractionPanel transferTargets={targets} />
          </aside>
        </div>
      </OpenmediaProvider>
      <footer className="desk-footer">
        <span>Agent state: {agentState}</span>
        <output aria-label="Last action">{lastAction}</output>
      </footer>
    </div>
  );
}
