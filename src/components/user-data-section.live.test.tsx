import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { makeEntry } from '../test-support/entries';
import { InteractionCard } from './interaction-card';
import { VISIBLE_KEYS } from './bounded-user-data';

function manyKeys(count: number): Record<string, string> {
  const data: Record<string, string> = { Subject: 'Big one' };
  for (let i = 1; i < count; i += 1) data[`Key${String(i).padStart(2, '0')}`] = `value ${i}`;
  return data;
}

/** The polite live region (role="status") around a line of text, or null. */
const statusOf = (line: HTMLElement) => line.closest<HTMLElement>('[role="status"]');

function setup() {
  const user = userEvent.setup();
  render(<InteractionCard entry={makeEntry({ userData: manyKeys(40) })} onPerform={vi.fn()} onDismissError={vi.fn()} />);
  const card = screen.getByRole('article', { name: 'Big one' });
  return { user, card, filter: within(card).getByRole('searchbox', { name: 'Filter user data' }) };
}

describe('user-data filter: what is announced', () => {
  it('says the count in a status region whose text the filter replaces with the current result', async () => {
    const { user, card, filter } = setup();
    const regionsBefore = within(card).getAllByRole('status');
    const count = statusOf(within(card).getByText(`Showing ${VISIBLE_KEYS} of 40 keys`));
    expect(count).not.toBeNull();
    expect(regionsBefore).toContain(count);

    await user.type(filter, 'Key1');
    expect(count).toHaveTextContent(new RegExp(`^Showing ${Math.min(VISIBLE_KEYS, 10)} of 10 keys$`));
    await user.clear(filter);
    expect(count).toHaveTextContent(new RegExp(`^Showing ${VISIBLE_KEYS} of 40 keys$`));
  });

  it('says "no match" in a status region that was there, empty, before the filter left nothing', async () => {
    const { user, card, filter } = setup();
    const regionsBefore = within(card).getAllByRole('status');

    await user.type(filter, 'Key1x');
    const noMatch = statusOf(within(card).getByText('No key or value matches.'));
    expect(noMatch).not.toBeNull();
    expect(regionsBefore).toContain(noMatch);
    expect(noMatch).toHaveTextContent(/^No key or value matches\.$/);

    // Matches again: the region stays, emptied, for the next "no match".
    await user.clear(filter);
    expect(within(card).queryByText('No key or value matches.')).not.toBeInTheDocument();
    expect(noMatch).toBeInTheDocument();
    expect(noMatch).toHaveTextContent(/^$/);
  });
});
