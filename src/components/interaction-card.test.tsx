import { LONG_ALERT_TEXT } from './action-error-alert';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ActionError } from '../core/types';
import type { Operation } from '../protocol/types';
import { InteractionCard, TITLE_TOOLTIP_AFTER, type InteractionCardProps } from './interaction-card';
import { OpenmediaMessages } from './messages-provider';
import { STATE_TOOLTIP_AFTER } from './state-chip';
import { KEY_TOOLTIP_AFTER } from './user-data-row';
import { makeEntry, makeError, makePending } from '../test-support/entries';

function renderCard(props: Partial<InteractionCardProps> = {}) {
  const onPerform = vi.fn();
  const onDismissError = vi.fn();
  const utils = render(
    <InteractionCard entry={makeEntry()} onPerform={onPerform} onDismissError={onDismissError} {...props} />,
  );
  return { ...utils, onPerform, onDismissError };
}

const ALL_BUTTON_NAMES = [
  'Accept',
  'Reject',
  'Transfer',
  'Add data',
  'Edit Subject',
  'Delete Subject',
  'Set in focus',
  'Complete',
];

afterEach(() => {
  vi.useRealTimers();
});

describe('InteractionCard: capability → button', () => {
  const table: { capability: Operation; buttons: string[] }[] = [
    { capability: 'Accept', buttons: ['Accept'] },
    { capability: 'Reject', buttons: ['Reject'] },
    { capability: 'Transfer', buttons: ['Transfer'] },
    { capability: 'AttachUserData', buttons: ['Add data'] },
    { capability: 'UpdateUserData', buttons: ['Edit Subject'] },
    { capability: 'DeleteUserData', buttons: ['Delete Subject'] },
    { capability: 'SetInFocus', buttons: ['Set in focus'] },
    { capability: 'Complete', buttons: ['Complete'] },
  ];

  it.each(table)('$capability alone gives exactly $buttons', ({ capability, buttons }) => {
    renderCard({ entry: makeEntry({ capabilities: [capability], userData: { Subject: 'Hello' } }) });
    for (const name of buttons) expect(screen.getByRole('button', { name })).toBeEnabled();
    for (const name of ALL_BUTTON_NAMES.filter((n) => !buttons.includes(n))) {
      expect(screen.queryByRole('button', { name })).not.toBeInTheDocument();
    }
  });

  it('gives one Edit and one Delete button per user-data key', () => {
    renderCard({
      entry: makeEntry({ capabilities: ['UpdateUserData', 'DeleteUserData'], userData: { A: '1', B: 2, C: null } }),
    });
    for (const key of ['A', 'B', 'C']) {
      expect(screen.getByRole('button', { name: `Edit ${key}` })).toBeEnabled();
      expect(screen.getByRole('button', { name: `Delete ${key}` })).toBeEnabled();
    }
  });

  it('renders no button at all when the capabilities are empty', () => {
    renderCard({ entry: makeEntry({ capabilities: [] }) });
    expect(screen.queryAllByRole('button')).toHaveLength(0);
  });

  it('follows the capabilities, never the state', () => {
    renderCard({ entry: makeEntry({ state: 'Invited', capabilities: ['Complete'] }) });
    expect(screen.queryByRole('button', { name: 'Accept' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Reject' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Complete' })).toBeEnabled();
  });

  it('keeps the bar in KNOWN_OPERATIONS order whatever order the server sends', () => {
    renderCard({
      entry: makeEntry({ capabilities: ['Complete', 'SetInFocus', 'Transfer', 'Reject', 'Accept'], userData: {} }),
    });
    const names = screen.getAllByRole('button').map((b) => b.textContent);
    expect(names).toEqual(['Accept', 'Reject', 'Transfer', 'Set in focus', 'Complete']);
  });

  it('gives unknown capabilities no button but lists them', () => {
    renderCard({ entry: makeEntry({ capabilities: ['Complete', 'MarkDone'] }) });
    expect(screen.queryByRole('button', { name: 'MarkDone' })).not.toBeInTheDocument();
    expect(screen.getByText(/Other capabilities: MarkDone/)).toBeInTheDocument();
  });

  it.each([
    ['Accept', 'Accept'],
    ['Reject', 'Reject'],
    ['SetInFocus', 'Set in focus'],
    ['Complete', 'Complete'],
  ] as const)('%s sends {operationName: %s}', async (operation, name) => {
    const user = userEvent.setup();
    const { onPerform } = renderCard({ entry: makeEntry({ capabilities: [operation] }) });
    await user.click(screen.getByRole('button', { name }));
    expect(onPerform).toHaveBeenCalledExactlyOnceWith({ operationName: operation });
  });
});

