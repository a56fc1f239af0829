import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeEntry } from '../test-support/entries';
import type * as format from './format';
import { formatDuration } from './format';
import { InteractionCard } from './interaction-card';

// The timer formats its text when it renders (and when it ticks): counting the calls tells whether
// it rendered again.
vi.mock('./format', async (importOriginal) => {
  const original = await importOriginal<typeof format>();
  return { ...original, formatDuration: vi.fn(original.formatDuration) };
});

afterEach(() => {
  vi.useRealTimers();
  vi.mocked(formatDuration).mockClear();
});

describe('InteractionCard: what a notification renders again', () => {
  it('new user data leaves the time-in-state timer alone; a new state renders it again', () => {
    vi.useFakeTimers({ now: new Date('2026-01-01T10:00:00Z') });
    const since = Date.now() - 65_000;
    const entry = makeEntry({ state: 'Processing', userData: { Subject: 'Order 1', seq: 1 } }, { stateSince: since });
    const onPerform = vi.fn();
    const onDismissError = vi.fn();
    const view = render(<InteractionCard entry={entry} onPerform={onPerform} onDismissError={onDismissError} />);
    expect(screen.getByText('01:05')).toBeInTheDocument();
    const calls = vi.mocked(formatDuration).mock.calls.length;
    expect(calls).toBeGreaterThan(0);

    const updated = { ...entry, interaction: { ...entry.interaction, userData: { Subject: 'Order 1', seq: 2 } } };
    view.rerender(<InteractionCard entry={updated} onPerform={onPerform} onDismissError={onDismissError} />);
    expect(screen.getByText('2')).toBeInTheDocument();
    expect(vi.mocked(formatDuration).mock.calls.length).toBe(calls);
    expect(screen.getByText('01:05')).toBeInTheDocument();

    const nextState = { ...updated, stateSince: Date.now() - 3_000, interaction: { ...updated.interaction, state: 'Invited' } };
    view.rerender(<InteractionCard entry={nextState} onPerform={onPerform} onDismissError={onDismissError} />);
    expect(vi.mocked(formatDuration).mock.calls.length).toBeGreaterThan(calls);
    expect(screen.getByText('00:03')).toBeInTheDocument();
  });
});
