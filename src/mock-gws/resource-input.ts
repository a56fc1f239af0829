import type { UserDataValue } from '../protocol/types';
import { formatGwsDate } from '../protocol/format-gws-date';
import { RESOURCE_FIELDS, type StoredInteraction } from './resource';
import { capabilitiesFor } from './state-machine';

type Obj = Record<string, unknown>;

export function isPlainObject(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads flat user data (string / finite number / null values). Returns an error text otherwise. */
export function readUserData(value: unknown, what = 'userData'): Record<string, UserDataValue> | string {
  if (!isPlainObject(value)) return `${what} must be an object`;
  const out: Record<string, UserDataValue> = {};
  for (const [key, v] of Object.entries(value)) {
    if (v !== null && typeof v !== 'string' && !(typeof v === 'number' && Number.isFinite(v))) {
      return `${what}.${key} must be a string, a finite number or null`;
    }
    Object.defineProperty(out, key, { value: v, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

export function readStringList(value: unknown, what: string): string[] | string {
  if (!Array.isArray(value) || !value.every((k): k is string => typeof k === 'string')) return `${what} must be an array of strings`;
  return [...value];
}

function optionalString(fields: Obj, key: string): string | undefined | { error: string } {
  const v = fields[key];
  if (v === undefined) return undefined;
  if (typeof v !== 'string' || v === '') return { error: `${key} must be a non-empty string` };
  return v;
}

/**
 * Builds a stored interaction from `defaults` overridden by `fields` (an initial-data entry or a
 * scenario's overrides). Validates every known field so what the mock publishes always parses.
 * Unknown fields are kept as extras; `receivedSecondsAgo` is read, not kept.
 */
export function buildInteraction(
  fields: unknown,
  defaults: { id: string; mediaType: string; state: string; openmediaType?: string; userData?: Record<string, UserDataValue> },
  now: number,
): { ok: true; record: StoredInteraction } | { ok: false; error: string } {
  if (fields !== undefined && !isPlainObject(fields)) return { ok: false, error: 'the interaction must be an object' };
  const f: Obj = fields ?? {};
  const strings: Record<string, string | undefined> = {};
  for (const key of ['id', 'mediaType', 'state', 'openmediaType', 'uri', 'receivedDate']) {
    const v = optionalString(f, key);
    if (typeof v === 'object') return { ok: false, error: v.error };
    strings[key] = v;
  }
  const state = strings.state ?? defaults.state;

  let capabilities: string[];
  if (f.capabilities === undefined) capabilities = capabilitiesFor(state);
  else {
    const list = readStringList(f.capabilities, 'capabilities');
    if (typeof list === 'string') return { ok: false, error: list };
    capabilities = list;
  }

  let userData: Record<string, UserDataValue> = defaults.userData ?? {};
  if (f.userData !== undefined) {
    const read = readUserData(f.userData);
    if (typeof read === 'string') return { ok: false, error: read };
    userData = read;
  }

  const ago = f.receivedSecondsAgo;
  if (ago !== undefined && (typeof ago !== 'number' || !Number.isFinite(ago) || ago < 0)) {
    return { ok: false, error: 'receivedSecondsAgo must be a non-negative number' };
  }

  const extra: Obj = {};
  for (const [key, value] of Object.entries(f)) {
    if (!(RESOURCE_FIELDS as readonly string[]).includes(key) && key !== 'receivedSecondsAgo') {
      Object.defineProperty(extra, key, { value, enumerable: true, writable: true, configurable: true });
    }
  }

  return {
    ok: true,
    record: {
      id: strings.id ?? defaults.id,
      mediaType: strings.mediaType ?? defaults.mediaType,
      openmediaType: strings.openmediaType ?? defaults.openmediaType,
      state,
      capabilities,
      userData,
      receivedDate: strings.receivedDate ?? formatGwsDate(now - (ago ?? 0) * 1000),
      uri: strings.uri,
      extra,
    },
  };
}
