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
  if (input.messageType !== undefined || !isObject(input.data)) return input;
  return typeof input.channel === 'string' || input.data.messageType !== undefined ? input.data : input;
}
