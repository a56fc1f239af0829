import { act, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { advanceTimers, setupWithFakeTimers } from '../test-support/fake-timers';
import { createHarness, listOnServer, resource, statusChange } from '../test-support/harness';
import { catchReportedErrors } from '../test-support/reported-errors';
import type { Messages } from './messages';
import { OpenmediaWidget } from './openmedia-widget';
import type * as ConnectionIndicatorModule from './connection-indicator';
import type * as StateChipModule from './state-chip';

// A bug that throws while drawing one card (here: the state chip, for a state it trips on), or the
// widget's frame (the connection indicator, while `frameBug.on`), stands in for any such bug.
const frameBug = vi.hoisted(() => ({ on: false }));
vi.mock('./state-chip', async (importOriginal) => {
  const actual = await importOriginal<typeof StateChipModule>();
  return {
    ...actual,
    StateChip: (props: Parameters<typeof actual.StateChip>[0]) => {
      if (props.state === 'Tripping') throw new Error('chip bug');
      return <actual.StateChip {...props} />;
    },
  };
});
vi.mock('./connection-indicator', async (importOriginal) => {
  const actual = await importOriginal<typeof ConnectionIndicatorModule>();
  return {
    ...actual,
    ConnectionIndicator: (props: Parameters<typeof actual.ConnectionIndicator>[0]) => {
      if (frameBug.on) throw new Error('frame bug');
      return <actual.ConnectionIndicator {...props} />;
    },
  };
});

const card = (name: string) => screen.getByRole('article', { name });

async function setup(messages?: Partial<Messages>) {
  const h = createHarness({ mediaTypes: ['workitem'] });
  const user = setupWithFakeTimers();
  const Wrapper = h.wrapper;
  render(
    <>
      <p>Host content</p>
      <Wrapper>
        <OpenmediaWidget title="My work" messages={messages} />
      </Wrapper>
    </>,
  );
  await advanceTimers();
  const emit = async (data: unknown) => {
    listOnServer(h.gws, data);
    act(() => h.channel.emit(data));
    await advanceTimers();
  };
  return { h, user, emit };
}

beforeEach(() => {
  vi.useFakeTimers();
  frameBug.on = false;
  // React logs each error a boundary catches; the tests read what the widget reports instead.
  vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('a card the widget fails to draw', () => {
  it('leaves its place to a note named by its subject while the other cards stay whole, and the bug is reported once', async () => {
    const reported = catchReportedErrors();
    const { user, emit } = await setup();
    await emit(statusChange(resource('a', 'Invited', 'workitem', { Subject: 'Alpha' })));
    await emit(statusChange(resource('b', 'Tripping', 'workitem', { Subject: 'Beta' })));

    expect(within(card('Alpha')).getByRole('button', { name: 'Accept' })).toBeEnabled();
    const broken = card('Beta');
    expect(broken).toHaveTextContent('This interaction could not be shown.');
    expect(reported).toHaveLength(1);
    expect(String(reported[0])).toContain('chip bug');

    // Trying again draws it again; the same bug is not reported a second time.
    await user.click(within(broken).getByRole('button', { name: 'Try again' }));
    expect(card('Beta')).toHaveTextContent('This interaction could not be shown.');
    expect(reported).toHaveLength(1);
    // React draws the note anew; the keyboard stays on its button.
    expect(within(card('Beta')).getByRole('button', { name: 'Try again' })).toHaveFocus();
    expect(screen.getByText('Host content')).toBeInTheDocument();
  });

  it('is drawn again, whole, when its next notification changes what it shows', async () => {
    catchReportedErrors();
    const { emit } = await setup();
    await emit(statusChange(resource('b', 'Tripping', 'workitem', { Subject: 'Beta' })));
    expect(card('Beta')).toHaveTextContent('This interaction could not be shown.');

    await emit(statusChange(resource('b', 'Processing', 'workitem', { Subject: 'Beta' })));
    expect(card('Beta')).not.toHaveTextContent('could not be shown');
    expect(within(card('Beta')).getByRole('button', { name: 'Complete' })).toBeInTheDocument();
  });
});

describe('a widget frame that fails to draw', () => {
  it('says so in its place with its title, keeps the host page and the connection, and draws again at Try again', async () => {
    const reported = catchReportedErrors();
    const { user, emit } = await setup();
    await emit(statusChange(resource('a', 'Invited', 'workitem', { Subject: 'Alpha' })));

    frameBug.on = true;
    await emit(statusChange(resource('c', 'Invited', 'workitem', { Subject: 'Gamma' })));
    const frame = screen.getByRole('region', { name: 'My work' });
    expect(within(frame).getByRole('alert')).toHaveTextContent('Your interactions could not be shown. The connection stays open.');
    expect(screen.getByText('Host content')).toBeInTheDocument();
    expect(reported).toHaveLength(1);
    expect(String(reported[0])).toContain('frame bug');

    // News kept arriving meanwhile: once the frame draws, it shows all of it.
    await emit(statusChange(resource('d', 'Invited', 'workitem', { Subject: 'Delta' })));
    frameBug.on = false;
    await user.click(within(screen.getByRole('region', { name: 'My work' })).getByRole('button', { name: 'Try again' }));
    for (const name of ['Alpha', 'Gamma', 'Delta']) expect(within(card(name)).getByRole('button', { name: 'Accept' })).toBeInTheDocument();
  });
});

describe('the notes in place of what could not be drawn, translated by the host', () => {
  it("say the host's words, the frame's too (drawn outside the widget's own messages)", async () => {
    catchReportedErrors();
    const { emit } = await setup({ title: 'Arbeit', cardRenderFailed: 'Nicht darstellbar.', widgetRenderFailed: 'Liste nicht darstellbar.', renderRetry: 'Erneut' } as Partial<Messages>);
    await emit(statusChange(resource('b', 'Tripping', 'workitem', { Subject: 'Beta' })));
    expect(card('Beta')).toHaveTextContent('Nicht darstellbar.');
    expect(within(card('Beta')).getByRole('button', { name: 'Erneut' })).toBeInTheDocument();

    frameBug.on = true;
    await emit(statusChange(resource('c', 'Invited', 'workitem', { Subject: 'Gamma' })));
    const frame = screen.getByRole('region', { name: 'My work' });
    expect(within(frame).getByRole('alert')).toHaveTextContent('Liste nicht darstellbar.');
    expect(within(frame).getByRole('button', { name: 'Erneut' })).toBeInTheDocument();
  });
});

describe("a host's message function that throws or answers something other than text", () => {
  it("gives the widget's own words in its place, reported once, and the widget goes on", async () => {
    const reported = catchReportedErrors();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { emit } = await setup({
      interactionCount: () => {
        throw new Error('translation bug');
      },
      errorCode: (() => ({ not: 'text' })) as unknown as Messages['errorCode'],
    });
    await emit(statusChange(resource('a', 'Invited', 'workitem', { Subject: 'Alpha' })));
    await emit(statusChange(resource('b', 'Invited', 'workitem', { Subject: 'Beta' })));

    expect(screen.getByText('2 open interactions')).toBeInTheDocument();
    expect(within(card('Alpha')).getByRole('button', { name: 'Accept' })).toBeEnabled();
    expect(reported.map(String)).toEqual(['Error: translation bug']);
    expect(warn).not.toHaveBeenCalled();
  });
});
