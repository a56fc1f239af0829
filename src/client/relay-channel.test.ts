import { afterEach, describe, expect, it } from 'vitest';
import { createGwsClient } from '../api/client';
import { createMemoryChannel } from '../channel/memory-channel';
import type { MemoryChannel } from '../channel/memory-channel';
import type { ChannelListener } from '../channel/types';
import { OPENMEDIA_CHANNEL } from '../protocol/parse';
import type { OpenmediaResourceWire } from '../protocol/types';
import { createFakeBrowser } from '../test-support/fake-tabs';
import type { FakeBrowser, FakeTab } from '../test-support/fake-tabs';
import { waitFor } from '../test-support/wait-for';
import { json } from '../testing/fake-fetch';
import { createScriptedGws, resource, statusChange } from '../testing/scripted-gws';
import type { ScriptedGws } from '../testing/scripted-gws';
import type { AlertEffects } from './alert-effects';
import { createOpenmediaClient } from './openmedia-client';
import type { OpenmediaClient } from './openmedia-client';
import { createSharedChannel } from './relay-channel';
import type { SharedChannel } from './relay-channel';

const NAME = 'openmedia-widget http://gws.test/api/v2/notifications';

/** The CometD server: every live session (a leader's source channel) gets each notification. */
function createServer() {
  const sessions = new Set<{ readonly channel: MemoryChannel; readonly tab: FakeTab }>();
  return {
    sessions,
    /** A source channel for `tab`, live while subscribed and while its tab has not crashed. */
    source(tab: FakeTab): MemoryChannel {
      const channel = createMemoryChannel();
      const session = { channel, tab };
      const subscribe = channel.subscribe.bind(channel);
      return Object.assign(channel, {
        subscribe(listener: ChannelListener) {
          sessions.add(session);
          const unsubscribe = subscribe(listener);
          return () => {
            sessions.delete(session);
            unsubscribe();
          };
        },
      });
    },
    live(): number {
      return [...sessions].filter((session) => !session.tab.crashed).length;
    },
    emit(data: unknown): void {
      for (const { channel, tab } of sessions) if (!tab.crashed) channel.emit(data);
    },
  };
}

interface Tab {
  readonly fake: FakeTab;
  readonly shared: SharedChannel;
  readonly client: OpenmediaClient;
  readonly alerted: string[];
}

const silentEffects = (alerted: string[]): AlertEffects => ({
  setBadge: () => undefined,
  notify: (interaction) => alerted.push(interaction.id),
  primeSound: () => undefined,
  playSound: () => undefined,
  focusOffer: () => undefined,
});

let opened: Tab[] = [];

afterEach(() => {
  for (const tab of opened) if (!tab.fake.crashed) tab.client.dispose();
  opened = [];
});

/** A tab (`samePageAs`: a second widget on that tab's page instead: same page id). */
function openTab(browser: FakeBrowser, server: ReturnType<typeof createServer>, gws: ScriptedGws, samePageAs?: Tab): Tab {
  const fake = browser.tab();
  const environment = samePageAs === undefined ? fake.environment : { ...fake.environment, pageId: samePageAs.fake.environment.pageId };
  const shared = createSharedChannel({ name: NAME, descriptor: OPENMEDIA_CHANNEL, environment, createSource: () => server.source(fake) });
  const alerted: string[] = [];
  const client = createOpenmediaClient({
    channel: shared,
    gwsClient: createGwsClient({ fetch: gws.fetch }),
    mediaTypes: ['workitem'],
    schedule: queueMicrotask,
    alerts: { notifications: true },
    alertEffects: silentEffects(alerted),
  });
  client.start();
  const tab = { fake, shared, client, alerted };
  opened.push(tab);
  return tab;
}

/** The server's truth: what the snapshot returns, kept in step with what it notifies. */
function createTruth(gws: ScriptedGws, server: ReturnType<typeof createServer>) {
  const byId = new Map<string, OpenmediaResourceWire>();
  return {
    byId,
    set(wire: OpenmediaResourceWire): void {
      if (wire.state === 'Completed') byId.delete(wire.id);
      else byId.set(wire.id, wire);
      gws.snapshots.set('workitem', [...byId.values()]);
      server.emit(statusChange(wire));
    },
  };
}