describe('InteractionCard: pending and errors', () => {
  it('says so when the pending action was sent from another tab, with the same busy and disabled buttons', async () => {
    const user = userEvent.setup();
    const { onPerform, rerender } = renderCard({
      entry: makeEntry({ state: 'Invited', capabilities: ['Accept', 'Reject'] }, { pending: makePending({ operation: 'Accept', elsewhere: true }) }),
    });
    const card = screen.getByRole('article');
    expect(within(card).getByText('Accept sent from another tab, waiting for the server…')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Accept' })).toHaveAttribute('aria-busy', 'true');
    expect(screen.getByRole('button', { name: 'Reject' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Reject' }));
    expect(onPerform).not.toHaveBeenCalled();
    // This tab's own pending action needs no such line.
    rerender(<InteractionCard entry={makeEntry({ state: 'Invited', capabilities: ['Accept', 'Reject'] }, { pending: makePending({ operation: 'Accept' }) })} onPerform={onPerform} onDismissError={() => {}} />);
    expect(screen.queryByText(/sent from another tab/)).not.toBeInTheDocument();
  });

  it('says "another widget on this page" when a second widget of this page sent it, not another tab', () => {
    renderCard({ entry: makeEntry({ state: 'Invited', capabilities: ['Accept', 'Reject'] }, { pending: makePending({ operation: 'Accept', elsewhere: true, onThisPage: true }) }) });
    expect(within(screen.getByRole('article')).getByText('Accept sent from another widget on this page, waiting for the server…')).toBeVisible();
    expect(screen.queryByText(/another tab/)).not.toBeInTheDocument();
  });

  it('marks the pending operation busy and disables every other button', async () => {
    const user = userEvent.setup();
    const { onPerform } = renderCard({
      entry: makeEntry(
        { capabilities: ['Transfer', 'AttachUserData', 'UpdateUserData', 'SetInFocus', 'Complete'] },
        { pending: makePending({ operation: 'Complete' }) },
      ),
    });
    const complete = screen.getByRole('button', { name: 'Complete' });
    expect(complete).toHaveAttribute('aria-busy', 'true');
    expect(complete).toHaveAttribute('aria-disabled', 'true');
    for (const name of ['Transfer', 'Add data', 'Edit Subject', 'Set in focus']) {
      const button = screen.getByRole('button', { name });
      expect(button).toBeDisabled();
      expect(button).not.toHaveAttribute('aria-busy');
    }
    await user.click(complete);
    expect(onPerform).not.toHaveBeenCalled();
  });

  const kinds: { kind: ActionError['kind']; message: string; title: string }[] = [
    { kind: 'error-notification', message: 'Agent is not ready', title: 'Complete failed' },
    { kind: 'status-code', message: 'Operation is not valid in the current state', title: 'Complete was refused' },
    { kind: 'http', message: 'HTTP 503 Service Unavailable', title: 'Complete could not be sent' },
    { kind: 'timeout', message: 'No answer from the server within 10 s', title: 'Complete timed out' },
    { kind: 'vetoed', message: 'Blocked by the desktop', title: 'Complete was blocked' },
  ];

  it.each(kinds)('shows a $kind error with its message and a Dismiss button', async ({ kind, message, title }) => {
    const user = userEvent.setup();
    const { onDismissError } = renderCard({
      entry: makeEntry({}, { error: makeError({ kind, message, code: 2, referenceId: 17 }) }),
    });
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent(title);
    expect(alert).toHaveTextContent(message);
    expect(alert).toHaveTextContent('Code 2');
    expect(alert).toHaveTextContent('Reference 17');
    expect(screen.getByRole('button', { name: 'Complete' })).toBeEnabled();
    await user.click(within(alert).getByRole('button', { name: 'Dismiss' }));
    expect(onDismissError).toHaveBeenCalledOnce();
  });

  it('a page-long failure text (a stack trace) shows clamped, whole for a screen reader, with Show more opening it in a box that scrolls', async () => {
    // It made the card thousands of pixels tall, its buttons out of reach.
    const user = userEvent.setup();
    const message = `java.lang.IllegalStateException: boom\n${'    at com.genesys.Handler.run(Handler.java:42)\n'.repeat(100)}`;
    renderCard({ entry: makeEntry({}, { error: makeError({ kind: 'error-notification', message, code: 4 }) }) });
    const alert = screen.getByRole('alert');
    const clamped = alert.querySelector('.omw-alert__message');
    expect(clamped).toHaveClass('omw-alert__message--clamped');
    expect(clamped?.textContent).toBe(message);
    const more = within(alert).getByRole('button', { name: 'Show more' });
    expect(more).toHaveAttribute('aria-expanded', 'false');
    await user.click(more);
    const box = within(alert).getByRole('region', { name: 'Complete failed' });
    expect(box).toHaveAttribute('tabindex', '0');
    expect(box.textContent).toBe(message);
    expect(within(alert).getByRole('button', { name: 'Show less' })).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByRole('button', { name: 'Complete' })).toBeEnabled();
  });

  it('a quiet failure (a timeout that came after the interaction ended) shows no alert on the card', () => {
    renderCard({ entry: makeEntry({ state: 'Completed' }, { error: makeError({ kind: 'timeout', message: 'The server took UpdateUserData, but its outcome never came.', code: undefined, quiet: true }) }) });
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.queryByText(/timed out/)).not.toBeInTheDocument();
  });

  it('a short failure text has no Show more', () => {
    renderCard({ entry: makeEntry({}, { error: makeError({ kind: 'status-code', message: 'x'.repeat(LONG_ALERT_TEXT), code: 2 }) }) });
    expect(within(screen.getByRole('alert')).queryByRole('button', { name: 'Show more' })).not.toBeInTheDocument();
  });
});

describe('InteractionCard: content', () => {
  it('is an article named by its Subject, else by its id', () => {
    const { rerender, onPerform, onDismissError } = renderCard();
    expect(screen.getByRole('article', { name: 'Spring offer' })).toBeInTheDocument();
    rerender(
      <InteractionCard
        entry={makeEntry({ id: 'ABC-9', userData: { Other: 'x' } })}
        onPerform={onPerform}
        onDismissError={onDismissError}
      />,
    );
    expect(screen.getByRole('article', { name: 'ABC-9' })).toBeInTheDocument();
  });

  it('titles the card with a heading of level 3, or of the level the host gives', () => {
    const { rerender, onPerform, onDismissError } = renderCard({ entry: makeEntry({ userData: { Subject: 'Hello' } }) });
    expect(screen.getByRole('heading', { name: 'Hello', level: 3 })).toBeInTheDocument();
    rerender(<InteractionCard entry={makeEntry({ userData: { Subject: 'Hello' } })} onPerform={onPerform} onDismissError={onDismissError} headingLevel={5} />);
    expect(screen.getByRole('heading', { name: 'Hello', level: 5 })).toBeInTheDocument();
  });

  it('shows id, media type, direction and the exact state word beside a friendlier label', () => {
    renderCard({ entry: makeEntry({ id: 'X1', mediaType: 'workitem', openmediaType: 'Outbound', state: 'Invited' }) });
    expect(screen.getByText('X1')).toBeInTheDocument();
    expect(screen.getByText('workitem')).toBeInTheDocument();
    expect(screen.getByText('Outbound')).toBeInTheDocument();
    expect(screen.getByText('Invited')).toBeInTheDocument();
    expect(screen.getByText('Offered')).toBeInTheDocument();
  });

  it('shows an unknown state exactly as sent', () => {
    renderCard({ entry: makeEntry({ state: 'PartiallyRouted' }) });
    expect(screen.getByText('PartiallyRouted')).toBeInTheDocument();
  });

  it('formats a readable received date, else shows the raw string', () => {
    const { rerender, onPerform, onDismissError } = renderCard({ locale: 'en-GB' });
    const time = document.querySelector('.omw-meta time');
    expect(time).toHaveAttribute('dateTime', '2014-03-26T14:02:22.000Z');
    expect(time?.textContent).toMatch(/2014/);
    rerender(
      <InteractionCard
        entry={makeEntry({ receivedDate: 'sometime yesterday', receivedAt: undefined })}
        onPerform={onPerform}
        onDismissError={onDismissError}
      />,
    );
    expect(screen.getByText('sometime yesterday')).toBeInTheDocument();
  });

  it('ticks the time in state every second, mm:ss then h:mm:ss', () => {
    vi.useFakeTimers({ now: new Date('2026-01-01T10:00:00Z') });
    renderCard({ entry: makeEntry({}, { stateSince: Date.now() - 65_000 }) });
    expect(screen.getByText('01:05')).toBeInTheDocument();
    act(() => vi.advanceTimersByTime(1000));
    expect(screen.getByText('01:06')).toBeInTheDocument();
    act(() => vi.advanceTimersByTime(3600_000));
    expect(screen.getByText('1:01:06')).toBeInTheDocument();
  });

  it('renders user data as a key/value list', () => {
    renderCard({ entry: makeEntry({ userData: { Segment: 'gold', Score: 42, Empty: null } }) });
    const list = document.querySelector('dl.omw-ud-list') as HTMLElement;
    expect(within(list).getByText('Segment').tagName).toBe('DT');
    expect(within(list).getByText('gold').closest('dd')).not.toBeNull();
    expect(within(list).getByText('42')).toBeInTheDocument();
  });

  it('renders hostile user data as text, never as markup', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    renderCard({ entry: makeEntry({ userData: { Subject: hostile, [hostile]: hostile } }) });
    expect(document.querySelector('img')).toBeNull();
    expect(screen.getByRole('article', { name: hostile })).toBeInTheDocument();
    expect(screen.getAllByText(hostile).length).toBeGreaterThanOrEqual(3);
  });

  it.each([
    ['http://gws.example/api/v2/openmedia/promotions/1', true],
    ['https://gws.example/api/v2/openmedia/promotions/1', true],
    ['javascript:alert(1)', false],
    [' JavaScript:alert(1)', false],
    ['data:text/html,<b>x</b>', false],
    ['/api/v2/openmedia/promotions/1', false],
    ['ftp://gws.example/x', false],
    // Absolute to the URL parser, relative in a link: the browser would open the page's own site.
    ['http:/api/v2/openmedia/promotions/1', false],
    ['http:relative/path', false],
    ['HTTPS://gws.example/x', true],
  ])('renders uri %s as a link: %s', (uri, isLink) => {
    renderCard({ entry: makeEntry({ uri }) });
    const link = screen.queryByRole('link');
    if (isLink) {
      expect(link).toHaveAttribute('href', uri);
      expect(link).toHaveAttribute('rel', expect.stringContaining('noopener'));
    } else {
      expect(link).toBeNull();
      expect(screen.getByText(uri.trim(), { normalizer: (s) => s.trim() })).toBeInTheDocument();
    }
  });

  it('says a completed interaction has ended and stops its timer', () => {
    vi.useFakeTimers({ now: new Date('2026-01-01T10:00:00Z') });
    const now = Date.now();
    renderCard({
      entry: makeEntry({ state: 'Completed', capabilities: [] }, { stateSince: now - 5000, endedAt: now - 2000 }),
    });
    expect(screen.getByRole('article')).toHaveClass('omw-card--ended');
    expect(screen.getByText('This interaction has ended')).toBeInTheDocument();
    expect(screen.getByText('00:03')).toBeInTheDocument();
    act(() => vi.advanceTimersByTime(5000));
    expect(screen.getByText('00:03')).toBeInTheDocument();
  });

  it('shows no frozen 00:00 timer on an interaction completed the moment it entered that state', () => {
    const now = Date.now();
    renderCard({ entry: makeEntry({ state: 'Completed', capabilities: [] }, { stateSince: now - 4000, endedAt: now - 4000 }) });
    expect(screen.getByText('This interaction has ended')).toBeInTheDocument();
    expect(screen.queryByText('00:00')).not.toBeInTheDocument();
    expect(screen.queryByTitle('Time in state')).not.toBeInTheDocument();
  });

  it('says a gone interaction is no longer assigned', () => {
    renderCard({ entry: makeEntry({ capabilities: [] }, { gone: true, endedAt: Date.now() }) });
    expect(screen.getByText('No longer assigned to you')).toBeInTheDocument();
  });

  it('does not mark an ended card as in focus, though it was the focused one', () => {
    renderCard({ entry: makeEntry({ state: 'Completed', capabilities: [] }, { endedAt: Date.now() }), focused: true });
    expect(screen.getByRole('article')).not.toHaveAttribute('aria-current');
    expect(screen.queryByText('In focus')).not.toBeInTheDocument();
  });

  it('labels the state of a gone interaction as its last known one, not "In progress"', () => {
    renderCard({ entry: makeEntry({ state: 'Processing', capabilities: [] }, { gone: true, endedAt: Date.now() }) });
    expect(screen.getByText('Processing')).toBeInTheDocument();
    expect(screen.getByText('last known')).toBeInTheDocument();
    expect(screen.queryByText('In progress')).not.toBeInTheDocument();
  });

  it('offers no action on a gone interaction, even with the capabilities it last had', () => {
    const capabilities = ['Transfer', 'AttachUserData', 'UpdateUserData', 'DeleteUserData', 'SetInFocus', 'Complete'];
    renderCard({
      entry: makeEntry({ state: 'Processing', capabilities, userData: { Subject: 'Gone', Tier: 'gold' } }, { gone: true, endedAt: Date.now() }),
    });
    expect(screen.getByText('No longer assigned to you')).toBeInTheDocument();
    expect(screen.queryAllByRole('button')).toEqual([]);
    expect(screen.getByText('gold')).toBeInTheDocument();
  });

  it('marks the focused card with aria-current', () => {
    renderCard({ focused: true });
    expect(screen.getByRole('article')).toHaveAttribute('aria-current', 'true');
    expect(screen.getByText('In focus')).toBeInTheDocument();
  });
});

// CSS clamps the title and the keys to 3 lines and the state to one (e2e bounded-cards.spec.ts
// measures it); the whole text stays in the DOM, and is the tooltip once it is long enough to be cut.
describe('InteractionCard: an editor the server closes', () => {
  it('gives focus to the card when the field that had it goes with the editor', async () => {
    const user = userEvent.setup();
    const entry = makeEntry({ capabilities: ['UpdateUserData'], userData: { Subject: 'Hello' } });
    const { rerender, onPerform, onDismissError } = renderCard({ entry });
    await user.click(screen.getByRole('button', { name: 'Edit Subject' }));
    expect(await screen.findByRole('textbox', { name: /Subject/ })).toHaveFocus();
    // UpdateUserData withdrawn: the editor closes, and its field with it.
    rerender(<InteractionCard entry={makeEntry({ capabilities: [], userData: { Subject: 'Hello' } })} onPerform={onPerform} onDismissError={onDismissError} />);
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
    expect(screen.getByRole('article', { name: 'Hello' })).toHaveFocus();
  });
});

describe('InteractionCard: long Subject, keys and state', () => {
  const term = (name: string) => screen.getAllByRole('term').find((t) => t.textContent === name);

  it('keeps a 10,000-character Subject whole as the heading and the card name, and as the heading\'s tooltip', () => {
    const subject = `Start ${'subject '.repeat(1_250)}end`;
    renderCard({ entry: makeEntry({ userData: { Subject: subject } }) });
    expect(screen.getByRole('article', { name: subject })).toBeInTheDocument();
    const heading = screen.getByRole('heading', { name: subject });
    expect(heading).toHaveTextContent(subject, { normalizeWhitespace: false });
    expect(heading).toHaveAttribute('title', subject);
  });

  it.each([
    ['Spring offer', false],
    ['s'.repeat(TITLE_TOOLTIP_AFTER), false],
    ['s'.repeat(TITLE_TOOLTIP_AFTER + 1), true],
  ])('gives the Subject %j a tooltip: %s', (subject, tooltip) => {
    renderCard({ entry: makeEntry({ userData: { Subject: subject } }) });
    const heading = screen.getByRole('heading', { name: subject });
    if (tooltip) expect(heading).toHaveAttribute('title', subject);
    else expect(heading).not.toHaveAttribute('title');
  });

  it('keeps a 10,000-character key whole in its term, its tooltip and its buttons\' names', () => {
    const key = `Key${'k'.repeat(9_997)}`;
    renderCard({ entry: makeEntry({ capabilities: ['UpdateUserData', 'DeleteUserData'], userData: { Subject: 'Spring offer', [key]: 'v' } }) });
    expect(term(key)).toHaveAttribute('title', key);
    expect(screen.getByRole('button', { name: `Edit ${key}` })).toBeInTheDocument();
    expect(term('Subject')).not.toHaveAttribute('title');
  });

  it.each([
    ['k'.repeat(KEY_TOOLTIP_AFTER), false],
    ['k'.repeat(KEY_TOOLTIP_AFTER + 1), true],
  ])('gives the key %j a tooltip: %s', (key, tooltip) => {
    renderCard({ entry: makeEntry({ userData: { [key]: 'v' } }) });
    if (tooltip) expect(term(key)).toHaveAttribute('title', key);
    else expect(term(key)).not.toHaveAttribute('title');
  });

  it('gives a long key beside a long (clamped) value its tooltip too', () => {
    const key = `Key${'k'.repeat(100)}`;
    renderCard({ entry: makeEntry({ userData: { Subject: 'Spring offer', [key]: 'x'.repeat(1_000) } }) });
    expect(screen.getByRole('button', { name: `Show more of ${key}` })).toBeInTheDocument();
    expect(term(key)).toHaveAttribute('title', key);
  });

  it('gives the delete confirmation of a long key the whole question as its tooltip, and a short one none', async () => {
    const user = userEvent.setup();
    const key = `Key${'k'.repeat(100)}`;
    renderCard({ entry: makeEntry({ capabilities: ['DeleteUserData'], userData: { Subject: 'Spring offer', [key]: 'v' } }) });
    await user.click(screen.getByRole('button', { name: `Delete ${key}` }));
    const question = `Delete “${key}”?`;
    const confirm = screen.getByRole('group', { name: question });
    expect(within(confirm).getByText(question)).toHaveAttribute('title', question);
    await user.click(within(confirm).getByRole('button', { name: 'Keep' }));
    await user.click(screen.getByRole('button', { name: 'Delete Subject' }));
    expect(within(screen.getByRole('group', { name: 'Delete “Subject”?' })).getByText('Delete “Subject”?')).not.toHaveAttribute('title');
  });

  it.each([
    ['Processing', false],
    ['s'.repeat(STATE_TOOLTIP_AFTER), false],
    ['s'.repeat(STATE_TOOLTIP_AFTER + 1), true],
    [`State${'s'.repeat(1_995)}`, true],
  ])('shows the state %j whole, with a tooltip: %s', (state, tooltip) => {
    renderCard({ entry: makeEntry({ state }) });
    expect(screen.getByText(state)).toBeInTheDocument();
    if (tooltip) expect(screen.getByTitle(state)).toHaveTextContent(state);
    else expect(screen.queryByTitle(state)).toBeNull();
  });
});

describe('InteractionCard: messages', () => {
  it('takes its strings from OpenmediaMessages when used on its own', () => {
    render(
      <OpenmediaMessages
        messages={{
          editKey: (key) => `${key} bearbeiten`,
          operations: { Complete: 'Abschließen' } as never,
          labelUserData: 'Benutzerdaten',
        }}
      >
        <InteractionCard entry={makeEntry()} onPerform={() => {}} onDismissError={() => {}} />
      </OpenmediaMessages>,
    );
    expect(screen.getByRole('button', { name: 'Abschließen' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Subject bearbeiten' })).toBeInTheDocument();
    expect(screen.getByText('Benutzerdaten')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Transfer' })).toBeInTheDocument();
  });
});
