import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryChannel } from '../channel/memory-channel';
import { capture, mediaMessage } from '../protocol/workspace-v3/fixtures';
import { WORKSPACE_V3_CHANNEL } from '../protocol/workspace-v3/channel';
import { createFakeFetch, json } from '../testing/fake-fetch';
import { createOpenmediaClient } from './openmedia-client';
import type * as DialectModule from './workspace-v3-dialect';

/**
 * A Workspace API v3 client whose dialect code has not arrived when the first messages do: they
 * are kept in order and delivered once it is there, and a failed load is tried again.
 */
const control = vi.hoisted(() => {
  let open: () => void = () => undefined;
  return {
    gate: new Promise<void>((resolve) => (open = resolve)),
    open: () => open(),
    /** How many of the next loads fail (the chunk could not be fetched). */
    failures: 0,
    loads: 0,
  };
});

vi.mock('./workspace-v3-dialect', async (importOriginal) => {
  const actual = await importOriginal<typeof DialectModule>();
  await control.gate;
  return {
    ...actual,
    createWorkspaceV3Parts: () => {
      control.loads += 1;
      if (control.failures > 0) {
        control.failures -= 1;
        throw new TypeError('Failed to fetch dynamically imported module');
      }
      return actual.createWorkspaceV3Parts();
    },
  };
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

function setup() {
  const fake = createFakeFetch((request) => {
    if (request.url.endsWith('/workspace/v3/current-session')) return json(capture('v3-01-current-session-invited'));
    return json({ status: { code: 1 } });
  });
  vi.stubGlobal('fetch', fake.fetch);
  const channel = createMemoryChannel(WORKSPACE_V3_CHANNEL);
  const client = createOpenmediaClient({ dialect: 'workspace-v3', channel, schedule: queueMicrotask, tickMs: 60_000 });
  return { fake, channel, client };
}

describe('a workspace-v3 client before its dialect code has arrived', () => {
  it('keeps the messages heard meanwhile and applies them in order once it is there', async () => {
    const { fake, channel, client } = setup();
    const release = client.start();
    // Nothing can be read or parsed yet.
    channel.emit(mediaMessage('01-workitem-invited').data);
    channel.emit(mediaMessage('02-workitem-accepted-processing').data);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(fake.requests).toHaveLength(0);
    expect(client.store.getState().byId.get('31be41e8016ba71e')).toBeUndefined();
    control.open();
    await vi.waitFor(() => expect(client.store.getState().byId.get('31be41e8016ba71e')?.interaction.state).toBe('Processing'));
    expect(client.store.getState().diagnostics.rejected).toEqual({});
    // The snapshot read went out once the code was there.
    await vi.waitFor(() => expect(fake.requests.some((r) => r.url.endsWith('/current-session'))).toBe(true));
    release();
    client.dispose();
  });

  it('tries a failed load again by itself and then delivers what it kept', async () => {
    control.open();
    control.failures = 1;
    const loadsBefore = control.loads;
    vi.useFakeTimers();
    const { channel, client } = setup();
    const release = client.start();
    const heardAt = Date.now();
    channel.emit(mediaMessage('01-workitem-invited').data);
    await vi.advanceTimersByTimeAsync(100);
    // The first load failed (the snapshot read that shared it failed too and shows why).
    expect(control.loads - loadsBefore).toBeGreaterThanOrEqual(1);
    expect(client.store.getState().byId.get('31be41e8016ba71e')).toBeUndefined();
    expect(client.getSnapshot().snapshotError).toMatch(/Could not load the Workspace API v3 support: Failed to fetch/);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(client.store.getState().byId.get('31be41e8016ba71e')?.interaction.state).toBe('Invited');
    // The offer has been ringing since it was heard, not since the code arrived two seconds later.
    expect(client.store.getState().byId.get('31be41e8016ba71e')).toMatchObject({ stateSince: heardAt, stateSinceExact: true });
    release();
    client.dispose();
  });
});
