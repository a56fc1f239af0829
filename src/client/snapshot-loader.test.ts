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

/** A loader whose one snapshot read waits until the test releases it with a list. */
function setup() {
  let release: ((list: readonly OpenmediaInteraction[]) => void) | undefined;
  const fake = createFakeFetch(
    () =>
      new Promise<Response>((resolve) => {
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
  function receive(resource: OpenmediaInteraction): void {
    const notification: OpenmediaNotification = { notificationType: 'StatusChange', referenceId: undefined, openmedia: resource };
    loader.noteNotification(notification);
    clock += 1;
    store.dispatch({ type: 'notificationReceived', notification, at: clock });
  }
  /** Waits until the read is on the wire, answers it with `list`, and waits until the store shows it. */
  async function answer(list: readonly OpenmediaInteraction[]): Promise<void> {
    const send = await waitFor(() => release, 'the snapshot request to be sent');
    expect(entry(LISTED_ONLY.id)).toBeUndefined();
    send([...list, LISTED_ONLY]);
    await waitFor(() => entry(LISTED_ONLY.id), 'the snapshot to be applied');
  }
  return { store, loader, receive, answer, entry };
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
});
