import type { ConnectionStatus } from './types';

/** Server text is shown as text, and this much of it at most. */
const REFUSAL_MAX_LENGTH = 200;

/**
 * The server's own words for a subscription it refused: the reply's Bayeux `error` (such as
 * `403::subscribe_failed`), trimmed and cut to a length a banner can show. None for a reply the
 * server did not write (the request failed: the transport's own failure has no `error`).
 */
export function refusalOf(reply: { readonly error?: unknown }): string | undefined {
  if (typeof reply.error !== 'string') return undefined;
  const text = reply.error.trim();
  if (text === '') return undefined;
  return text.length > REFUSAL_MAX_LENGTH ? `${text.slice(0, REFUSAL_MAX_LENGTH - 1)}…` : text;
}

/** The refusal said with `status`: with `reconnecting` only, whatever came with another status. */
export function refusalWith(status: ConnectionStatus, refusal: string | undefined): string | undefined {
  return status === 'reconnecting' ? refusal : undefined;
}

/** A status message (the Worker's to its page, a leader's to the other tabs), with the refusal when there is one. */
export function statusMessage(status: ConnectionStatus, refusal: string | undefined): { readonly kind: 'status'; readonly status: ConnectionStatus; readonly refusal?: string } {
  return refusal === undefined ? { kind: 'status', status } : { kind: 'status', status, refusal };
}
