import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { InteractionCard } from './interaction-card';
import { makeEntry } from '../test-support/entries';

/** A card inside a host element that handles keys too (a host's dialog, say): it must not see a handled Escape. */
function setup() {
  const user = userEvent.setup();
  const onPerform = vi.fn();
  const hostKeys = vi.fn();
  render(
    <div onKeyDown={(event) => hostKeys(event.key)}>
      <InteractionCard entry={makeEntry()} onPerform={onPerform} onDismissError={() => {}} />
    </div>,
  );
  return { user, onPerform, hostKeys };
}

describe('user-data editors: Escape from anywhere in them', () => {
  it.each(['Save', 'Cancel'])('cancels the Edit form from its %s button and gives focus back to Edit', async (name) => {
    const { user, onPerform, hostKeys } = setup();
    await user.click(screen.getByRole('button', { name: 'Edit CustomerSegment' }));
    await user.keyboard('bronze');
    screen.getByRole('button', { name }).focus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('textbox', { name: 'New value for CustomerSegment' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Edit CustomerSegment' })).toHaveFocus();
    expect(screen.getByText('gold')).toBeInTheDocument();
    expect(onPerform).not.toHaveBeenCalled();
    expect(hostKeys).not.toHaveBeenCalledWith('Escape');
  });

  it('still cancels the Edit form from its field, and keeps that Escape from the host', async () => {
    const { user, onPerform, hostKeys } = setup();
    await user.click(screen.getByRole('button', { name: 'Edit CustomerSegment' }));
    await user.keyboard('bronze{Escape}');
    expect(screen.queryByRole('textbox', { name: 'New value for CustomerSegment' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Edit CustomerSegment' })).toHaveFocus();
    expect(onPerform).not.toHaveBeenCalled();
    expect(hostKeys).not.toHaveBeenCalledWith('Escape');
  });

  it.each(['Save', 'Cancel'])('cancels the Add data form from its %s button and gives focus back to Add data', async (name) => {
    const { user, onPerform, hostKeys } = setup();
    await user.click(screen.getByRole('button', { name: 'Add data' }));
    await user.keyboard('Priority');
    const form = screen.getByRole('form', { name: 'Add user data' });
    within(form).getByRole('button', { name }).focus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('form', { name: 'Add user data' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Add data' })).toHaveFocus();
    expect(onPerform).not.toHaveBeenCalled();
    expect(hostKeys).not.toHaveBeenCalledWith('Escape');
  });

  it('cancels the Add data form from its "Edit … instead" button', async () => {
    const { user, onPerform, hostKeys } = setup();
    await user.click(screen.getByRole('button', { name: 'Add data' }));
    await user.keyboard('CustomerSegment{Enter}');
    screen.getByRole('button', { name: 'Edit CustomerSegment instead' }).focus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('form', { name: 'Add user data' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Add data' })).toHaveFocus();
    expect(onPerform).not.toHaveBeenCalled();
    expect(hostKeys).not.toHaveBeenCalledWith('Escape');
  });

  it.each(['Yes, delete', 'Keep'])('keeps the key from the delete confirmation’s %s button and gives focus back to Delete', async (name) => {
    const { user, onPerform, hostKeys } = setup();
    await user.click(screen.getByRole('button', { name: 'Delete CustomerSegment' }));
    const confirm = screen.getByRole('group', { name: 'Delete “CustomerSegment”?' });
    within(confirm).getByRole('button', { name }).focus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('group', { name: 'Delete “CustomerSegment”?' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Delete CustomerSegment' })).toHaveFocus();
    expect(screen.getByText('gold')).toBeInTheDocument();
    expect(onPerform).not.toHaveBeenCalled();
    expect(hostKeys).not.toHaveBeenCalledWith('Escape');
  });

  it('leaves other keys to the host', async () => {
    const { user, hostKeys } = setup();
    await user.click(screen.getByRole('button', { name: 'Delete CustomerSegment' }));
    await user.keyboard('x');
    expect(hostKeys).toHaveBeenCalledWith('x');
    expect(screen.getByRole('group', { name: 'Delete “CustomerSegment”?' })).toBeInTheDocument();
  });
});
