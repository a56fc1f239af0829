import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { InteractionEntry } from '../core/types';
import { InteractionCard } from './interaction-card';
import { makeEntry, makePending } from '../test-support/entries';
import type { TransferTarget } from './transfer-target';

const TARGETS: TransferTarget[] = [
  { name: 'Dana Scully', uri: 'http://gws.example/api/v2/users/scully', kind: 'agent' },
  { name: 'Fox Mulder', uri: 'http://gws.example/api/v2/users/mulder', kind: 'agent' },
  { name: 'Billing', uri: 'http://gws.example/api/v2/queues/billing', kind: 'queue' },
  { name: 'Retention', uri: 'http://gws.example/api/v2/queues/retention', kind: 'queue' },
];

function setup(targets: TransferTarget[] = TARGETS) {
  const user = userEvent.setup();
  const onPerform = vi.fn();
  const card = (entry: InteractionEntry) => <InteractionCard entry={entry} transferTargets={targets} onPerform={onPerform} onDismissError={() => {}} />;
  const { rerender } = render(card(makeEntry({ capabilities: ['Transfer', 'Complete'] })));
  const open = async () => {
    await user.click(screen.getByRole('button', { name: 'Transfer' }));
    return screen.getByRole('dialog', { name: 'Transfer “Spring offer”' });
  };
  /** The server sends a new version of the interaction. */
  const update = (entry: InteractionEntry) => rerender(card(entry));
  return { user, onPerform, open, update };
}

