import { QueryClient } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OpenmediaProvider } from '../hooks/openmedia-provider';
import shiftJson from '../replay/fixtures/shift.json';
import { parseRecording } from '../replay/recording';
import { createReplayChannel } from '../replay/replay-channel';
import { createReplayClient, REPLAY_READ_ONLY_MESSAGE } from '../replay/replay-client';
import { advanceTimers, setupWithFakeTimers } from '../test-support/fake-timers';
import { OpenmediaWidget } from './openmedia-widget';
import { formatReplayTime, ReplayControls } from './replay-controls';

function renderShift(onRestart?: () => void) {
  const parsed = parseRecording(shiftJson);
  if (!parsed.ok) throw new Error(parsed.message);
  const replay = createReplayChannel(parsed.recording);
  const user = setupWithFakeTimers();
  render(
    <OpenmediaProvider channel={replay} gwsClient={createReplayClient(replay)} queryClient={new QueryClient()} lingerMs={3_600_000}>
      <ReplayControls replay={replay} title="Shift" onRestart={onRestart} />
      <OpenmediaWidget title="Replayed" />
    </OpenmediaProvider>,
  );
  const controls = screen.getByRole('group', { name: 'Shift' });
  const button = (name: string | RegExp) => within(controls).getByRole('button', { name });
  return { replay, user, controls, button, recording: parsed.recording };
}

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('ReplayControls', () => {
  it('steps through the shift one event at a time', async () => {
    const { user, controls, button, recording } = renderShift();
    await advanceTimers();
    expect(within(controls).getByText(`0 / ${recording.events.length} events · 0:00 / 11:28`)).toBeInTheDocument();
    expect(button('Restart')).toBeDisabled();
    await user.click(button('Step'));
    await advanceTimers();
    expect(screen.getByRole('article', { name: 'Spring upgrade offer' })).toBeInTheDocument();
    expect(within(controls).getByText(/^1 \/ 109 events · 0:02/)).toBeInTheDocument();
    expect(within(controls).getByRole('progressbar', { name: 'Events delivered' })).toHaveAttribute('value', '1');
  });

  it('plays at 10×, pauses, and shows hostile user data as text', async () => {
    const { user, replay, button, recording } = renderShift();
    await advanceTimers();
    await user.click(button('10×'));
    expect(button('10×')).toHaveAttribute('aria-pressed', 'true');
    expect(button('1×')).toHaveAttribute('aria-pressed', 'false');
    await user.click(button('Play'));
    expect(button('Pause')).toBeInTheDocument();
    // 2 minutes of recording in 12 seconds.
    await advanceTimers(12_000);
    const reached = replay.getReplayState().position;
    expect(reached).toBe(recording.events.filter((e) => e.at <= 120_000).length);
    expect(reached).toBeGreaterThan(10);
    await user.click(button('Pause'));
    await advanceTimers(60_000);
    expect(replay.getReplayState().position).toBe(reached);

    // The 5th offer carries markup in its Note: shown as text, never as an element.
    while (!screen.queryByText(/<img src=x onerror=alert\(1\)>/)) {
      await user.click(button('Step'));
      await advanceTimers();
    }
    expect(document.querySelector('img[src="x"]')).toBeNull();
    expect(document.querySelector('script')).toBeNull();
  });

  it('refuses actions during a replay, with a message on the card', async () => {
    const { user, button } = renderShift();
    await advanceTimers();
    await user.click(button('Step'));
    await advanceTimers();
    const card = screen.getByRole('article', { name: 'Spring upgrade offer' });
    await user.click(within(card).getByRole('button', { name: 'Accept' }));
    await advanceTimers();
    expect(within(card).getByRole('alert')).toHaveTextContent(REPLAY_READ_ONLY_MESSAGE);
  });

  it('restarts: back to the first event, and the widget re-reads the (now empty) snapshot', async () => {
    const onRestart = vi.fn();
    const { user, replay, button } = renderShift(onRestart);
    await advanceTimers();
    await user.click(button('Step'));
    await advanceTimers();
    await user.click(button('Restart'));
    await advanceTimers();
    expect(replay.getReplayState().position).toBe(0);
    expect(screen.getByText('No longer assigned to you')).toBeInTheDocument();
    expect(onRestart).toHaveBeenCalledTimes(1);
  });
});

describe('formatReplayTime', () => {
  it('writes minutes and zero-padded seconds', () => {
    expect(formatReplayTime(0)).toBe('0:00');
    expect(formatReplayTime(65_999)).toBe('1:05');
    expect(formatReplayTime(688_561)).toBe('11:28');
    expect(formatReplayTime(-5)).toBe('0:00');
  });
});
