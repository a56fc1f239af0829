/**
 * `<OpenmediaWidget title="My work" />` in a harness, for the widget's behaviour tests (fake
 * timers: call `vi.useFakeTimers()` first). Test-only.
 */
import { act, render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { OpenmediaWidget } from '../components/openmedia-widget';
import { advanceTimers, setupWithFakeTimers } from './fake-timers';
import { createHarness, listOnServer } from './harness';
import type { Harness } from './harness';

/**
 * Renders the widget (and `extra` beside it, inside the provider). `emit` lists the notification's
 * interaction on the scripted server, pushes it on the channel and lets `frameMs` pass.
 */
export async function renderWidget(harness: Harness = createHarness({ mediaTypes: ['workitem'] }), extra?: ReactNode) {
  const user = setupWithFakeTimers();
  const Wrapper = harness.wrapper;
  render(
    <Wrapper>
      <OpenmediaWidget title="My work" />
      {extra}
    </Wrapper>,
  );
  await advanceTimers();
  const emit = async (data: unknown, frameMs?: number) => {
    listOnServer(harness.gws, data);
    act(() => harness.channel.emit(data));
    await advanceTimers(frameMs);
  };
  return { user, harness, emit };
}
