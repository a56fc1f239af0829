import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { answerCapture, capture } from '../protocol/workspace-v3/fixtures';
import { WORKSPACE_V3_CHANNEL } from '../protocol/workspace-v3/parse';
import { createFakeFetch, json } from '../testing/fake-fetch';
import { createFakeBrowser } from '../test-support/fake-tabs';
import type { FakeBrowser } from '../test-support/fake-tabs';
import { ScriptedXhr, answer, installScriptedXhr, unanswered } from '../test-support/scripted-xhr';
import type { BayeuxMessage } from '../test-support/scripted-xhr';
import { waitFor } from '../test-support/wait-for';
import { createOpenmediaClient } from './openmedia-client';
import type { OpenmediaClient } from './openmedia-client';
import { connectionName, sharedConnectionName } from './shared-connection';
import { createDialect } from './dialects';

/**
 * Issue 14: Workspace v3 tabs share one CometD session like GWS v2 tabs do (Web Locks leader,
 * BroadcastChannel relay), each tab choosing operationIds no other tab can choose; a v2 tab on
 * the same origin never joins a v3 tab's session. The real CometD 9 client runs under the leader,
 * over a scripted XMLHttpRequest (the counts below are requests that left the "browser").
 */

const BASE = 'http://wwe.test';
const ID = 'b7d20a96a667c294';
const ADVICE = { reconnect: 'retry', interval: 0, timeout: 30_000 };
let opened: OpenmediaClient[] = [];

// The v3 dialect's code is loaded on demand; loaded once here, so a tab's first read is answered
// before its connection is (as in a browser that has the chunk cached) whichever test runs first.
beforeAll(async () => {
  await import('./workspace-v3-dialect');
});

beforeEach(() => {
  installScriptedXhr();
});

afterEach(() => {
  for (const client of opened) client.dispose();
  opened = [];
  vi.unstubAllGlobals();
});

function stubRest(): ReturnType<typeof createFakeFetch> {
  const fake = createFakeFetch((request) => {
    if (request.url.endsWith('/workspace/v3/current-session')) return json(capture('v3-01-current-session-invited'));
    if (request.url.includes('/workspace/v3/media/')) return json({ status: { code: 1 }, operationId: (request.body as { operationId?: string }).operationId });
    if (request.url.includes('/api/v2/me/openmedia/')) return json({ statusCode: 0, openmedia: [] });
    return json({ statusCode: 0 });
  });
  vi.stubGlobal('fetch', fake.fetch);
  return fake;
}

function openTab(browser: FakeBrowser, dialect: 'workspace-v3' | 'gws-v2', mediaTypes?: readonly string[]): OpenmediaClient {
  const client = createOpenmediaClient({ dialect, gwsBase: BASE, mediaTypes, tabEnvironment: browser.tab().environment, schedule: queueMicrotask, tickMs: 60_000 });
  opened.push(client);
  client.start();
  return client;
}

const handshakesTo = (path: string) => ScriptedXhr.sent.filter((x) => x.url === `${BASE}${path}/handshake`).length;

/** Answers the pending handshake, subscription and connect of `path`, as a live server does. */
async function serve(path: string): Promise<void> {
  const of = (channel: string) => unanswered(channel).filter((x) => x.url.startsWith(`${BASE}${path}`));
  await waitFor(() => of('/meta/handshake').length === 1, `a handshake to ${path}`);
  for (const x of of('/meta/handshake')) answer(x, () => ({ successful: true, clientId: `c-${path}`, version: '1.0', supportedConnectionTypes: ['long-polling'], advice: ADVICE }));
  await waitFor(() => of('/meta/subscribe').length === 1 && of('/meta/connect').length === 1, `subscribe and connect to ${path}`);
  for (const x of of('/meta/subscribe')) answer(x, (m: BayeuxMessage) => ({ successful: true, subscription: m.subscription }));
  for (const x of of('/meta/connect')) answer(x, () => ({ successful: true, advice: ADVICE }));
}

/** The leader's long poll returns with one message on the workitem channel. */
async function push(data: unknown): Promise<void> {
  await waitFor(() => unanswered('/meta/connect').length === 1, 'the long poll');
  answer(unanswered('/meta/connect')[0]!, () => ({ successful: true, advice: ADVICE }), [{ channel: '/workspace/v3/media/workitem', data }]);
}

const workitemReads = (client: OpenmediaClient) =>
  client.store.getState().diagnostics.log.filter((line) => line.kind === 'snapshot' && line.detail.startsWith('workitem:')).length;
const readsOnJoining = (client: OpenmediaClient) => (client.getSnapshot().tab.role === 'leader' ? 2 : 3);

