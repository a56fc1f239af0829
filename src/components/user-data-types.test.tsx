import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { parseOpenmediaResource } from '../protocol/parse';
import type { OpenmediaInteraction } from '../protocol/types';
import { makeEntry } from '../test-support/entries';
import { InteractionCard } from './interaction-card';

// Issue 12, point 13: a user-data value keeps its wire type when edited.

function setup(interaction: Partial<OpenmediaInteraction>) {
  const user = userEvent.setup();
  const onPerform = vi.fn();
  render(<InteractionCard entry={makeEntry(interaction)} onPerform={onPerform} onDismissError={() => {}} />);
  return { user, onPerform };
}

function parsed(userData: Record<string, unknown>): OpenmediaInteraction {
  const result = parseOpenmediaResource({ id: 'IX-1', mediaType: 'workitem', state: 'Processing', capabilities: ['UpdateUserData', 'DeleteUserData'], userData });
  if (!result.ok) throw new Error(result.reason);
  return result.interaction;
}

describe('editing a user-data value keeps its type', () => {
  it('Priority: 5 edited to 7 is sent as the number 7', async () => {
    const { user, onPerform } = setup({ userData: { Priority: 5 } });
    await user.click(screen.getByRole('button', { name: 'Edit Priority' }));
    const input = screen.getByRole('textbox', { name: 'New value for Priority' });
    expect(input).toHaveValue('5');
    await user.clear(input);
    await user.type(input, '7');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(onPerform).toHaveBeenCalledExactlyOnceWith({ operationName: 'UpdateUserData', userData: { Priority: 7 } });
  });

  it('text that is not a number is refused with a reason, and nothing is sent', async () => {
    const { user, onPerform } = setup({ userData: { Priority: 5 } });
    await user.click(screen.getByRole('button', { name: 'Edit Priority' }));
    const input = screen.getByRole('textbox', { name: 'New value for Priority' });
    await user.clear(input);
    await user.type(input, 'high{Enter}');
    expect(onPerform).not.toHaveBeenCalled();
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription('Priority is a number: enter a number, such as 7 or 2.5.');
    // Blank is not 0.
    await user.clear(input);
    await user.keyboard('{Enter}');
    expect(onPerform).not.toHaveBeenCalled();
  });

  it('a decimal comma (2,5) is read as a decimal point; a comma that may group thousands (1,234) is refused, not guessed at', async () => {
    const { user, onPerform } = setup({ userData: { Amount: 129.9 } });
    await user.click(screen.getByRole('button', { name: 'Edit Amount' }));
    const input = screen.getByRole('textbox', { name: 'New value for Amount' });
    await user.clear(input);
    await user.type(input, '1,234{Enter}');
    expect(onPerform).not.toHaveBeenCalled();
    expect(input).toHaveAttribute('aria-invalid', 'true');
    await user.clear(input);
    await user.type(input, '1234,75{Enter}');
    expect(onPerform).toHaveBeenCalledExactlyOnceWith({ operationName: 'UpdateUserData', userData: { Amount: 1234.75 } });
    await user.click(screen.getByRole('button', { name: 'Edit Amount' }));
    const again = screen.getByRole('textbox', { name: 'New value for Amount' });
    await user.clear(again);
    await user.type(again, '0,500{Enter}');
    expect(onPerform).toHaveBeenLastCalledWith({ operationName: 'UpdateUserData', userData: { Amount: 0.5 } });
  });

  it('a string that looks like a number stays a string', async () => {
    const { user, onPerform } = setup({ userData: { Account: '0042' } });
    await user.click(screen.getByRole('button', { name: 'Edit Account' }));
    const input = screen.getByRole('textbox', { name: 'New value for Account' });
    await user.clear(input);
    await user.type(input, '0043{Enter}');
    expect(onPerform).toHaveBeenCalledExactlyOnceWith({ operationName: 'UpdateUserData', userData: { Account: '0043' } });
  });

  it('a nested KV list (shown as JSON) and a true / false value are read-only: no Edit, a note says why', () => {
    setup(parsed({ Order: { Card: 'visa', Items: [1, 2] }, Vip: true, Subject: 'Hello' }));
    expect(screen.getByText('{"Card":"visa","Items":[1,2]}')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Edit Order' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Edit Vip' })).not.toBeInTheDocument();
    expect(screen.getByText('Read-only: a nested value, shown as JSON.')).toBeInTheDocument();
    expect(screen.getByText('Read-only: a true / false value.')).toBeInTheDocument();
    // Plain values stay editable, and deleting a nested one is still offered.
    expect(screen.getByRole('button', { name: 'Edit Subject' })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Delete Order' })).toBeEnabled();
    expect(screen.queryAllByRole('textbox')).toHaveLength(0);
  });
});

describe('the parser records what the flat form lost', () => {
  it('marks nested and boolean values, and only those', () => {
    const interaction = parsed({ Order: { Card: 'visa' }, List: [1], Vip: false, Priority: 5, Subject: 'x', Empty: null });
    expect(interaction.userDataKinds).toEqual({ Order: 'json', List: 'json', Vip: 'boolean' });
    expect(interaction.userData).toEqual({ Order: '{"Card":"visa"}', List: '[1]', Vip: 'false', Priority: 5, Subject: 'x', Empty: null });
    expect(parsed({ Priority: 5 }).userDataKinds).toBeUndefined();
  });
});

describe('keys named like Object methods', () => {
  it('are plain text values, editable, even beside a value shown flattened', async () => {
    const { user, onPerform } = setup(parsed({ constructor: 'Acme Ltd', toString: 'x', hasOwnProperty: 'y', VIP: true }));
    for (const key of ['constructor', 'toString', 'hasOwnProperty']) expect(screen.getByRole('button', { name: `Edit ${key}` })).toBeEnabled();
    // Only the true / false value is read-only.
    expect(screen.getAllByText('Read-only: a true / false value.')).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: 'Edit constructor' }));
    await user.clear(screen.getByRole('textbox', { name: 'New value for constructor' }));
    await user.keyboard('Acme Group{Enter}');
    expect(onPerform).toHaveBeenCalledExactlyOnceWith({ operationName: 'UpdateUserData', userData: { constructor: 'Acme Group' } });
  });
});
