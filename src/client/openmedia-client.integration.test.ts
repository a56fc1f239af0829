import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { createMockGws } from '../mock-gws/server';
import type { RunningMockGws } from '../mock-gws/server';
import { differencesFromServer, eventually, mockControl, startHeadlessWidget } from '../test-support/headless-widget';
import type { HeadlessWidget } from '../test-support/headless-widget';
import { waitFor } from '../test-support/wait-for';

// The whole widget without React: createOpenmediaClient with the production CometD channel and
// REST client against the real mock GWS over HTTP. One client per file: cometd-nodejs-client's
// window and cookie jar are process-wide.

const MEDIA_TYPES = ['promotion', 'workitem'];
let mock: RunningMockGws;
let widget: HeadlessWidget | undefined;

beforeAll(async () => {
  mock = await createMockGws({ outcomeDelayMs: 20, longPollTimeoutMs: 5_000 });
});
afterEach(() => {
  widget?.stop();
  widget = undefined;
});
afterAll(async () => {
  await mock.close();
});

it('offer, accept, complete, a dropped session with changes in the gap: the client ends equal to the server', async () => {
  await mockControl(mock.url, 'reset');
  const w = (widget = await startHeadlessWidget({ mockUrl: mock.url, mediaTypes: MEDIA_TYPES, actionTimeoutMs: 5_000 }));
  const { openmedia } = w;
  const entry = (id: string) => openmedia.getSnapshot().state.byId.get(id);
  const inSync = async (what: string) => {
    let last: string[] = [];
    await eventually(async () => (last = await differencesFromServer(mock.url, w.store, MEDIA_TYPES)).length === 0, what).catch(() => undefined);
    expect(last, what).toEqual([]);
  };
  await waitFor(() => openmedia.getSnapshot().status === 'connected', 'connected');
  await inSync('the first snapshot');

  // An offer is pushed; the agent accepts it, then completes it.
  const { id: offered } = (await mockControl(mock.url, 'offer', { overrides: { mediaType: 'workitem', userData: { Subject: 'Headless' } } })) as { id: string };
  await waitFor(() => entry(offered)?.interaction.state === 'Invited', 'the offer');
  expect(entry(offered)?.interaction.capabilities).toEqual(expect.arrayContaining(['Accept', 'Reject']));
  await expect(openmedia.perform(offered, { operationName: 'Accept' })).resolves.toEqual({ status: 'succeeded' });
  expect(entry(offered)?.interaction.state).toBe('Processing');
  await expect(openmedia.perform(offered, { operationName: 'Complete' })).resolves.toEqual({ status: 'succeeded' });
  expect(entry(offered)?.interaction.state).toBe('Completed');

  // The server forgets the CometD session while the network is cut; meanwhile another offer comes
  // and a supervisor changes an interaction's user data: nothing of it can be pushed.
  const processing = [...openmedia.getSnapshot().state.byId.values()].find((e) => e.interaction.state === 'Processing');
  expect(processing, 'a Processing interaction in the seed data').toBeDefined();
  const processingId = processing?.interaction.id ?? '';
  await mockControl(mock.url, 'network-cut', { seconds: 1 });
  await mockControl(mock.url, 'drop-sessions');
  await waitFor(() => openmedia.getSnapshot().status === 'reconnecting', 'reconnecting');
  const { id: offeredInGap } = (await mockControl(mock.url, 'offer', { overrides: { mediaType: 'promotion' } })) as { id: string };
  await mockControl(mock.url, 'user-data', { id: processingId, userData: { Note: 'changed in the gap' } });
  expect(entry(offeredInGap)).toBeUndefined();

  await waitFor(() => openmedia.getSnapshot().status === 'connected', 'connected again', 15_000);
  await waitFor(() => entry(offeredInGap), 'the offer made during the gap, from the snapshot');
  await waitFor(() => entry(processingId)?.interaction.userData.Note === 'changed in the gap', 'the change made during the gap');
  await inSync('after the gap');
  expect(openmedia.getSnapshot().state.diagnostics.rejected).toEqual({});
});
