import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Diagnostics, LogEntry } from '../core/types';
import { DiagnosticsPanel } from './diagnostics-panel';

function line(n: number): LogEntry {
  return { at: Date.UTC(2026, 0, 1, 9, 0, n), kind: 'notification', interactionId: `IX-${n}`, referenceId: undefined, detail: `line ${n}` };
}

function diagnostics(log: readonly LogEntry[]): Diagnostics {
  return { received: log.length, rejected: {}, unmatchedReferenceIds: 0, log };
}

describe('DiagnosticsPanel', () => {
  it('renders no counters or log table while closed, and renders them once opened', async () => {
    const user = userEvent.setup();
    render(<DiagnosticsPanel diagnostics={diagnostics([line(1), line(2)])} locale="en-GB" />);
    expect(screen.queryByRole('region', { name: 'Recent events' })).not.toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(screen.queryByText('Messages applied')).not.toBeInTheDocument();

    await user.click(screen.getByText('Diagnostics'));
    const log = screen.getByRole('region', { name: 'Recent events' });
    // Header row plus the two lines, newest first.
    expect(within(log).getAllByRole('row').map((row) => row.textContent)).toEqual([
      expect.stringContaining('Time'),
      expect.stringContaining('line 2'),
      expect.stringContaining('line 1'),
    ]);

    await user.click(screen.getByText('Diagnostics'));
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('keeps each log row in the DOM across a flush that appends a line (no remount)', () => {
    const first = [line(1), line(2), line(3)];
    const { rerender } = render(<DiagnosticsPanel diagnostics={diagnostics(first)} locale="en-GB" defaultOpen />);
    const before = new Map(screen.getAllByRole('row').slice(1).map((row) => [row.textContent, row]));
    expect(before.size).toBe(3);

    // As the ring does when full: the oldest line drops out, a new one comes in, every index shifts.
    rerender(<DiagnosticsPanel diagnostics={diagnostics([...first.slice(1), line(4)])} locale="en-GB" defaultOpen />);
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows.map((row) => row.textContent)).toEqual([
      expect.stringContaining('line 4'),
      expect.stringContaining('line 3'),
      expect.stringContaining('line 2'),
    ]);
    expect(rows[1]).toBe(before.get(rows[1]?.textContent ?? ''));
    expect(rows[2]).toBe(before.get(rows[2]?.textContent ?? ''));
    expect([...before.values()]).not.toContain(rows[0]);
  });
});
