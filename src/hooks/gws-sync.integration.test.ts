import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { InteractionEntry } from '../core/types';
import { createMockGws } from '../mock-gws/server';
import type { RunningMockGws } from '../mock-gws/server';
import { waitFor } from '../test-support/wait-for';
import type { MockStateView, RequestLogEntry } from '../mock-gws/types';
import { differencesFromServer, eventually, mockControl, mockRead, startHeadlessWidget } from '../test-support/headless-widget';
import type { HeadlessWidget } from '../test-support/headless-widget';

// createOpenmediaClient (no React) with the production CometD channel and REST client, against the mock over real HTTP.
// One widget at a time: cometd-nodejs-client's window and cookie jar are process-wide.

const MEDIA_TYPES = ['promotion', 'workitem'];
const ACTION_TIMEOUT_MS = 1_500;

let mock: RunningMockGws;
let widget: HeadlessWidget | undefined;

function current(): HeadlessWidget {
  if (!widget) throw new Error('no widget running');
  return widget;
}

function entries(): InteractionEntry[] {
  return [...current().store.getState().byId.values()];
}

function entry(id: string): InteractionEntry | undefined {
  return current().store.getState().byId.get(id);
}

const serverState = () => mockRead<MockStateView>(mock.url, 'state');
const serverLog = async () => (await mockRead<{ requests: RequestLogEntry[] }>(mock.url, 'log')).requests;

const differences = () => differencesFromServer(mock.url, current().store, MEDIA_TYPES);

/** Waits until the store equals the server's data; on time-out, fails showing the differences. */
async function expectInSyncWithServer(what: string): Promise<void> {
  let last: string[] = [];
  await eventually(async () => (last = await differences()).length === 0, what).catch(() => undefined);
  expect(last, what).toEqual([]);
}

function waitForStatus(status: string, timeoutMs = 5_000) {
  return waitFor(() => current().openmedia.getSnapshot().status === status, `status ${status}`, timeoutMs);
}

/** An interaction of the configured media types in `state`, not `exclude`d. */
function pick(state: string, exclude: readonly string[] = []): InteractionEntry {
  const found = entries().find((e) => e.interaction.state === state && !exclude.includes(e.interaction.id));
  if (!found) throw new Error(`no ${state} interaction in the store`);
  return found;
}

beforeAll(async () => {
  mock = await createMockGws({ outcomeDelayMs: 20, longPollTimeoutMs: 5_000 });
});

afterAll(async () => {
  await mock.close();
});

beforeEach(async () => {
  await mockControl(mock.url, 'reset');
  widget = await startHeadlessWidget({ mockUrl: mock.url, mediaTypes: MEDIA_TYPES, actionTimeoutMs: ACTION_TIMEOUT_MS });
  await waitForStatus('connected');
  await expectInSyncWithServer('the first snapshot');
});

afterEach(() => {
  widget?.stop();
  widget = undefined;
});

