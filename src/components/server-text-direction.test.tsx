import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { makeEntry } from '../test-support/entries';
import { LONG_VALUE_CHARS } from './bounded-user-data';
import { InteractionCard } from './interaction-card';
import { OpenmediaMessages } from './messages-provider';

// Server text (Subject, keys, values) comes in any script: each piece takes its own direction
// (dir="auto", or a <bdi> inside a message), so an Arabic or Hebrew value reads right to left in a
// left-to-right widget, and its neutral characters ("(50%)؟") stay where they belong.

const ARABIC = 'طلب استرداد رقم 4521 للعميل Ahmed (50%)؟';
const TARGETS = [{ name: 'Billing', uri: 'http://gws.example/api/v2/queues/billing', kind: 'queue' as const }];

/** The term of a key, and the definition beside it (terms and definitions have no names of their own). */
function term(key: string): HTMLElement {
  const found = screen.getAllByRole('term').find((t) => t.textContent === key);
  if (found === undefined) throw new Error(`No term ${key}`);
  return found;
}

function definition(key: string): HTMLElement {
  const next = term(key).nextElementSibling;
  if (!(next instanceof HTMLElement)) throw new Error(`No definition after ${key}`);
  return next;
}

function renderCard(userData: Record<string, string>) {
  return render(
    <InteractionCard
      entry={makeEntry({ capabilities: ['Transfer', 'UpdateUserData', 'DeleteUserData'], userData })}
      transferTargets={TARGETS}
      onPerform={vi.fn()}
      onDismissError={() => {}}
    />,
  );
}

describe('server text direction', () => {
  it('isolates the card title, every key and every value', () => {
    renderCard({ Subject: ARABIC, 'اسم العميل': 'Ahmed 55', Empty: '' });
    expect(screen.getByRole('heading', { name: ARABIC })).toHaveAttribute('dir', 'auto');
    for (const key of ['Subject', 'اسم العميل', 'Empty']) {
      expect(term(key)).toHaveAttribute('dir', 'auto');
    }
    expect(within(definition('اسم العميل')).getByText('Ahmed 55')).toHaveAttribute('dir', 'auto');
    // The placeholder of an empty value ("—") is the widget's own text in a value's place: isolated alike.
    expect(within(definition('Empty')).getByText('—')).toHaveAttribute('dir', 'auto');
  });

  it('isolates the key and the value of a row too long to show whole, clamped and expanded', async () => {
    const user = userEvent.setup();
    const long = `שלום ${'א'.repeat(LONG_VALUE_CHARS)}`;
    renderCard({ Subject: 'Spring offer', 'הערה': long });
    expect(term('הערה')).toHaveAttribute('dir', 'auto');
    expect(within(definition('הערה')).getByText(/^שלום/)).toHaveAttribute('dir', 'auto');
    await user.click(screen.getByRole('button', { name: 'Show more of הערה' }));
    expect(screen.getByRole('region', { name: 'הערה' })).toHaveAttribute('dir', 'auto');
  });

  it('isolates the Subject inside the Transfer dialog title, whose text (the dialog name) is unchanged', async () => {
    const user = userEvent.setup();
    renderCard({ Subject: ARABIC });
    await user.click(screen.getByRole('button', { name: 'Transfer' }));
    const dialog = screen.getByRole('dialog', { name: `Transfer “${ARABIC}”` });
    const title = within(dialog).getByRole('heading', { level: 2 });
    expect(title).toHaveAttribute('dir', 'auto');
    expect(title).toHaveTextContent(`Transfer “${ARABIC}”`, { normalizeWhitespace: false });
    const subject = within(title).getByText(ARABIC);
    expect(subject.tagName).toBe('BDI');
  });

  it.each([
    ['does not name the Subject', () => 'Weiterleiten', 'Weiterleiten'],
    ['shortens the Subject', (subject: string) => `Weiterleiten: ${subject.slice(0, 3)}`, `Weiterleiten: ${ARABIC.slice(0, 3)}`],
  ])('shows a host’s transfer title that %s as it is', async (_, transferTitle, shown) => {
    const user = userEvent.setup();
    render(
      <OpenmediaMessages messages={{ transferTitle }}>
        <InteractionCard
          entry={makeEntry({ capabilities: ['Transfer'], userData: { Subject: ARABIC } })}
          transferTargets={TARGETS}
          onPerform={vi.fn()}
          onDismissError={() => {}}
        />
      </OpenmediaMessages>,
    );
    await user.click(screen.getByRole('button', { name: 'Transfer' }));
    const title = within(screen.getByRole('dialog', { name: shown })).getByRole('heading', { level: 2 });
    expect(title).toHaveTextContent(shown, { normalizeWhitespace: false });
    expect(title.textContent).toBe(shown);
  });
});

describe('dates in a locale written right to left', () => {
  it('the received date takes its own direction (he-IL), so its parts are not shuffled in a left-to-right card', () => {
    render(
      <InteractionCard
        entry={makeEntry({ receivedDate: '2026-12-05 14:29:00.000+0000', receivedAt: Date.UTC(2026, 11, 5, 14, 29) })}
        locale="he-IL"
        onPerform={vi.fn()}
        onDismissError={() => {}}
      />,
    );
    const time = screen.getByText('Received').nextElementSibling?.querySelector('time');
    if (!time) throw new Error('No received date');
    expect(time).toHaveAttribute('dir', 'auto');
    expect(time.textContent).toMatch(/[\u0590-\u05FF]/);
  });
});
