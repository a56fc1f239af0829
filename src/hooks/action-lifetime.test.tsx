import { act, render, screen } from '@testing-library/react';
import { Activity } from 'react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHarness, listOnServer, resource, statusChange } from '../test-support/harness';
import type { Harness } from '../test-support/harness';
import { useInteractionAction } from './use-interaction-action';
import { advanceTimers } from '../test-support/fake-timers';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function Card() {
  const { perform, pending, error } = useInteractionAction('a');
  return (
    <>
      <button type="button" disabled={pending !== undefined} onClick={() => perform({ operationName: 'Complete' })}>
        Complete
      </button>
      {error && <p role="alert">{`${error.operation ?? ''}: ${error.message}`}</p>}
    </>
  );
}

function Host({ h, hidden, children }: { h: Harness; hidden: boolean; children: ReactNode }) {
  const Wrapper = h.wrapper;
  return (
    <Activity mode={hidden ? 'hidden' : 'visible'}>
      <Wrapper>{children}</Wrapper>
    </Activity>
  );
}

describe('action runner: the provider stops while a request is in flight', () => {
  it('settles the request visibly instead of leaving the card pending for ever (hidden <Activity>)', async () => {
    const h = createHarness({ mediaTypes: ['workitem'], actionTimeoutMs: 5_000 });
    // A POST that never answers.
    h.gws.operationAnswer = () => new Promise<Response>(() => undefined);
    const view = render(
      <Host h={h} hidden={false}>
        <Card />
      </Host>,
    );
    // On the server too: the read made when the widget shows again finds it still Processing.
    const processing = statusChange(resource('a', 'Processing'));
    listOnServer(h.gws, processing);
    act(() => h.channel.emit(processing));
    await advanceTimers();
    act(() => screen.getByRole('button', { name: 'Complete' }).click());
    await advanceTimers();
    expect(screen.getByRole('button', { name: 'Complete' })).toBeDisabled();

    // The host hides the widget (a tab switch): effects are cleaned up, state is kept.
    view.rerender(
      <Host h={h} hidden>
        <Card />
      </Host>,
    );
    await advanceTimers(10_000);
    view.rerender(
      <Host h={h} hidden={false}>
        <Card />
      </Host>,
    );
    await advanceTimers();
    expect(screen.getByRole('button', { name: 'Complete' })).toBeEnabled();
    expect(screen.getByRole('alert')).toHaveTextContent('Complete: No answer from the server for Complete.');
  });
});
