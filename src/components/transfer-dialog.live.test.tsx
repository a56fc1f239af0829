import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { InteractionEntry } from '../core/types';
import { InteractionCard } from './interaction-card';
import { makeEntry, makePending } from '../test-support/entries';
import type { TransferTarget } from './transfer-target';

const TARGETS: TransferTarget[] = [
  { name: 'Dana Scully', uri: 'http://gws.example/api/v2/users/scully', kind: 'agent' },
  { name: 'Billing', uri: 'http://gws.example/api/v2/queues/billing', kind: 'queue' },
];

const WAITING = 'Set in focus sent from another tab, waiting for the server…';

function setup(targets: TransferTarget[] = TARGETS) {
  const user = userEvent.setup();
  const onPerform = vi.fn();
  const card = (entry: InteractionEntry) => <InteractionCard entry={entry} transferTargets={targets} onPerform={onPerform} onDismissError={() => {}} />;
  const { rerender } = render(card(makeEntry({ capabilities: ['Transfer', 'Complete'] })));
  const open = async () => {
    await user.click(screen.getByRole('button', { name: 'Transfer' }));
    return screen.getByRole('dialog', { name: 'Transfer “Spring offer”' });
  };
  const update = (entry: InteractionEntry) => rerender(card(entry));
  return { user, onPerform, open, update };
}

/** The polite live region (role="status") around a line of text, or null. */
const statusOf = (line: HTMLElement) => line.closest<HTMLElement>('[role="status"]');

describe('TransferDialog: what is announced', () => {
  it('says "no match" in a status region that was there, empty, before the filter left nothing', async () => {
    const { user, open } = setup();
    const dialog = await open();
    const regionsAtOpen = within(dialog).getAllByRole('status');
    const filter = within(dialog).getByRole('searchbox', { name: 'Filter agents and queues' });

    await user.type(filter, 'zzz');
    const region = statusOf(within(dialog).getByText('No agent or queue matches.'));
    expect(region).not.toBeNull();
    expect(regionsAtOpen).toContain(region);
    // Only the result is in it (nothing per keystroke piles up).
    expect(region).toHaveTextContent(/^No agent or queue matches\.$/);

    // A match again: the region stays, emptied, ready for the next "no match".
    await user.clear(filter);
    await user.type(filter, 'bill');
    expect(within(dialog).queryByText('No agent or queue matches.')).not.toBeInTheDocument();
    expect(region).toBeInTheDocument();
    expect(region).toHaveTextContent(/^$/);
  });

  it("announces another tab's action in a status region there from the first render, and Confirm says why it is held", async () => {
    const { user, onPerform, open, update } = setup([]);
    const dialog = await open();
    const regionsAtOpen = within(dialog).getAllByRole('status');
    const confirm = within(dialog).getByRole('button', { name: 'Confirm transfer' });
    expect(confirm).not.toHaveAttribute('aria-describedby');

    update(makeEntry({ capabilities: ['Transfer', 'Complete'] }, { pending: makePending({ operation: 'SetInFocus', elsewhere: true }) }));
    const region = statusOf(within(dialog).getByText(WAITING));
    expect(region).not.toBeNull();
    expect(regionsAtOpen).toContain(region);
    expect(confirm).toBeDisabled();
    expect(confirm).toHaveAccessibleDescription(WAITING);

    // That action ends: the line goes, the region stays, Confirm describes nothing and sends.
    update(makeEntry({ capabilities: ['Transfer', 'Complete'] }));
    expect(within(dialog).queryByText(WAITING)).not.toBeInTheDocument();
    expect(region).toBeInTheDocument();
    expect(confirm).toBeEnabled();
    expect(confirm).not.toHaveAttribute('aria-describedby');
    await user.type(within(dialog).getByRole('textbox', { name: 'Target URI' }), 'http://gws.example/api/v2/users/skinner');
    await user.click(confirm);
    expect(onPerform).toHaveBeenCalledExactlyOnceWith({ operationName: 'Transfer', targetUri: 'http://gws.example/api/v2/users/skinner' });
  });
});
