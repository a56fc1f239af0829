import { act, render, screen, within } from '@testing-library/react';
import { Activity } from 'react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHarness, errorNotification, resource, statusChange } from '../test-support/harness';
import type { Harness } from '../test-support/harness';
import { advanceTimers, setupWithFakeTimers } from '../test-support/fake-timers';
import type { ActionEvent } from './action-event';
import { OpenmediaWidget } from './openmedia-widget';
import type { OpenmediaWidgetProps } from './openmedia-widget';

// Issue 12 as the agent sees it on the card, and as the host hears it through onAction.

const posts = (h: Harness) => h.gws.requests.filter((r) => r.method === 'POST');
const card = (name: string) => screen.getByRole('article', { name });

function Host({ h, hidden, children }: { h: Harness; hidden: boolean; children: ReactNode }) {
  const Wrapper = h.wrapper;
  return (
    <Activity mode={hidden ? 'hidden' : 'visible'}>
      <Wrapper>{children}</Wrapper>
    </Activity>
  );
}

async function setup(props: Partial<OpenmediaWidgetProps> = {}) {
  const h = createHarness({ mediaTypes: ['workitem'], actionTimeoutMs: 5_000 });
  const user = setupWithFakeTimers();
  const view = render(
    <Host h={h} hidden={false}>
      <OpenmediaWidget title="My work" {...props} />
    </Host>,
  );
  await advanceTimers();
  const emit = async (data: unknown) => {
    act(() => h.channel.emit(data));
    await advanceTimers();
  };
  const hide = (hidden: boolean) =>
    view.rerender(
      <Host h={h} hidden={hidden}>
        <OpenmediaWidget title="My work" {...props} />
      </Host>,
    );
  return { h, user, emit, hide };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('point 1: a late outcome after the timeout', () => {
  it('a late success clears the red timeout alert and onAction hears succeeded (late)', async () => {
    const onAction = vi.fn((_event: ActionEvent) => true);
    const { h, user, emit } = await setup({ onAction });
    await emit(statusChange(resource('a', 'Invited', 'workitem', { Subject: 'Alpha' })));
    await user.click(within(card('Alpha')).getByRole('button', { name: 'Accept' }));
    await advanceTimers(5_100);
    expect(within(card('Alpha')).getByRole('alert')).toHaveTextContent('The server took Accept, but its outcome never came.');
    expect(onAction).toHaveBeenLastCalledWith(expect.objectContaining({ phase: 'after', outcome: expect.objectContaining({ status: 'failed' }) }));

    await emit(statusChange(resource('a', 'Processing', 'workitem', { Subject: 'Alpha' }), 101));
    expect(within(card('Alpha')).queryByRole('alert')).not.toBeInTheDocument();
    expect(within(card('Alpha')).getByRole('button', { name: 'Complete' })).toBeEnabled();
    expect(onAction).toHaveBeenLastCalledWith({
      phase: 'after',
      interactionId: 'a',
      request: { operationName: 'Accept' },
      outcome: { status: 'succeeded', late: true },
    });
    expect(posts(h)).toHaveLength(1);
  });

  it("a late Error replaces the timeout text with the server's message", async () => {
    const { user, emit } = await setup();
    await emit(statusChange(resource('a', 'Invited', 'workitem', { Subject: 'Alpha' })));
    await user.click(within(card('Alpha')).getByRole('button', { name: 'Accept' }));
    await advanceTimers(5_100);
    expect(within(card('Alpha')).getByText('The server took Accept, but its outcome never came.')).toBeInTheDocument();
    await emit(errorNotification(101, 'Agent is not ready for this media'));
    // The box may be a plain group (two failures close together are announced as one summary).
    expect(within(card('Alpha')).getByText('Agent is not ready for this media')).toBeInTheDocument();
    expect(within(card('Alpha')).queryByText('The server took Accept, but its outcome never came.')).not.toBeInTheDocument();
  });
});

describe('point 3: clicked while reconnecting', () => {
  it('is refused with the reason on the card, and nothing is sent', async () => {
    const onAction = vi.fn((_event: ActionEvent) => true);
    const { h, user, emit } = await setup({ onAction });
    await emit(statusChange(resource('a', 'Processing', 'workitem', { Subject: 'Alpha' })));
    act(() => h.channel.setStatus('reconnecting'));
    await advanceTimers();
    await user.click(within(card('Alpha')).getByRole('button', { name: 'Complete' }));
    await advanceTimers();
    expect(within(card('Alpha')).getByRole('alert')).toHaveTextContent(
      'Not sent: the connection is being restored, so the result could not be confirmed. Try again once Live.',
    );
    expect(posts(h)).toHaveLength(0);
    expect(onAction).toHaveBeenLastCalledWith(
      expect.objectContaining({ phase: 'after', outcome: expect.objectContaining({ status: 'failed', error: expect.objectContaining({ kind: 'not-connected' }) }) }),
    );
  });
});

describe('point 4: a hidden provider (<Activity> hidden)', () => {
  it('keeps settling actions while hidden: the outcome that arrives then is shown, not a false timeout', async () => {
    const onAction = vi.fn((_event: ActionEvent) => true);
    const { h, user, emit, hide } = await setup({ onAction });
    await emit(statusChange(resource('a', 'Processing', 'workitem', { Subject: 'Alpha' })));
    await user.click(within(card('Alpha')).getByRole('button', { name: 'Complete' }));
    await advanceTimers();
    hide(true);
    await advanceTimers();
    // The outcome arrives while the widget is hidden; then the whole timeout passes.
    act(() => h.channel.emit(statusChange(resource('a', 'Completed', 'workitem', { Subject: 'Alpha' }), 101)));
    await advanceTimers(10_000);
    hide(false);
    await advanceTimers();
    expect(within(card('Alpha')).queryByRole('alert')).not.toBeInTheDocument();
    expect(within(card('Alpha')).getByText('Completed')).toBeInTheDocument();
    expect(onAction).toHaveBeenLastCalledWith({
      phase: 'after',
      interactionId: 'a',
      request: { operationName: 'Complete' },
      outcome: { status: 'succeeded' },
    });
  });
});
