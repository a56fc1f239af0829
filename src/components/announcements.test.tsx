import { QueryClient } from '@tanstack/query-core';
import { act, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createGwsClient } from '../api/client';
import { createMemoryChannel } from '../channel/memory-channel';
import { createOpenmediaClient } from '../client/openmedia-client';
import type { OpenmediaClient } from '../client/openmedia-client';
import { createSharedChannel } from '../client/relay-channel';
import { OpenmediaProvider } from '../hooks/openmedia-provider';
import { OPENMEDIA_CHANNEL } from '../protocol/parse';
import { createFakeBrowser } from '../test-support/fake-tabs';
import type { FakeBrowser } from '../test-support/fake-tabs';
import { createHarness, errorNotification, listOnServer, resource, scriptedGws, statusChange } from '../test-support/harness';
import type { Harness, ScriptedGws } from '../test-support/harness';
import { advanceTimers, setupWithFakeTimers } from '../test-support/fake-timers';
import { json } from '../testing/fake-fetch';
import { OpenmediaWidget } from './openmedia-widget';
import { renderWidget } from '../test-support/render-widget';
import type { DoneAction, InteractionEntry } from '../core/types';
import type { OpenmediaInteraction, Operation } from '../protocol/types';
import { makeEntry } from '../test-support/entries';
import { InteractionCard } from './interaction-card';
import { OpenmediaWidgetView } from './openmedia-widget-view';

async function setup(harness?: Harness) {
  const { user, harness: h, emit } = await renderWidget(harness);
  return { user, h, emit };
}

/** What each live region has said, one line per announcement (of the widget named `widget`, when several are shown). */
const said = (name: 'Announcements' | 'Urgent announcements', widget?: string) =>
  [...(widget === undefined ? screen : within(screen.getByRole('region', { name: widget }))).getByRole('log', { name }).children].map((line) => line.textContent);

