import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { OpenmediaMessages } from './messages-provider';
import { LABEL_TOOLTIP_AFTER, StateChip } from './state-chip';

// In a narrow card the chip's friendly label gives way before the state word (CSS): a label that
// may be cut is its own tooltip, so nothing is cut without a way to read it.

describe('StateChip: the label’s tooltip', () => {
  it('gives none to the default labels, which fit in the narrowest card', () => {
    render(<StateChip state="Processing" />);
    expect(screen.getByText('In progress')).not.toHaveAttribute('title');
  });

  it.each([
    ['Wrapup', 'x'.repeat(LABEL_TOOLTIP_AFTER - 'Wrapup'.length), false],
    ['Wrapup', 'x'.repeat(LABEL_TOOLTIP_AFTER - 'Wrapup'.length + 1), true],
    ['Wrapup', 'Nachbearbeitung des Anrufs', true],
  ])('state %j with the label %j: tooltip %s', (state, label, tooltip) => {
    render(
      <OpenmediaMessages messages={{ stateLabels: { [state]: label } }}>
        <StateChip state={state} />
      </OpenmediaMessages>,
    );
    if (tooltip) expect(screen.getByText(label)).toHaveAttribute('title', label);
    else expect(screen.getByText(label)).not.toHaveAttribute('title');
  });
});
