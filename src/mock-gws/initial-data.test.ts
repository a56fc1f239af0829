import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseOpenmediaResource } from '../protocol/parse';
import { GWS_V2_WIRE } from './gws-v2-wire';
import { BUILT_IN_DATA, materialize, readDataFile } from './initial-data';
import { toWire } from './resource';

describe('the built-in data set', () => {
  const records = materialize(BUILT_IN_DATA, GWS_V2_WIRE, Date.now());

  it('holds the seed interaction, two Invited offers, a workitem, and a Completed one', () => {
    expect(records.find((r) => r.id === '03W0GH2KD56YV000')).toMatchObject({ mediaType: 'promotion', openmediaType: 'Outbound', state: 'Processing' });
    expect(records.filter((r) => r.state === 'Invited').length).toBeGreaterThanOrEqual(2);
    expect(new Set(records.map((r) => r.mediaType))).toEqual(new Set(['promotion', 'workitem']));
    expect(records.some((r) => r.state === 'Completed')).toBe(true);
    for (const r of records) expect(Object.keys(r.userData)).toEqual(expect.arrayContaining(['Subject', 'CustomerName']));
  });

  it('is readable by the project parser, with dates in the past', () => {
    for (const r of records) {
      const parsed = parseOpenmediaResource(toWire(r, 'gws.test'));
      expect(parsed.ok).toBe(true);
      expect(parsed.ok && parsed.interaction.receivedAt).toBeLessThanOrEqual(Date.now());
    }
  });
});

describe('materialize', () => {
  it.each([
    [[1], /#0: must be an object/],
    [[{ id: 'a', mediaType: 'm' }], /"state" must be a non-empty string/],
    [[{ id: 'a', mediaType: 'm', state: 'Invited', userData: { x: [] } }], /userData\.x/],
    [[{ id: 'a', mediaType: 'm', state: 'Invited', capabilities: 'Accept' }], /capabilities must be an array/],
    [[{ id: 'a', mediaType: 'm', state: 'Invited', receivedSecondsAgo: -1 }], /receivedSecondsAgo/],
    [[{ id: 'a', mediaType: 'm', state: 'S' }, { id: 'a', mediaType: 'm', state: 'S' }], /duplicate id a/],
  ])('refuses %j', (entries, message) => {
    expect(() => materialize(entries, GWS_V2_WIRE, 0)).toThrow(message);
  });

  it('keeps extra fields and derives capabilities from the state', () => {
    const [r] = materialize([{ id: 'a', mediaType: 'm', state: 'Invited', receivedDate: '2014-03-26 16:02:22.000+0200', parentId: 'p' }], GWS_V2_WIRE, 0);
    expect(r).toMatchObject({ capabilities: ['Accept', 'Reject'], receivedDate: '2014-03-26 16:02:22.000+0200', extra: { parentId: 'p' } });
  });
});

describe('readDataFile', () => {
  it('reads a valid file and names the file and entry of an invalid one', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mock-gws-'));
    const good = join(dir, 'good.json');
    await writeFile(good, JSON.stringify([{ id: 'a', mediaType: 'email', state: 'Invited' }]));
    expect(await readDataFile(good, GWS_V2_WIRE)).toEqual([{ id: 'a', mediaType: 'email', state: 'Invited' }]);
    const bad = join(dir, 'bad.json');
    await writeFile(bad, JSON.stringify([{ id: 'a', mediaType: 'email' }]));
    await expect(readDataFile(bad, GWS_V2_WIRE)).rejects.toThrow(`data file ${bad}: data entry #0`);
    await expect(readDataFile(join(dir, 'missing.json'), GWS_V2_WIRE)).rejects.toThrow(/cannot read data file/);
  });
});