const offer = (id: string, subject: string) => statusChange(resource(id, 'Invited', 'workitem', { Subject: subject }));

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('what a screen reader hears', () => {
  it('has both live regions from the first paint, polite and assertive, and silent', async () => {
    await setup();
    expect(screen.getByRole('log', { name: 'Announcements' })).toHaveAttribute('aria-live', 'polite');
    expect(screen.getByRole('log', { name: 'Urgent announcements' })).toHaveAttribute('aria-live', 'assertive');
    expect(said('Announcements')).toEqual([]);
    expect(said('Urgent announcements')).toEqual([]);
  });

  it('announces a new offer politely, once, by its subject', async () => {
    const { emit } = await setup();
    await emit(statusChange(resource('o1', 'Invited', 'workitem', { Subject: 'Refund request' })), 1000);
    expect(said('Announcements')).toEqual(['New offer: Refund request']);
    // The same offer updated, or listed again by a resync, is not new.
    await emit({ ...statusChange(resource('o1', 'Invited', 'workitem', { Subject: 'Refund request', Note: 'x' })), notificationType: 'PropertiesUpdated' }, 1000);
    await emit(statusChange(resource('p1', 'Processing', 'workitem', { Subject: 'Not an offer' })), 1000);
    // Not an offer (announced as work in progress, see below).
    expect(said('Announcements')).toEqual(['New offer: Refund request', 'New interaction in progress: Not an offer']);
    expect(said('Urgent announcements')).toEqual([]);
  });

  it('does not announce the offers already listed when the page loads (or reloads, or opens in a new tab)', async () => {
    const harness = createHarness({ mediaTypes: ['workitem'] });
    for (let i = 1; i <= 3; i += 1) listOnServer(harness.gws, offer(`o${i}`, `Offer ${i}`));
    const { emit } = await setup(harness);
    await advanceTimers(3000);
    expect(screen.getAllByRole('article')).toHaveLength(3);
    expect(said('Announcements')).toEqual([]);
    // One offered after the list was shown is new.
    await emit(offer('o4', 'Offer 4'), 1000);
    expect(said('Announcements')).toEqual(['New offer: Offer 4']);
  });

  it('counts an offer notified while the first read travels, and listed by it, as part of the first list', async () => {
    const harness = createHarness({ mediaTypes: ['workitem'] });
    let answerRead: (response: Response) => void = () => undefined;
    harness.gws.snapshotAnswer = () => new Promise((resolve) => (answerRead = resolve));
    const { emit } = await setup(harness);
    await emit(offer('o1', 'Early bird'), 1000);
    expect(screen.getByRole('article', { name: 'Early bird' })).toBeInTheDocument();
    delete harness.gws.snapshotAnswer;
    listOnServer(harness.gws, offer('o2', 'Listed'));
    act(() => answerRead(json({ statusCode: 0, openmedia: harness.gws.snapshots.get('workitem') })));
    await advanceTimers(3000);
    expect(screen.getAllByRole('article')).toHaveLength(2);
    expect(said('Announcements')).toEqual([]);
    await emit(offer('o3', 'After the list'), 1000);
    expect(said('Announcements')).toEqual(['New offer: After the list']);
  });

  it('announces new offers when a media type cannot be listed: the others are read, and its banner says what is missing', async () => {
    const harness = createHarness({ mediaTypes: ['promotion', 'workitem'] });
    listOnServer(harness.gws, statusChange(resource('p1', 'Invited', 'promotion', { Subject: 'Listed offer' })));
    // This server has no workitem list: the read is refused for good (a status code, not retried).
    harness.gws.snapshotAnswer = (mediaType) =>
      mediaType === 'workitem' ? json({ statusCode: 6, statusMessage: 'Media type workitem not found' }) : json({ statusCode: 0, openmedia: harness.gws.snapshots.get(mediaType) ?? [] });
    const { emit } = await setup(harness);
    await advanceTimers(3000);
    expect(screen.getByRole('article', { name: 'Listed offer' })).toBeInTheDocument();
    expect(screen.getByText(/Media type workitem not found/)).toBeInTheDocument();
    expect(said('Announcements')).toEqual([]);
    await emit(statusChange(resource('p2', 'Invited', 'promotion', { Subject: 'Arrived later' })), 1000);
    expect(said('Announcements')).toEqual(['New offer: Arrived later']);
  });

  it('does not announce what a media type’s late first list brings (its first read failed, the retry answered): it was there all along', async () => {
    const harness = createHarness({ mediaTypes: ['promotion', 'workitem'] });
    let workitemsListed = false;
    harness.gws.snapshotAnswer = (mediaType) =>
      mediaType === 'workitem' && !workitemsListed
        ? json({ statusCode: 4, statusMessage: 'Internal error' })
        : json({ statusCode: 0, openmedia: harness.gws.snapshots.get(mediaType) ?? [] });
    const { user, emit } = await setup(harness);
    await advanceTimers(3000);
    expect(screen.getByText(/Internal error/)).toBeInTheDocument();
    listOnServer(harness.gws, offer('w1', 'Old workitem offer'));
    listOnServer(harness.gws, statusChange(resource('w2', 'Processing', 'workitem', { Subject: 'Old work in progress' })));
    workitemsListed = true;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await advanceTimers(3000);
    expect(screen.getByRole('article', { name: 'Old workitem offer' })).toBeInTheDocument();
    expect(screen.getByRole('article', { name: 'Old work in progress' })).toBeInTheDocument();
    expect(said('Announcements')).toEqual([]);
    // What arrives after it is news again.
    await emit(offer('w3', 'New workitem offer'), 1000);
    expect(said('Announcements')).toEqual(['New offer: New workitem offer']);
  });

  it('summarises a burst of 20 offers in one announcement', async () => {
    const { emit } = await setup();
    for (let i = 1; i <= 20; i += 1) await emit(statusChange(resource(`o${i}`, 'Invited', 'workitem', { Subject: `Offer ${i}` })), 20);
    await advanceTimers(3000);
    expect(screen.getAllByRole('article')).toHaveLength(20);
    expect(said('Announcements')).toEqual(['20 new offers']);
    await emit(statusChange(resource('o21', 'Invited', 'workitem', { Subject: 'One more' })), 1000);
    expect(said('Announcements')).toEqual(['20 new offers', 'New offer: One more']);
  });

  it('says when an announced offer stops being offered without the agent (withdrawn, taken elsewhere)', async () => {
    const { emit } = await setup();
    await emit(statusChange(resource('o1', 'Invited', 'workitem', { Subject: 'Refund request' })), 1000);
    await emit(statusChange(resource('o2', 'Invited', 'workitem', { Subject: 'Callback' })), 1000);
    expect(said('Announcements')).toEqual(['New offer: Refund request', 'New offer: Callback']);
    await emit(statusChange(resource('o1', 'Completed', 'workitem', { Subject: 'Refund request' })), 1000);
    expect(screen.getByRole('article', { name: 'Refund request' })).toBeInTheDocument(); // lingering, ended
    expect(said('Announcements')).toEqual(['New offer: Refund request', 'New offer: Callback', 'No longer offered: Refund request']);
    // Accepted (it moves to In progress): not an offer lost.
    await emit(statusChange(resource('o2', 'Processing', 'workitem', { Subject: 'Callback' })), 1000);
    expect(said('Announcements')).toHaveLength(3);
  });

  it('says the agent’s own Reject is done, not that the offer is no longer offered; nothing for an offer gone before it was announced', async () => {
    const { user, h, emit } = await setup();
    await emit(statusChange(resource('o1', 'Invited', 'workitem', { Subject: 'Refund request' })), 1000);
    h.gws.operationAnswer = () => Promise.resolve(new Response(JSON.stringify({ statusCode: 0, referenceId: 41 }), { headers: { 'content-type': 'application/json' } }));
    await user.click(screen.getByRole('button', { name: 'Reject' }));
    await advanceTimers(100);
    await emit(statusChange(resource('o1', 'Completed', 'workitem', { Subject: 'Refund request' }), 41), 1000);
    // Offered and withdrawn within the same moment: neither is news.
    await emit(statusChange(resource('o3', 'Invited', 'workitem', { Subject: 'Flash offer' })), 10);
    await emit(statusChange(resource('o3', 'Completed', 'workitem', { Subject: 'Flash offer' })), 2000);
    expect(said('Announcements')).toEqual(['New offer: Refund request', 'Rejected: Refund request']);
  });

  it('summarises several offers ending at once', async () => {
    const { emit } = await setup();
    for (let i = 1; i <= 3; i += 1) await emit(statusChange(resource(`o${i}`, 'Invited', 'workitem', { Subject: `Offer ${i}` })), 0);
    await advanceTimers(3000);
    for (let i = 1; i <= 3; i += 1) await emit(statusChange(resource(`o${i}`, 'Completed', 'workitem', { Subject: `Offer ${i}` })), 0);
    await advanceTimers(3000);
    expect(said('Announcements')).toEqual(['3 new offers', '3 offers no longer offered']);
  });

  it('summarises a burst of failures in one announcement while each card keeps its alert box', async () => {
    const { user, h, emit } = await setup(createHarness({ mediaTypes: ['workitem'], actionTimeoutMs: 2000 }));
    for (let i = 1; i <= 10; i += 1) await emit(statusChange(resource(`w${i}`, 'Processing', 'workitem', { Subject: `Work ${i}` })), 0);
    await advanceTimers();
    // An outage: ten Completes sent, no outcome ever comes.
    for (let i = 1; i <= 10; i += 1) await user.click(within(screen.getByRole('article', { name: `Work ${i}` })).getByRole('button', { name: 'Complete' }));
    expect(h.gws.requests.filter((r) => r.method === 'POST')).toHaveLength(10);
    // The agent has moved on (focus is on none of the cards).
    act(() => (document.activeElement as HTMLElement | null)?.blur());
    await advanceTimers(2100);
    await advanceTimers(1000);
    for (let i = 1; i <= 10; i += 1) expect(within(screen.getByRole('article', { name: `Work ${i}` })).getByText('Complete timed out')).toBeVisible();
    // The timeouts land in one update: not ten role=alerts, one summary.
    expect(screen.queryAllByRole('alert')).toHaveLength(0);
    expect(said('Urgent announcements')).toEqual(['10 actions failed. Each card says why.']);
    // Each box is still there, named by its title, and can be dismissed.
    const boxes = screen.getAllByRole('group', { name: 'Complete timed out' });
    expect(boxes).toHaveLength(10);
    await user.click(within(boxes[0] as HTMLElement).getByRole('button', { name: 'Dismiss' }));
    await advanceTimers();
    expect(screen.getAllByRole('group', { name: 'Complete timed out' })).toHaveLength(9);
    // Ten cards and ten clicks: slow on a shared machine.
  }, 20_000);

  it('in a burst of failures, the card the agent is on (focus) says its own failure; the rest are "N more"', async () => {
    const { user, emit } = await setup(createHarness({ mediaTypes: ['workitem'], actionTimeoutMs: 2000 }));
    for (let i = 1; i <= 3; i += 1) await emit(statusChange(resource(`w${i}`, 'Processing', 'workitem', { Subject: `Work ${i}` })), 0);
    await advanceTimers();
    for (let i = 1; i <= 3; i += 1) await user.click(within(screen.getByRole('article', { name: `Work ${i}` })).getByRole('button', { name: 'Complete' }));
    await advanceTimers(3100);
    const own = screen.getAllByRole('alert');
    expect(own).toHaveLength(1);
    expect(screen.getByRole('article', { name: 'Work 3' })).toContainElement(own[0] as HTMLElement);
    expect(own[0]).toHaveTextContent('Complete timed out');
    expect(said('Urgent announcements')).toEqual(['2 more actions failed. Each card says why.']);
  });

  it('announces an interaction that comes in progress without having been offered here; one the agent accepted is said accepted', async () => {
    const { user, emit } = await setup();
    await emit(offer('a', 'Alpha'), 1000);
    await user.click(screen.getByRole('button', { name: 'Accept' }));
    await advanceTimers();
    await emit(statusChange(resource('a', 'Processing', 'workitem', { Subject: 'Alpha' }), 101), 1000);
    expect(screen.getByRole('article', { name: 'Alpha' })).toBeInTheDocument();
    expect(said('Announcements')).toEqual(['New offer: Alpha', 'Accepted: Alpha']);
    // Pushed straight to Processing (no offer first): news.
    await emit(statusChange(resource('p', 'Processing', 'workitem', { Subject: 'Pushed' })), 1000);
    expect(said('Announcements')).toEqual(['New offer: Alpha', 'Accepted: Alpha', 'New interaction in progress: Pushed']);
    for (let i = 1; i <= 3; i += 1) await emit(statusChange(resource(`q${i}`, 'Processing', 'workitem', { Subject: `Q${i}` })), 100);
    await advanceTimers(1000);
    expect(said('Announcements').at(-1)).toBe('3 new interactions in progress');
  });

  it('announces an interaction in progress that ends without the agent — completed elsewhere, no longer listed — and the agent’s own Complete as done', async () => {
    const harness = createHarness({ mediaTypes: ['workitem'] });
    const working: readonly (readonly [string, string])[] = [['x', 'Xavier'], ['y', 'Yolanda'], ['z', 'Zoe']];
    for (const [id, subject] of working) listOnServer(harness.gws, statusChange(resource(id, 'Processing', 'workitem', { Subject: subject })));
    const { user, emit, h } = await setup(harness);
    await advanceTimers(3000);
    // What the first read lists is not news.
    expect(said('Announcements')).toEqual([]);
    await emit(statusChange(resource('x', 'Completed', 'workitem', { Subject: 'Xavier' })), 1000);
    expect(said('Announcements')).toEqual(['Ended: Xavier']);
    await user.click(within(screen.getByRole('article', { name: 'Yolanda' })).getByRole('button', { name: 'Complete' }));
    await advanceTimers();
    await emit(statusChange(resource('y', 'Completed', 'workitem', { Subject: 'Yolanda' }), 101), 1000);
    expect(said('Announcements')).toEqual(['Ended: Xavier', 'Completed: Yolanda']);
    // Taken away while the push channel was down: the read after the gap no longer lists it.
    h.gws.snapshots.set('workitem', []);
    act(() => h.channel.requestResync());
    await advanceTimers(1000);
    expect(said('Announcements')).toEqual(['Ended: Xavier', 'Completed: Yolanda', 'No longer assigned to you: Zoe']);
  });

  it('says the agent’s own action done once its notification confirms it, not when the server only took it', async () => {
    const { user, emit } = await setup();
    await emit(statusChange(resource('a', 'Processing', 'workitem', { Subject: 'Alpha' })), 1000);
    const before = said('Announcements');
    await user.click(within(screen.getByRole('article', { name: 'Alpha' })).getByRole('button', { name: 'Complete' }));
    await advanceTimers();
    // Answered (statusCode 0, referenceId 101): taken, not done.
    expect(said('Announcements')).toEqual(before);
    // Another application's news about it that carries no referenceId of this request does not settle it either.
    await emit({ ...statusChange(resource('a', 'Processing', 'workitem', { Subject: 'Alpha', Note: 'x' })), notificationType: 'PropertiesUpdated' }, 1000);
    expect(said('Announcements')).toEqual(before);
    await emit(statusChange(resource('a', 'Completed', 'workitem', { Subject: 'Alpha' }), 101), 1000);
    expect(said('Announcements')).toEqual([...before, 'Completed: Alpha'].slice(-3));
    expect(said('Urgent announcements')).toEqual([]);
  });

  it('keeps a lone failure as its card’s own alert, with nothing else announced', async () => {
    const { user, emit } = await setup();
    await emit(statusChange(resource('a', 'Invited', 'workitem', { Subject: 'Alpha' })), 1000);
    await user.click(screen.getByRole('button', { name: 'Accept' }));
    await advanceTimers();
    await emit(errorNotification(101, 'Agent is not ready for open media'), 1000);
    expect(within(screen.getByRole('article', { name: 'Alpha' })).getByRole('alert')).toHaveTextContent('Agent is not ready for open media');
    expect(said('Urgent announcements')).toEqual([]);
    expect(said('Announcements')).toEqual(['New offer: Alpha']);
  });
});

