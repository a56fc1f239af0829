import { memo } from 'react';
import { stateTone } from './format';
import { useMessages } from './messages-context';

export interface StateChipProps {
  /** The state exactly as GWS sent it. */
  readonly state: string;
  /**
   * The interaction is no longer listed by GWS: `state` is only the last one the widget knew, so
   * the label says so instead of "In progress" or "Offered", which it no longer is.
   */
  readonly lastKnown?: boolean;
  /** The state is one that left the agent (`OpenmediaInteraction.ended`): the ended colour. */
  readonly ended?: boolean | undefined;
}

/**
 * The chip keeps its state on one line. When the chip does not fit beside the timer, the timer goes
 * under it; in a card narrower than the chip, the friendly label gives way first (an ellipsis),
 * then the state (GWS states are opaque strings). Past this length the state may be cut (a chip
 * alone in the narrowest card has room for ~25 characters, label included), so the whole state is
 * also its tooltip; the state words GWS uses ("Invited", "Processing", …) are shorter and need none.
 */
export const STATE_TOOLTIP_AFTER = 16;

/**
 * Past this many characters of state and label together, the label may be cut in the narrowest
 * card: it is its own tooltip then ("Processing" · "In progress" is 21 and fits).
 */
export const LABEL_TOOLTIP_AFTER = 24;

/** The GWS state word in a colour-coded chip (its dot drawn by CSS), with a friendlier label beside it when one is known. */
export const StateChip = memo(function StateChip({ state, ended, lastKnown = false }: StateChipProps) {
  const messages = useMessages();
  const label = lastKnown ? messages.stateLastKnown : Object.hasOwn(messages.stateLabels, state) ? messages.stateLabels[state] : undefined;
  return (
    <span className={`omw-chip omw-chip--${stateTone(state, ended)}`}>
      <span className="omw-chip__state" title={state.length > STATE_TOOLTIP_AFTER ? state : undefined}>
        {state}
      </span>
      {label && label !== state ? (
        <span className="omw-chip__label" title={state.length + label.length > LABEL_TOOLTIP_AFTER ? label : undefined}>
          {label}
        </span>
      ) : null}
    </span>
  );
});
