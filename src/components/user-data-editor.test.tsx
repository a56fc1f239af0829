import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { InteractionEntry } from '../core/types';
import { InteractionCard } from './interaction-card';
import { makeEntry, makeError, makePending } from '../test-support/entries';

function setup(entry: InteractionEntry = makeEntry()) {
  const user = userEvent.setup();
  const onPerform = vi.fn();
  const utils = render(<InteractionCard entry={entry} onPerform={onPerform} onDismissError={() => {}} />);
  const rerender = (next: InteractionEntry) =>
    utils.rerender(<InteractionCard entry={next} onPerform={onPerform} onDismissError={() => {}} />);
  return { user, onPerform, rerender };
}

/** The agent opens the CustomerSegment editor (and types `typed`), then the server deletes that key. */
async function editThenDeletedOnServer(typed?: string) {
  const first = makeEntry();
  const utils = setup(first);
  await utils.user.click(screen.getByRole('button', { name: 'Edit CustomerSegment' }));
  if (typed !== undefined) await utils.user.keyboard(typed);
  const { CustomerSegment: original, ...rest } = first.interaction.userData;
  utils.rerender(makeEntry({ userData: rest }));
  const input = screen.getByRole('textbox', { name: 'New value for CustomerSegment' });
  return { ...utils, original: String(original), rest, input };
}