describe('headless widget ↔ mock GWS', () => {
  it('receives a burst of 10,000 notifications, losing none, and ends equal to the server', async () => {
    const before = current().store.getState().diagnostics.received;
    const { ids } = (await mockControl(mock.url, 'burst', { count: 10_000, interactions: 25 })) as { ids: string[] };
    await waitFor(
      () => current().store.getState().diagnostics.received - before >= 10_000,
      '10,000 notifications folded into the store',
      30_000,
    );
    await eventually(async () => !(await serverState()).burst.running, 'the burst to end');
    const diagnostics = current().store.getState().diagnostics;
    expect(diagnostics.received - before).toBe(10_000);
    expect(diagnostics.rejected).toEqual({});
    const server = await serverState();
    for (const id of ids) {
      const wire = server.interactions.find((i) => i.id === id);
      expect(entry(id)?.interaction.userData).toEqual(wire?.userData);
    }
    await expectInSyncWithServer('after the burst');
  });

  it('after lost sessions (402) re-handshakes, re-subscribes and reconciles the gap from the snapshot', async () => {
    const before = await serverState();
    const processing = pick('Processing');
    // Keep the client away while the server forgets it and things change: nothing can be pushed.
    await mockControl(mock.url, 'network-cut', { seconds: 1 });
    await mockControl(mock.url, 'drop-sessions');
    const { id: offeredInGap } = (await mockControl(mock.url, 'offer', {})) as { id: string };
    await mockControl(mock.url, 'user-data', { id: processing.interaction.id, userData: { Note: 'changed in the gap' } });
    await waitForStatus('reconnecting');
    expect(entry(offeredInGap)).toBeUndefined();

    await waitForStatus('connected', 10_000);
    await waitFor(() => entry(offeredInGap), 'the offer made during the gap, from the snapshot');
    expect(entry(processing.interaction.id)?.interaction.userData.Note).toBe('changed in the gap');
    expect((await serverState()).handshakes).toBeGreaterThan(before.handshakes);
    await expectInSyncWithServer('after the gap');

    // Subscribed again: a new offer arrives by push, with no snapshot read.
    const snapshotReads = (await serverLog()).filter((r) => r.method === 'GET' && r.path.startsWith('/api/v2/me/openmedia/')).length;
    const { id: offeredAfter } = (await mockControl(mock.url, 'offer', {})) as { id: string };
    await waitFor(() => entry(offeredAfter), 'the offer pushed after the re-handshake');
    const readsAfter = (await serverLog()).filter((r) => r.method === 'GET' && r.path.startsWith('/api/v2/me/openmedia/')).length;
    expect(readsAfter).toBe(snapshotReads);
  });

  it('goes reconnecting during a 3 s network cut and connected again after it', async () => {
    const processing = pick('Processing');
    const cutAt = Date.now();
    await mockControl(mock.url, 'network-cut', { seconds: 3 });
    await waitForStatus('reconnecting');
    await mockControl(mock.url, 'user-data', { id: processing.interaction.id, userData: { Note: 'changed during the cut' } });
    await waitForStatus('connected', 15_000);
    const reconnecting = current().statuses.findLast((s) => s.status === 'reconnecting');
    const connected = current().statuses.at(-1);
    expect(connected?.status).toBe('connected');
    expect((connected?.at ?? 0) - cutAt).toBeGreaterThanOrEqual(2_900);
    expect(reconnecting?.at ?? 0).toBeLessThan(connected?.at ?? 0);

    await waitFor(() => entry(processing.interaction.id)?.interaction.userData.Note === 'changed during the cut', 'the change made during the cut');
    const { id } = (await mockControl(mock.url, 'offer', {})) as { id: string };
    await waitFor(() => entry(id), 'an offer pushed after the cut');
    await expectInSyncWithServer('after the cut');
  });

  it('settles an accepted action by its notification', async () => {
    const invited = pick('Invited');
    void current().openmedia.perform(invited.interaction.id, { operationName: 'Accept' });
    await waitFor(() => entry(invited.interaction.id)?.pending?.referenceId, 'the referenceId of the accepted request');
    await waitFor(() => entry(invited.interaction.id)?.pending === undefined, 'the outcome notification');
    expect(entry(invited.interaction.id)?.interaction.state).toBe('Processing');
    expect(entry(invited.interaction.id)?.error).toBeUndefined();
  });

  it('puts an Error notification and a statusCode refusal on the interactions they belong to', async () => {
    const first = pick('Invited');
    const second = pick('Processing');
    await mockControl(mock.url, 'fail-next', { count: 1, mode: 'error-notification', statusCode: 41, message: 'Agent not ready' });
    void current().openmedia.perform(first.interaction.id, { operationName: 'Accept' });
    const error = await waitFor(() => entry(first.interaction.id)?.error, 'the Error notification on the first interaction');
    expect(error).toMatchObject({ kind: 'error-notification', message: 'Agent not ready', operation: 'Accept' });

    await mockControl(mock.url, 'fail-next', { count: 1, mode: 'status-code', statusCode: 2, message: 'Not in this state' });
    void current().openmedia.perform(second.interaction.id, { operationName: 'SetInFocus' });
    const refusal = await waitFor(() => entry(second.interaction.id)?.error, 'the refusal on the second interaction');
    expect(refusal).toMatchObject({ kind: 'status-code', code: 2, message: 'Not in this state', operation: 'SetInFocus' });

    const withErrors = entries().filter((e) => e.error !== undefined).map((e) => e.interaction.id);
    expect(withErrors.sort()).toEqual([first.interaction.id, second.interaction.id].sort());
  });

  it('times out an accepted request whose outcome never comes', async () => {
    const invited = pick('Invited');
    await mockControl(mock.url, 'fail-next', { count: 1, mode: 'no-answer' });
    const started = Date.now();
    void current().openmedia.perform(invited.interaction.id, { operationName: 'Reject' });
    await waitFor(() => entry(invited.interaction.id)?.pending?.referenceId, 'the accepted request');
    const error = await waitFor(() => entry(invited.interaction.id)?.error, 'the timeout', 5_000);
    expect(error).toMatchObject({ kind: 'timeout', operation: 'Reject' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(ACTION_TIMEOUT_MS - 50);
    expect(entry(invited.interaction.id)?.interaction.state).toBe('Invited');
  });
});

describe('headless widget ↔ mock GWS: CSRF', () => {
  it('refreshes a stale CSRF token from /api/v2/me and the retried POST succeeds', async () => {
    widget?.stop();
    let tampered = false;
    widget = await startHeadlessWidget({
      mockUrl: mock.url,
      mediaTypes: MEDIA_TYPES,
      rewrite: (init, headers) => {
        if (init.method === 'POST' && !tampered) {
          tampered = true;
          headers.set('X-CSRF-TOKEN', 'stale-token');
        }
      },
    });
    await waitForStatus('connected');
    await waitFor(() => entries().length > 0, 'the snapshot');
    const invited = pick('Invited');
    void current().openmedia.perform(invited.interaction.id, { operationName: 'Accept' });
    await waitFor(() => entry(invited.interaction.id)?.interaction.state === 'Processing', 'the accepted interaction');
    expect(entry(invited.interaction.id)?.error).toBeUndefined();
    const posts = (await serverLog()).filter((r) => r.method === 'POST' && r.path.startsWith('/api/v2/me/openmedia/'));
    expect(posts.map((p) => p.status)).toEqual([403, 200]);
  });
});