describe('what a screen reader hears in a tab that joins a shared connection', () => {
  /** A tab of `browser` on the shared connection whose leader listens to `server`, reading its snapshot from `gws`. */
  function openTab(browser: FakeBrowser, server: ReturnType<typeof createMemoryChannel>, gws: ScriptedGws, title: string): OpenmediaClient {
    const channel = createSharedChannel({ name: 'openmedia-widget test', descriptor: OPENMEDIA_CHANNEL, environment: browser.tab().environment, createSource: () => server });
    const client = createOpenmediaClient({ channel, gwsClient: createGwsClient({ fetch: gws.fetch }), queryClient: new QueryClient(), mediaTypes: ['workitem'] });
    render(
      <OpenmediaProvider client={client}>
        <OpenmediaWidget title={title} />
      </OpenmediaProvider>,
    );
    return client;
  }

  it('announces neither tab’s existing offers, and a new offer in both', async () => {
    setupWithFakeTimers();
    const browser = createFakeBrowser();
    const server = createMemoryChannel();
    const gws = scriptedGws();
    for (let i = 1; i <= 3; i += 1) listOnServer(gws, offer(`o${i}`, `Offer ${i}`));
    const first = openTab(browser, server, gws, 'Tab A');
    await advanceTimers(3000);
    const second = openTab(browser, server, gws, 'Tab B');
    await advanceTimers(3000);
    expect(second.getSnapshot().tab.role).toBe('follower');
    for (const tab of ['Tab A', 'Tab B']) {
      expect(within(screen.getByRole('region', { name: tab })).getAllByRole('article')).toHaveLength(3);
      expect(said('Announcements', tab)).toEqual([]);
    }
    listOnServer(gws, offer('o4', 'Offer 4'));
    act(() => server.emit(offer('o4', 'Offer 4')));
    await advanceTimers(3000);
    for (const tab of ['Tab A', 'Tab B']) expect(said('Announcements', tab)).toEqual(['New offer: Offer 4']);
    first.dispose();
    second.dispose();
  });
});

