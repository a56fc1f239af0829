import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, fn, userEvent, within } from 'storybook/test';
import { ActionsRefusedContext } from './action-bar';
import { InteractionCard } from './interaction-card';
import { createUnsavedDrafts } from './unsaved-draft';
import { DraftsElsewhere } from './unsaved-draft-note';
import type { UserData } from '../protocol/types';
import { DEFAULT_MESSAGES } from './messages';
import './openmedia-widget.css';
import { makeEntry, makeError, makePending } from '../test-support/entries';

// One card over plain data, for the states that are awkward to reach through a live channel:
// every failure kind side by side, an opaque state, unknown capabilities, a gone interaction.

const meta = {
  title: 'Widget/InteractionCard',
  component: InteractionCard,
  args: { onPerform: fn(), onDismissError: fn(), focused: false, headingLevel: 3 },
  decorators: [
    (Story) => (
      <div className="omw-root" style={{ padding: 12 }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof InteractionCard>;

export default meta;
type Story = StoryObj<typeof meta>;

const INVITED = { state: 'Invited', capabilities: ['Accept', 'Reject'] };

export const Offered: Story = { args: { entry: makeEntry(INVITED) } };

export const Focused: Story = { args: { entry: makeEntry(), focused: true } };

/** In its state already when the list was read (GWS sends no state-change time): "at least". */
export const StateBeganBeforeItWasSeen: Story = {
  args: { entry: makeEntry({}, { stateSince: Date.now() - 754_000, stateSinceExact: false }) },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByTitle(DEFAULT_MESSAGES.timeInStateAtLeastTitle)).toHaveTextContent(/^Time in state at least (\d+:)?\d\d:\d\d$/);
  },
};

export const PendingComplete: Story = {
  args: { entry: makeEntry({}, { pending: makePending({ operation: 'Complete', referenceId: 7 }) }) },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('button', { name: 'Complete' })).toHaveAttribute('aria-busy', 'true');
    await expect(within(canvasElement).getByRole('button', { name: 'Transfer' })).toBeDisabled();
  },
};

/** Accept sent from another tab of the browser: this tab shows it in flight and offers nothing meanwhile. */
export const PendingInAnotherTab: Story = {
  args: {
    entry: makeEntry(
      { state: 'Invited', capabilities: ['Accept', 'Reject'] },
      { pending: makePending({ operation: 'Accept', referenceId: 8, elsewhere: true }) },
    ),
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText('Accept sent from another tab, waiting for the server…')).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Accept' })).toHaveAttribute('aria-busy', 'true');
    await expect(canvas.getByRole('button', { name: 'Reject' })).toBeDisabled();
  },
};

export const ErrorNotification: Story = {
  args: {
    entry: makeEntry({}, { error: makeError({ kind: 'error-notification', message: 'The interaction is locked by a supervisor', code: 4, referenceId: 12 }) }),
  },
};

export const StatusCodeRefusal: Story = {
  args: { entry: makeEntry(INVITED, { error: makeError({ operation: 'Accept', kind: 'status-code', code: 2 }) }) },
};

/** GWS answered the request with an HTTP error (a 5xx with no GWS answer in it, a gateway's or a server's error page, is an outcome in doubt instead: below). */
export const HttpFailure: Story = {
  args: { entry: makeEntry({}, { error: makeError({ operation: 'Transfer', kind: 'http', code: 400, message: 'GWS answered HTTP 400 Bad Request.' }) }) },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('alert')).toHaveTextContent('Transfer could not be sent');
  },
};

export const TimedOut: Story = {
  args: { entry: makeEntry({}, { error: makeError({ kind: 'timeout', code: undefined, message: 'The server took Complete, but its outcome never came.' }) }) },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('alert')).toHaveTextContent('Complete timed out');
  },
};

/** A proxy or load balancer answered 504 instead of GWS: the request may have been done (the card is read again). */
export const GatewayOutcomeUnknown: Story = {
  args: {
    entry: makeEntry(
      {},
      {
        error: makeError({
          kind: 'outcome-unknown',
          code: 504,
          referenceId: undefined,
          message:
            'GWS answered HTTP 504 Gateway Timeout. A gateway between the widget and GWS answered, not GWS: the request may have reached GWS. Check the card before trying again.',
        }),
      },
    ),
  },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('alert')).toHaveTextContent(/Complete outcome unknown.*may have reached GWS/);
  },
};

