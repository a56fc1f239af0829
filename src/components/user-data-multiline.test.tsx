import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { InteractionEntry } from '../core/types';
import { InteractionCard } from './interaction-card';
import { makeEntry } from '../test-support/entries';

const ADDRESS = '12 Main Street\nApartment 4B\nSpringfield, IL 62704';

function setup(entry: InteractionEntry) {
  const user = userEvent.setup();
  const onPerform = vi.fn();
  const utils = render(<InteractionCard entry={entry} onPerform={onPerform} onDismissError={() => {}} />);
  const rerender = (next: InteractionEntry) => utils.rerender(<InteractionCard entry={next} onPerform={onPerform} onDismissError={() => {}} />);
  return { user, onPerform, rerender };
}

describe('user-data editor: a value on several lines', () => {
  it('keeps its line breaks: what is saved is the value with the agent’s change, lines and all', async () => {
    const { user, onPerform } = setup(makeEntry({ userData: { Address: ADDRESS } }));
    await user.click(screen.getByRole('button', { name: 'Edit Address' }));
    const field = screen.getByRole('textbox', { name: 'New value for Address' });
    expect(field).toHaveValue(ADDRESS);
    expect(field).toHaveFocus();
    // Enter is a new line in it, not Save.
    await user.type(field, '{Enter}Rear entrance', { initialSelectionStart: ADDRESS.length, initialSelectionEnd: ADDRESS.length });
    expect(onPerform).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(onPerform).toHaveBeenCalledExactlyOnceWith({ operationName: 'UpdateUserData', userData: { Address: `${ADDRESS}\nRear entrance` } });
  });

  it('saves with Ctrl+Enter', async () => {
    const { user, onPerform } = setup(makeEntry({ userData: { Address: ADDRESS } }));
    await user.click(screen.getByRole('button', { name: 'Edit Address' }));
    const field = screen.getByRole('textbox', { name: 'New value for Address' });
    await user.type(field, '!', { initialSelectionStart: ADDRESS.length, initialSelectionEnd: ADDRESS.length });
    expect(field).toHaveAttribute('aria-keyshortcuts', 'Control+Enter Meta+Enter');
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(onPerform).toHaveBeenCalledExactlyOnceWith({ operationName: 'UpdateUserData', userData: { Address: `${ADDRESS}!` } });
  });

  it('Escape still cancels, and saving it unchanged sends nothing', async () => {
    const { user, onPerform } = setup(makeEntry({ userData: { Address: ADDRESS } }));
    await user.click(screen.getByRole('button', { name: 'Edit Address' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(onPerform).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Edit Address' }));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('textbox', { name: 'New value for Address' })).not.toBeInTheDocument();
  });

  it('takes the server’s new value on several lines, untouched, with its lines (nothing typed yet)', async () => {
    const { user, onPerform, rerender } = setup(makeEntry({ userData: { Address: 'Old Street 1' } }));
    await user.click(screen.getByRole('button', { name: 'Edit Address' }));
    rerender(makeEntry({ userData: { Address: ADDRESS } }));
    const field = screen.getByRole('textbox', { name: 'New value for Address' });
    expect(field).toHaveValue(ADDRESS);
    await user.type(field, '.', { initialSelectionStart: ADDRESS.length, initialSelectionEnd: ADDRESS.length });
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(onPerform).toHaveBeenCalledExactlyOnceWith({ operationName: 'UpdateUserData', userData: { Address: `${ADDRESS}.` } });
  });

  it('a one-line value keeps its one-line field, where Enter saves', async () => {
    const { user, onPerform } = setup(makeEntry({ userData: { Segment: 'gold' } }));
    await user.click(screen.getByRole('button', { name: 'Edit Segment' }));
    const field = screen.getByRole('textbox', { name: 'New value for Segment' });
    expect(field.tagName).toBe('INPUT');
    await user.keyboard('silver{Enter}');
    expect(onPerform).toHaveBeenCalledExactlyOnceWith({ operationName: 'UpdateUserData', userData: { Segment: 'silver' } });
  });
});

describe('user-data editor: a value on several lines, edge cases', () => {
  it('a value written with CRLF line breaks keeps them when saved', async () => {
    const { user, onPerform } = setup(makeEntry({ userData: { Address: 'Line 1\r\nLine 2' } }));
    await user.click(screen.getByRole('button', { name: 'Edit Address' }));
    const field = screen.getByRole('textbox', { name: 'New value for Address' });
    await user.type(field, '!', { initialSelectionStart: 20, initialSelectionEnd: 20 });
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(onPerform).toHaveBeenCalledExactlyOnceWith({ operationName: 'UpdateUserData', userData: { Address: 'Line 1\r\nLine 2!' } });
  });

  it('the server giving the value a line break while the agent types elsewhere does not take their focus', async () => {
    const user = userEvent.setup();
    const onPerform = vi.fn();
    const page = (entry: InteractionEntry) => (
      <>
        <InteractionCard entry={entry} onPerform={onPerform} onDismissError={() => {}} />
        <label>
          Elsewhere <input />
        </label>
      </>
    );
    const utils = render(page(makeEntry({ userData: { Address: 'Old Street 1' } })));
    await user.click(screen.getByRole('button', { name: 'Edit Address' }));
    const elsewhere = screen.getByRole('textbox', { name: 'Elsewhere' });
    await user.click(elsewhere);
    await user.keyboard('abc');
    utils.rerender(page(makeEntry({ userData: { Address: ADDRESS } })));
    expect(screen.getByRole('textbox', { name: 'New value for Address' })).toHaveValue(ADDRESS);
    expect(elsewhere).toHaveFocus();
    await user.keyboard('def');
    expect(elsewhere).toHaveValue('abcdef');
  });
});