function activeStates(client: OpenmediaClient): Record<string, string> {
  const states: Record<string, string> = {};
  const { state } = client.getSnapshot();
  for (const id of state.order) {
    const entry = state.byId.get(id);
    if (entry !== undefined && entry.endedAt === undefined) states[id] = String(entry.interaction.state);
  }
  return states;
}

function expected(truth: ReturnType<typeof createTruth>): Record<string, string> {
  return Object.fromEntries([...truth.byId.values()].map((wire) => [wire.id, String(wire.state)]));
}

function sameStates(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((id) => a[id] === b[id]);
}

const leaders = (tabs: readonly Tab[]) => tabs.filter((tab) => !tab.fake.crashed && tab.shared.getTab().role === 'leader');

/** A browser with three tabs of the widget sharing one connection to a server, all connected. */
async function threeConnectedTabs() {
  const browser = createFakeBrowser();
  const server = createServer();
  const gws = createScriptedGws();
  const truth = createTruth(gws, server);
  const tabs = [openTab(browser, server, gws), openTab(browser, server, gws), openTab(browser, server, gws)];
  await waitFor(() => tabs.every((tab) => tab.client.getSnapshot().status === 'connected'), 'every tab connected');
  return { browser, server, gws, truth, tabs };
}

/** Two widgets on one page (and, with `anotherTab`, a widget in a second tab), all connected, the offer W1 shown in each. */
async function offerInWidgets(anotherTab: boolean) {
  const browser = createFakeBrowser();
  const server = createServer();
  const gws = createScriptedGws();
  const truth = createTruth(gws, server);
  const first = openTab(browser, server, gws);
  const tabs = [first, openTab(browser, server, gws, first), ...(anotherTab ? [openTab(browser, server, gws)] : [])];
  await waitFor(() => tabs.every((tab) => tab.client.getSnapshot().status === 'connected'), 'every widget connected');
  truth.set(resource('W1', 'Invited', 'workitem', { Subject: 'First' }));
  await waitFor(() => tabs.every((tab) => tab.client.getSnapshot().state.byId.has('W1')), 'the offer in every widget');
  return { gws, tabs };
}

