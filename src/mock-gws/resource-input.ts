import type { UserDataValue } from '../protocol/types';
import { formatGwsDate } from '../protocol/format-gws-date';
import { RESOURCE_FIELDS } from './resource';
import type { BuildResult, InteractionDefaults } from './wire';
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

/** How a dialect spells and reads the fields `buildInteraction` knows. */
export interface ResourceSpelling {
  readonly mediaType: string;
  readonly openmediaType: string;
  readonly receivedDate: string;
  /** `uri` in GWS v2; v3 has none. */
  readonly uri: string | undefined;
  /** Every field the dialect renders itself (the rest of a scenario's fields are kept as extras). */
  readonly known: readonly string[];
  readonly capabilitiesFor: (state: string, mediaType: string) => string[];
  readonly formatDate: (ms: number) => string;
  /** Reads `userData` (an error text when it is unusable) with the KV types when the dialect has them. */
  readonly readUserData: (value: unknown) => { userData: Record<string, UserDataValue>; types?: Record<string, string> } | string;
}

export const GWS_V2_SPELLING: ResourceSpelling = {
  mediaType: 'mediaType',
  openmediaType: 'openmediaType',
  receivedDate: 'receivedDate',
  uri: 'uri',
  known: RESOURCE_FIELDS,
  capabilitiesFor: (state) => capabilitiesFor(state),
  formatDate: formatGwsDate,
  readUserData(value) {
    const read = readUserData(value);
    return typeof read === 'string' ? read : { userData: read };
  },
};

/**
 * Builds a stored interaction from `defaults` overridden by `fields` (an initial-data entry or a
 * scenario's overrides, in the dialect's `spelling`). Validates every known field so what the mock
 * publishes always parses. Unknown fields are kept as extras; `receivedSecondsAgo` is read, not kept.
 */
export function buildInteraction(
  fields: unknown,
  defaults: InteractionDefaults,
  now: number,
  spelling: ResourceSpelling = GWS_V2_SPELLING,
): BuildResult {
  if (fields !== undefined && !isPlainObject(fields)) return { ok: false, error: 'the interaction must be an object' };
  const f: Obj = fields ?? {};
  const strings: Record<string, string | undefined> = {};
  const names = { id: 'id', state: 'state', mediaType: spelling.mediaType, openmediaType: spelling.openmediaType, receivedDate: spelling.receivedDate, ...(spelling.uri ? { uri: spelling.uri } : {}) };
  for (const [key, name] of Object.entries(names)) {
    const v = optionalString(f, name);
    if (typeof v === 'object') return { ok: false, error: v.error };
    strings[key] = v;
  }
  const state = strings.state ?? defaults.state;
  const mediaType = strings.mediaType ?? defaults.mediaType;

  let capabilities: string[];
  if (f.capabilities === undefined) capabilities = spelling.capabilitiesFor(state, mediaType);
  else {
    const list = readStringList(f.capabilities, 'capabilities');
    if (typeof list === 'string') return { ok: false, error: list };
    capabilities = list;
  }

  let userData: Record<string, UserDataValue> = { ...defaults.userData };
  let userDataTypes = defaults.userDataTypes;
  if (f.userData !== undefined) {
    const read = spelling.readUserData(f.userData);
    if (typeof read === 'string') return { ok: false, error: read };
    userData = read.userData;
    userDataTypes = read.types;
  }

  const ago = f.receivedSecondsAgo;
  if (ago !== undefined && (typeof ago !== 'number' || !Number.isFinite(ago) || ago < 0)) {
    return { ok: false, error: 'receivedSecondsAgo must be a non-negative number' };
  }

  const extra: Obj = { ...defaults.extra };
  for (const [key, value] of Object.entries(f)) {
    if (!spelling.known.includes(key) && key !== 'receivedSecondsAgo') {
      Object.defineProperty(extra, key, { value, enumerable: true, writable: true, configurable: true });
    }
  }

  return {
    ok: true,
    record: {
      id: strings.id ?? defaults.id,
      mediaType,
      openmediaType: strings.openmediaType ?? defaults.openmediaType,
      state,
      capabilities,
      userData,
      ...(userDataTypes === undefined ? {} : { userDataTypes }),
      receivedDate: strings.receivedDate ?? spelling.formatDate(now - (ago ?? 0) * 1000),
      uri: strings.uri,
      extra,
    },
  };
}
