import { describe, expect, it } from 'vitest';
import { mediaMessage } from '../protocol/workspace-v3/fixtures';
import { createFakeFetch, json } from '../testing/fake-fetch';
import { workspaceV3Dialect } from './dialects';
import { createWorkspaceV3Parts } from './workspace-v3-dialect';
import type { WorkspaceV3Parts } from './workspace-v3-dialect';

/** A load the test finishes (or fails) when it wants. */
function controlledLoad() {
  const calls: { resolve: (parts: WorkspaceV3Parts) => void; reject: (error: unknown) => void }[] = [];
  const load = () => new Promise<WorkspaceV3Parts>((resolve, reject) => calls.push({ resolve, reject }));
  return { load, calls };
}

describe('the Workspace API v3 dialect loads its code on demand', () => {
  it('loads nothing when created; whenLoaded starts the load once and is undefined once it is there', async () => {
    const { load, calls } = controlledLoad();
    const dialect = workspaceV3Dialect(load);
    expect(calls).toHaveLength(0);
    // Its static parts are there at once: the client builds its channel from them.
    expect(dialect.cometdPath).toBe('/workspace/v3/notifications');
    const first = dialect.whenLoaded();
    const second = dialect.whenLoaded();
    expect(first).toBeInstanceOf(Promise);
    expect(calls).toHaveLength(1);
    expect(() => dialect.parse(mediaMessage('01-workitem-invited').data, dialect.descriptor)).toThrow(/not loaded/);
    calls[0]?.resolve(createWorkspaceV3Parts());
    await Promise.all([first, second]);
    expect(dialect.whenLoaded()).toBeUndefined();
    const parsed = dialect.parse(mediaMessage('01-workitem-invited').data, dialect.descriptor);
    expect(parsed.ok && parsed.notification.openmedia?.id).toBe('31be41e8016ba71e');
  });

  it('its REST client knows its base at once and calls the real one when the code is there', async () => {
    const { load, calls } = controlledLoad();
    const fake = createFakeFetch(() => json({ status: { code: 0 }, data: { user: { id: 'u1' } } }));
    const dialect = workspaceV3Dialect(load);
    const client = dialect.createRestClient({ gwsBase: 'https://ws.example' });
    expect(client.gwsBase).toBe('https://ws.example');
    const me = client.getMe();
    expect(calls).toHaveLength(1);
    expect(fake.requests).toHaveLength(0);
    // The real client built from the loaded code, with this test's fetch.
    const parts = createWorkspaceV3Parts();
    calls[0]?.resolve({ ...parts, createRestClient: ({ gwsBase }) => ({ ...parts.createRestClient({ gwsBase }), getMe: () => fake.fetch(`${gwsBase}/workspace/v3/current-session`).then((r) => r.json() as Promise<Record<string, unknown>>) }) });
    await expect(me).resolves.toMatchObject({ data: { user: { id: 'u1' } } });
    expect(fake.requests.map((r) => r.url)).toEqual(['https://ws.example/workspace/v3/current-session']);
  });

  it('a failed load says why, fails the calls waiting on it, and the next ask loads again', async () => {
    const { load, calls } = controlledLoad();
    const dialect = workspaceV3Dialect(load);
    const client = dialect.createRestClient({ gwsBase: '' });
    const snapshot = client.getSnapshot('workitem');
    const waiting = dialect.whenLoaded();
    calls[0]?.reject(new TypeError('Failed to fetch dynamically imported module'));
    await expect(waiting).rejects.toThrow('Could not load the Workspace API v3 support: Failed to fetch dynamically imported module');
    await expect(snapshot).rejects.toThrow(/Could not load the Workspace API v3 support/);
    const again = dialect.whenLoaded();
    expect(calls).toHaveLength(2);
    calls[1]?.resolve(createWorkspaceV3Parts());
    await again;
    expect(dialect.whenLoaded()).toBeUndefined();
    await expect(dialect.isSessionGone({ gwsBase: '', getMe: () => Promise.resolve({}), getSnapshot: () => Promise.reject(new Error('x')), performOperation: () => Promise.reject(new Error('x')) })).resolves.toBe(false);
  });
});
