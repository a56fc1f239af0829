import { act, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Diagnostics } from '../core/types';
import { DiagnosticsPanel } from './diagnostics-panel';
import { resetLazyPartsForTests } from './lazy-part';
import { partLoaders } from './lazy-parts';

// The panel's body is downloaded when the panel opens (or is about to). The dom test setup
// preloads every part; here each test starts with nothing loaded.

const DIAGNOSTICS: Diagnostics = {
  received: 3,
  rejected: {},
  unmatchedReferenceIds: 0,
  log: [{ at: Date.UTC(2026, 0, 1, 9), kind: 'notification', interactionId: 'IX-1', referenceId: undefined, detail: 'line 1' }],
};
const CHUNK_ERROR = new TypeError('Failed to fetch dynamically imported module: /assets/diagnostics-body.js');

beforeEach(() => {
  resetLazyPartsForTests();
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('the diagnostics panel loads its body on demand', () => {
  it('downloads nothing while closed, and shows the counters once opened', async () => {
    const user = userEvent.setup();
    const load = vi.spyOn(partLoaders, 'diagnosticsBody');
    render(<DiagnosticsPanel diagnostics={DIAGNOSTICS} locale="en-GB" />);
    expect(screen.getByText('Diagnostics')).toBeInTheDocument();
    expect(load).not.toHaveBeenCalled();

    await user.click(screen.getByText('Diagnostics'));
    expect(load).toHaveBeenCalledTimes(1);
    expect(await screen.findByRole('region', { name: 'Recent events' })).toBeInTheDocument();
    expect(screen.getByText('Messages applied').nextSibling).toHaveTextContent('3');
  });

  it('starts the download when the pointer is over the summary, or it has focus', () => {
    const load = vi.spyOn(partLoaders, 'diagnosticsBody');
    render(<DiagnosticsPanel diagnostics={DIAGNOSTICS} />);
    fireEvent.pointerEnter(screen.getByText('Diagnostics'));
    expect(load).toHaveBeenCalledTimes(1);
    resetLazyPartsForTests();
    fireEvent.focus(screen.getByText('Diagnostics'));
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('says it is loading only when the download is slow', async () => {
    vi.useFakeTimers();
    let finish: () => void = () => {};
    const real = partLoaders.diagnosticsBody;
    vi.spyOn(partLoaders, 'diagnosticsBody').mockImplementation(
      () => new Promise((resolve, reject) => (finish = () => void real().then(resolve, reject))),
    );
    // Opened from the start: the download starts as it mounts.
    render(<DiagnosticsPanel diagnostics={DIAGNOSTICS} defaultOpen />);
    expect(screen.getByRole('status')).toHaveTextContent('');
    act(() => vi.advanceTimersByTime(299));
    expect(screen.getByRole('status')).toHaveTextContent('');
    act(() => vi.advanceTimersByTime(1));
    expect(screen.getByRole('status')).toHaveTextContent('Loading diagnostics…');
    vi.useRealTimers();
    await act(async () => finish());
    expect(await screen.findByRole('region', { name: 'Recent events' })).toBeInTheDocument();
    expect(screen.queryByText('Loading diagnostics…')).not.toBeInTheDocument();
  });

  it('a failed download says so in the panel, Try again fetches again, Cancel closes the panel', async () => {
    const user = userEvent.setup();
    // Every download fails (the preloads on pointer-enter and focus too) until the network is back.
    const load = vi.spyOn(partLoaders, 'diagnosticsBody').mockRejectedValue(CHUNK_ERROR);
    const { container } = render(<DiagnosticsPanel diagnostics={DIAGNOSTICS} />);
    await user.click(screen.getByText('Diagnostics'));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load');
    expect(screen.getByRole('button', { name: 'Try again' })).toHaveFocus();

    const calls = load.mock.calls.length;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(load.mock.calls.length).toBeGreaterThan(calls);
    await vi.waitFor(() => expect(screen.getByRole('button', { name: 'Try again' })).not.toHaveAttribute('aria-busy'));

    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(container.querySelector('details')).not.toHaveAttribute('open');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();

    // The network is back: opened again, the download is tried again, and this time it arrives.
    load.mockRestore();
    await user.click(screen.getByText('Diagnostics'));
    expect(await screen.findByRole('region', { name: 'Recent events' })).toBeInTheDocument();
  });
});
