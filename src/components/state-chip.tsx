import { memo } from 'react';
import { stateTone } from './format';
import { useMessages } from './messages-context';

export interface StateChipProps {
  /** The state exactly as GWS sent it. */
  readonly state: string;
}

/** The GWS state word in a colour-coded chip (its dot drawn by CSS), with a friendlier label beside it when one is known. */
export const StateChip = memo(function StateChip({ state }: StateChipProps) {
  const messages = useMessages();
  const label = Object.hasOwn(messages.stateLabels, state) ? messages.stateLabels[state] : undefined;
  return (
    <span className={`omw-chip omw-chip--${stateTone(state)}`}>
      <span className="omw-chip__state">{state}</span>
      {label && label !== state ? <span className="omw-chip__label">{label}</span> : null}
    </span>
  );
});
