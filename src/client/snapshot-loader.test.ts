import { QueryClient } from '@tanstack/query-core';
import { describe, expect, it } from 'vitest';
import { createGwsClient } from '../api/client';
import { createFakeFetch, json } from '../testing/fake-fetch';
import { createOpenmediaStore } from '../core/store';
import { interaction } from '../test-support/builders';
import type { OpenmediaInteraction, OpenmediaNotification } from '../protocol/types';
import { createSnapshotLoader } from './snapshot-loader';

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
  /** What the connection does with a parsed notification: note it, then fold it. */
  function receive(resource: OpenmediaInteraction): void {
    const notification: OpenmediaNotification = { notificationType: 'StatusChange', referenceId: undefined, openmedia: resource };
    loader.noteNotification(notification);
    clock += 1;
    store.dispatch({ type: 'notificationReceived', notification, at: clock });
  }
  async function answer(list: readonly OpenmediaInteraction[]): Promise<void> {
    for (let i = 0; i < 20 && release === undefined; i++) await Promise.resolve();
    release?.(list);
    for (let i = 0; i < 20; i++) await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return { store, loader, receive, answer };
}

describe('createSnapshotLoader: notifications heard during a read', () => {
  it('does not revive an ended interaction from a notification the reducer ignored', async () => {
    const t = setup();
    const wire = (state: string) => ({ ...interaction({ id: 'x', state }), mediaType: 'workitem' });
    t.receive(wire('Processing'));
    t.receive(wire('Completed'));
    t.loader.load(['workitem']);
    // A late notification for the completed interaction: the reducer keeps Completed (terminal).
    t.receive(wire('Processing'));
    expect(t.store.getState().byId.get('x')?.interaction.state).toBe('Completed');
    // The server no longer lists it: the snapshot must not bring the ignored version back.
    await t.answer([]);
    const entry = t.store.getState().byId.get('x');
    expect(entry?.interaction.state).toBe('Completed');
    expect(entry?.endedAt).toBeDefined();
  });

  it('keeps the newer version of an interaction heard during the read', async () => {
    const t = setup();
    const wire = (state: string) => ({ ...interaction({ id: 'y', state }), mediaType: 'workitem' });
    t.loader.load(['workitem']);
    t.receive(wire('Processing'));
    await t.answer([wire('Invited')]);
    expect(t.store.getState().byId.get('y')?.interaction.state).toBe('Processing');
  });
});
