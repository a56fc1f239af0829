import { describe, expect, it } from 'vitest';
import { createScriptedGws, errorNotification, listOnServer, resource, statusChange } from './scripted-gws';

describe('listOnServer', () => {
  it('lists a notified resource under its media type, replaces an older version, and drops it once Completed', async () => {
    const gws = createScriptedGws();
    const read = async (mediaType: string) => ((await (await gws.fetch(`/api/v2/me/openmedia/${mediaType}`)).json()) as { openmedia: { id: string; state: string }[] }).openmedia;
    listOnServer(gws, statusChange(resource('a', 'Invited', 'workitem')));
    listOnServer(gws, statusChange(resource('b', 'Invited', 'email')));
    expect((await read('workitem')).map(({ id, state }) => [id, state])).toEqual([['a', 'Invited']]);
    listOnServer(gws, statusChange(resource('a', 'Processing', 'workitem')));
    expect((await read('workitem')).map(({ id, state }) => [id, state])).toEqual([['a', 'Processing']]);
    listOnServer(gws, statusChange(resource('a', 'Completed', 'workitem')));
    expect(await read('workitem')).toEqual([]);
    expect((await read('email')).map(({ id }) => id)).toEqual(['b']);
  });

  it('leaves the list alone for a message without a resource', () => {
    const gws = createScriptedGws();
    listOnServer(gws, errorNotification(7, 'Refused'));
    listOnServer(gws, null);
    listOnServer(gws, 'not a message');
    expect(gws.snapshots.size).toBe(0);
  });
});