/** A single sign-on front sent the request to its sign-in page: the session has ended (the widget shows Signed out). */
export const SentToSignInPage: Story = {
  args: {
    entry: makeEntry(
      {},
      {
        error: makeError({
          kind: 'http',
          code: 401,
          referenceId: undefined,
          message: 'Your session has ended: the request was sent to a sign-in page (https://sso.example/login), not to GWS. Sign in again, then reconnect.',
        }),
      },
    ),
  },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('alert')).toHaveTextContent(/Complete could not be sent.*sign-in page/);
  },
};

/**
 * Signed out (or reconnecting): nothing can be sent. The buttons are dimmed and aria-disabled,
 * and a press says why on the card.
 */
export const NotSentWhileSignedOut: Story = {
  args: {
    entry: makeEntry({}, { error: makeError({ kind: 'not-connected', code: undefined, referenceId: undefined, message: 'Not sent: your session has ended. Sign in again, then reconnect.' }) }),
  },
  decorators: [
    (Story) => (
      <ActionsRefusedContext.Provider value>
        <Story />
      </ActionsRefusedContext.Provider>
    ),
  ],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('alert')).toHaveTextContent(/Complete was not sent.*your session has ended/);
    await expect(canvas.getByRole('button', { name: 'Complete' })).toHaveAttribute('aria-disabled', 'true');
    await expect(canvas.getAllByRole('button', { name: /^Edit / })[0]).toHaveAttribute('aria-disabled', 'true');
  },
};

export const Vetoed: Story = {
  args: { entry: makeEntry(INVITED, { error: makeError({ operation: 'Accept', kind: 'vetoed', code: undefined, message: DEFAULT_MESSAGES.vetoedByHost }) }) },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('alert')).toHaveTextContent(DEFAULT_MESSAGES.vetoedByHost);
  },
};

export const Completed: Story = {
  args: { entry: makeEntry({ state: 'Completed', capabilities: [] }, { endedAt: Date.now() }) },
};

export const Gone: Story = {
  args: { entry: makeEntry({}, { gone: true, endedAt: Date.now() }) },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText(DEFAULT_MESSAGES.gone)).toBeVisible();
  },
};

/** A state GWS did not document and capabilities the widget has no button for: shown as sent. */
export const OpaqueStateAndUnknownCapabilities: Story = {
  args: { entry: makeEntry({ state: 'Suspended', capabilities: ['Resume', 'Escalate'] }) },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('Suspended')).toBeVisible();
    await expect(within(canvasElement).getByText(/Resume, Escalate/)).toBeVisible();
  },
};

export const NoUserData: Story = {
  args: { entry: makeEntry({ userData: {} }) },
};

export const DarkTheme: Story = {
  args: { entry: makeEntry({}, { error: makeError({ kind: 'error-notification', message: 'The interaction is locked by a supervisor' }) }) },
  parameters: { pageTheme: 'dark' },
  decorators: [
    (Story) => (
      <div className="omw-root" data-theme="dark" style={{ padding: 12 }}>
        <Story />
      </div>
    ),
  ],
};

function manyKeys(count: number): Record<string, string> {
  const data: Record<string, string> = { Subject: 'Two thousand keys' };
  for (let i = 1; i < count; i += 1) data[`Key${String(i).padStart(4, '0')}`] = `value ${i}`;
  return data;
}

/** 2,000 keys (GWS does not bound user data): eight rows, a count, a filter and Show all. */
export const ManyUserDataKeys: Story = {
  args: { entry: makeEntry({ userData: manyKeys(2_000) }) },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('Showing 8 of 2,000 keys')).toBeVisible();
    await expect(within(canvasElement).getByRole('button', { name: 'Show all 2,000 keys' })).toBeVisible();
  },
};

