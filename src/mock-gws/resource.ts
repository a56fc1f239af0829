import type { OpenmediaResourceWire, UserDataValue } from '../protocol/types';

/** An interaction as the mock keeps it. `uri` is derived from the host unless one was given. */
export interface StoredInteraction {
  readonly id: string;
  readonly mediaType: string;
  readonly openmediaType: string | undefined;
  readonly state: string;
  readonly capabilities: readonly string[];
  readonly userData: Readonly<Record<string, UserDataValue>>;
  /**
   * Workspace API v3 only: the KV `type` of each user-data key as the server last wrote it (a key
   * without one is `int` for an integer, else `str`). GWS v2's user data is untyped.
   */
  readonly userDataTypes?: Readonly<Record<string, string>>;
  readonly receivedDate: string | undefined;
  /** Set only when a scenario forced a uri; otherwise built by `resourceUri`. */
  readonly uri: string | undefined;
  /** Other resource fields a scenario added (sent as is, after the known ones). */
  readonly extra: Readonly<Record<string, unknown>>;
}

export const RESOURCE_FIELDS = [
  'id',
  'mediaType',
  'openmediaType',
  'state',
  'capabilities',
  'uri',
  'userData',
  'receivedDate',
] as const;

/** GWS names the resource with the plural media type and no `/me` (spec §1, `uri`). */
export function resourceUri(host: string, mediaType: string, id: string): string {
  return `http://${host}/api/v2/openmedia/${encodeURIComponent(mediaType)}s/${encodeURIComponent(id)}`;
}

/** Copies user data into a fresh object; `Object.fromEntries` keeps a `__proto__` key a plain key. */
export function copyUserData(userData: Readonly<Record<string, UserDataValue>>): Record<string, UserDataValue> {
  return Object.fromEntries(Object.entries(userData));
}

/** The whole resource as it goes on the wire, in the spec's field order. */
export function toWire(record: StoredInteraction, host: string): OpenmediaResourceWire {
  const wire: OpenmediaResourceWire = {
    id: record.id,
    mediaType: record.mediaType,
    ...(record.openmediaType === undefined ? {} : { openmediaType: record.openmediaType }),
    state: record.state,
    capabilities: [...record.capabilities],
    uri: record.uri ?? resourceUri(host, record.mediaType, record.id),
    userData: copyUserData(record.userData),
    ...(record.receivedDate === undefined ? {} : { receivedDate: record.receivedDate }),
  };
  for (const [key, value] of Object.entries(record.extra)) {
    if (!(RESOURCE_FIELDS as readonly string[]).includes(key)) Object.defineProperty(wire, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return wire;
}