describe('the shared connection (leader and followers over BroadcastChannel and Web Locks)', () => {
  it('runs one session for three tabs and shows every notification in each', async () => {
    const { server, truth, tabs } = await threeConnectedTabs();
    expect(server.live()).toBe(1);
    expect(tabs.map((tab) => tab.shared.getTab().role)).toEqual(['leader', 'follower', 'follower']);
    await waitFor(() => tabs.every((tab) => tab.shared.getTab().tabs === 3), 'every tab counts three tabs');

    truth.set(resource('W1', 'Invited', 'workitem', { Subject: 'First' }));
    await waitFor(() => tabs.every((tab) => tab.client.getSnapshot().state.byId.has('W1')), 'the offer in every tab');
    // Only the leader alerts, once.
    expect(tabs.map((tab) => tab.alerted)).toEqual([['W1'], [], []]);
  });

  it('shows in every tab the interaction one tab put in focus (GWS has one focus per agent), and tells a tab that joins later', async () => {
    const { browser, server, gws, truth, tabs } = await threeConnectedTabs();
    truth.set(resource('W1', 'Processing', 'workitem', { Subject: 'First' }));
    truth.set(resource('W2', 'Processing', 'workitem', { Subject: 'Second' }));
    await waitFor(() => tabs.every((tab) => tab.client.getSnapshot().state.byId.has('W2')), 'both in every tab');
    const focused = () => tabs.map((tab) => tab.client.getSnapshot().state.focusedId);

    // A follower sets the focus; GWS confirms it with the request's referenceId.
    let reference = 500;
    gws.operationAnswer = () => json({ statusCode: 0, referenceId: reference });
    void tabs[1]?.client.perform('W1', { operationName: 'SetInFocus' });
    await waitFor(() => gws.requests.some((request) => request.method === 'POST'), 'the SetInFocus sent');
    server.emit(statusChange(resource('W1', 'Processing', 'workitem', { Subject: 'First' }), 500));
    await waitFor(() => focused().every((id) => id === 'W1'), 'W1 in focus in every tab');
    // Each tab knows whether the focus was its own doing (the host's onFocus is told).
    expect(tabs.map((tab) => tab.client.getSnapshot().state.focusedElsewhere)).toEqual([true, false, true]);

    // The leader moves it: the tab that set it before no longer claims it.
    reference = 501;
    void tabs[0]?.client.perform('W2', { operationName: 'SetInFocus' });
    await waitFor(() => gws.requests.filter((request) => request.method === 'POST').length === 2, 'the second SetInFocus sent');
    server.emit(statusChange(resource('W2', 'Processing', 'workitem', { Subject: 'Second' }), 501));
    await waitFor(() => focused().every((id) => id === 'W2'), 'W2 in focus in every tab');

    // A tab opened now hears it (before it has read W2, so it shows it once read).
    const late = openTab(browser, server, gws);
    await waitFor(() => late.client.getSnapshot().state.focusedId === 'W2', 'the focus in the tab that joined');
  });

  it('loses nothing the snapshot cannot restore when the leader dies mid-burst', async () => {
    const browser = createFakeBrowser();
    const server = createServer();
    const gws = createScriptedGws();
    const truth = createTruth(gws, server);
    const [first, ...rest] = [openTab(browser, server, gws), openTab(browser, server, gws), openTab(browser, server, gws)];
    if (first === undefined) throw new Error('no tab');
    const tabs = [first, ...rest];
    await waitFor(() => tabs.every((tab) => tab.client.getSnapshot().status === 'connected'), 'every tab connected');
    expect(first.shared.getTab().role).toBe('leader');

    for (let i = 1; i <= 60; i += 1) {
      const id = `B${i}`;
      truth.set(resource(id, 'Invited', 'workitem', { Subject: `Offer ${i}` }));
      // Earlier offers move on while the burst goes on: accepted, then some completed.
      if (i > 5) truth.set(resource(`B${i - 5}`, 'Processing'));
      if (i > 10 && i % 3 === 0) truth.set(resource(`B${i - 10}`, 'Completed'));
      if (i === 25) first.fake.crash();
      // Let the relay, the lock hand-over and the snapshot reads interleave with the burst.
      if (i % 4 === 0) await new Promise((resolve) => setTimeout(resolve, 0));
      expect(leaders(tabs).length, `leaders after message ${i}`).toBeLessThanOrEqual(1);
      expect(server.live(), `live sessions after message ${i}`).toBeLessThanOrEqual(1);
    }

    const survivors = rest;
    await waitFor(() => leaders(survivors).length === 1, 'a surviving tab leads');
    await waitFor(
      () => survivors.every((tab) => sameStates(activeStates(tab.client), expected(truth))),
      'every surviving tab equal to the server',
    );
    expect(server.live()).toBe(1);
  });

  it('never lets two tabs lead, whatever opens, stops and crashes', async () => {
    const browser = createFakeBrowser();
    const server = createServer();
    const tabs: { fake: FakeTab; shared: SharedChannel; stop: () => void; stopped: boolean }[] = [];
    const open = () => {
      const fake = browser.tab();
      const shared = createSharedChannel({ name: NAME, descriptor: OPENMEDIA_CHANNEL, environment: fake.environment, createSource: () => server.source(fake) });
      const tab = { fake, shared, stop: shared.subscribe({ onMessage: () => undefined }), stopped: false };
      tabs.push(tab);
    };
    const alive = () => tabs.filter((tab) => !tab.fake.crashed && !tab.stopped);
    const check = (step: string) => {
      expect(alive().filter((tab) => tab.shared.getTab().role === 'leader').length, step).toBeLessThanOrEqual(1);
      expect(server.live(), step).toBeLessThanOrEqual(1);
    };
    // A fixed, varied script: opens, orderly stops (the widget unmounted) and crashes.
    const script = 'ooocoosocsoocoscsooccos';
    for (const [i, step] of [...script].entries()) {
      const target = alive()[i % Math.max(1, alive().length)];
      if (step === 'o') open();
      else if (step === 'c') target?.fake.crash();
      else if (target !== undefined) {
        target.stop();
        target.stopped = true;
      }
      check(`after step ${i} (${step}), synchronously`);
      await new Promise((resolve) => setTimeout(resolve, 0));
      check(`after step ${i} (${step}), a task later`);
      if (alive().length > 0) {
        await waitFor(() => alive().filter((tab) => tab.shared.getTab().role === 'leader').length === 1, `a leader after step ${i}`);
        expect(server.live()).toBe(1);
      }
    }
    for (const tab of alive()) tab.stop();
  });

  it('gives the new leader the offers already alerted, so it alerts only the one made during the hand-over', async () => {
    const browser = createFakeBrowser();
    const server = createServer();
    const gws = createScriptedGws();
    const truth = createTruth(gws, server);
    const first = openTab(browser, server, gws);
    await waitFor(() => first.client.getSnapshot().status === 'connected', 'the first tab connected');
    truth.set(resource('OLD', 'Invited', 'workitem'));
    await waitFor(() => first.alerted.includes('OLD'), 'the old offer alerted');
    // A tab opened later learns what was alerted before it came.
    const second = openTab(browser, server, gws);
    await waitFor(() => second.client.getSnapshot().state.byId.has('OLD'), 'the old offer in the second tab');
    // The leader answers a newcomer's hello with its status, then the alerted offers (in that order).
    await waitFor(() => second.client.getSnapshot().status === 'connected', 'the leader answered the second tab');
    await new Promise((resolve) => setTimeout(resolve, 0));
    first.fake.crash();
    truth.set(resource('GAP', 'Invited', 'workitem'));
    await waitFor(() => second.client.getSnapshot().state.byId.has('GAP'), 'the hand-over offer restored by the snapshot');
    await waitFor(() => second.alerted.includes('GAP'), 'the hand-over offer alerted by the new leader');
    expect(first.alerted).toEqual(['OLD']);
    expect(second.alerted).toEqual(['GAP']);
  });

  it('shows an action sent in one tab as in flight in the others, which settle it on its notification', async () => {
    const { server, gws, truth, tabs } = await threeConnectedTabs();
    truth.set(resource('W1', 'Invited', 'workitem', { Subject: 'First' }));
    await waitFor(() => tabs.every((tab) => tab.client.getSnapshot().state.byId.has('W1')), 'the offer in every tab');
    const pendingIn = (tab: Tab) => tab.client.getSnapshot().state.byId.get('W1')?.pending;
    let answer: ((response: Response) => void) | undefined;
    gws.operationAnswer = () => new Promise<Response>((resolve) => (answer = resolve));
    const accepted = tabs[1]?.client.perform('W1', { operationName: 'Accept' });
    await waitFor(() => [tabs[0], tabs[2]].every((tab) => tab !== undefined && pendingIn(tab)?.elsewhere === true), 'Accept in flight in the other tabs');
    expect(pendingIn(tabs[1] as Tab)?.elsewhere).toBeUndefined();
    expect(tabs.map((tab) => pendingIn(tab)?.operation)).toEqual(['Accept', 'Accept', 'Accept']);
    // A second Accept from another tab is not sent: its button is disabled, and perform refuses it.
    await expect(tabs[0]?.client.perform('W1', { operationName: 'Accept' })).resolves.toEqual({ status: 'ignored' });

    // GWS accepts it; its notification (with the referenceId) settles it in every tab alike.
    answer?.(json({ statusCode: 0, referenceId: 700 }));
    await waitFor(() => tabs.every((tab) => pendingIn(tab)?.referenceId === 700), 'the referenceId told to every tab');
    truth.byId.set('W1', resource('W1', 'Processing', 'workitem', { Subject: 'First' }));
    server.emit(statusChange(resource('W1', 'Processing', 'workitem', { Subject: 'First' }), 700));
    await expect(accepted).resolves.toEqual({ status: 'succeeded' });
    await waitFor(() => tabs.every((tab) => pendingIn(tab) === undefined), 'settled in every tab');
    expect(tabs.map((tab) => tab.client.getSnapshot().state.byId.get('W1')?.error)).toEqual([undefined, undefined, undefined]);
    // Not counted as a stranger's referenceId in the tabs that did not send it.
    expect(tabs.map((tab) => tab.client.getSnapshot().state.diagnostics.unmatchedReferenceIds)).toEqual([0, 0, 0]);
  });

  it('tells a second widget of the same page apart from another tab: its action shows as "on this page" there only', async () => {
    const { gws, tabs } = await offerInWidgets(true);
    const [first] = tabs as [Tab, Tab, Tab];
    const pendingIn = (tab: Tab) => tab.client.getSnapshot().state.byId.get('W1')?.pending;
    gws.operationAnswer = () => new Promise<Response>(() => undefined);
    void first.client.perform('W1', { operationName: 'Accept' });
    await waitFor(() => tabs.slice(1).every((tab) => pendingIn(tab)?.elsewhere === true), 'Accept in flight in the others');
    expect(tabs.map((tab) => pendingIn(tab)?.onThisPage)).toEqual([undefined, true, undefined]);
  });

  it('settles an action the leader sent in the followers on its notification, never before it (no stale buttons, no stranger referenceId)', async () => {
    const { server, gws, truth, tabs } = await threeConnectedTabs();
    truth.set(resource('W1', 'Invited', 'workitem', { Subject: 'First' }));
    await waitFor(() => tabs.every((tab) => tab.client.getSnapshot().state.byId.has('W1')), 'the offer in every tab');
    const leader = leaders(tabs)[0] as Tab;
    const followers = tabs.filter((tab) => tab !== leader);
    const entryIn = (tab: Tab) => tab.client.getSnapshot().state.byId.get('W1');
    // Every state a follower publishes: none may show the offer with its Accept no longer in flight.
    const seen: string[] = [];
    for (const tab of followers)
      tab.client.subscribe(() => {
        const entry = entryIn(tab);
        if (entry !== undefined) seen.push(`${String(entry.interaction.state)}${entry.pending === undefined ? '' : ' pending'}`);
      });
    gws.operationAnswer = () => json({ statusCode: 0, referenceId: 710 });
    const accepted = leader.client.perform('W1', { operationName: 'Accept' });
    await waitFor(() => followers.every((tab) => entryIn(tab)?.pending?.referenceId === 710), 'the referenceId told to the followers');
    truth.byId.set('W1', resource('W1', 'Processing', 'workitem', { Subject: 'First' }));
    server.emit(statusChange(resource('W1', 'Processing', 'workitem', { Subject: 'First' }), 710));
    await expect(accepted).resolves.toEqual({ status: 'succeeded' });
    await waitFor(() => followers.every((tab) => entryIn(tab)?.pending === undefined && entryIn(tab)?.interaction.state === 'Processing'), 'settled in the followers');
    expect(seen).not.toContain('Invited');
    expect(tabs.map((tab) => tab.client.getSnapshot().state.diagnostics.unmatchedReferenceIds)).toEqual([0, 0, 0]);
  });

  it("forgets another tab's actions while this tab stops listening, and hears those still in flight when it starts again", async () => {
    const { gws, truth, tabs } = await threeConnectedTabs();
    truth.set(resource('W1', 'Processing', 'workitem', { Subject: 'First' }));
    truth.set(resource('W2', 'Processing', 'workitem', { Subject: 'Second' }));
    await waitFor(() => tabs.every((tab) => tab.client.getSnapshot().state.byId.has('W2')), 'W1 and W2 in every tab');
    const [sender, paused] = [tabs[2] as Tab, tabs[1] as Tab];
    const pendingIn = (tab: Tab, id: string) => tab.client.getSnapshot().state.byId.get(id)?.pending;
    const answers: ((response: Response) => void)[] = [];
    gws.operationAnswer = () => new Promise<Response>((resolve) => answers.push(resolve));
    void sender.client.perform('W1', { operationName: 'Complete' });
    void sender.client.perform('W2', { operationName: 'Complete' });
    await waitFor(() => pendingIn(paused, 'W1')?.elsewhere === true && pendingIn(paused, 'W2')?.elsewhere === true, 'both in flight in the paused tab');

    paused.client.stop();
    await waitFor(() => paused.shared.getStatus() === 'disconnected', 'the paused tab stopped');
    // The first ends while the paused tab hears nothing; the second is still in flight when it starts again.
    answers[0]?.(json({ statusCode: 2, statusMessage: 'Not valid in the current state' }));
    await waitFor(() => pendingIn(sender, 'W1') === undefined, 'the first ended in the sender');
    paused.client.start();
    await waitFor(() => paused.client.getSnapshot().status === 'connected', 'the paused tab connected again');
    await waitFor(() => pendingIn(paused, 'W1') === undefined, 'the ended action gone in the tab that was paused', 1000);
    await waitFor(() => pendingIn(paused, 'W2')?.elsewhere === true, 'the action still in flight shown again');
  });

  it('a widget unmounted (a route change) while its action is out: its failure is shown by the widget of this page that is (it was lost)', async () => {
    const { gws, tabs } = await offerInWidgets(false);
    const [first, second] = tabs as [Tab, Tab];
    const entryIn = (tab: Tab) => tab.client.getSnapshot().state.byId.get('W1');

    let answer: ((response: Response) => void) | undefined;
    gws.operationAnswer = () => new Promise<Response>((resolve) => (answer = resolve));
    const outcome = first.client.perform('W1', { operationName: 'Accept' });
    await waitFor(() => entryIn(second)?.pending?.elsewhere === true, 'Accept in flight in the other widget');
    // The widget that sent it goes: only its Accept in flight keeps its client.
    first.client.stop();
    answer?.(json({ statusCode: 2, statusMessage: 'Not valid in the current state' }));
    await expect(outcome).resolves.toMatchObject({ status: 'failed' });
    await waitFor(() => entryIn(second)?.pending === undefined, 'ended in the widget still shown');
    expect(entryIn(second)?.error).toMatchObject({ kind: 'status-code', operation: 'Accept', message: 'Not valid in the current state' });
    expect(entryIn(second)?.error?.requestId).toEqual(expect.any(String));
    expect(second.client.getSnapshot().state.diagnostics.log.map((line) => line.detail)).toContain('Accept failed in a widget no longer shown: Not valid in the current state');
    // Dismissed there like its own.
    second.client.dismissError('W1');
    await waitFor(() => entryIn(second)?.error === undefined, 'dismissed');
  });

  it("ends another tab's failed action without its error (that tab shows it), and drops the actions of a tab that goes", async () => {
    const { browser, server, gws, truth, tabs } = await threeConnectedTabs();
    truth.set(resource('W1', 'Processing', 'workitem', { Subject: 'First' }));
    await waitFor(() => tabs.every((tab) => tab.client.getSnapshot().state.byId.has('W1')), 'W1 in every tab');
    const entryIn = (tab: Tab | undefined) => tab?.client.getSnapshot().state.byId.get('W1');

    let answer: ((response: Response) => void) | undefined;
    gws.operationAnswer = () => new Promise<Response>((resolve) => (answer = resolve));
    void tabs[2]?.client.perform('W1', { operationName: 'Complete' });
    await waitFor(() => entryIn(tabs[0])?.pending?.elsewhere === true, 'Complete in flight in the leader');
    answer?.(json({ statusCode: 2, statusMessage: 'Not valid in the current state' }));
    await waitFor(() => entryIn(tabs[2])?.error !== undefined, 'the error in the tab that sent it');
    await waitFor(() => entryIn(tabs[0])?.pending === undefined && entryIn(tabs[1])?.pending === undefined, 'ended in the others');
    expect([entryIn(tabs[0])?.error, entryIn(tabs[1])?.error]).toEqual([undefined, undefined]);

    // A tab that closes mid-action: the others stop showing it at once, not after the timeout.
    void tabs[1]?.client.perform('W1', { operationName: 'SetInFocus' });
    await waitFor(() => entryIn(tabs[0])?.pending?.operation === 'SetInFocus', 'SetInFocus in flight in the leader');
    // A tab opened now, before it has read W1, hears of the action and shows it once W1 is read.
    const late = openTab(browser, server, gws);
    await waitFor(() => entryIn(late)?.pending?.operation === 'SetInFocus' && entryIn(late)?.pending?.elsewhere === true, 'the action in the tab that joined');
    tabs[1]?.client.dispose();
    await waitFor(() => [tabs[0], tabs[2], late].every((tab) => entryIn(tab)?.pending === undefined), 'dropped with the tab that closed');
  });

  it('a REST 401 in a follower tab ends the shared session: every tab shows Signed out (issue 12, point 8)', async () => {
    const browser = createFakeBrowser();
    const server = createServer();
    const gws = createScriptedGws();
    const tabs = [openTab(browser, server, gws), openTab(browser, server, gws)];
    await waitFor(() => tabs.every((tab) => tab.client.getSnapshot().status === 'connected'), 'both tabs connected');
    expect(tabs.map((tab) => tab.shared.getTab().role)).toEqual(['leader', 'follower']);
    tabs[1]?.shared.sessionEnded?.();
    await waitFor(() => tabs.every((tab) => tab.client.getSnapshot().status === 'unauthorized'), 'both tabs signed out');
  });
});