// A dialog opened with showModal() makes the rest of the page inert: Chromium leaves the widget's
// live regions out of the accessibility tree while it is open, so the dialog repeats them.
describe('what a screen reader hears while the Transfer dialog is open', () => {
  it('hears in the dialog what the widget announces meanwhile — a new offer, a card’s own failure, the session lost — and nothing from before it opened', async () => {
    const { user, emit, h: harness } = await setup();
    await emit(offer('a', 'Alpha'), 1000);
    await emit(statusChange(resource('p', 'Processing', 'workitem', { Subject: 'Busy' })), 1000);
    expect(said('Announcements')).toEqual(['New offer: Alpha', 'New interaction in progress: Busy']);
    // Sent before the dialog opens; its refusal comes while it is open.
    await user.click(within(screen.getByRole('article', { name: 'Alpha' })).getByRole('button', { name: 'Accept' }));
    await advanceTimers();
    await user.click(within(screen.getByRole('article', { name: 'Busy' })).getByRole('button', { name: 'Transfer' }));
    await advanceTimers();
    const dialog = await screen.findByRole('dialog');
    const inDialog = (name: 'Announcements' | 'Urgent announcements') => [...within(dialog).getByRole('log', { name }).children].map((line) => line.textContent);
    const status = within(dialog).getByRole('status', { name: 'Connection status' });
    expect(inDialog('Announcements')).toEqual([]);
    expect(inDialog('Urgent announcements')).toEqual([]);
    expect(status).toBeEmptyDOMElement();

    await emit(offer('g', 'Gamma'), 1000);
    expect(inDialog('Announcements')).toEqual(['New offer: Gamma']);
    await emit(errorNotification(101, 'Agent is not ready for open media'), 1000);
    expect(inDialog('Urgent announcements')).toEqual(['Accept failed (Alpha): Agent is not ready for open media']);
    act(() => harness.channel.setStatus('unauthorized'));
    await advanceTimers();
    expect(status).toHaveTextContent('Signed out — your session has ended');
    expect(status).toHaveAttribute('aria-live', 'assertive');
    // Back: the return is said too.
    act(() => harness.channel.setStatus('connected'));
    await advanceTimers();
    expect(status).toHaveTextContent('Live');
    expect(status).toHaveAttribute('aria-live', 'polite');
  });
});

