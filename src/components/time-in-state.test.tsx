import { act, render, screen } from '@testing-library/react';
import { Profiler } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TimeInState } from './time-in-state';

afterEach(() => {
  vi.useRealTimers();
});

describe('TimeInState', () => {
  it('ticks every second without a React render per tick', () => {
    vi.useFakeTimers({ now: new Date('2026-01-01T10:00:00Z') });
    const since = Date.now() - 65_000;
    let commits = 0;
    render(
      <Profiler id="timer" onRender={() => (commits += 1)}>
        <TimeInState since={since} />
      </Profiler>,
    );
    const time = screen.getByText('01:05');
    expect(time).toHaveAttribute('datetime', 'PT65S');
    const before = commits;
    act(() => vi.advanceTimersByTime(3_000));
    expect(time).toHaveTextContent('01:08');
    expect(time).toHaveAttribute('datetime', 'PT68S');
    expect(commits).toBe(before);
  });

  it('changes the text of the node React made instead of replacing it each second', () => {
    vi.useFakeTimers({ now: new Date('2026-01-01T10:00:00Z') });
    render(<TimeInState since={Date.now() - 5_000} />);
    const time = screen.getByText('00:05');
    const node = time.firstChild;
    act(() => vi.advanceTimersByTime(2_000));
    expect(time).toHaveTextContent('00:07');
    expect(time.firstChild).toBe(node);
    expect(time.childNodes).toHaveLength(1);
  });

  it('says "at least" when the state began before it was seen', () => {
    vi.useFakeTimers({ now: new Date('2026-01-01T10:00:00Z') });
    const view = render(<TimeInState since={Date.now() - 65_000} atLeast />);
    const timer = screen.getByTitle('Time in state: at least this long (it was in this state already when first read)');
    expect(timer).toHaveTextContent(/^Time in state at least 01:05$/);
    expect(timer).toHaveClass('omw-timer--at-least');
    act(() => vi.advanceTimersByTime(2_000));
    expect(timer).toHaveTextContent(/^Time in state at least 01:07$/);

    // Seen beginning: the plain timer.
    view.rerender(<TimeInState since={Date.now()} />);
    const exact = screen.getByTitle('Time in state');
    expect(exact).toHaveTextContent(/^Time in state 00:00$/);
    expect(exact).not.toHaveClass('omw-timer--at-least');
  });

  it('starts again from the new state when `since` changes', () => {
    vi.useFakeTimers({ now: new Date('2026-01-01T10:00:00Z') });
    const view = render(<TimeInState since={Date.now() - 65_000} />);
    view.rerender(<TimeInState since={Date.now() - 2_000} />);
    expect(screen.getByText('00:02')).toBeInTheDocument();
    act(() => vi.advanceTimersByTime(1_000));
    expect(screen.getByText('00:03')).toBeInTheDocument();
  });

  it('stays still once frozen, and stops the shared clock when no timer is left', () => {
    vi.useFakeTimers({ now: new Date('2026-01-01T10:00:00Z') });
    const now = Date.now();
    const view = render(<TimeInState since={now - 5_000} frozenAt={now - 2_000} />);
    act(() => vi.advanceTimersByTime(5_000));
    expect(screen.getByText('00:03')).toBeInTheDocument();
    view.unmount();
    expect(vi.getTimerCount()).toBe(0);
  });
});