/** A 200,000-character value: clamped, with its length, Show more and Copy. */
export const LongUserDataValue: Story = {
  args: { entry: makeEntry({ userData: { Subject: 'A long transcript', Transcript: `Customer wrote: ${'lorem ipsum dolor sit amet '.repeat(7_500)}— end` } }) },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('button', { name: 'Show more of Transcript' })).toBeVisible();
    await expect(within(canvasElement).getByRole('button', { name: 'Copy Transcript' })).toBeVisible();
  },
};

const LONG_SUBJECT = `A long subject ${'words of a subject '.repeat(526)}end`;
const LONG_KEY = `Key${'k'.repeat(9_997)}`;
const LONG_STATE = `Opaque${'state'.repeat(398)}`;

/**
 * A 10,000-character Subject and key and a 2,000-character state (GWS bounds none of them): the
 * title and the key show 3 lines, the state one, the timer stays in view; each is whole as its tooltip.
 */
export const LongSubjectKeyAndState: Story = {
  args: {
    entry: makeEntry({
      state: LONG_STATE,
      capabilities: ['Complete', 'UpdateUserData', 'DeleteUserData'],
      userData: { Subject: LONG_SUBJECT, [LONG_KEY]: 'a value beside a long key', Priority: '2' },
    }),
  },
  play: async ({ canvasElement }) => {
    const card = within(canvasElement);
    await expect(card.getByRole('heading', { name: LONG_SUBJECT })).toHaveAttribute('title', LONG_SUBJECT);
    await expect(card.getByTitle(LONG_KEY)).toHaveTextContent(LONG_KEY);
    await expect(card.getByTitle(LONG_STATE)).toBeVisible();
    await expect(card.getByTitle('Time in state')).toBeVisible();
    await expect(card.getByRole('button', { name: 'Complete' })).toBeVisible();
  },
};

/**
 * A story where the server changes the card's user data while the agent edits CustomerSegment:
 * the button outside the card plays the server (`label`, `change`); the play types "silver" into
 * the editor, presses it, and expects the typed text kept and the `notice`.
 */
function serverChangeWhileEditing(label: string, change: (userData: UserData) => UserData, notice: string): Story {
  return {
    args: { entry: makeEntry() },
    render: function Render(args) {
      const [entry, setEntry] = useState(args.entry);
      return (
        <>
          <InteractionCard {...args} entry={entry} />
          <button
            type="button"
            className="omw-button omw-button--secondary"
            style={{ marginTop: 12 }}
            onClick={() => setEntry(makeEntry({ userData: change(entry.interaction.userData) }))}
          >
            {label}
          </button>
        </>
      );
    },
    play: async ({ canvasElement }) => {
      const canvas = within(canvasElement);
      await userEvent.click(canvas.getByRole('button', { name: 'Edit CustomerSegment' }));
      // The editor's code loads on first use.
      const field = await canvas.findByRole('textbox', { name: 'New value for CustomerSegment' });
      await userEvent.clear(field);
      await userEvent.type(field, 'silver');
      await userEvent.click(canvas.getByRole('button', { name: label }));
      await expect(field).toHaveValue('silver');
      await expect(canvas.getByText(notice)).toBeVisible();
    },
  };
}

/** The server changes the value while the agent edits it: the agent's text stays, and a notice says what the server has now. */
export const ValueChangedWhileEditing: Story = serverChangeWhileEditing(
  'Server: set CustomerSegment',
  (userData) => ({ ...userData, CustomerSegment: 'platinum (set by supervisor)' }),
  'Changed on the server to “platinum (set by supervisor)” while you were editing. Save replaces it with yours.',
);

/** A supervisor deletes the key the agent is editing: the typed text stays, and Save adds the key back. */
export const KeyDeletedWhileEditing: Story = serverChangeWhileEditing(
  'Server: delete CustomerSegment',
  ({ CustomerSegment: _deleted, ...rest }) => rest,
  'Deleted on the server while you were editing. Save adds it back with your value.',
);

/**
 * The interaction ends (a supervisor completes it) while the agent is typing a new value: the
 * editor closes, and what was typed stays on the card, said as not saved, with Copy and Dismiss.
 */