describe('TransferDialog', () => {
  it('opens as a modal with focus inside, on the filter box', async () => {
    const { open } = setup();
    const dialog = await open();
    expect(dialog).toHaveAttribute('aria-modal', 'true');
    expect(screen.getByRole('searchbox', { name: 'Filter agents and queues' })).toHaveFocus();
  });

  it('traps Tab and Shift+Tab inside the dialog', async () => {
    const { user, open } = setup();
    const dialog = await open();
    const filter = screen.getByRole('searchbox', { name: 'Filter agents and queues' });
    const confirm = within(dialog).getByRole('button', { name: 'Confirm transfer' });
    await user.tab({ shift: true });
    expect(confirm).toHaveFocus();
    await user.tab();
    expect(filter).toHaveFocus();
    for (let i = 0; i < 10; i++) {
      await user.tab();
      expect(dialog).toContainElement(document.activeElement as HTMLElement);
    }
  });

  it('closes on Escape and gives focus back to the Transfer button', async () => {
    const { user, open, onPerform } = setup();
    await open();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Transfer' })).toHaveFocus();
    expect(onPerform).not.toHaveBeenCalled();
  });

  it('closes when the server takes Transfer away, and gives the card focus, not the page', async () => {
    const { user, onPerform, open, update } = setup();
    const dialog = await open();
    await user.type(within(dialog).getByRole('textbox', { name: 'Target URI' }), 'http://gws.example/api/v2/users/skinner');
    update(makeEntry({ capabilities: ['Complete'] }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('article', { name: 'Spring offer' })).toHaveFocus();
    expect(onPerform).not.toHaveBeenCalled();
    // Not silently: the card says the transfer was not sent, and keeps the target the agent had.
    const note = screen.getByRole('alert');
    expect(note).toHaveTextContent('The transfer was not sent: the interaction changed and the dialog closed.');
    expect(within(note).getByText('http://gws.example/api/v2/users/skinner')).toBeVisible();
  });

  it('keeps a picked target too, and nothing when the agent closed the dialog or sent the transfer', async () => {
    const { user, onPerform, open, update } = setup();
    let dialog = await open();
    await user.click(within(dialog).getByRole('radio', { name: /Billing/ }));
    await user.keyboard('{Escape}');
    update(makeEntry({ capabilities: ['Complete'] }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    update(makeEntry({ capabilities: ['Transfer', 'Complete'] }));
    dialog = await open();
    await user.click(within(dialog).getByRole('radio', { name: /Retention/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Confirm transfer' }));
    expect(onPerform).toHaveBeenCalledExactlyOnceWith({ operationName: 'Transfer', targetUri: 'http://gws.example/api/v2/queues/retention' });
    update(makeEntry({ capabilities: ['Complete'] }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    update(makeEntry({ capabilities: ['Transfer', 'Complete'] }));
    dialog = await open();
    await user.click(within(dialog).getByRole('radio', { name: /Dana Scully/ }));
    update(makeEntry({ capabilities: ['Complete'] }));
    expect(within(screen.getByRole('alert')).getByText('http://gws.example/api/v2/users/scully')).toBeVisible();
  });

  it("stays open with what was typed while another tab's action is in flight on the card, and holds Confirm until it ends", async () => {
    const { user, onPerform, open, update } = setup([]);
    const dialog = await open();
    const uri = within(dialog).getByRole('textbox', { name: 'Target URI' });
    await user.type(uri, 'http://gws.example/api/v2/users/skinner');
    update(makeEntry({ capabilities: ['Transfer', 'Complete'] }, { pending: makePending({ operation: 'SetInFocus', elsewhere: true }) }));
    const still = screen.getByRole('dialog', { name: 'Transfer “Spring offer”' });
    expect(within(still).getByRole('textbox', { name: 'Target URI' })).toHaveValue('http://gws.example/api/v2/users/skinner');
    expect(within(still).getByRole('textbox', { name: 'Target URI' })).toHaveFocus();
    expect(within(still).getByText('Set in focus sent from another tab, waiting for the server…')).toBeInTheDocument();
    expect(within(still).getByRole('button', { name: 'Confirm transfer' })).toBeDisabled();
    await user.keyboard('{Enter}');
    expect(onPerform).not.toHaveBeenCalled();

    // That action ends: Confirm sends the typed target.
    update(makeEntry({ capabilities: ['Transfer', 'Complete'] }));
    expect(within(still).queryByText(/sent from another tab/)).not.toBeInTheDocument();
    await user.click(within(still).getByRole('button', { name: 'Confirm transfer' }));
    expect(onPerform).toHaveBeenCalledExactlyOnceWith({ operationName: 'Transfer', targetUri: 'http://gws.example/api/v2/users/skinner' });
  });

  it('closes on Cancel and gives focus back to the Transfer button', async () => {
    const { user, open } = setup();
    const dialog = await open();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Transfer' })).toHaveFocus();
  });

  it('lists agents and queues, filters them, and sends the picked queue’s URI', async () => {
    const { user, open, onPerform } = setup();
    const dialog = await open();
    expect(within(dialog).getByRole('group', { name: 'Agents' })).toBeInTheDocument();
    expect(within(dialog).getByRole('group', { name: 'Queues' })).toBeInTheDocument();
    await user.type(screen.getByRole('searchbox', { name: 'Filter agents and queues' }), 'bill');
    expect(within(dialog).queryByRole('radio', { name: 'Dana Scully' })).not.toBeInTheDocument();
    expect(within(dialog).queryByRole('group', { name: 'Agents' })).not.toBeInTheDocument();
    await user.click(within(dialog).getByRole('radio', { name: 'Billing' }));
    expect(within(dialog).getByRole('textbox', { name: 'Target URI' })).toHaveValue(
      'http://gws.example/api/v2/queues/billing',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Confirm transfer' }));
    expect(onPerform).toHaveBeenCalledExactlyOnceWith({
      operationName: 'Transfer',
      targetUri: 'http://gws.example/api/v2/queues/billing',
    });
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('says so when no target matches the filter', async () => {
    const { user, open } = setup();
    await open();
    await user.type(screen.getByRole('searchbox', { name: 'Filter agents and queues' }), 'zzz');
    expect(screen.getByText('No agent or queue matches.')).toBeInTheDocument();
  });

  it('sends a typed target URI', async () => {
    const { user, open, onPerform } = setup([]);
    const dialog = await open();
    const uri = within(dialog).getByRole('textbox', { name: 'Target URI' });
    expect(uri).toHaveFocus();
    await user.type(uri, '  http://gws.example/api/v2/users/skinner  {Enter}');
    expect(onPerform).toHaveBeenCalledExactlyOnceWith({
      operationName: 'Transfer',
      targetUri: 'http://gws.example/api/v2/users/skinner',
    });
  });

  it('refuses an empty target with a visible message', async () => {
    const { user, open, onPerform } = setup();
    const dialog = await open();
    await user.click(within(dialog).getByRole('button', { name: 'Confirm transfer' }));
    expect(onPerform).not.toHaveBeenCalled();
    expect(within(dialog).getByText('Choose a target or type its URI.')).toBeInTheDocument();
    const uri = within(dialog).getByRole('textbox', { name: 'Target URI' });
    expect(uri).toHaveAttribute('aria-invalid', 'true');
    expect(uri).toHaveFocus();
    expect(uri).toHaveAccessibleDescription(expect.stringContaining('Choose a target or type its URI.'));
  });
});

describe('TransferDialog: a long Subject', () => {
  it('gives the clamped title its whole text as a tooltip, and keeps the whole Subject as the dialog name', async () => {
    const user = userEvent.setup();
    const subject = `Long subject ${'word '.repeat(400)}end`;
    render(
      <InteractionCard
        entry={makeEntry({ capabilities: ['Transfer'], userData: { Subject: subject } })}
        transferTargets={TARGETS}
        onPerform={vi.fn()}
        onDismissError={() => {}}
      />,
    );
    await user.click(screen.getByRole('button', { name: 'Transfer' }));
    const dialog = await screen.findByRole('dialog');
    const title = within(dialog).getByRole('heading', { level: 2 });
    expect(title).toHaveAttribute('title', `Transfer “${subject}”`);
    expect(title).toHaveTextContent(`Transfer “${subject}”`, { normalizeWhitespace: false });
  });

  it('has no tooltip for a short Subject', async () => {
    const { open } = setup();
    const dialog = await open();
    expect(within(dialog).getByRole('heading', { level: 2 })).not.toHaveAttribute('title');
  });
});

const WAITING = 'Set in focus sent from another tab, waiting for the server…';

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
