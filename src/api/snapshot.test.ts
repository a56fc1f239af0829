import { describe, expect, it } from 'vitest';
import { createFakeFetch, json } from '../testing/fake-fetch';
import { createGwsHttp } from './http';
import { fetchSnapshot } from './snapshot';

const resource = (id: string) => ({ id, mediaType: 'workitem', state: 'Processing', capabilities: [], userData: {} });

function read(body: unknown) {
  const fake = createFakeFetch(() => json(body));
  return fetchSnapshot(createGwsHttp({ fetch: fake.fetch }), 'workitem');
}

describe('fetchSnapshot: unreadable items', () => {
  it('a fully readable list has no unreadableIds at all', async () => {
    const result = await read({ statusCode: 0, openmedia: [resource('a')] });
    expect(result).toEqual({ mediaType: 'workitem', interactions: [expect.objectContaining({ id: 'a' })], rejected: [] });
    expect(result).not.toHaveProperty('unreadableIds');
  });

  it('lists the ids of the items it could not read (a whole number as its digits), and only those', async () => {
    const result = await read({
      statusCode: 0,
      openmedia: [
        resource('a'),
        { id: 'broken-1' },
        null,
        'text',
        { id: '' },
        { id: 7 },
        { id: 7.5 },
        { state: 'Processing' },
        resource('b'),
        { id: 'broken-2', mediaType: 'workitem' },
      ],
    });
    expect(result.interactions.map((i) => i.id)).toEqual(['a', 'b']);
    expect(result.rejected).toHaveLength(8);
    expect(result.unreadableIds).toEqual(['broken-1', '7', 'broken-2']);
  });

  it('an item whose user data is not an object is unreadable (not an interaction without user data): its card keeps what it shows', async () => {
    const result = await read({ statusCode: 0, openmedia: [resource('a'), { ...resource('b'), userData: 'a=b' }] });
    expect(result.interactions.map((i) => i.id)).toEqual(['a']);
    expect(result.rejected).toEqual(['invalid-user-data']);
    expect(result.unreadableIds).toEqual(['b']);
  });

  it('does not list a readable id again when an unreadable duplicate of it follows', async () => {
    const result = await read({ statusCode: 0, openmedia: [resource('a'), { id: 'a' }] });
    expect(result.interactions.map((i) => i.id)).toEqual(['a']);
    expect(result.unreadableIds).toEqual([]);
  });
});
