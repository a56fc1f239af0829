import { QueryClient } from '@tanstack/query-core';
import { describe, expect, it } from 'vitest';
import { createGwsClient } from '../api/client';
import { createFakeFetch, json } from '../testing/fake-fetch';
import { createOpenmediaStore } from '../core/store';
import { interaction } from '../test-support/builders';
import { waitFor } from '../test-support/wait-for';
import type { OpenmediaInteraction, OpenmediaNotification } from '../protocol/types';
import { createSnapshotLoader } from './snapshot-loader';

// Each test waits for the snapshot to be applied, seen on an interaction only the snapshot lists
// (`listed-only`), before it looks at the merge: a read that does nothing fails every one of them.

const wire = (id: string, state: string): OpenmediaInteraction => ({ ...interaction({ id, state }), mediaType: 'workitem' });
const LISTED_ONLY = wire('listed-only', 'Invited');

/** A loader whose snapshot reads wait until the test releases them with a list (the latest request's, by default). */
function setup() {
  let release: ((list: readonly OpenmediaInteraction[]) => void) | undefined;
  let sent = 0;
  const fake = createFakeFetch(
    () =>
      new Promise<Response>((resolve) => {
        sent += 1;
        release = (list) => resolve(json({ statusCode: 0, openmedia: list }));
      }),
  );
  const store = createOpenmediaStore({ schedule: () => undefined });
  let clock = 1_000;
  const loader = createSnapshotLoader({
    client: createGwsClient({ fetch: fake.fetch }),
    queryClient: new QueryClient(),
    store,
    now: () => clock,
    onErrorChange: () => undefined,
  });
  const entry = (id: string) => store.getState().byId.get(id);
  /** What the connection does with a parsed notification: note it, then fold it. */
  function receive(resource: OpenmediaInteraction, notificationType: 'StatusChange' | 'PropertiesUpdated' = 'StatusChange'): void {
    const notification: OpenmediaNotification = { notificationType, referenceId: undefined, openmedia: resource };
    loader.noteNotification(notification);
    clock += 1;
    store.dispatch({ type: 'notificationReceived', notification, at: clock });
  }
  /** Waits until the `request`-th read is on the wire, answers it with `list`, and waits until the store shows it. */
  async function answer(list: readonly OpenmediaInteraction[], request = 1): Promise<void> {
    const send = await waitFor(() => (sent >= request ? release : undefined), `snapshot request ${request} to be sent`);
    expect(entry(LISTED_ONLY.id)).toBeUndefined();
    send([...list, LISTED_ONLY]);
    await waitFor(() => entry(LISTED_ONLY.id), 'the snapshot to be applied');
  }
  /** Waits until `count` reads went on the wire (reads asked for before the first leaves share it). */
  const onTheWire = (count: number) => waitFor(() => sent >= count, `snapshot request ${count} to be sent`);
  return { store, loader, receive, answer, entry, onTheWire };
}

describe('createSnapshotLoader: notifications heard during a read', () => {
  it('does not revive an ended interaction from a notification the reducer ignored', async () => {
    const t = setup();
    t.receive(wire('x', 'Processing'));
    t.receive(wire('x', 'Completed'));
    const endedAt = t.entry('x')?.endedAt;
    expect(endedAt).toBeDefined();
    t.loader.load(['workitem']);
    // A late notification for the completed interaction: the reducer keeps Completed (terminal).
    t.receive(wire('x', 'Processing'));
    expect(t.entry('x')?.interaction.state).toBe('Completed');
    // The server no longer lists it: the snapshot must not bring the ignored version back.
    await t.answer([]);
    expect(t.entry('x')?.interaction.state).toBe('Completed');
    expect(t.entry('x')?.endedAt).toBe(endedAt);
  });

  it('keeps the newer version of an interaction heard during the read', async () => {
    const t = setup();
    t.loader.load(['workitem']);
    t.receive(wire('y', 'Processing'));
    // Taken before the notification: the snapshot still has the interaction as offered.
    await t.answer([wire('y', 'Invited')]);
    expect(t.entry('y')?.interaction.state).toBe('Processing');
    expect(t.entry('y')?.gone).toBe(false);
  });

  it('does not mark as gone an interaction announced during the read that the snapshot missed', async () => {
    const t = setup();
    t.loader.load(['workitem']);
    t.receive(wire('new', 'Invited'));
    await t.answer([]);
    expect(t.entry('new')?.interaction.state).toBe('Invited');
    expect(t.entry('new')?.gone).toBe(false);
    expect(t.entry('new')?.endedAt).toBeUndefined();
  });

  it('a notification heard before the read started does not outlive a snapshot that drops it', async () => {
    const t = setup();
    t.receive(wire('before', 'Processing'));
    t.loader.load(['workitem']);
    await t.answer([]);
    expect(t.entry('before')?.gone).toBe(true);
  });

  it('a read after a gap that replaces one still out does not bring back what was heard before the gap', async () => {
    const t = setup();
    t.loader.load(['workitem']);
    await t.onTheWire(1);
    // Heard while the first read is out; then the push channel has a gap, in which x ends.
    t.receive(wire('x', 'Processing'));
    t.loader.load(['workitem'], { afterGap: true });
    // The read after the gap is sent after it: what it lists is newer than anything heard before.
    await t.answer([], 2);
    expect(t.entry('x')?.gone).toBe(true);
    expect(t.entry('x')?.interaction.capabilities).toEqual(wire('x', 'Processing').capabilities);
  });

  it('a read replacing one still out, not after a gap, still keeps what was heard since the first began', async () => {
    const t = setup();
    t.loader.load(['workitem']);
    await t.onTheWire(1);
    t.receive(wire('y', 'Processing'));
    t.loader.load(['workitem']);
    // The answer may be as old as the first request's (a Workspace API v3 read the two share).
    await t.answer([wire('y', 'Invited')], 2);
    expect(t.entry('y')?.interaction.state).toBe('Processing');
  });
});

describe('createSnapshotLoader: notifications that leave fields out (GWS StatusChange)', () => {
  const lean = (resource: OpenmediaInteraction): OpenmediaInteraction => ({ ...resource, userData: {}, receivedDate: undefined, receivedAt: undefined, omitted: ['userData', 'receivedDate'] });

  it('takes the user data and the received date the read lists, the state the notification sends', async () => {
    const t = setup();
    t.loader.load(['workitem']);
    // Accepted while the first read is out: GWS's StatusChange carries no user data.
    t.receive(lean(wire('z', 'Processing')));
    const listed = { ...wire('z', 'Invited'), userData: { Subject: 'Refund request', CustomerId: 'C-42' } };
    await t.answer([listed]);
    expect(t.entry('z')?.interaction).toMatchObject({ state: 'Processing', userData: listed.userData, receivedDate: listed.receivedDate });
    expect(t.entry('z')?.interaction).not.toHaveProperty('omitted');
  });

  it('keeps what was known before it when the read does not list it', async () => {
    const t = setup();
    const known = { ...wire('k', 'Invited'), userData: { Subject: 'Known' }, receivedDate: '2026-12-05 09:00:00.000+0000' };
    t.receive(known);
    t.loader.load(['workitem']);
    // Heard during the read: user data changed, then accepted (no user data on the wire).
    t.receive({ ...known, userData: { Subject: 'Changed' } }, 'PropertiesUpdated');
    t.receive(lean(wire('k', 'Processing')));
    await t.answer([]);
    expect(t.entry('k')?.interaction).toMatchObject({ state: 'Processing', userData: { Subject: 'Changed' }, receivedDate: known.receivedDate });
    expect(t.entry('k')?.gone).toBe(false);
  });
});
