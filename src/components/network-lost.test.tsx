import { act, isInaccessible, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { advanceTimers } from '../test-support/fake-timers';
import { resource, statusChange } from '../test-support/harness';
import { renderWidget } from '../test-support/render-widget';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

async function setup() {
  const { harness, emit } = await renderWidget();
  await emit(statusChange(resource('a', 'Processing', 'workitem', { Subject: 'Alpha' })));
  return harness;
}

/** The widget's header: its title, the count and the connection indicator. */
function header(): HTMLElement {
  const found = screen.getByRole('heading', { name: 'My work' }).closest('header');
  if (found === null) throw new Error('no widget header');
  return found;
}

describe('the browser loses its network', () => {
  it('says "No network" at once, beside the title and in the status region, while the long poll has not failed yet, and "Live" again when it is back', async () => {
    await setup();
    expect(within(header()).getByText('Live')).toBeInTheDocument();

    // The channel still says connected: its long poll is out, and can stay so for 30 s.
    act(() => void window.dispatchEvent(new Event('offline')));
    expect(within(header()).getByText('No network')).toBeInTheDocument();
    expect(within(header()).queryByText('Live')).not.toBeInTheDocument();
    const region = screen.getByRole('status');
    expect(region).toHaveTextContent('No network');
    expect(region).toHaveTextContent('nothing new can arrive');
    // The cards stay: the last known truth, said to be possibly behind.
    expect(screen.getByRole('article', { name: 'Alpha' })).toBeInTheDocument();

    act(() => void window.dispatchEvent(new Event('online')));
    expect(within(header()).getByText('Live')).toBeInTheDocument();
    expect(screen.getByRole('status')).not.toHaveTextContent('No network');
  });

  it('shows the card’s buttons unavailable while "No network" says nothing can be done, and available again when it is back', async () => {
    await setup();
    const card = screen.getByRole('article', { name: 'Alpha' });
    expect(within(card).getByRole('button', { name: 'Complete' })).not.toHaveAttribute('aria-disabled');
    act(() => void window.dispatchEvent(new Event('offline')));
    expect(within(card).getByRole('button', { name: 'Complete' })).toHaveAttribute('aria-disabled', 'true');
    act(() => void window.dispatchEvent(new Event('online')));
    expect(within(card).getByRole('button', { name: 'Complete' })).not.toHaveAttribute('aria-disabled');
  });

  it('says the connection once to a screen reader: the word beside the title is for the eye, the status region speaks', async () => {
    await setup();
    expect(isInaccessible(within(header()).getByText('Live'))).toBe(true);
    expect(screen.getByRole('status')).toHaveTextContent('Live');
  });

  it('leaves "Signed out" as it is: the session is the problem to solve first', async () => {
    const harness = await setup();
    act(() => harness.channel.setStatus('unauthorized'));
    await advanceTimers();
    act(() => void window.dispatchEvent(new Event('offline')));
    expect(screen.getByRole('status')).not.toHaveTextContent('No network');
    expect(within(header()).queryByText('No network')).not.toBeInTheDocument();
  });
});
