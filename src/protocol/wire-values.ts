import type { ParseResult, RejectionReason } from './types';

/** A JSON object as it came off the wire, before any field is trusted. */
export type Obj = Record<string, unknown>;

export function isObject(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A string field; a finite number is accepted as its text (servers differ on ids). */
export function optionalString(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

export function reject(reason: RejectionReason): ParseResult {
  return { ok: false, reason };
}

/**
 * The message's `data` when given the whole Bayeux message (`{ channel, data }`), or a message
 * wrapped as the GWS reference page shows one (`{ data: { messageType, … } }`, no channel); else
 * the input itself.
 */
export function unwrapBayeux(input: Obj): Obj {
  const data = decodeJsonText(input.data);
  if (input.messageType !== undefined || !isObject(data)) return input;
  return typeof input.channel === 'string' || data.messageType !== undefined ? data : input;
}

/** Longest JSON text read as a double-encoded message (a notification is a few kB). */
const MAX_JSON_TEXT = 1_000_000;

/**
 * A server that encodes its notification twice sends `data` as JSON text: read as the object it
 * encodes. Anything else (text that is not a JSON object) is returned as it is, and is rejected
 * as before.
 */
export function decodeJsonText(value: unknown): unknown {
  if (typeof value !== 'string' || value.length > MAX_JSON_TEXT) return value;
  const text = value.trim();
  if (!text.startsWith('{')) return value;
  try {
    const parsed: unknown = JSON.parse(text);
    return isObject(parsed) ? parsed : value;
  } catch {
    return value;
  }
}