// Screen readers speak the tab in front only: what a background tab announced was never heard.
describe('what a screen reader hears when the tab comes back to the front', () => {
  let visibility: DocumentVisibilityState = 'visible';
  const show = (state: DocumentVisibilityState) => {
    visibility = state;
    act(() => {
      document.dispatchEvent(new Event('visibilitychange'));
    });
  };
  beforeEach(() => {
    visibility = 'visible';
    vi.spyOn(document, 'visibilityState', 'get').mockImplementation(() => visibility);
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('sums up what was said in the background — an offer, a card’s own failure, the session lost — assertively, once', async () => {
    const { user, emit, h } = await setup();
    await emit(offer('a', 'Alpha'), 1000);
    await user.click(screen.getByRole('button', { name: 'Accept' }));
    await advanceTimers();
    show('hidden');
    await emit(offer('g', 'Gamma'), 1000);
    await emit(errorNotification(101, 'Agent is not ready for open media'), 1000);
    act(() => h.channel.setStatus('unauthorized'));
    await advanceTimers();
    expect(said('Urgent announcements')).toEqual([]);
    show('visible');
    await advanceTimers();
    expect(said('Urgent announcements')).toEqual([
      'While this tab was in the background: New offer: Gamma. Accept failed (Alpha): Agent is not ready for open media. Signed out — your session has ended.',
    ]);
    // Once: hidden and shown again with nothing new says nothing.
    show('hidden');
    show('visible');
    await advanceTimers();
    expect(said('Urgent announcements')).toHaveLength(1);
  });

  it('says nothing when nothing happened, and politely when there was only news', async () => {
    const { emit } = await setup();
    show('hidden');
    show('visible');
    await advanceTimers();
    expect(said('Announcements')).toEqual([]);
    show('hidden');
    await emit(offer('b', 'Beta'), 1000);
    show('visible');
    await advanceTimers();
    expect(said('Announcements')).toEqual(['New offer: Beta', 'While this tab was in the background: New offer: Beta.']);
    expect(said('Urgent announcements')).toEqual([]);
  });
});

describe('what a screen reader hears when an action fails again or succeeds late', () => {
  it('a second refusal in the same words is a new alert (announced again), not the same box left as it was', async () => {
    const { user, h, emit } = await setup();
    await emit(statusChange(resource('a', 'Invited', 'workitem', { Subject: 'Alpha' })), 1000);
    const alpha = () => screen.getByRole('article', { name: 'Alpha' });
    h.gws.operationAnswer = () => json({ statusCode: 3, statusMessage: 'Agent is not ready' });
    await user.click(within(alpha()).getByRole('button', { name: 'Accept' }));
    await advanceTimers(1000);
    const first = within(alpha()).getByRole('alert');
    expect(first).toHaveTextContent('Agent is not ready');
    await user.click(within(alpha()).getByRole('button', { name: 'Accept' }));
    await advanceTimers(1000);
    const second = within(alpha()).getByRole('alert');
    expect(second).toHaveTextContent('Agent is not ready');
    expect(second).not.toBe(first);
    expect(first.isConnected).toBe(false);
    // Read alone, the alert names its interaction first (hidden on screen, where it sits in its card).
    expect(second.textContent).toMatch(/^Alpha:Accept was refused/);
    expect(within(second).getByText('Alpha:')).toHaveClass('omw-visually-hidden');
  });

  it('says an action done when it succeeds after the card said it timed out', async () => {
    const { user, emit } = await setup();
    await emit(statusChange(resource('a', 'Invited', 'workitem', { Subject: 'Alpha' })), 1000);
    await user.click(screen.getByRole('button', { name: 'Accept' }));
    await advanceTimers(20_000);
    expect(within(screen.getByRole('article', { name: 'Alpha' })).getByRole('alert')).toHaveTextContent(/timed out/);
    expect(said('Announcements')).toEqual(['New offer: Alpha']);
    await emit(statusChange(resource('a', 'Processing', 'workitem', { Subject: 'Alpha' }), 101), 1000);
    expect(within(screen.getByRole('article', { name: 'Alpha' })).queryByRole('alert')).not.toBeInTheDocument();
    expect(said('Announcements')).toEqual(['New offer: Alpha', 'Accepted: Alpha']);
  });

  it('says the agent’s own Complete done, and not "Ended", when its request and its outcome land in one frame (as with other tabs open)', async () => {
    const { h, emit } = await setup();
    await emit(statusChange(resource('a', 'Processing', 'workitem', { Subject: 'Alpha' })), 1000);
    const before = said('Announcements');
    const requests = () => h.gws.requests.filter((r) => r.method === 'POST').length;
    // Pressed, answered and confirmed before the next frame is drawn: no render shows it in flight.
    act(() => within(screen.getByRole('article', { name: 'Alpha' })).getByRole('button', { name: 'Complete' }).click());
    await act(async () => {
      for (let i = 0; i < 20 && requests() === 0; i += 1) await Promise.resolve();
    });
    expect(requests()).toBe(1);
    listOnServer(h.gws, statusChange(resource('a', 'Completed', 'workitem', { Subject: 'Alpha' }), 101));
    act(() => h.channel.emit(statusChange(resource('a', 'Completed', 'workitem', { Subject: 'Alpha' }), 101)));
    await advanceTimers(2000);
    expect(screen.getByRole('list', { name: /^Recently ended/ })).toContainElement(screen.getByRole('article', { name: 'Alpha' }));
    expect(said('Announcements')).toEqual([...before, 'Completed: Alpha'].slice(-3));
  });

  it('says nothing done when an edit’s outcome leaves the card showing the old value (a repeated key: the server changed another)', async () => {
    const { user, h, emit } = await setup();
    await emit(statusChange(resource('a', 'Processing', 'workitem', { Subject: 'Alpha', Note: 'old' })), 1000);
    const alpha = () => screen.getByRole('article', { name: 'Alpha' });
    await user.click(within(alpha()).getByRole('button', { name: 'Edit Note' }));
    const field = await within(alpha()).findByRole('textbox', { name: /Note/ });
    await user.clear(field);
    await user.type(field, 'new{Enter}');
    await advanceTimers();
    expect(h.gws.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
    const before = said('Announcements');
    await emit({ ...statusChange(resource('a', 'Processing', 'workitem', { Subject: 'Alpha', Note: 'old' }), 101), notificationType: 'PropertiesUpdated' }, 1000);
    expect(within(alpha()).queryByRole('alert')).not.toBeInTheDocument();
    expect(said('Announcements')).toEqual(before);
  });

  it('says nothing done when the outcome of an Accept shows the offer still Invited (the card shows it offered)', async () => {
    const { user, emit } = await setup();
    await emit(statusChange(resource('a', 'Invited', 'workitem', { Subject: 'Alpha' })), 1000);
    await user.click(screen.getByRole('button', { name: 'Accept' }));
    await advanceTimers();
    await emit(statusChange(resource('a', 'Invited', 'workitem', { Subject: 'Alpha' }), 101), 1000);
    expect(within(screen.getByRole('article', { name: 'Alpha' })).getByRole('button', { name: 'Accept' })).toBeEnabled();
    expect(said('Announcements')).toEqual(['New offer: Alpha']);
    await user.click(screen.getByRole('button', { name: 'Accept' }));
    await advanceTimers();
    await emit(statusChange(resource('a', 'Processing', 'workitem', { Subject: 'Alpha' }), 102), 1000);
    expect(said('Announcements')).toEqual(['New offer: Alpha', 'Accepted: Alpha']);
  });

  it('names the interaction each action button acts on (its description), so twenty Accept buttons can be told apart', async () => {
    const { emit } = await setup();
    await emit(statusChange(resource('a', 'Invited', 'workitem', { Subject: 'Alpha' })), 0);
    await emit(statusChange(resource('b', 'Invited', 'workitem', { Subject: 'Beta' })), 1000);
    const accepts = screen.getAllByRole('button', { name: 'Accept' });
    expect(accepts.map((button) => button.getAttribute('aria-describedby') !== null)).toEqual([true, true]);
    expect(within(screen.getByRole('article', { name: 'Alpha' })).getByRole('button', { name: 'Accept' })).toHaveAccessibleDescription('Alpha');
    expect(within(screen.getByRole('article', { name: 'Beta' })).getByRole('button', { name: 'Reject' })).toHaveAccessibleDescription('Beta');
  });
});

describe('what a screen reader hears of the buttons while nothing can be sent', () => {
  it('signed out or reconnecting, the action buttons are unavailable (aria-disabled, focus kept), a press says why on the card; Live again, they are not', async () => {
    const { user, h, emit } = await setup();
    await emit(statusChange(resource('a', 'Invited', 'workitem', { Subject: 'Alpha' })), 0);
    await emit(statusChange(resource('b', 'Processing', 'workitem', { Subject: 'Beta' })), 1000);
    const accept = () => within(screen.getByRole('article', { name: 'Alpha' })).getByRole('button', { name: 'Accept' });
    const editBeta = () => within(screen.getByRole('article', { name: 'Beta' })).getByRole('button', { name: 'Edit Subject' });
    expect(accept()).not.toHaveAttribute('aria-disabled');
    act(() => h.channel.setStatus('unauthorized'));
    expect(accept()).toHaveAttribute('aria-disabled', 'true');
    expect(within(screen.getByRole('article', { name: 'Alpha' })).getByRole('button', { name: 'Reject' })).toHaveAttribute('aria-disabled', 'true');
    // The user-data rows' Edit and Delete too.
    expect(editBeta()).toHaveAttribute('aria-disabled', 'true');
    expect(within(screen.getByRole('article', { name: 'Beta' })).getByRole('button', { name: 'Delete Subject' })).toHaveAttribute('aria-disabled', 'true');
    act(() => accept().focus());
    await user.keyboard('{Enter}');
    await advanceTimers();
    expect(h.gws.requests.filter((r) => r.method === 'POST')).toHaveLength(0);
    expect(within(screen.getByRole('article', { name: 'Alpha' })).getByRole('alert')).toHaveTextContent('Not sent: your session has ended');
    expect(accept()).toHaveFocus();
    act(() => h.channel.setStatus('reconnecting'));
    expect(accept()).toHaveAttribute('aria-disabled', 'true');
    act(() => h.channel.setStatus('connected'));
    await advanceTimers();
    expect(accept()).not.toHaveAttribute('aria-disabled');
    expect(editBeta()).not.toHaveAttribute('aria-disabled');
  });
});

describe('what a screen reader hears of the agent’s own actions, whatever the frames (the view over entries)', () => {
  const renderCard = (entry: InteractionEntry, headingLevel: 4) => <InteractionCard entry={entry} onPerform={vi.fn()} onDismissError={vi.fn()} headingLevel={headingLevel} />;
  /** The view over `list`, a second on (what it lists first is not news); `show` draws the next frame. */
  async function renderView(list: readonly InteractionEntry[]) {
    const view = (shown: readonly InteractionEntry[]) => <OpenmediaWidgetView title="My work" entries={shown} renderCard={renderCard} status="connected" />;
    const utils = render(view(list));
    await advanceTimers(1000);
    return { show: (shown: readonly InteractionEntry[]) => act(() => utils.rerender(view(shown))) };
  }
  const id = 'W1';
  const base = (interaction: Partial<OpenmediaInteraction>, entry: Partial<Omit<InteractionEntry, 'interaction'>> = {}) =>
    makeEntry({ id, userData: { Subject: 'Alpha', Note: 'old' }, ...interaction }, entry);
  const done = (requestId: string, operation: Operation, extra: Partial<DoneAction> = {}): DoneAction => ({ requestId, operation, at: Date.now(), ...extra });

  it('an edit whose request and outcome land in one frame is said done (nothing else of the frame changes)', async () => {
    const { show } = await renderView([base({ state: 'Processing' })]);
    show([base({ state: 'Processing', userData: { Subject: 'Alpha', Note: 'new' } }, { lastDone: done('r1', 'UpdateUserData', { userData: { Note: 'new' } }) })]);
    await advanceTimers(1000);
    expect(said('Announcements')).toEqual(['Data saved: Alpha']);
  });

  it('an Accept done at once (its answer said so) is said once the card shows it in progress', async () => {
    const offered = base({ state: 'Invited', capabilities: ['Accept', 'Reject'] });
    const { show } = await renderView([offered]);
    const accepted = done('r1', 'Accept');
    show([{ ...offered, lastDone: accepted }]);
    await advanceTimers(500);
    expect(said('Announcements')).toEqual([]);
    show([base({ state: 'Processing' }, { lastDone: accepted })]);
    await advanceTimers(1000);
    expect(said('Announcements')).toEqual(['Accepted: Alpha']);
  });

  it('a Complete done at once is said done, not "Ended", when the notification ends the card', async () => {
    const working = base({ state: 'Processing' });
    const { show } = await renderView([working]);
    const completed = done('r1', 'Complete');
    show([{ ...working, lastDone: completed }]);
    await advanceTimers(500);
    show([base({ state: 'Completed', capabilities: [] }, { lastDone: completed, endedAt: Date.now() })]);
    await advanceTimers(2000);
    expect(said('Announcements')).toEqual(['Completed: Alpha']);
  });

  it('a Complete whose outcome came before its answer, in the frame that drew neither: said done once, never "Ended"', async () => {
    const working = base({ state: 'Processing' });
    const { show } = await renderView([working]);
    const pending = { requestId: 'r1', interactionId: id, operation: 'Complete' as const, startedAt: Date.now(), referenceId: undefined };
    show([base({ state: 'Completed', capabilities: [] }, { pending, endedAt: Date.now() })]);
    await advanceTimers(100);
    show([base({ state: 'Completed', capabilities: [] }, { lastDone: done('r1', 'Complete'), endedAt: Date.now() })]);
    await advanceTimers(2000);
    expect(said('Announcements')).toEqual(['Completed: Alpha']);
  });

  it('the agent’s own Reject in one frame is said "Rejected", not also "No longer offered"', async () => {
    const offered = base({ state: 'Invited', capabilities: ['Accept', 'Reject'] });
    const { show } = await renderView([offered]);
    show([base({ state: 'Completed', capabilities: [] }, { lastDone: done('r1', 'Reject'), endedAt: Date.now() })]);
    await advanceTimers(2000);
    expect(said('Announcements')).toEqual(['Rejected: Alpha']);
  });

  it('an ending by someone else after the agent’s own edit is news ("Ended")', async () => {
    const edited = base({ state: 'Processing' }, { lastDone: done('r1', 'UpdateUserData', { userData: { Note: 'old' } }) });
    const { show } = await renderView([edited]);
    show([base({ state: 'Completed', capabilities: [] }, { lastDone: edited.lastDone, endedAt: Date.now() })]);
    await advanceTimers(2000);
    expect(said('Announcements')).toEqual(['Ended: Alpha']);
  });
});

