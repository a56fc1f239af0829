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
