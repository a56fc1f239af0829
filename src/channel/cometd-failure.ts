import type { Message } from 'cometd';

/**
 * The HTTP status behind a failed Bayeux message. CometD's request transports put it in
 * `message.failure.httpCode` (LongPollingTransport copies `xhr.status`; 0 or -1 when no
 * response came at all). `failure` is not part of the published typings, hence the narrowing.
 */
export function failureHttpCode(message: Message): number | undefined {
  const failure: unknown = (message as { failure?: unknown }).failure;
  if (typeof failure !== 'object' || failure === null) return undefined;
  const code: unknown = (failure as { httpCode?: unknown }).httpCode;
  return typeof code === 'number' && code > 0 ? code : undefined;
}

/** The numeric prefix of a Bayeux error string such as `403::handshake_denied`. */
export function bayeuxErrorCode(message: Message): number | undefined {
  if (typeof message.error !== 'string') return undefined;
  const match = /^(\d{3})::/.exec(message.error);
  return match ? Number(match[1]) : undefined;
}

/**
 * The HTTP session is gone: a 401 anywhere, or a refused handshake (HTTP 403, or the Bayeux
 * `403::handshake_denied` a security policy answers). Retrying cannot help until the user
 * logs in again, so the channel stops instead of looping.
 */
export function isSessionGone(message: Message, phase: 'handshake' | 'connect'): boolean {
  const http = failureHttpCode(message);
  const bayeux = bayeuxErrorCode(message);
  if (http === 401 || bayeux === 401) return true;
  return phase === 'handshake' && (http === 403 || bayeux === 403);
}
