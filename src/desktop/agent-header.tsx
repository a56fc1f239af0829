import { useId } from 'react';

export const AGENT_STATES = ['Ready', 'Not ready', 'After call work', 'On break'] as const;
export type AgentState = (typeof AGENT_STATES)[number];

export interface AgentHeaderProps {
  readonly agentName: string;
  readonly state: AgentState;
  readonly onStateChange: (state: AgentState) => void;
  readonly theme: 'light' | 'dark';
  readonly onThemeChange: (theme: 'light' | 'dark') => void;
}

/** The desktop's top bar: who is signed in and their (local, example) agent state. */
export function AgentHeader({ agentName, state, onStateChange, theme, onThemeChange }: AgentHeaderProps) {
  const stateId = useId();
  return (
    <header className="desk-header">
      <div className="desk-brand">
        <span className="desk-brand__mark" aria-hidden="true" />
        <div>
          <h1 className="desk-brand__title">Northwind contact center</h1>
          <p className="desk-brand__subtitle">Agent desktop</p>
        </div>
      </div>
      <div className="desk-header__tools">
        <span className="desk-agent">{agentName}</span>
        <label htmlFor={stateId} className="desk-visually-hidden">
          Agent state
        </label>
        <span className={`desk-state desk-state--${state === 'Ready' ? 'ready' : 'away'}`}>
          <span className="desk-state__dot" aria-hidden="true" />
          <select id={stateId} value={state} onChange={(event) => onStateChange(event.target.value as AgentState)}>
            {AGENT_STATES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </span>
        <button
          type="button"
          className="desk-button"
          aria-pressed={theme === 'dark'}
          onClick={() => onThemeChange(theme === 'dark' ? 'light' : 'dark')}
        >
          Dark theme
        </button>
      </div>
    </header>
  );
}
