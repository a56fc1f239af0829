import { refusalOf } from '../channel/refusal';
import type { ConnectionStatus } from '../channel/types';

/** The only recording format version so far. */
export const RECORDING_VERSION = 1;

/**
 * One recorded moment, `at` milliseconds after the recording started: either a Bayeux `data`
 * payload exactly as it arrived (malformed ones included: replaying them is the point), or a
 * change of connection status (a reconnect in the middle of a shift), with the server's refusal of
 * the subscription when that was why (see `ChannelListener.onStatus`).
 */
export type RecordedEvent =
  | { readonly at: number; readonly data: unknown }
  | { readonly at: number; readonly status: ConnectionStatus; readonly refusal?: string };

/**
 * A recorded stream of notifications: `{ "version": 1, "events": [{ "at": 0, "data": {…} }, …] }`.
 * Events are in time order.
 */
export interface Recording {
  readonly version: typeof RECORDING_VERSION;
  readonly events: readonly RecordedEvent[];
  /** Free text about where it came from. */
  readonly title?: string;
}

export type RecordingRejection = 'not-an-object' | 'unsupported-version' | 'missing-events' | 'diagnostics-log-without-messages';

export type RecordingParseResult =
  | {
      readonly ok: true;
      readonly recording: Recording;
      /** Entries of `events` that were neither a data nor a status event (bad `at`, no payload). */
      readonly skipped: number;
    }
  | { readonly ok: false; readonly reason: RecordingRejection; readonly message: string };

const STATUSES: readonly string[] = ['connecting', 'connected', 'reconnecting', 'unauthorized', 'disconnected'] satisfies ConnectionStatus[];

type Obj = Record<string, unknown>;

function isObj(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether an event carries a payload (`data` may be anything, even null) rather than a status. */
export function isDataEvent(event: RecordedEvent): event is { readonly at: number; readonly data: unknown } {
  return Object.hasOwn(event, 'data');
}

function readEvent(raw: unknown): RecordedEvent | undefined {
  if (!isObj(raw)) return undefined;
  const { at } = raw;
  if (typeof at !== 'number' || !Number.isFinite(at) || at < 0) return undefined;
  if (Object.hasOwn(raw, 'data')) return { at, data: raw.data };
  if (typeof raw.status !== 'string' || !STATUSES.includes(raw.status)) return undefined;
  const status = raw.status as ConnectionStatus;
  // Text only, and a banner's length at most: a recording may come from anywhere.
  const refusal = status === 'reconnecting' ? refusalOf({ error: raw.refusal }) : undefined;
  return refusal === undefined ? { at, status } : { at, status, refusal };
}

/**
 * The diagnostics panel's "Download log" file (`{exportedAt, received, rejected, log, …}`) lists
 * what the widget did, not the messages it received. When it carries a `recording` (a recording
 * channel's capture), that is replayed; otherwise there is nothing to replay, and the reason says so.
 */
function isDiagnosticsExport(value: Obj): boolean {
  return Array.isArray(value.log) && ('exportedAt' in value || 'received' in value);
}

/**
 * Reads a recording from parsed JSON. Accepts the recording format and a diagnostics export that
 * embeds one. Never throws: unusable input is a rejection with a message for the user.
 */
export function parseRecording(value: unknown): RecordingParseResult {
  if (!isObj(value)) return { ok: false, reason: 'not-an-object', message: 'A recording is a JSON object with "version" and "events".' };
  if (!('events' in value) && isDiagnosticsExport(value)) {
    if ('recording' in value) return parseRecording(value.recording);
    return {
      ok: false,
      reason: 'diagnostics-log-without-messages',
      message:
        'This is a diagnostics log: it lists what the widget did, not the messages it received, so it cannot be replayed. ' +
        'Capture a recording with createRecordingChannel() instead.',
    };
  }
  if (value.version !== RECORDING_VERSION) {
    return { ok: false, reason: 'unsupported-version', message: `Unsupported recording version ${JSON.stringify(value.version)}; this widget reads version ${RECORDING_VERSION}.` };
  }
  if (!Array.isArray(value.events)) return { ok: false, reason: 'missing-events', message: 'The recording has no "events" array.' };

  const events: RecordedEvent[] = [];
  let skipped = 0;
  for (const raw of value.events) {
    const event = readEvent(raw);
    if (event === undefined) skipped += 1;
    else events.push(event);
  }
  // Stable sort: events recorded in the same millisecond keep their order.
  events.sort((a, b) => a.at - b.at);
  const recording: Recording = typeof value.title === 'string' ? { version: RECORDING_VERSION, events, title: value.title } : { version: RECORDING_VERSION, events };
  return { ok: true, recording, skipped };
}