describe('user-data editor: add', () => {
  it('adds a key/value pair with AttachUserData', async () => {
    const { user, onPerform } = setup();
    const add = screen.getByRole('button', { name: 'Add data' });
    expect(add).toHaveAttribute('aria-expanded', 'false');
    await user.click(add);
    expect(add).toHaveAttribute('aria-expanded', 'true');
    const key = screen.getByRole('textbox', { name: 'Key' });
    expect(key).toHaveFocus();
    await user.type(key, ' Priority ');
    await user.type(screen.getByRole('textbox', { name: 'Value' }), 'high');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(onPerform).toHaveBeenCalledExactlyOnceWith({ operationName: 'AttachUserData', userData: { Priority: 'high' } });
    expect(screen.queryByRole('textbox', { name: 'Key' })).not.toBeInTheDocument();
    expect(add).toHaveFocus();
  });

  it('refuses an empty key with a visible message', async () => {
    const { user, onPerform } = setup();
    await user.click(screen.getByRole('button', { name: 'Add data' }));
    await user.type(screen.getByRole('textbox', { name: 'Value' }), 'orphan');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(onPerform).not.toHaveBeenCalled();
    const key = screen.getByRole('textbox', { name: 'Key' });
    expect(screen.getByText('Enter a key.')).toBeVisible();
    expect(key).toHaveAttribute('aria-invalid', 'true');
    expect(key).toHaveAccessibleDescription('Enter a key.');
    expect(key).toHaveFocus();
  });

  it('points a duplicate key to Edit', async () => {
    const { user, onPerform } = setup();
    await user.click(screen.getByRole('button', { name: 'Add data' }));
    await user.type(screen.getByRole('textbox', { name: 'Key' }), 'CustomerSegment');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(onPerform).not.toHaveBeenCalled();
    expect(screen.getByText(/“CustomerSegment” already exists/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Edit CustomerSegment instead' }));
    const input = screen.getByRole('textbox', { name: 'New value for CustomerSegment' });
    expect(input).toHaveValue('gold');
    expect(input).toHaveFocus();
  });

  it('takes the value typed into Add data on into the key’s editor, where Save sends it', async () => {
    const { user, onPerform } = setup();
    await user.click(screen.getByRole('button', { name: 'Add data' }));
    await user.type(screen.getByRole('textbox', { name: 'Key' }), 'CustomerSegment');
    await user.type(screen.getByRole('textbox', { name: 'Value' }), 'platinum');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await user.click(screen.getByRole('button', { name: 'Edit CustomerSegment instead' }));
    const input = screen.getByRole('textbox', { name: 'New value for CustomerSegment' });
    expect(input).toHaveValue('platinum');
    expect(input).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(onPerform).toHaveBeenCalledExactlyOnceWith({ operationName: 'UpdateUserData', userData: { CustomerSegment: 'platinum' } });
  });

  it('cancels with Escape and returns focus to Add data', async () => {
    const { user, onPerform } = setup();
    await user.click(screen.getByRole('button', { name: 'Add data' }));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('textbox', { name: 'Key' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Add data' })).toHaveFocus();
    expect(onPerform).not.toHaveBeenCalled();
  });
});

describe('user-data editor: edit', () => {
  it('edits one value inline with UpdateUserData', async () => {
    const { user, onPerform } = setup();
    await user.click(screen.getByRole('button', { name: 'Edit CustomerSegment' }));
    const input = screen.getByRole('textbox', { name: 'New value for CustomerSegment' });
    expect(input).toHaveFocus();
    await user.clear(input);
    await user.type(input, 'platinum{Enter}');
    expect(onPerform).toHaveBeenCalledExactlyOnceWith({
      operationName: 'UpdateUserData',
      userData: { CustomerSegment: 'platinum' },
    });
    expect(screen.getByRole('button', { name: 'Edit CustomerSegment' })).toHaveFocus();
  });

  it('sends nothing when the value did not change, and Escape cancels', async () => {
    const { user, onPerform } = setup();
    await user.click(screen.getByRole('button', { name: 'Edit CustomerSegment' }));
    await user.keyboard('{Enter}');
    await user.click(screen.getByRole('button', { name: 'Edit CustomerSegment' }));
    await user.keyboard('x{Escape}');
    expect(onPerform).not.toHaveBeenCalled();
    expect(screen.getByText('gold')).toBeInTheDocument();
  });

  it('after a new value from the server, the row keeps its key cell and buttons, and Edit starts from the new value', async () => {
    const first = makeEntry();
    const { user, onPerform, rerender } = setup(first);
    const edit = screen.getByRole('button', { name: 'Edit CustomerSegment' });
    const remove = screen.getByRole('button', { name: 'Delete CustomerSegment' });
    const key = screen.getByText('CustomerSegment', { selector: 'dt' });
    rerender(makeEntry({ userData: { ...first.interaction.userData, CustomerSegment: 'silver' } }));
    expect(screen.getByText('silver')).toBeInTheDocument();
    expect(screen.queryByText('gold')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Edit CustomerSegment' })).toBe(edit);
    expect(screen.getByRole('button', { name: 'Delete CustomerSegment' })).toBe(remove);
    expect(screen.getByText('CustomerSegment', { selector: 'dt' })).toBe(key);

    await user.click(edit);
    const input = screen.getByRole('textbox', { name: 'New value for CustomerSegment' });
    expect(input).toHaveValue('silver');
    await user.clear(input);
    await user.type(input, 'bronze{Enter}');
    expect(onPerform).toHaveBeenCalledExactlyOnceWith({ operationName: 'UpdateUserData', userData: { CustomerSegment: 'bronze' } });
    await user.click(screen.getByRole('button', { name: 'Delete CustomerSegment' }));
    await user.click(screen.getByRole('button', { name: 'Yes, delete' }));
    expect(onPerform).toHaveBeenLastCalledWith({ operationName: 'DeleteUserData', keys: ['CustomerSegment'] });
  });

  it('takes a value the server changed while the editor was open and nothing was typed, so Enter sends nothing back', async () => {
    const first = makeEntry();
    const { user, onPerform, rerender } = setup(first);
    await user.click(screen.getByRole('button', { name: 'Edit CustomerSegment' }));
    rerender(makeEntry({ userData: { ...first.interaction.userData, CustomerSegment: 'platinum (set by supervisor)' } }));
    const input = screen.getByRole('textbox', { name: 'New value for CustomerSegment' });
    expect(input).toHaveValue('platinum (set by supervisor)');
    expect(input).toHaveAccessibleDescription(
      'Changed on the server to “platinum (set by supervisor)” while you were editing. The field shows the new value.',
    );
    await user.keyboard('{Enter}');
    expect(onPerform).not.toHaveBeenCalled();
  });

  it('keeps what the agent typed when the server changes the value meanwhile, says so, and Save sends it', async () => {
    const first = makeEntry();
    const { user, onPerform, rerender } = setup(first);
    await user.click(screen.getByRole('button', { name: 'Edit CustomerSegment' }));
    await user.keyboard('bronze');
    rerender(makeEntry({ userData: { ...first.interaction.userData, CustomerSegment: 'platinum' } }));
    const input = screen.getByRole('textbox', { name: 'New value for CustomerSegment' });
    expect(input).toHaveValue('bronze');
    expect(input).toHaveAccessibleDescription(
      'Changed on the server to “platinum” while you were editing. Save replaces it with yours.',
    );
    await user.keyboard('{Enter}');
    expect(onPerform).toHaveBeenCalledExactlyOnceWith({ operationName: 'UpdateUserData', userData: { CustomerSegment: 'bronze' } });
  });

  it('sends a number typed into a number field as a number even if the server made the value text meanwhile', async () => {
    const first = makeEntry({ userData: { Discount: 15 } });
    const { user, onPerform, rerender } = setup(first);
    await user.click(screen.getByRole('button', { name: 'Edit Discount' }));
    await user.keyboard('20');
    rerender(makeEntry({ userData: { Discount: 'fifteen' } }));
    await user.keyboard('{Enter}');
    expect(onPerform).toHaveBeenCalledExactlyOnceWith({ operationName: 'UpdateUserData', userData: { Discount: 20 } });
  });

  it('quotes only the start of a long value the server put in meanwhile', async () => {
    const first = makeEntry();
    const { user, rerender } = setup(first);
    await user.click(screen.getByRole('button', { name: 'Edit CustomerSegment' }));
    await user.keyboard('x');
    rerender(makeEntry({ userData: { ...first.interaction.userData, CustomerSegment: 'y'.repeat(500) } }));
    expect(screen.getByRole('textbox', { name: 'New value for CustomerSegment' })).toHaveAccessibleDescription(
      `Changed on the server to “${'y'.repeat(80)}…” while you were editing. Save replaces it with yours.`,
    );
  });

  it('says so when the server empties the value while nothing was typed', async () => {
    const first = makeEntry();
    const { user, rerender } = setup(first);
    await user.click(screen.getByRole('button', { name: 'Edit CustomerSegment' }));
    rerender(makeEntry({ userData: { ...first.interaction.userData, CustomerSegment: null } }));
    const input = screen.getByRole('textbox', { name: 'New value for CustomerSegment' });
    expect(input).toHaveValue('');
    expect(input).toHaveAccessibleDescription('Emptied on the server while you were editing. The field shows the new value.');
  });

  it('keeps what the agent typed when the server deletes the key meanwhile, and Save adds it back with AttachUserData', async () => {
    const { user, onPerform, input } = await editThenDeletedOnServer('bronze');
    expect(input).toHaveValue('bronze');
    expect(input).toHaveFocus();
    expect(input).toHaveAccessibleDescription('Deleted on the server while you were editing. Save adds it back with your value.');
    await user.keyboard('{Enter}');
    expect(onPerform).toHaveBeenCalledExactlyOnceWith({ operationName: 'AttachUserData', userData: { CustomerSegment: 'bronze' } });
    expect(screen.queryByRole('textbox', { name: 'New value for CustomerSegment' })).not.toBeInTheDocument();
  });

  it('empties the field when the key is deleted meanwhile and nothing was typed, so Enter sends nothing back', async () => {
    const { user, onPerform, input } = await editThenDeletedOnServer();
    expect(input).toHaveValue('');
    expect(input).toHaveAccessibleDescription('Deleted on the server while you were editing. Type a value and Save to add it back.');
    await user.keyboard('{Enter}');
    expect(onPerform).not.toHaveBeenCalled();
    expect(screen.queryByRole('textbox', { name: 'New value for CustomerSegment' })).not.toBeInTheDocument();
  });

  it('keeps the only key on screen while its editor is open after the server deleted it', async () => {
    const { user, onPerform, rerender } = setup(makeEntry({ userData: { Discount: 15 } }));
    await user.click(screen.getByRole('button', { name: 'Edit Discount' }));
    rerender(makeEntry({ userData: {} }));
    expect(screen.queryByText('No user data')).not.toBeInTheDocument();
    await user.keyboard('20{Enter}');
    // Typed for a number: added back as a number.
    expect(onPerform).toHaveBeenCalledExactlyOnceWith({ operationName: 'AttachUserData', userData: { Discount: 20 } });
  });

  it('follows the server again when a deleted key comes back before anything was typed', async () => {
    const { user, onPerform, rerender, rest } = await editThenDeletedOnServer();
    rerender(makeEntry({ userData: { ...rest, CustomerSegment: 'silver' } }));
    const input = screen.getByRole('textbox', { name: 'New value for CustomerSegment' });
    expect(input).toHaveValue('silver');
    expect(input).toHaveAccessibleDescription('Changed on the server to “silver” while you were editing. The field shows the new value.');
    await user.keyboard('{Enter}');
    expect(onPerform).not.toHaveBeenCalled();
  });

  it('never empties what the agent typed, even text equal to the value the editor opened with, as the key is deleted, re-added and deleted again', async () => {
    const { user, onPerform, rerender, rest, original, input } = await editThenDeletedOnServer();
    expect(input).toHaveValue('');
    // The agent types the old value back, to restore it.
    await user.keyboard(original);
    rerender(makeEntry({ userData: { ...rest, CustomerSegment: 'silver' } }));
    rerender(makeEntry({ userData: rest }));
    expect(input).toHaveValue(original);
    expect(input).toHaveAccessibleDescription('Deleted on the server while you were editing. Save adds it back with your value.');
    await user.keyboard('{Enter}');
    expect(onPerform).toHaveBeenCalledExactlyOnceWith({ operationName: 'AttachUserData', userData: { CustomerSegment: original } });
  });

  it('closes the editor of a key deleted on the server when it cannot be added back (no AttachUserData)', async () => {
    const first = makeEntry({ capabilities: ['UpdateUserData', 'Complete'] });
    const { user, rerender } = setup(first);
    await user.click(screen.getByRole('button', { name: 'Edit CustomerSegment' }));
    const { CustomerSegment: _deleted, ...rest } = first.interaction.userData;
    rerender(makeEntry({ capabilities: ['UpdateUserData', 'Complete'], userData: rest }));
    expect(screen.queryByRole('textbox', { name: 'New value for CustomerSegment' })).not.toBeInTheDocument();
  });

  it("keeps the editor and the typed text while another tab's action is in flight on the card, says so, and holds Save until it ends", async () => {
    const first = makeEntry();
    const { user, rerender, onPerform } = setup(first);
    await user.click(screen.getByRole('button', { name: 'Edit CustomerSegment' }));
    await user.keyboard('bronze');
    rerender(makeEntry({}, { pending: makePending({ operation: 'SetInFocus', elsewhere: true }) }));
    const input = screen.getByRole('textbox', { name: 'New value for CustomerSegment' });
    expect(input).toHaveValue('bronze');
    expect(input).toHaveAccessibleDescription('Set in focus sent from another tab, waiting for the server…');
    // Said once, in the editor, not again below the user data.
    expect(screen.getAllByText('Set in focus sent from another tab, waiting for the server…')).toHaveLength(1);
    expect(screen.getByRole('button', { name: 'Save' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Save' })).toHaveAccessibleDescription('Set in focus sent from another tab, waiting for the server…');
    await user.keyboard('{Enter}');
    expect(onPerform).not.toHaveBeenCalled();
    expect(input).toHaveValue('bronze');

    rerender(makeEntry());
    expect(input).toHaveValue('bronze');
    expect(screen.queryByText(/sent from another tab/)).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(onPerform).toHaveBeenCalledExactlyOnceWith({ operationName: 'UpdateUserData', userData: { CustomerSegment: 'bronze' } });
  });

  it("holds the Add form's Save while another tab's action is in flight, keeping key and value", async () => {
    const { user, rerender, onPerform } = setup();
    await user.click(screen.getByRole('button', { name: 'Add data' }));
    await user.keyboard('Priority');
    await user.type(screen.getByRole('textbox', { name: 'Value' }), 'high');
    rerender(makeEntry({}, { pending: makePending({ operation: 'Complete', elsewhere: true }) }));
    expect(screen.getByText('Complete sent from another tab, waiting for the server…')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Save' })).toBeDisabled();
    for (const control of [screen.getByRole('button', { name: 'Save' }), screen.getByRole('textbox', { name: 'Key' }), screen.getByRole('textbox', { name: 'Value' })]) {
      expect(control).toHaveAccessibleDescription('Complete sent from another tab, waiting for the server…');
    }
    await user.type(screen.getByRole('textbox', { name: 'Value' }), '{Enter}');
    expect(onPerform).not.toHaveBeenCalled();

    rerender(makeEntry());
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(onPerform).toHaveBeenCalledExactlyOnceWith({ operationName: 'AttachUserData', userData: { Priority: 'high' } });
  });

  it('shows progress on the edited key only', () => {
    const { rerender } = setup();
    rerender(makeEntry({}, { pending: makePending({ operation: 'UpdateUserData' }) }));
    // Without a local request for a key, no Edit button claims the progress.
    expect(screen.getByRole('button', { name: 'Edit Subject' })).toBeDisabled();
  });

  it('marks the edited key busy while its update is pending', async () => {
    const { user, rerender } = setup();
    await user.click(screen.getByRole('button', { name: 'Edit Subject' }));
    await user.type(screen.getByRole('textbox', { name: 'New value for Subject' }), '!{Enter}');
    rerender(makeEntry({}, { pending: makePending({ operation: 'UpdateUserData' }) }));
    expect(screen.getByRole('button', { name: 'Edit Subject' })).toHaveAttribute('aria-busy', 'true');
    expect(screen.getByRole('button', { name: 'Edit CustomerSegment' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Delete Subject' })).toBeDisabled();
  });
});

describe('user-data editor: delete', () => {
  it('asks for confirmation, then sends DeleteUserData', async () => {
    const { user, onPerform } = setup();
    await user.click(screen.getByRole('button', { name: 'Delete CustomerSegment' }));
    const confirm = screen.getByRole('group', { name: 'Delete “CustomerSegment”?' });
    expect(within(confirm).getByRole('button', { name: 'Keep' })).toHaveFocus();
    expect(onPerform).not.toHaveBeenCalled();
    await user.click(within(confirm).getByRole('button', { name: 'Yes, delete' }));
    expect(onPerform).toHaveBeenCalledExactlyOnceWith({ operationName: 'DeleteUserData', keys: ['CustomerSegment'] });
  });

  it("holds Yes, delete while another tab's action is in flight, and says why", async () => {
    const { user, rerender, onPerform } = setup();
    await user.click(screen.getByRole('button', { name: 'Delete CustomerSegment' }));
    rerender(makeEntry({}, { pending: makePending({ operation: 'Accept', elsewhere: true }) }));
    const confirm = screen.getByRole('group', { name: 'Delete “CustomerSegment”?' });
    const yes = within(confirm).getByRole('button', { name: 'Yes, delete' });
    expect(yes).toBeDisabled();
    expect(yes).toHaveAccessibleDescription('Accept sent from another tab, waiting for the server…');
    // Announced where it appears: focus is on Keep, not on the button it explains.
    expect(screen.getByText('Accept sent from another tab, waiting for the server…').closest('[aria-live]')).toHaveAttribute('aria-live', 'polite');
    rerender(makeEntry());
    await user.click(within(confirm).getByRole('button', { name: 'Yes, delete' }));
    expect(onPerform).toHaveBeenCalledExactlyOnceWith({ operationName: 'DeleteUserData', keys: ['CustomerSegment'] });
  });

  it('keeps the key when the agent says Keep', async () => {
    const { user, onPerform } = setup();
    await user.click(screen.getByRole('button', { name: 'Delete CustomerSegment' }));
    await user.click(screen.getByRole('button', { name: 'Keep' }));
    expect(onPerform).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Delete CustomerSegment' })).toHaveFocus();
  });
});

describe('user-data editor: capabilities', () => {
  it('offers each editor only with its capability', () => {
    setup(makeEntry({ capabilities: ['AttachUserData'] }));
    expect(screen.getByRole('button', { name: 'Add data' })).toBeEnabled();
    expect(screen.queryByRole('button', { name: /^Edit / })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Delete / })).not.toBeInTheDocument();
  });

  it('does not offer "edit instead" without UpdateUserData', async () => {
    const { user } = setup(makeEntry({ capabilities: ['AttachUserData'] }));
    await user.click(screen.getByRole('button', { name: 'Add data' }));
    await user.type(screen.getByRole('textbox', { name: 'Key' }), 'Subject{Enter}');
    expect(screen.getByText(/“Subject” already exists/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /instead/ })).not.toBeInTheDocument();
  });

  it('closes an open editor when its capability goes away', async () => {
    const { user, rerender } = setup();
    await user.click(screen.getByRole('button', { name: 'Edit Subject' }));
    expect(screen.getByRole('textbox', { name: 'New value for Subject' })).toBeInTheDocument();
    rerender(makeEntry({ capabilities: ['Complete'] }));
    expect(screen.queryByRole('textbox', { name: 'New value for Subject' })).not.toBeInTheDocument();
    // Nothing was typed: nothing to keep.
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});

describe('user-data editor: what the agent typed when the server closes the editor', () => {
  it('keeps the typed value on the card, says it was not saved, and copies it', async () => {
    const { user, rerender, onPerform } = setup();
    await user.click(screen.getByRole('button', { name: 'Edit Subject' }));
    await user.clear(screen.getByRole('textbox', { name: 'New value for Subject' }));
    await user.type(screen.getByRole('textbox', { name: 'New value for Subject' }), 'Customer wants the <b>1 Gb</b> plan from May');
    rerender(makeEntry({ capabilities: ['Complete'] }));
    expect(screen.queryByRole('textbox', { name: 'New value for Subject' })).not.toBeInTheDocument();
    const note = screen.getByRole('alert');
    expect(note).toHaveTextContent('Your change to Subject was not saved: the interaction changed and the editor closed.');
    // As text, whole (not markup): what was typed, not what the server has.
    expect(within(note).getByText('Customer wants the <b>1 Gb</b> plan from May')).toBeVisible();
    expect(note.querySelector('b')).toBeNull();
    expect(onPerform).not.toHaveBeenCalled();
    const writeText = vi.fn(() => Promise.resolve());
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    try {
      await user.click(within(note).getByRole('button', { name: 'Copy' }));
      expect(writeText).toHaveBeenCalledExactlyOnceWith('Customer wants the <b>1 Gb</b> plan from May');
      expect(await within(note).findByText('Copied')).toBeInTheDocument();
    } finally {
      vi.unstubAllGlobals();
    }
    await user.click(within(note).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('keeps both fields of Add data', async () => {
    const { user, rerender } = setup();
    await user.click(screen.getByRole('button', { name: 'Add data' }));
    await user.type(screen.getByRole('textbox', { name: 'Key' }), 'Callback');
    await user.type(screen.getByRole('textbox', { name: 'Value' }), 'after 5 pm');
    rerender(makeEntry({ capabilities: ['Complete'] }));
    const note = screen.getByRole('alert');
    expect(note).toHaveTextContent('What you were adding was not saved: the interaction changed and the form closed.');
    expect(within(note).getAllByRole('term').map((d) => d.textContent)).toEqual(['Key', 'Value']);
    expect(within(note).getAllByRole('definition').map((d) => d.textContent)).toEqual(['Callback', 'after 5 pm']);
  });

  it('keeps nothing the agent closed themselves, nor what they saved', async () => {
    const { user, rerender, onPerform } = setup();
    await user.click(screen.getByRole('button', { name: 'Edit Subject' }));
    await user.type(screen.getByRole('textbox', { name: 'New value for Subject' }), ' (draft){Escape}');
    await user.click(screen.getByRole('button', { name: 'Edit CustomerSegment' }));
    await user.type(screen.getByRole('textbox', { name: 'New value for CustomerSegment' }), '-plus{Enter}');
    expect(onPerform).toHaveBeenCalledOnce();
    rerender(makeEntry({ capabilities: ['Complete'] }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('keeps each note until it is dismissed: a second editor closed by the server adds its own', async () => {
    const { user, rerender } = setup();
    await user.click(screen.getByRole('button', { name: 'Edit Subject' }));
    await user.clear(screen.getByRole('textbox', { name: 'New value for Subject' }));
    await user.type(screen.getByRole('textbox', { name: 'New value for Subject' }), 'first draft');
    rerender(makeEntry({ capabilities: ['Complete'] }));
    rerender(makeEntry());
    await user.click(screen.getByRole('button', { name: 'Edit CustomerSegment' }));
    await user.type(screen.getByRole('textbox', { name: 'New value for CustomerSegment' }), '-plus');
    rerender(makeEntry({ capabilities: ['Complete'] }));
    expect(screen.getAllByRole('alert').map((a) => within(a).getByText(/first draft|-plus/).textContent)).toEqual(['first draft', 'gold-plus']);
    await user.click(within(screen.getAllByRole('alert')[0]!).getByRole('button', { name: 'Dismiss' }));
    expect(screen.getAllByRole('alert').map((a) => within(a).getByText(/first draft|-plus/).textContent)).toEqual(['gold-plus']);
  });

  it('keeps what was typed when the value becomes one the field cannot send back (a list)', async () => {
    const { user, rerender } = setup();
    await user.click(screen.getByRole('button', { name: 'Edit CustomerSegment' }));
    await user.type(screen.getByRole('textbox', { name: 'New value for CustomerSegment' }), ' typed');
    const listed = makeEntry({ userData: { Subject: 'Spring offer', CustomerSegment: '["gold","vip"]' }, userDataKinds: { CustomerSegment: 'list' } });
    rerender(listed);
    expect(screen.queryByRole('textbox', { name: 'New value for CustomerSegment' })).not.toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('gold typed');
  });

  it('keeps text put back to the value the editor opened with after the server changed it (Save would send it)', async () => {
    const { user, rerender, onPerform } = setup();
    await user.click(screen.getByRole('button', { name: 'Edit CustomerSegment' }));
    const field = screen.getByRole('textbox', { name: 'New value for CustomerSegment' });
    await user.type(field, '2');
    rerender(makeEntry({ userData: { Subject: 'Spring offer', CustomerSegment: 'silver' } }));
    await user.type(field, '{Backspace}');
    rerender(makeEntry({ capabilities: ['Complete'], userData: { Subject: 'Spring offer', CustomerSegment: 'silver' } }));
    expect(onPerform).not.toHaveBeenCalled();
    expect(within(screen.getByRole('alert')).getByText('gold')).toBeVisible();
  });

  it('keeps nothing of a multi-line value typed back as it was (its line breaks as the text area gives them)', async () => {
    const address = { Subject: 'S', Address: 'Main St 1\r\nSpringfield' };
    const { user, rerender } = setup(makeEntry({ userData: address }));
    await user.click(screen.getByRole('button', { name: 'Edit Address' }));
    await user.type(screen.getByRole('textbox', { name: 'New value for Address' }), 'x{Backspace}');
    rerender(makeEntry({ capabilities: ['Complete'], userData: address }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it("shows another interaction's drafts, not the first one's, when the card is given another interaction", async () => {
    const { user, rerender } = setup();
    await user.click(screen.getByRole('button', { name: 'Edit Subject' }));
    await user.type(screen.getByRole('textbox', { name: 'New value for Subject' }), ' draft of IX-1');
    rerender(makeEntry({ capabilities: ['Complete'] }));
    expect(screen.getByRole('alert')).toHaveTextContent('draft of IX-1');
    rerender(makeEntry({ id: 'IX-2', userData: { Subject: 'Other one' } }));
    expect(within(screen.getByRole('article', { name: 'Other one' })).queryByRole('alert')).not.toBeInTheDocument();
  });

  it('keeps nothing when the agent had typed nothing new (the field as it was given)', async () => {
    const { user, rerender } = setup();
    await user.click(screen.getByRole('button', { name: 'Edit Subject' }));
    await user.type(screen.getByRole('textbox', { name: 'New value for Subject' }), 'x{Backspace}');
    rerender(makeEntry({ capabilities: ['Complete'] }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});

describe('user-data buttons in a screen reader', () => {
  it("each key's Edit and Delete are described by the card's title, a clamped long value's too, so twenty cards' \"Edit Subject\" can be told apart", () => {
    setup(makeEntry({ userData: { Subject: 'Spring offer', Notes: 'x'.repeat(500) } }));
    const card = screen.getByRole('article', { name: 'Spring offer' });
    for (const name of ['Edit Subject', 'Delete Subject', 'Edit Notes', 'Delete Notes']) {
      expect(within(card).getByRole('button', { name })).toHaveAccessibleDescription('Spring offer');
    }
  });

  it("a failure's Dismiss, a long list's Show all and filter, and a draft's Copy and Dismiss are described by the card's title too", async () => {
    const userData: Record<string, string> = { Subject: 'Spring offer' };
    for (let i = 1; i <= 20; i += 1) userData[`Key${i}`] = `value ${i}`;
    const { user, rerender } = setup(makeEntry({ userData }, { error: makeError() }));
    const card = screen.getByRole('article', { name: 'Spring offer' });
    expect(within(card).getByRole('button', { name: 'Dismiss' })).toHaveAccessibleDescription('Spring offer');
    expect(within(card).getByRole('button', { name: /^Show all/ })).toHaveAccessibleDescription('Spring offer');
    expect(within(card).getByRole('searchbox', { name: 'Filter user data' })).toHaveAccessibleDescription('Spring offer');
    rerender(makeEntry({ userData }));
    await user.click(within(card).getByRole('button', { name: 'Edit Subject' }));
    await user.type(within(card).getByRole('textbox', { name: 'New value for Subject' }), ' 2');
    rerender(makeEntry({ userData, capabilities: ['Complete'] }));
    const note = within(card).getByRole('alert');
    for (const name of ['Copy', 'Dismiss']) expect(within(note).getByRole('button', { name })).toHaveAccessibleDescription('Spring offer');
  });
});