export const EndedWhileEditing: Story = {
  args: { entry: makeEntry() },
  render: function Render(args) {
    const [entry, setEntry] = useState(args.entry);
    return (
      <>
        <InteractionCard {...args} entry={entry} />
        <button
          type="button"
          className="omw-button omw-button--secondary"
          style={{ marginTop: 12 }}
          onClick={() => setEntry(makeEntry({ state: 'Completed', capabilities: [], userData: entry.interaction.userData }, { endedAt: Date.now() }))}
        >
          Server: complete it
        </button>
      </>
    );
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Edit CustomerSegment' }));
    const field = await canvas.findByRole('textbox', { name: 'New value for CustomerSegment' });
    await userEvent.clear(field);
    await userEvent.type(field, 'gold, from next month');
    await userEvent.click(canvas.getByRole('button', { name: 'Server: complete it' }));
    const note = canvas.getByRole('alert');
    await expect(note).toHaveTextContent('Your change to CustomerSegment was not saved');
    await expect(within(note).getByText('gold, from next month')).toBeVisible();
    await expect(canvas.queryByRole('textbox', { name: 'New value for CustomerSegment' })).not.toBeInTheDocument();
  },
};

/**
 * Drafts whose cards have left the list (the ended card was evicted after the linger): the widget
 * keeps them under its groups, with the interaction's title, until each is dismissed.
 */
export const DraftsAfterTheCardLeft: Story = {
  args: { entry: makeEntry() },
  render: function Render() {
    const [drafts] = useState(() => {
      const store = createUnsavedDrafts();
      store.typing('IX-7', { key: 'Note', value: 'Called twice; promised a refund by Friday.', adding: false, subject: 'Refund request #4471' });
      store.keep('IX-7');
      store.typing('IX-9', { key: 'CallbackAt', value: 'after 5 pm', adding: true, subject: 'Fibre upgrade' });
      store.keep('IX-9');
      return store;
    });
    return <DraftsElsewhere drafts={drafts} hasCard={() => false} />;
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const kept = canvas.getByRole('group', { name: 'Not saved 2' });
    await expect(within(kept).getByText('Refund request #4471')).toBeVisible();
    await userEvent.click(within(kept).getAllByRole('button', { name: 'Dismiss' })[0]!);
    await expect(canvas.getByRole('group', { name: 'Not saved 1' })).toBeVisible();
  },
};

/**
 * The agent is editing CustomerSegment when a Set in focus sent from another tab goes out: the
 * editor keeps the text and holds Save, saying why, until that action ends. The buttons outside
 * the card play the other tab and the server.
 */
export const EditorHeldByAnotherTab: Story = {
  args: { entry: makeEntry() },
  render: function Render(args) {
    const [entry, setEntry] = useState(args.entry);
    return (
      <>
        <InteractionCard {...args} entry={entry} />
        <div style={{ display: 'flex', gap: 8, marginTop: 12 }}>
          <button
            type="button"
            className="omw-button omw-button--secondary"
            onClick={() => setEntry(makeEntry({}, { pending: makePending({ operation: 'SetInFocus', referenceId: 9, elsewhere: true }) }))}
          >
            Another tab: Set in focus
          </button>
          <button type="button" className="omw-button omw-button--secondary" onClick={() => setEntry(makeEntry())}>
            Server: done
          </button>
        </div>
      </>
    );
  },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Edit CustomerSegment' }));
    const field = await canvas.findByRole('textbox', { name: 'New value for CustomerSegment' });
    await userEvent.clear(field);
    await userEvent.type(field, 'silver');
    await userEvent.click(canvas.getByRole('button', { name: 'Another tab: Set in focus' }));
    await expect(field).toHaveValue('silver');
    await expect(canvas.getByText('Set in focus sent from another tab, waiting for the server…')).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Save' })).toBeDisabled();
    await userEvent.click(canvas.getByRole('button', { name: 'Server: done' }));
    await expect(canvas.getByRole('button', { name: 'Save' })).toBeEnabled();
    await expect(field).toHaveValue('silver');
    await expect(args.onPerform).not.toHaveBeenCalled();
  },
};
