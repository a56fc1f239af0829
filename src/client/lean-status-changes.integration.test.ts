import { afterAll, beforeAll, expect, it } from 'vitest';
import { createMockGws } from '../mock-gws/server';
import type { RunningMockGws } from '../mock-gws/server';
import { differencesFromServer, mockControl, startHeadlessWidget } from '../test-support/headless-widget';
import type { HeadlessWidget } from '../test-support/headless-widget';
import { waitFor } from '../test-support/wait-for';

// A GWS whose StatusChange carries the state and the capabilities but no user data and no
// received date, as GWS's own sample on its reference page (the mock's leanStatusChanges), against
// the whole widget without React over HTTP and CometD. One client per file (cometd-nodejs-client's
// window and cookie jar are process-wide).

let mock: RunningMockGws;
let widget: HeadlessWidget | undefined;

beforeAll(async () => {
  mock = await createMockGws({ outcomeDelayMs: 20, longPollTimeoutMs: 5_000, leanStatusChanges: true });
});
afterAll(async () => {
  widget?.stop();
  await mock.close();
});

it('accepting, focusing and completing keep the user data and the received date the lean StatusChanges leave out', async () => {
  const w = (widget = await startHeadlessWidget({ mockUrl: mock.url, mediaTypes: ['promotion'], actionTimeoutMs: 5_000 }));
  const { openmedia } = w;
  const lean: Record<string, unknown>[] = [];
  const stopListening = w.channel.subscribe({
    onMessage: (data) => {
      const message = data as { notificationType?: string; openmedia?: Record<string, unknown> };
      if (message.notificationType === 'StatusChange' && message.openmedia && !('userData' in message.openmedia)) lean.push(message.openmedia);
    },
  });
  const entry = (id: string) => openmedia.getSnapshot().state.byId.get(id);
  await waitFor(() => openmedia.getSnapshot().status === 'connected', 'connected');

  const { id } = (await mockControl(mock.url, 'offer', { overrides: { mediaType: 'promotion', userData: { Subject: 'Lean offer', CustomerId: 'C-42' } } })) as { id: string };
  await waitFor(() => entry(id)?.interaction.state === 'Invited', 'the offer');
  const received = entry(id)?.interaction.receivedDate;
  expect(received).toEqual(expect.any(String));

  await expect(openmedia.perform(id, { operationName: 'Accept' })).resolves.toEqual({ status: 'succeeded' });
  // The server's StatusChange left the user data out; the widget still shows them.
  expect(lean.map((resource) => resource.state)).toEqual(['Processing']);
  expect(entry(id)?.interaction).toMatchObject({ state: 'Processing', userData: { Subject: 'Lean offer', CustomerId: 'C-42' }, receivedDate: received });

  await expect(openmedia.perform(id, { operationName: 'UpdateUserData', userData: { CustomerId: 'C-43' } })).resolves.toEqual({ status: 'succeeded' });
  await expect(openmedia.perform(id, { operationName: 'SetInFocus' })).resolves.toEqual({ status: 'succeeded' });
  expect(entry(id)?.interaction.userData).toEqual({ Subject: 'Lean offer', CustomerId: 'C-43' });
  expect(await differencesFromServer(mock.url, w.store, ['promotion'])).toEqual([]);

  await expect(openmedia.perform(id, { operationName: 'Complete' })).resolves.toEqual({ status: 'succeeded' });
  expect(lean.map((resource) => resource.state)).toEqual(['Processing', 'Processing', 'Completed']);
  expect(entry(id)?.interaction).toMatchObject({ state: 'Completed', userData: { Subject: 'Lean offer', CustomerId: 'C-43' }, receivedDate: received });
  expect(openmedia.getSnapshot().state.diagnostics.rejected).toEqual({});
  stopListening();
});
