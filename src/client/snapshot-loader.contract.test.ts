import { QueryClient } from '@tanstack/query-core';
import { describe, expect, it } from 'vitest';
import { createGwsClient } from '../api/client';
import { createOpenmediaStore } from '../core/store';
import type { OpenmediaResourceWire } from '../protocol/types';
import { createFakeFetch, json } from '../testing/fake-fetch';
import type { FakeRequest } from '../testing/fake-fetch';
import { resource } from '../testing/scripted-gws';
import { interaction, statusChange } from '../test-support/builders';
import { waitFor } from '../test-support/wait-for';
import { createSnapshotLoader } from './snapshot-loader';

// What load() must do, asserted on states only a snapshot read can produce, waiting on the
// condition (never a fixed number of ticks): a load() that does nothing fails every test here.

function setup(route: (request: FakeRequest) => Response | Promise<Response>) {
  const fake = createFakeFetch(route);
  const store = createOpenmediaStore({ schedule: () => undefined });
  const errors: (string | undefined)[] = [];
  const loader = createSnapshotLoader({
    client: createGwsClient({ fetch: fake.fetch }),
    queryClient: new QueryClient(),
    store,
    now: () => 5_000,
    onErrorChange: (error) => errors.push(error),
  });
  const entry = (id: string) => store.getState().byId.get(id);
  return { fake, store, loader, errors, entry };
}

const snapshotOf = (list: OpenmediaResourceWire[]) => () => json({ statusCode: 0, openmedia: list });

describe('createSnapshotLoader.load: the snapshot reaches the store', () => {
  it('adds the interactions the server lists, read from GET …/openmedia/{mediaType}?fields=*', async () => {
    const t = setup(snapshotOf([resource('s-1', 'Processing'), resource('s-2', 'Invited')]));
    expect(t.store.getState().order).toEqual([]);

    t.loader.load(['workitem']);
    await waitFor(() => t.entry('s-1') !== undefined, 'the snapshot to be applied');
    expect(t.entry('s-1')?.interaction.state).toBe('Processing');
    expect(t.entry('s-2')?.interaction.capabilities).toEqual(['Accept', 'Reject']);
    expect(t.fake.requests.map((r) => `${r.method} ${r.url}`)).toEqual(['GET /api/v2/me/openmedia/workitem?fields=*']);
  });

  it('marks an interaction the server no longer lists as gone', async () => {
    const t = setup(snapshotOf([]));
    t.store.dispatch(statusChange(interaction({ id: 'old', state: 'Processing', mediaType: 'workitem' }), 1_000));
    expect(t.entry('old')?.gone).toBe(false);

    t.loader.load(['workitem']);
    await waitFor(() => t.entry('old')?.gone, 'the unlisted interaction to be marked gone');
    expect(t.entry('old')?.endedAt).toBe(5_000);
  });

  it('reads each media type once, whatever the repeats', async () => {
    const mediaTypeOf = (request: FakeRequest) => new URL(request.url, 'http://gws.test').pathname.split('/').pop() ?? '';
    const t = setup((request) => json({ statusCode: 0, openmedia: [resource(`of-${mediaTypeOf(request)}`, 'Invited')] }));
    t.loader.load(['workitem', 'promotion', 'workitem']);
    await waitFor(() => t.entry('of-workitem') !== undefined && t.entry('of-promotion') !== undefined, 'both snapshots');
    expect(t.fake.requests).toHaveLength(2);
  });

  it('reports a failed read through onErrorChange, and clears it after a good one', async () => {
    let fail = true;
    const t = setup(() => (fail ? json({ statusCode: 6, statusMessage: 'No such media type' }) : json({ statusCode: 0, openmedia: [] })));
    t.loader.load(['workitem']);
    await waitFor(() => t.loader.error(), 'the read error');
    expect(t.loader.error()).toBe('Could not load the workitem interactions: No such media type');
    fail = false;
    t.loader.load(['workitem']);
    await waitFor(() => t.loader.error() === undefined, 'the error to clear');
    expect(t.errors).toEqual(['Could not load the workitem interactions: No such media type', undefined]);
  });

  it('aborts a read it replaces, and applies only the newer one', async () => {
    const answers: ((response: Response) => void)[] = [];
    const t = setup(() => new Promise<Response>((resolve) => answers.push(resolve)));
    t.loader.load(['workitem']);
    await waitFor(() => answers.length === 1, 'the first read');
    t.loader.load(['workitem']);
    await waitFor(() => answers.length === 2, 'the second read');
    expect(t.fake.requests[0]?.aborted).toBe(true);
    expect(t.fake.requests[1]?.aborted).toBe(false);

    answers[0]?.(json({ statusCode: 0, openmedia: [resource('stale', 'Invited')] }));
    answers[1]?.(json({ statusCode: 0, openmedia: [resource('fresh', 'Invited')] }));
    await waitFor(() => t.entry('fresh') !== undefined, 'the newer snapshot');
    expect(t.entry('stale')).toBeUndefined();
  });
});
