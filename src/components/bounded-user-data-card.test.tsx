import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { InteractionEntry } from '../core/types';
import type { OperationRequest } from '../protocol/types';
import { makeEntry } from '../test-support/entries';
import { InteractionCard } from './interaction-card';
import { COLLAPSE_AFTER_KEYS, VISIBLE_KEYS } from './bounded-user-data';

function manyKeys(count: number): Record<string, string> {
  const data: Record<string, string> = { Subject: 'Big one' };
  for (let i = 1; i < count; i += 1) data[`Key${String(i).padStart(4, '0')}`] = `value ${i}`;
  return data;
}

function renderCard(userData: Record<string, string>) {
  const onPerform = vi.fn();
  render(<InteractionCard entry={makeEntry({ userData })} onPerform={onPerform} onDismissError={vi.fn()} />);
  const card = screen.getByRole('article', { name: 'Big one' });
  return { card, onPerform, user: userEvent.setup() };
}

/** The user-data keys shown (the meta block's terms are not user data). */
const shownKeys = (card: HTMLElement) =>
  within(card)
    .getAllByRole('term')
    .filter((term) => term.classList.contains('omw-ud-key'))
    .map((term) => term.textContent);

describe('bounded user data on a card', () => {
  it('collapses a long key list after a few rows, with a count, a filter and Show all in a scrollable region', async () => {
    const { card, user } = renderCard(manyKeys(300));
    expect(shownKeys(card)).toHaveLength(VISIBLE_KEYS);
    expect(within(card).getByText(`Showing ${VISIBLE_KEYS} of 300 keys`)).toBeInTheDocument();
    // The action bar is there whatever the size of the data.
    expect(within(card).getByRole('button', { name: 'Complete' })).toBeInTheDocument();

    await user.type(within(card).getByRole('searchbox', { name: 'Filter user data' }), 'Key02');
    expect(shownKeys(card)).toEqual(['Key0200', 'Key0201', 'Key0202', 'Key0203', 'Key0204', 'Key0205', 'Key0206', 'Key0207']);
    expect(within(card).getByText(`Showing ${VISIBLE_KEYS} of 100 keys`)).toBeInTheDocument();
    await user.clear(within(card).getByRole('searchbox', { name: 'Filter user data' }));
    await user.type(within(card).getByRole('searchbox', { name: 'Filter user data' }), 'value 299');
    expect(shownKeys(card)).toEqual(['Key0299']);
    await user.type(within(card).getByRole('searchbox', { name: 'Filter user data' }), '9');
    expect(within(card).getByText('No key or value matches.')).toBeInTheDocument();
    await user.clear(within(card).getByRole('searchbox', { name: 'Filter user data' }));

    const showAll = within(card).getByRole('button', { name: 'Show all 300 keys' });
    expect(showAll).toHaveAttribute('aria-expanded', 'false');
    await user.click(showAll);
    const region = within(card).getByRole('region', { name: 'User data, 300 keys' });
    expect(within(region).getAllByRole('term')).toHaveLength(300);
    expect(region).toHaveAttribute('tabindex', '0');
    await user.click(within(card).getByRole('button', { name: 'Show fewer' }));
    expect(shownKeys(card)).toHaveLength(VISIBLE_KEYS);
    // Hundreds of rows in jsdom, on a shared machine.
  }, 30_000);

  it('clamps a long value with Show more, copies the whole value, and edits the whole value', async () => {
    const long = `Start ${'x'.repeat(200_000)} end`;
    const { card, user, onPerform } = renderCard({ Subject: 'Big one', Transcript: long });
    const writeText = vi.fn((_text: string) => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });

    const term = within(card).getByText('Transcript', { selector: 'dt' });
    const value = term.nextElementSibling as HTMLElement;
    expect(value.textContent).toContain('Start');
    expect(value.textContent).not.toContain('end');
    expect(value.textContent?.length).toBeLessThan(1_000);
    expect(within(value).getByText('200,010 characters')).toBeInTheDocument();

    await user.click(within(value).getByRole('button', { name: 'Copy Transcript' }));
    expect(writeText).toHaveBeenCalledExactlyOnceWith(long);
    expect(await within(value).findByText('Copied')).toBeInTheDocument();

    const more = within(value).getByRole('button', { name: 'Show more of Transcript' });
    expect(more).toHaveTextContent('Show more');
    await user.click(more);
    expect(within(value).getByRole('region', { name: 'Transcript' })).toHaveTextContent(long);
    await user.click(within(value).getByRole('button', { name: 'Show less of Transcript' }));
    expect(value.textContent).not.toContain('end');

    await user.click(within(value).getByRole('button', { name: 'Edit Transcript' }));
    const input = within(card).getByRole('textbox', { name: 'New value for Transcript' });
    expect((input as HTMLInputElement).value).toBe(long);
    await user.click(within(card).getByRole('button', { name: 'Cancel' }));
    expect(onPerform).not.toHaveBeenCalled();
    expect(within(card).getByRole('button', { name: 'Edit Transcript' })).toHaveFocus();
  }, 30_000);

  it('shows typical user data (up to a dozen short keys) exactly as before', () => {
    const { card } = renderCard(manyKeys(COLLAPSE_AFTER_KEYS));
    expect(shownKeys(card)).toHaveLength(COLLAPSE_AFTER_KEYS);
    expect(within(card).queryByRole('searchbox')).not.toBeInTheDocument();
    expect(within(card).queryByRole('button', { name: /^Show/ })).not.toBeInTheDocument();
  });
});

/** A host that applies an update at once (optimistically), in the same event as the agent's Save. */
function OptimisticHost({ initial }: { readonly initial: InteractionEntry }) {
  const [entry, setEntry] = useState(initial);
  const apply = (request: OperationRequest) => {
    if (request.operationName !== 'UpdateUserData') return;
    const { userData } = request;
    setEntry((e) => ({ ...e, interaction: { ...e.interaction, userData: { ...e.interaction.userData, ...userData } } }));
  };
  return <InteractionCard entry={entry} onPerform={apply} onDismissError={() => {}} />;
}

describe('focus back to Edit when a Save changes whether the value is clamped', () => {
  it.each([
    ['a long value saved short', 'x'.repeat(300), 'short'],
    ['a short value saved long', 'short', 'y'.repeat(300)],
  ])('%s (the host applies it at once): Edit of that key has focus again', async (_case, before, after) => {
    const user = userEvent.setup();
    render(<OptimisticHost initial={makeEntry({ userData: { Subject: 'Hi', Note: before } })} />);
    await user.click(screen.getByRole('button', { name: 'Edit Note' }));
    const field = await screen.findByRole('textbox', { name: 'New value for Note' });
    await user.clear(field);
    await user.click(field);
    await user.paste(after);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.queryByRole('textbox', { name: 'New value for Note' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Edit Note' })).toHaveFocus();
  });
});