describe('workspace-v3 tabs share one connection', () => {
  it('two v3 tabs: one handshake, one subscription to the v3 media channels, the offer in both', async () => {
    stubRest();
    const browser = createFakeBrowser();
    const a = openTab(browser, 'workspace-v3');
    const b = openTab(browser, 'workspace-v3');
    await serve('/workspace/v3/notifications');
    await waitFor(() => [a, b].every((c) => c.getSnapshot().status === 'connected'), 'both tabs connected');
    expect(handshakesTo('/workspace/v3/notifications')).toBe(1);
    expect(ScriptedXhr.sent.flatMap((x) => x.messages).filter((m) => m.channel === '/meta/subscribe').map((m) => m.subscription)).toEqual([
      WORKSPACE_V3_CHANNEL.channel,
    ]);
    expect([a, b].map((c) => c.getSnapshot().tab.role).sort()).toEqual(['follower', 'leader']);
    expect(browser.holders(connectionName({ mediaTypes: createDialect('workspace-v3').defaultMediaTypes }, BASE, createDialect('workspace-v3')))).toHaveLength(1);
    await waitFor(() => [a, b].every((c) => c.store.getState().byId.get(ID)?.interaction.state === 'Invited'), 'the offer in both tabs');
  });

  it("each tab's operationId is its own: a notification settles only the tab that sent it", async () => {
    const rest = stubRest();
    const browser = createFakeBrowser();
    const a = openTab(browser, 'workspace-v3');
    const b = openTab(browser, 'workspace-v3');
    await serve('/workspace/v3/notifications');
    await waitFor(() => [a, b].every((c) => c.store.getState().byId.get(ID)?.interaction.state === 'Invited'), 'the offer in both tabs');

    // Every read a tab makes on joining is applied before anyone acts: the first, the one once
    // connected and, in the follower, the resync the leader asks for (an Accept still pending
    // then would be settled from that snapshot instead of by its notification).
    await waitFor(() => workitemReads(a) >= readsOnJoining(a) && workitemReads(b) >= readsOnJoining(b), 'the reads of joining');
    const aOutcome = a.perform(ID, { operationName: 'Accept' });
    const bOutcome = b.perform(ID, { operationName: 'Accept' });
    await waitFor(() => rest.requests.filter((r) => r.method === 'POST').length === 2, 'both POSTs');
    const [aId, bId] = rest.requests.filter((r) => r.method === 'POST').map((r) => (r.body as { operationId: string }).operationId);
    expect(aId).toBeDefined();
    expect(bId).toBeDefined();
    expect(aId).not.toBe(bId);

    const { notification } = answerCapture('v3-03-accept-answer-and-notification');
    await push({ ...notification.data, operationId: aId });
    await expect(aOutcome).resolves.toEqual({ status: 'succeeded' });
    // In tab B the same notification is someone else's: the state is applied, its own action still waits.
    await waitFor(() => b.store.getState().byId.get(ID)?.interaction.state === 'Processing', 'Processing in tab B');
    expect(b.store.getState().byId.get(ID)?.pending).toBeDefined();
    await push({ ...notification.data, operationId: bId });
    await expect(bOutcome).resolves.toEqual({ status: 'succeeded' });
  });

  it('a v2 tab on the same origin and server never joins the v3 session: its own lock, its own handshake', async () => {
    stubRest();
    const browser = createFakeBrowser();
    const v3 = openTab(browser, 'workspace-v3');
    const v2 = openTab(browser, 'gws-v2');
    await serve('/workspace/v3/notifications');
    await serve('/api/v2/notifications');
    await waitFor(() => [v3, v2].every((c) => c.getSnapshot().status === 'connected'), 'both connected');
    expect(handshakesTo('/workspace/v3/notifications')).toBe(1);
    expect(handshakesTo('/api/v2/notifications')).toBe(1);
    expect([v3, v2].map((c) => c.getSnapshot().tab.role)).toEqual(['leader', 'leader']);
    expect(sharedConnectionName(`${BASE}/x`, 'workspace-v3')).not.toBe(sharedConnectionName(`${BASE}/x`, 'gws-v2'));
  });

  it('v3 tabs reading other media types keep apart: a leader that fell back to exact channels subscribes to its own types only', async () => {
    stubRest();
    const browser = createFakeBrowser();
    const a = openTab(browser, 'workspace-v3', ['workitem', 'email']);
    const b = openTab(browser, 'workspace-v3', ['email', 'workitem']);
    const c = openTab(browser, 'workspace-v3', ['workitem']);
    // a and b (the same types in another order) share one session; c has its own.
    const roles = () => [a, b].map((client) => client.getSnapshot().tab.role).sort().join();
    await waitFor(() => roles() === 'follower,leader' && c.getSnapshot().tab.role === 'leader', 'a leader for a and b, and c its own');
    await waitFor(() => handshakesTo('/workspace/v3/notifications') === 2, 'two handshakes, one per session');
    expect(handshakesTo('/workspace/v3/notifications')).toBe(2);
  });
});
