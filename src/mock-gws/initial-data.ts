import { readFile } from 'node:fs/promises';
import builtIn from './data/initial-interactions.json' with { type: 'json' };
import type { StoredInteraction } from './resource';
import { isPlainObject } from './resource-input';
import type { InitialInteraction } from './types';
import type { MockWire } from './wire';

/** The built-in data set (`data/initial-interactions.json`); checked by `materialize` like any other. */
export const BUILT_IN_DATA: readonly unknown[] = builtIn;

/**
 * Turns a data set into stored interactions, with dates relative to `now`. Throws an Error naming
 * the entry at fault: a bad data file is a setup mistake, better refused at start than half-loaded.
 */
export function materialize(entries: readonly unknown[], wire: MockWire, now: number): StoredInteraction[] {
  const seen = new Set<string>();
  // The three fields every entry must name, in the dialect's spelling (v3 writes `mediatype`).
  const required = ['id', wire.name === 'workspace-v3' ? 'mediatype' : 'mediaType', 'state'] as const;
  return entries.map((entry, index) => {
    if (!isPlainObject(entry)) throw new Error(`data entry #${index}: must be an object`);
    for (const key of required) {
      if (typeof entry[key] !== 'string' || entry[key] === '') {
        throw new Error(`data entry #${index}: "${key}" must be a non-empty string`);
      }
    }
    const built = wire.readResource(entry, { id: '', mediaType: '', state: '' }, now);
    if (!built.ok) throw new Error(`data entry #${index} (${String(entry.id)}): ${built.error}`);
    if (seen.has(built.record.id)) throw new Error(`data entry #${index}: duplicate id ${built.record.id}`);
    seen.add(built.record.id);
    return built.record;
  });
}

/** Reads and checks a data file for `--data`. Throws with the file name and the entry at fault. */
export async function readDataFile(path: string, wire: MockWire): Promise<InitialInteraction[]> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read data file ${path}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  if (!Array.isArray(parsed)) throw new Error(`data file ${path}: must hold a JSON array of interactions`);
  try {
    materialize(parsed, wire, Date.now());
  } catch (error) {
    throw new Error(`data file ${path}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  return parsed as InitialInteraction[];
}
