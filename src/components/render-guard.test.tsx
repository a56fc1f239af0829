import { act, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { advanceTimers, setupWithFakeTimers } from '../test-support/fake-timers';
import { createHarness, listOnServer, resource, statusChange } from '../test-support/harness';
import { catchReportedErrors } from '../test-support/reported-errors';
import { resolveMessages, type Messages } from './messages';
import { RENDER_RETRY_EVERY_MS } from './render-guard';
import { makeError } from '../test-support/entries';
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
/** What the polite live region has said, one line per announcement. */
const said = (name: 'Announcements') => [...screen.getByRole('log', { name }).children].map((line) => line.textContent);

async function setup(messages?: Partial<Messages>) {
  const h = createHarness({ mediaTypes: ['workitem'] });
  const user = setupWithFakeTimers();
  const Wrapper = h.wrapper;
  render(
    <>
      <p>Host content</p>
      <input aria-label="Host note" />
      <Wrapper>
        <OpenmediaWidget title="My work" messages={messages} />
      </Wrapper>
    </>,
  );
  await advanceTimers();
  const emit = async (data: unknown, ms?: number) => {
    listOnServer(h.gws, data);
    act(() => h.channel.emit(data));
    await advanceTimers(ms);
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

  it('is drawn again, whole, after its next notification changes what it shows: within 2 s of the failure, once they are up', async () => {
    catchReportedErrors();
    const { emit } = await setup();
    await emit(statusChange(resource('b', 'Tripping', 'workitem', { Subject: 'Beta' })));
    expect(card('Beta')).toHaveTextContent('This interaction could not be shown.');

    await emit(statusChange(resource('b', 'Processing', 'workitem', { Subject: 'Beta' })));
    expect(card('Beta')).toHaveTextContent('This interaction could not be shown.');
    await advanceTimers(RENDER_RETRY_EVERY_MS);
    expect(card('Beta')).not.toHaveTextContent('could not be shown');
    expect(within(card('Beta')).getByRole('button', { name: 'Complete' })).toBeInTheDocument();

    // Long after a failure, the next change is tried at once.
    await emit(statusChange(resource('b', 'Tripping', 'workitem', { Subject: 'Beta' })));
    await advanceTimers(RENDER_RETRY_EVERY_MS + 100);
    await emit(statusChange(resource('b', 'Processing', 'workitem', { Subject: 'Beta' })));
    expect(card('Beta')).not.toHaveTextContent('could not be shown');
  });

  it('tries again at most every 2 s while it keeps failing as its notifications flow, and never takes focus from where the agent moved it', async () => {
    const reported = catchReportedErrors();
    const renders = vi.mocked(console.error);
    const { user, emit } = await setup();
    await emit(statusChange(resource('b', 'Tripping', 'workitem', { Subject: 'Beta' })));
    // The agent tries again: it fails again, and the keyboard is on the new Try again.
    await user.click(within(card('Beta')).getByRole('button', { name: 'Try again' }));
    expect(within(card('Beta')).getByRole('button', { name: 'Try again' })).toHaveFocus();
    // Then moves on to the host page, while the card's news keeps coming (it keeps failing).
    const hostField = screen.getByRole('textbox', { name: 'Host note' });
    await user.click(hostField);
    const caughtBefore = renders.mock.calls.length;
    for (let i = 0; i < 20; i += 1) await emit(statusChange(resource('b', 'Tripping', 'workitem', { Subject: 'Beta', Tick: String(i) })), 200);
    // 4 s of news, 20 changes: tried twice, not 20 times (React logs each error it catches).
    expect(renders.mock.calls.length - caughtBefore).toBeLessThanOrEqual(2 * 3);
    expect(hostField).toHaveFocus();
    expect(reported).toHaveLength(1);
  });

});

describe('a widget frame that fails to draw', () => {
  it('says so in its place under its title, keeps the host page, the connection, the announcements and "No network", and draws again at Try again', async () => {
    const reported = catchReportedErrors();
    const { user, emit } = await setup();
    await emit(statusChange(resource('a', 'Invited', 'workitem', { Subject: 'Alpha' })), 5_000);
    act(() => void window.dispatchEvent(new Event('offline')));

    frameBug.on = true;
    await emit(statusChange(resource('c', 'Invited', 'workitem', { Subject: 'Gamma' })), 5_000);
    const frame = screen.getByRole('region', { name: 'My work' });
    expect(within(frame).getByRole('alert')).toHaveTextContent('Your interactions could not be shown. The connection stays open.');
    expect(screen.getByText('Host content')).toBeInTheDocument();
    expect(reported).toHaveLength(1);
    expect(String(reported[0])).toContain('frame bug');

    // News kept arriving meanwhile, and was announced.
    await emit(statusChange(resource('d', 'Invited', 'workitem', { Subject: 'Delta' })), 5_000);
    expect(said('Announcements')).toEqual(['New offer: Alpha', 'New offer: Gamma', 'New offer: Delta']);
    // A retry that fails again by itself is not a new alert.
    expect(within(frame).queryByRole('alert')).not.toBeInTheDocument();
    expect(within(frame).getByText('Your interactions could not be shown. The connection stays open.')).toBeInTheDocument();

    // Once the frame draws, it shows all of it, and what it knew meanwhile: still no network.
    frameBug.on = false;
    await user.click(within(frame).getByRole('button', { name: 'Try again' }));
    for (const name of ['Alpha', 'Gamma', 'Delta']) expect(within(card(name)).getByRole('button', { name: 'Accept' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('No network');
    act(() => void window.dispatchEvent(new Event('online')));
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
  it("gives the widget's own words in its place, reported once, warned once, and the widget goes on", async () => {
    const reported = catchReportedErrors();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { emit } = await setup({
      interactionCount: () => {
        throw new Error('translation bug');
      },
      editKey: (() => ({ not: 'text' })) as unknown as Messages['editKey'],
    });
    await emit(statusChange(resource('a', 'Processing', 'workitem', { Subject: 'Alpha' })));
    await emit(statusChange(resource('b', 'Invited', 'workitem', { Subject: 'Beta' })));

    expect(screen.getByText('2 open interactions')).toBeInTheDocument();
    expect(within(card('Alpha')).getByRole('button', { name: 'Edit Subject' })).toBeEnabled();
    expect(within(card('Beta')).getByRole('button', { name: 'Accept' })).toBeEnabled();
    expect(reported.map(String)).toEqual(['Error: translation bug']);
    const warnings = warn.mock.calls.map(([text]) => String(text)).filter((text) => text.includes('messages.'));
    expect(warnings).toEqual(['openmedia-widget: messages.editKey() should be a function that returns a string, not object; the default is used.']);
  });

  it('takes undefined from errorReason as the documented "the English text", without a warning', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const messages = resolveMessages({ errorReason: (reason) => (reason === 'no-answer' ? 'Keine Antwort.' : undefined) });
    expect(messages.errorReason?.('no-answer', makeError())).toBe('Keine Antwort.');
    expect(messages.errorReason?.('status-code', makeError())).toBeUndefined();
    expect(warn).not.toHaveBeenCalled();
  });
});
