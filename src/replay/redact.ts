import type { RecordedEvent, Recording } from './recording';

/** What a redacted string value becomes. Numbers become 0 and booleans false, so the wire type survives. */
export const REDACTED = '[redacted]';

type Json = unknown;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A value with every leaf replaced by a stand-in of the same type; keys and shape are kept. */
function blank(value: Json): Json {
  if (typeof value === 'string') return REDACTED;
  if (typeof value === 'number') return 0;
  if (typeof value === 'boolean') return false;
  if (Array.isArray(value)) return value.map(blank);
  if (isPlainObject(value)) return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, blank(inner)]));
  return value;
}

// GWS spells it userData; a hostile or broken message may not, and what it carries is customer data all the same.
const USER_DATA_KEY = /^user[-_]?data$/i;

/** Walks any payload (malformed ones included) and blanks the values under every user-data key, at any depth. */
function redactPayload(value: Json): Json {
  if (Array.isArray(value)) return value.map(redactPayload);
  if (!isPlainObject(value)) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [key, USER_DATA_KEY.test(key) ? blank(inner) : redactPayload(inner)]),
  );
}

/**
 * A copy of a recording fit for a support ticket: ids, states, media and notification types,
 * referenceIds, capabilities, error messages and user-data *keys* are kept, so the problem can still
 * be replayed and read; every user-data *value* is replaced (`"[redacted]"`, `0`, `false`).
 */
export function redactRecording(recording: Recording): Recording {
  const events = recording.events.map((event): RecordedEvent => ('data' in event ? { at: event.at, data: redactPayload(event.data) } : event));
  return { ...recording, events };
}
