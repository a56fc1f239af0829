import { act, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { json } from '../testing/fake-fetch';
import { createHarness, errorNotification, listOnServer, resource, statusChange } from '../test-support/harness';
import type { Harness } from '../test-support/harness';
import type { ActionEvent } from './action-event';
import { advanceTimers, setupWithFakeTimers } from '../test-support/fake-timers';
import { OpenmediaWidget, type OpenmediaWidgetProps } from './openmedia-widget';
import { parseRecording } from '../replay/recording';
import { catchReportedErrors } from '../test-support/reported-errors';

const posts = (h: Harness) => h.gws.requests.filter((r) => r.method === 'POST');

async function setup(props: Partial<OpenmediaWidgetProps> = {}, harness = createHarness({ mediaTypes: ['workitem'] })) {
  const user = setupWithFakeTimers();
  const Wrapper = harness.wrapper;
  render(
    <Wrapper>
      <OpenmediaWidget title="My work" {...props} />
    </Wrapper>,
  );
  await advanceTimers();
  const emit = async (data: unknown) => {
    listOnServer(harness.gws, data);
    act(() => harness.channel.emit(data));
    await advanceTimers();
  };
  return { user, h: harness, emit };
}

const card = (name: string) => screen.getByRole('article', { name });

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('OpenmediaWidget', () => {
  it('shows an empty state, then the interactions pushed on the channel, offers first', async () => {
    const { emit } = await setup();
    expect(screen.getByRole('region', { name: 'My work' })).toBeInTheDocument();
    expect(screen.getByText('No interactions right now')).toBeInTheDocument();
    await emit(statusChange(resource('p1', 'Processing', 'workitem', { Subject: 'Working on it' })));
    await emit(statusChange(resource('o1', 'Invited', 'workitem', { Subject: 'New offer' })));
    await emit(statusChange(resource('c1', 'Completed', 'workitem', { Subject: 'Finished' })));
    expect(screen.queryByText('No interactions right now')).not.toBeInTheDocument();
    expect(screen.getAllByRole('article').map((a) => a.querySelector('h4')?.textContent)).toEqual([
      'New offer',
      'Working on it',
      'Finished',
    ]);
    expect(screen.getByRole('heading', { name: 'Offers 1' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'In progress 1' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Recently ended 1' })).toBeInTheDocument();
    // The header counts the work in hand: a completed card that lingers is not part of it.
    expect(screen.getByText('2 open interactions')).toBeInTheDocument();
    await emit(statusChange(resource('p1', 'Completed', 'workitem', { Subject: 'Working on it' })));
    expect(screen.getByText('1 open interaction')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Recently ended 2' })).toBeInTheDocument();
  });

  it('shows a status-code failure on the right card only, and dismisses it', async () => {
    const { user, h, emit } = await setup();
    await emit(statusChange(resource('a', 'Processing', 'workitem', { Subject: 'Alpha' })));
    await emit(statusChange(resource('b', 'Processing', 'workitem', { Subject: 'Beta' })));
    h.gws.operationAnswer = () => json({ statusCode: 2, statusMessage: 'Not valid in the current state' });
    await user.click(within(card('Beta')).getByRole('button', { name: 'Complete' }));
    await advanceTimers();
    const alert = within(card('Beta')).getByRole('alert');
    expect(alert).toHaveTextContent('Not valid in the current state');
    expect(within(card('Alpha')).queryByRole('alert')).not.toBeInTheDocument();
    expect(within(card('Beta')).getByRole('button', { name: 'Complete' })).toBeEnabled();
    await user.click(within(alert).getByRole('button', { name: 'Dismiss' }));
    await advanceTimers();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('shows progress while pending, then an Error notification with the server message', async () => {
    const { user, h, emit } = await setup();
    await emit(statusChange(resource('a', 'Invited', 'workitem', { Subject: 'Alpha' })));
    await user.click(screen.getByRole('button', { name: 'Accept' }));
    await advanceTimers();
    expect(posts(h)[0]?.body).toEqual({ operationName: 'Accept' });
    expect(screen.getByRole('button', { name: 'Accept' })).toHaveAttribute('aria-busy', 'true');
    expect(screen.getByRole('button', { name: 'Reject' })).toBeDisabled();
    await emit(errorNotification(101, 'Agent is not ready for open media'));
    const alert = within(card('Alpha')).getByRole('alert');
    expect(alert).toHaveTextContent('Accept failed');
    expect(alert).toHaveTextContent('Agent is not ready for open media');
    expect(screen.getByRole('button', { name: 'Accept' })).not.toHaveAttribute('aria-busy');
    expect(screen.getByRole('button', { name: 'Reject' })).toBeEnabled();
  });

  it('keeps keyboard focus on the card when the focused button disappears', async () => {
    const { user, emit } = await setup();
    await emit(statusChange(resource('a', 'Invited', 'workitem', { Subject: 'Alpha' })));
    await user.click(screen.getByRole('button', { name: 'Accept' }));
    await advanceTimers();
    expect(screen.getByRole('button', { name: 'Accept' })).toHaveFocus();
    await emit(statusChange(resource('a', 'Processing', 'workitem', { Subject: 'Alpha' }), 101));
    expect(screen.queryByRole('button', { name: 'Accept' })).not.toBeInTheDocument();
    expect(screen.getByRole('list', { name: /^In progress/ })).toContainElement(card('Alpha'));
    expect(card('Alpha')).toHaveFocus();
  });

  it('leaves focus alone once the agent moved it out of the widget', async () => {
    const harness = createHarness({ mediaTypes: ['workitem'] });
    const user = setupWithFakeTimers();
    const Wrapper = harness.wrapper;
    render(
      <Wrapper>
        <OpenmediaWidget />
        <button type="button">Elsewhere</button>
      </Wrapper>,
    );
    await advanceTimers();
    act(() => harness.channel.emit(statusChange(resource('a', 'Invited', 'workitem', { Subject: 'Alpha' }))));
    await advanceTimers();
    await user.click(screen.getByRole('button', { name: 'Accept' }));
    await advanceTimers();
    await user.click(screen.getByRole('button', { name: 'Elsewhere' }));
    act(() => harness.channel.emit(statusChange(resource('a', 'Processing', 'workitem', { Subject: 'Alpha' }), 101)));
    await advanceTimers();
    expect(screen.getByRole('button', { name: 'Elsewhere' })).toHaveFocus();
  });

  it('times out visibly when the outcome never comes', async () => {
    const harness = createHarness({ mediaTypes: ['workitem'], actionTimeoutMs: 2000 });
    const { user, emit } = await setup({}, harness);
    await emit(statusChange(resource('a', 'Processing', 'workitem', { Subject: 'Alpha' })));
    await user.click(screen.getByRole('button', { name: 'Complete' }));
    await advanceTimers(2100);
    expect(within(card('Alpha')).getByRole('alert')).toHaveTextContent('Complete timed out');
  });

  it('marks the focused card after Set in focus and calls onFocus with the interaction', async () => {
    const onFocus = vi.fn();
    const { user, emit } = await setup({ onFocus });
    await emit(statusChange(resource('a', 'Processing', 'workitem', { Subject: 'Alpha' })));
    await emit(statusChange(resource('b', 'Processing', 'workitem', { Subject: 'Beta' })));
    await user.click(within(card('Beta')).getByRole('button', { name: 'Set in focus' }));
    await advanceTimers();
    expect(card('Beta')).not.toHaveAttribute('aria-current');
    await emit(statusChange(resource('b', 'Processing', 'workitem', { Subject: 'Beta' }), 101));
    expect(card('Beta')).toHaveAttribute('aria-current', 'true');
    expect(card('Alpha')).not.toHaveAttribute('aria-current');
    expect(onFocus).toHaveBeenCalledExactlyOnceWith(expect.objectContaining({ id: 'b' }), { fromAnotherTab: false });
  });

  it('a host onFocus that throws is reported and the widget goes on (it unmounted the whole widget)', async () => {
    const reported = catchReportedErrors();
    const bug = new Error('host bug in onFocus');
    const { user, emit } = await setup({ onFocus: () => { throw bug; } });
    await emit(statusChange(resource('a', 'Processing', 'workitem', { Subject: 'Alpha' })));
    await user.click(within(card('Alpha')).getByRole('button', { name: 'Set in focus' }));
    await advanceTimers();
    await emit(statusChange(resource('a', 'Processing', 'workitem', { Subject: 'Alpha' }), 101));
    expect(card('Alpha')).toHaveAttribute('aria-current', 'true');
    expect(reported).toEqual([bug]);
    await emit(statusChange(resource('b', 'Invited', 'workitem', { Subject: 'Offered after' })));
    expect(card('Offered after')).toBeInTheDocument();
  });

  it('a host onAction that throws before sending blocks the action, says so on the card, and is reported; one that throws after changes nothing', async () => {
    const reported = catchReportedErrors();
    const bug = new Error('host bug in onAction');
    const phases: string[] = [];
    const { user, h, emit } = await setup({
      onAction: (event) => {
        phases.push(`${event.request.operationName} ${event.phase}`);
        if (event.request.operationName === 'Complete' || event.phase === 'after') throw bug;
      },
    });
    await emit(statusChange(resource('a', 'Processing', 'workitem', { Subject: 'Alpha' })));
    await user.click(within(card('Alpha')).getByRole('button', { name: 'Complete' }));
    await advanceTimers();
    expect(posts(h)).toHaveLength(0);
    expect(within(card('Alpha')).getByRole('alert')).toHaveTextContent('This action was not allowed by your desktop.');
    await user.click(within(card('Alpha')).getByRole('button', { name: 'Dismiss' }));
    await user.click(within(card('Alpha')).getByRole('button', { name: 'Set in focus' }));
    await advanceTimers();
    await emit(statusChange(resource('a', 'Processing', 'workitem', { Subject: 'Alpha' }), 101));
    expect(posts(h)).toHaveLength(1);
    expect(card('Alpha')).toHaveAttribute('aria-current', 'true');
    expect(phases).toEqual(['Complete before', 'Complete after', 'SetInFocus before', 'SetInFocus after']);
    expect(reported).toEqual([bug, bug, bug]);
  });

  it('lets onAction veto an action: nothing is sent and the card says so', async () => {
    const events: ActionEvent[] = [];
    const onAction = vi.fn((event: ActionEvent) => {
      events.push(event);
      return event.request.operationName === 'Complete' ? false : undefined;
    });
    const { user, h, emit } = await setup({ onAction });
    await emit(statusChange(resource('a', 'Processing', 'workitem', { Subject: 'Alpha' })));
    await user.click(screen.getByRole('button', { name: 'Complete' }));
    await advanceTimers();
    expect(posts(h)).toHaveLength(0);
    const alert = within(card('Alpha')).getByRole('alert');
    expect(alert).toHaveTextContent('Complete was blocked');
    expect(alert).toHaveTextContent('This action was not allowed by your desktop.');
    expect(events.map((e) => e.phase)).toEqual(['before', 'after']);
    expect(events[1]).toMatchObject({ interactionId: 'a', outcome: { status: 'vetoed' } });
    await user.click(within(alert).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('reports before and after (succeeded) around an action that goes through', async () => {
    const onAction = vi.fn((_event: ActionEvent) => true);
    const { user, emit } = await setup({ onAction });
    await emit(statusChange(resource('a', 'Processing', 'workitem', { Subject: 'Alpha' })));
    await user.click(screen.getByRole('button', { name: 'Set in focus' }));
    await advanceTimers();
    expect(onAction).toHaveBeenCalledExactlyOnceWith({
      phase: 'before',
      interactionId: 'a',
      request: { operationName: 'SetInFocus' },
    });
    await emit(statusChange(resource('a', 'Processing', 'workitem', { Subject: 'Alpha' }), 101));
    expect(onAction).toHaveBeenLastCalledWith({
      phase: 'after',
      interactionId: 'a',
      request: { operationName: 'SetInFocus' },
      outcome: { status: 'succeeded' },
    });
    expect(onAction).toHaveBeenCalledTimes(2);
  });

  it('reports after even when the outcome lands before the pending state was ever drawn', async () => {
    const onAction = vi.fn((_event: ActionEvent) => true);
    const { user, h, emit } = await setup({ onAction });
    await emit(statusChange(resource('a', 'Processing', 'workitem', { Subject: 'Alpha' })));
    // The notification beats the REST answer and both land in the same tick: no frame in between.
    h.gws.operationAnswer = () => {
      h.channel.emit(statusChange(resource('a', 'Processing', 'workitem', { Subject: 'Alpha' }), 101));
      return json({ statusCode: 0, referenceId: 101 });
    };
    await user.click(screen.getByRole('button', { name: 'Set in focus' }));
    await advanceTimers();
    expect(onAction).toHaveBeenLastCalledWith({
      phase: 'after',
      interactionId: 'a',
      request: { operationName: 'SetInFocus' },
      outcome: { status: 'succeeded' },
    });
    expect(card('Alpha')).toHaveAttribute('aria-current', 'true');
  });

  it('reports a failed outcome to onAction after', async () => {
    const onAction = vi.fn((_event: ActionEvent) => undefined);
    const { user, emit } = await setup({ onAction });
    await emit(statusChange(resource('a', 'Invited', 'workitem', { Subject: 'Alpha' })));
    await user.click(screen.getByRole('button', { name: 'Reject' }));
    await advanceTimers();
    await emit(errorNotification(101, 'No way'));
    expect(onAction).toHaveBeenLastCalledWith(
      expect.objectContaining({ phase: 'after', outcome: { status: 'failed', error: expect.objectContaining({ message: 'No way' }) } }),
    );
  });

  it('sends a Transfer to the picked queue', async () => {
    const { user, h, emit } = await setup({
      transferTargets: [
        { name: 'Sales', uri: 'http://gws.test/api/v2/queues/sales', kind: 'queue' },
        { name: 'Ana', uri: 'http://gws.test/api/v2/users/ana', kind: 'agent' },
      ],
    });
    await emit(statusChange(resource('a', 'Processing', 'workitem', { Subject: 'Alpha' })));
    await user.click(screen.getByRole('button', { name: 'Transfer' }));
    const dialog = screen.getByRole('dialog');
    await user.click(within(dialog).getByRole('radio', { name: 'Sales' }));
    await user.click(within(dialog).getByRole('button', { name: 'Confirm transfer' }));
    await advanceTimers();
    expect(posts(h)[0]?.body).toEqual({ operationName: 'Transfer', targetUri: 'http://gws.test/api/v2/queues/sales' });
    expect(screen.getByRole('button', { name: 'Transfer' })).toHaveAttribute('aria-busy', 'true');
    expect(screen.getByRole('button', { name: 'Transfer' })).toHaveFocus();
  });

  it('overrides visible strings with messages', async () => {
    const { emit } = await setup({
      title: undefined,
      messages: {
        title: 'Offene Medien',
        emptyTitle: 'Keine Interaktionen',
        operations: { Accept: 'Annehmen', Reject: 'Ablehnen' } as never,
        stateLabels: { Invited: 'Angeboten' },
        statusConnected: 'Verbunden',
      },
    });
    expect(screen.getByRole('heading', { name: 'Offene Medien' })).toBeInTheDocument();
    expect(screen.getByText('Keine Interaktionen')).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Verbunden');
    await emit(statusChange(resource('a', 'Invited', 'workitem', { Subject: 'Alpha' })));
    expect(screen.getByRole('button', { name: 'Annehmen' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Ablehnen' })).toBeInTheDocument();
    expect(screen.getByText('Angeboten')).toBeInTheDocument();
    expect(screen.getByText('Invited')).toBeInTheDocument();
  });

  it('renders hostile user data from the wire as text', async () => {
    const { emit } = await setup();
    const hostile = '<img src=x onerror=alert(1)>';
    await emit(statusChange({ ...resource('x', 'Processing', 'workitem', { Subject: hostile, Note: hostile }), uri: 'javascript:alert(1)' }));
    expect(document.querySelector('img')).toBeNull();
    expect(screen.getByRole('article', { name: hostile })).toBeInTheDocument();
    expect(screen.queryByRole('link')).not.toBeInTheDocument();
    expect(screen.getByText('javascript:alert(1)')).toBeInTheDocument();
  });

  it('waits out the grace period before saying "Reconnecting…"', async () => {
    const { h } = await setup();
    const status = screen.getByRole('status');
    act(() => h.channel.setStatus('reconnecting'));
    await advanceTimers(2900);
    expect(status).not.toHaveTextContent('Reconnecting…');
    await advanceTimers(200);
    expect(status).toHaveTextContent('Reconnecting…');
    act(() => h.channel.setStatus('connected'));
    expect(status).not.toHaveTextContent('Reconnecting…');
  });

  it('says why when the server refused the subscription, as text, in the host’s words where it has some, and no more once Live', async () => {
    const { h } = await setup();
    const status = screen.getByRole('status');
    act(() => h.channel.setStatus('reconnecting', '403::<b>subscribe_failed</b>'));
    await advanceTimers(3100);
    expect(status).toHaveTextContent('Reconnecting…');
    expect(status).toHaveTextContent('The server refused to send the notifications (403::<b>subscribe_failed</b>); the widget keeps asking.');
    expect(status.querySelector('b')).toBeNull();
    // Another refusal while still reconnecting is said at once.
    act(() => h.channel.setStatus('reconnecting', '403::denied'));
    expect(status).toHaveTextContent('(403::denied)');
    act(() => h.channel.setStatus('connected'));
    expect(status).not.toHaveTextContent('refused');
    // A plain reconnect says no reason.
    act(() => h.channel.setStatus('reconnecting'));
    await advanceTimers(3100);
    expect(status).toHaveTextContent('Reconnecting…');
    expect(status).not.toHaveTextContent('refused');
  });

  it('says the refusal in the host’s words', async () => {
    const { h } = await setup({ messages: { reconnectingRefused: (serverText) => `Abonnement abgelehnt: ${serverText}` } });
    act(() => h.channel.setStatus('reconnecting', '403::subscribe_failed'));
    await advanceTimers(3100);
    expect(screen.getByRole('status')).toHaveTextContent('Abonnement abgelehnt: 403::subscribe_failed');
  });

  it('a host text for the refusal that throws gives the widget’s own words, not a broken banner', async () => {
    const reported = catchReportedErrors();
    const { h } = await setup({
      messages: {
        reconnectingRefused: () => {
          throw new Error('translation bug');
        },
      },
    });
    act(() => h.channel.setStatus('reconnecting', '403::subscribe_failed'));
    await advanceTimers(3100);
    expect(screen.getByRole('status')).toHaveTextContent('The server refused to send the notifications (403::subscribe_failed); the widget keeps asking.');
    // The host's bug is still reported, not swallowed.
    await advanceTimers(0);
    expect(reported.some((error) => error instanceof Error && error.message.includes('translation bug'))).toBe(true);
  });

  it('says since when nothing new has arrived: from the moment the connection went (not when the banner showed), in the widget locale, through every status until it is live again', async () => {
    // 3 s of grace from 14:03:58: the banner shows at 14:04:01, and says 14:03.
    vi.setSystemTime(new Date(2026, 11, 6, 14, 3, 58));
    const { h } = await setup({ locale: 'en-GB' });
    const status = screen.getByRole('status');
    act(() => h.channel.setStatus('reconnecting'));
    await advanceTimers(3_100);
    expect(within(status).getByText('The list may be out of date until the connection is back.')).toBeVisible();
    expect(within(status).getByText('Nothing new has arrived since 14:03.')).toBeVisible();
    // An hour later, through a new attempt (connecting, then reconnecting again): still 14:03.
    await advanceTimers(60 * 60_000);
    act(() => h.channel.setStatus('connecting'));
    act(() => h.channel.setStatus('reconnecting'));
    await advanceTimers(3_100);
    expect(within(status).getByText('Nothing new has arrived since 14:03.')).toBeVisible();
    act(() => h.channel.setStatus('connected'));
    expect(status).not.toHaveTextContent('Nothing new');
  });

  it('counts a network loss from its own moment, before the long poll fails, and keeps it when the network is back before the connection is', async () => {
    vi.setSystemTime(new Date(2026, 11, 6, 15, 10, 5));
    const { h } = await setup({ locale: 'en-GB' });
    const status = screen.getByRole('status');
    act(() => void window.dispatchEvent(new Event('offline')));
    expect(status).toHaveTextContent('No network');
    expect(within(status).getByText('Nothing new has arrived since 15:10.')).toBeVisible();
    // The long poll fails at 15:11:30; the network comes back at 15:12 while the channel still reconnects.
    vi.setSystemTime(new Date(2026, 11, 6, 15, 11, 30));
    act(() => h.channel.setStatus('reconnecting'));
    vi.setSystemTime(new Date(2026, 11, 6, 15, 12, 0));
    // The retry the network's return asks for fails: still reconnecting (the memory channel would succeed at once).
    vi.spyOn(h.channel, 'retryNow').mockImplementation(() => {});
    act(() => void window.dispatchEvent(new Event('online')));
    await advanceTimers(3_100);
    expect(status).toHaveTextContent('Reconnecting…');
    expect(within(status).getByText('Nothing new has arrived since 15:10.')).toBeVisible();
    act(() => h.channel.setStatus('connected'));
    expect(status).not.toHaveTextContent('Nothing new');
  });

  it('names the day once the outage began before midnight, and changes the text as the day turns', async () => {
    vi.setSystemTime(new Date(2026, 11, 5, 23, 58, 10));
    const { h } = await setup({ locale: 'en-GB' });
    const status = screen.getByRole('status');
    act(() => void window.dispatchEvent(new Event('offline')));
    expect(within(status).getByText('Nothing new has arrived since 23:58.')).toBeVisible();
    // Midnight passes while offline: Saturday's 23:58 is no longer today's.
    await advanceTimers(2 * 60_000);
    expect(within(status).getByText('Nothing new has arrived since Sat 23:58.')).toBeVisible();
    // Over a week later (the clock moved on; the banner drawn again for a new attempt), the date.
    vi.setSystemTime(new Date(2026, 11, 13, 9, 0, 0));
    act(() => h.channel.setStatus('reconnecting'));
    expect(within(status).getByText('Nothing new has arrived since 5 Dec, 23:58.')).toBeVisible();
  });

  it('never shows a blip shorter than the grace period', async () => {
    const { h } = await setup({ reconnectGraceMs: 1000 });
    act(() => h.channel.setStatus('reconnecting'));
    await advanceTimers(900);
    act(() => h.channel.setStatus('connected'));
    await advanceTimers(900);
    act(() => h.channel.setStatus('reconnecting'));
    await advanceTimers(900);
    // A blip changes nothing a screen reader would announce.
    expect(screen.getByRole('status')).toHaveTextContent(/^Live$/);
    await advanceTimers(200);
    expect(screen.getByRole('status')).toHaveTextContent('Reconnecting…');
  });

  it('keeps one connection-status region, always present, whose text changes: Live, Reconnecting…, Signed out (assertive), Live', async () => {
    const { user, h } = await setup();
    const region = screen.getByRole('status');
    expect(region).toHaveTextContent(/^Live$/);
    expect(region).toHaveAttribute('aria-live', 'polite');
    act(() => h.channel.setStatus('reconnecting'));
    await advanceTimers(3100);
    expect(screen.getByRole('status')).toBe(region);
    expect(region).toHaveTextContent('Reconnecting…');
    act(() => h.channel.setStatus('unauthorized'));
    expect(screen.getByRole('status')).toBe(region);
    expect(region).toHaveTextContent('Signed out — your session has ended');
    expect(region).toHaveAttribute('aria-live', 'assertive');
    await user.click(within(region).getByRole('button', { name: 'Reconnect' }));
    await advanceTimers(500);
    expect(screen.getByRole('status')).toBe(region);
    expect(region).toHaveTextContent(/^Live$/);
    expect(region).toHaveAttribute('aria-live', 'polite');
  });

  it('draws the timers’ next second with a notification that comes before it, instead of a frame later', async () => {
    const { emit } = await setup();
    const shown = (name: string) => within(card(name)).getByText(/^\d\d:\d\d$/).textContent;
    // Alpha's timer starts the clock: a beat a second from its mount. (emit waits 50 ms.)
    await emit(statusChange(resource('a', 'Processing', 'workitem', { Subject: 'Alpha' })));
    await advanceTimers(350);
    // Beta enters its state 400 ms after Alpha.
    await emit(statusChange(resource('b', 'Processing', 'workitem', { Subject: 'Beta' })));
    await advanceTimers(600);
    expect([shown('Alpha'), shown('Beta')]).toEqual(['00:01', '00:00']);
    // Beta's second turns (at 1,400) between beats; news at 1,800 brings it along at once,
    // 200 ms before the beat would have.
    await advanceTimers(750);
    expect(shown('Beta')).toBe('00:00');
    await emit(statusChange(resource('a', 'Processing', 'workitem', { Subject: 'Alpha', CustomerName: 'Ann' })));
    expect([shown('Alpha'), shown('Beta')]).toEqual(['00:01', '00:01']);
  });

  it('says "Signed out" at once when the session has ended', async () => {
    const { h } = await setup();
    act(() => h.channel.setStatus('unauthorized'));
    expect(screen.getByRole('status')).toHaveTextContent('Signed out — your session has ended');
  });

  it('shows a snapshot failure distinctly', async () => {
    const harness = createHarness({ mediaTypes: ['workitem'] });
    harness.gws.snapshotAnswer = () => json({ statusCode: 4, statusMessage: 'Internal error' });
    await setup({}, harness);
    await advanceTimers(500);
    const status = screen.getByRole('status');
    expect(status).toHaveTextContent('Could not load your interactions');
    expect(status).toHaveTextContent('Internal error');
    expect(screen.queryByText('No interactions right now')).not.toBeInTheDocument();
  });

  it('times a state exactly only when it saw it begin; one read at the start says "at least"', async () => {
    const harness = createHarness({ mediaTypes: ['workitem'] });
    harness.gws.snapshots.set('workitem', [resource('r', 'Processing', 'workitem', { Subject: 'Read at start' })]);
    const { emit } = await setup({}, harness);
    const atLeast = 'Time in state: at least this long (it was in this state already when first read)';
    expect(within(card('Read at start')).getByTitle(atLeast)).toHaveTextContent(/^Time in state at least 00:00$/);

    await emit(statusChange(resource('o', 'Invited', 'workitem', { Subject: 'Offered now' })));
    expect(within(card('Offered now')).getByTitle('Time in state')).toHaveTextContent(/^Time in state 00:00$/);
    await emit(statusChange(resource('r', 'Invited', 'workitem', { Subject: 'Read at start' })));
    // A change of state seen on the channel: from now on, exact.
    expect(within(card('Read at start')).getByTitle('Time in state')).toBeInTheDocument();
    expect(within(card('Read at start')).queryByTitle(atLeast)).not.toBeInTheDocument();
  });

  it('says nothing about the list until it was read: no empty state, no count, a loading line after a moment', async () => {
    const harness = createHarness({ mediaTypes: ['workitem'] });
    let answer: ((response: Response) => void) | undefined;
    harness.gws.snapshotAnswer = () => new Promise<Response>((resolve) => (answer = resolve));
    await setup({}, harness);
    expect(screen.queryByText('No interactions right now')).not.toBeInTheDocument();
    expect(screen.queryByText('0 open interactions')).not.toBeInTheDocument();
    // A quick read flashes nothing; a slow one says what is going on.
    expect(screen.queryByText('Loading your interactions…')).not.toBeInTheDocument();
    await advanceTimers(300);
    expect(screen.getByText('Loading your interactions…')).toBeVisible();
    expect(screen.queryByText('No interactions right now')).not.toBeInTheDocument();

    // The read answers with nothing: now "none" is the truth.
    act(() => answer?.(json({ statusCode: 0, openmedia: [] })));
    await advanceTimers();
    expect(screen.queryByText('Loading your interactions…')).not.toBeInTheDocument();
    expect(screen.getByText('No interactions right now')).toBeInTheDocument();
    expect(screen.getByText('0 open interactions')).toBeInTheDocument();
  });

  it('replaces the loading line with the failure when the first read fails', async () => {
    const harness = createHarness({ mediaTypes: ['workitem'] });
    let answer: ((response: Response) => void) | undefined;
    harness.gws.snapshotAnswer = () => new Promise<Response>((resolve) => (answer = resolve));
    await setup({}, harness);
    await advanceTimers(300);
    expect(screen.getByText('Loading your interactions…')).toBeVisible();
    act(() => answer?.(json({ statusCode: 4, statusMessage: 'Internal error' })));
    await advanceTimers();
    expect(screen.getByRole('status')).toHaveTextContent('Could not load your interactions');
    expect(screen.queryByText('Loading your interactions…')).not.toBeInTheDocument();
    expect(screen.queryByText('No interactions right now')).not.toBeInTheDocument();
  });

  it('offers Reconnect when signed out; pressing it reconnects and re-reads the interactions', async () => {
    const { user, h } = await setup();
    act(() => h.channel.setStatus('unauthorized'));
    h.gws.snapshots.set('workitem', [resource('a', 'Processing', 'workitem', { Subject: 'Missed while signed out' })]);
    const gets = () => h.gws.requests.filter((r) => r.method === 'GET' && r.url.includes('/openmedia/')).length;
    const before = gets();
    await user.click(within(screen.getByRole('status')).getByRole('button', { name: 'Reconnect' }));
    await advanceTimers(500);
    expect(h.channel.getStatus()).toBe('connected');
    expect(gets()).toBeGreaterThan(before);
    expect(screen.getByRole('article', { name: 'Missed while signed out' })).toBeInTheDocument();
    expect(screen.getByRole('status')).not.toHaveTextContent('Signed out');
  });

  it('offers Try again after a failed snapshot read, and clears the error when the read succeeds', async () => {
    const harness = createHarness({ mediaTypes: ['workitem'] });
    harness.gws.snapshotAnswer = () => json({ statusCode: 4, statusMessage: 'Internal error' });
    const { user } = await setup({}, harness);
    await advanceTimers(500);
    harness.gws.snapshotAnswer = undefined;
    harness.gws.snapshots.set('workitem', [resource('b', 'Invited', 'workitem', { Subject: 'Back again' })]);
    await user.click(within(screen.getByRole('status')).getByRole('button', { name: 'Try again' }));
    await advanceTimers(500);
    expect(screen.getByRole('status')).not.toHaveTextContent('Could not load your interactions');
    expect(screen.getByRole('article', { name: 'Back again' })).toBeInTheDocument();
  });

  it('counts a rejected message in the diagnostics panel and downloads the log', async () => {
    const { user, emit } = await setup({ showDiagnostics: true }, createHarness({ mediaTypes: ['workitem'], recordLimit: 1000 }));
    await emit('not an object');
    await emit(statusChange(resource('a', 'Processing')));
    await user.click(screen.getByText('Diagnostics'));
    expect(screen.getByText('Messages applied').nextElementSibling).toHaveTextContent('1');
    expect(screen.getByText('Messages rejected').nextElementSibling).toHaveTextContent('1');
    expect(screen.getByRole('list', { name: 'Messages rejected' })).toHaveTextContent('not-an-object 1');
    const log = screen.getByRole('region', { name: 'Recent events' });
    expect(within(log).getAllByRole('row').length).toBeGreaterThanOrEqual(3);

    let blob: Blob | undefined;
    const createObjectURL = vi.fn((b: Blob) => {
      blob = b;
      return 'blob:log';
    });
    const revokeObjectURL = vi.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    await user.click(screen.getByRole('checkbox', { name: 'Redact values' }));
    await user.click(screen.getByRole('button', { name: 'Download log' }));
    expect(click).toHaveBeenCalledOnce();
    expect(blob?.type).toBe('application/json');
    const text = await blob?.text();
    const parsed = JSON.parse(text ?? '{}') as { log: { kind: string }[]; received: number };
    expect(parsed.received).toBe(1);
    expect(parsed.log.map((l) => l.kind)).toContain('rejected');
    // The raw messages ride along, so the log can be replayed exactly as it arrived.
    const replayable = parseRecording(JSON.parse(text ?? '{}'));
    expect(replayable.ok && replayable.recording.events.filter((e) => 'data' in e).map((e) => ('data' in e ? e.data : null))).toEqual([
      'not an object',
      statusChange(resource('a', 'Processing')),
    ]);
    await advanceTimers(10);
    expect(revokeObjectURL).toHaveBeenCalledWith('blob:log');
    click.mockRestore();
  });

  describe('raw-payload recording (privacy)', () => {
    async function download(user: ReturnType<typeof setupWithFakeTimers>): Promise<Record<string, unknown>> {
      let blob: Blob | undefined;
      Object.assign(URL, {
        createObjectURL: (b: Blob) => {
          blob = b;
          return 'blob:log';
        },
        revokeObjectURL: () => undefined,
      });
      const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
      await user.click(screen.getByRole('button', { name: 'Download log' }));
      click.mockRestore();
      return JSON.parse((await blob?.text()) ?? '{}') as Record<string, unknown>;
    }

    it('records no raw message by default: the download carries the log but no recording, and offers no redaction', async () => {
      const { user, emit } = await setup({ showDiagnostics: true });
      await emit(statusChange(resource('a', 'Processing', 'workitem', { Subject: 'Refund for Jane Doe' })));
      await user.click(screen.getByText('Diagnostics'));
      expect(screen.queryByRole('checkbox', { name: 'Redact values' })).not.toBeInTheDocument();
      const file = await download(user);
      expect(file.received).toBe(1);
      expect(file).not.toHaveProperty('recording');
      expect(JSON.stringify(file)).not.toContain('Jane Doe');
    });

    it('with recording on, redacts user-data values by default (keys, ids, states and referenceIds kept); unticked, keeps them', async () => {
      const harness = createHarness({ mediaTypes: ['workitem'], recordLimit: 50 });
      const { user, emit } = await setup({ showDiagnostics: true }, harness);
      await emit(statusChange(resource('a', 'Processing', 'workitem', { Subject: 'Refund for Jane Doe', Email: 'jane@example.com' }), 42));
      await user.click(screen.getByText('Diagnostics'));
      const redact = screen.getByRole('checkbox', { name: 'Redact values' });
      expect(redact).toBeChecked();

      const redacted = await download(user);
      expect(redacted.redacted).toBe(true);
      const text = JSON.stringify(redacted.recording);
      expect(text).not.toContain('Jane Doe');
      expect(text).not.toContain('jane@example.com');
      const parsed = parseRecording(redacted);
      const data = parsed.ok ? parsed.recording.events.filter((e) => 'data' in e).map((e) => ('data' in e ? e.data : null)) : [];
      expect(data).toEqual([
        { ...statusChange(resource('a', 'Processing', 'workitem', { Subject: '[redacted]', Email: '[redacted]' }), 42) },
      ]);

      await user.click(redact);
      const raw = await download(user);
      expect(raw.redacted).toBe(false);
      expect(JSON.stringify(raw.recording)).toContain('Refund for Jane Doe');
    });
  });
});
