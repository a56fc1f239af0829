import type { CometD, Message } from 'cometd';
import type { ConfigurationReads } from './cometd-configuration';
import { failureHttpCode } from './cometd-failure';

/** The CSRF header a GWS POST must carry (spec §3): its name and the session's token. */
export interface CsrfHeader {
  readonly header: string;
  readonly value: string;
}

/**
 * Where the CometD channel gets the session's CSRF token: the REST client's store on the page
 * (it learns the token from GET answers), or the page's messages inside a connection Worker.
 * CometD's long-polling requests are POSTs: a GWS whose CSRF filter covers the CometD endpoint
 * refuses them without the token, with the same 403 a refused handshake gives.
 */
export interface CsrfHeaderSource {
  /** The token to send now; undefined while none is known (or GWS hands out none). */
  current(): CsrfHeader | undefined;
  /** Calls `listener` after every change of {@link current}; returns the remover. */
  subscribe(listener: () => void): () => void;
  /**
   * Resolves once a token could be known: at once when one is, otherwise after GWS first
   * answered (a GET on its way, or one made for it). Never rejects.
   */
  ready(): Promise<void>;
  /** Reads the token again (`GET /api/v2/me`); resolves when that is over, whatever came of it. Never rejects. */
  refresh(): Promise<void>;
}

/**
 * How long the first handshake waits for a token at most. A GWS that hands out none is known as
 * soon as it answers; this bounds a read that hangs, after which a refusal is recovered from.
 */
export const CSRF_WAIT_MS = 3_000;

/** The request headers for `token` (none when no token is known). */
export function csrfRequestHeaders(token: CsrfHeader | undefined): Record<string, string> {
  return token === undefined ? {} : { [token.header]: token.value };
}

/** The body of a failed request, when the transport kept it (long-polling's XMLHttpRequest does). */
function failureBody(message: Message): string | undefined {
  const failure: unknown = (message as { failure?: unknown }).failure;
  if (typeof failure !== 'object' || failure === null) return undefined;
  const conduit: unknown = (failure as { transport?: unknown }).transport;
  if (typeof conduit !== 'object' || conduit === null) return undefined;
  const text: unknown = (conduit as { responseText?: unknown }).responseText;
  return typeof text === 'string' ? text : undefined;
}

/**
 * An HTTP 403 that a fresh CSRF token may cure: sent without one, or refused for it (GWS answers
 * `Missing or invalid Csrf token`, as text or as `{statusCode: 3, statusMessage}`). A Bayeux
 * `403::…` reply is the server's own refusal, never this.
 */
export function mayBeCsrfRefusal(message: Message, sentWithToken: boolean): boolean {
  if (failureHttpCode(message) !== 403) return false;
  return !sentWithToken || /csrf/i.test(failureBody(message) ?? '') || /csrf/i.test(failureReason(message) ?? '');
}

/** The status line's text of a failed request: long-polling passes `xhr.statusText` as the failure's reason. */
function failureReason(message: Message): string | undefined {
  const failure: unknown = (message as { failure?: unknown }).failure;
  if (typeof failure !== 'object' || failure === null) return undefined;
  const reason: unknown = (failure as { reason?: unknown }).reason;
  return typeof reason === 'string' ? reason : undefined;
}

/** A CometD client kept on a source's token (see {@link attachCsrf}). */
export interface CsrfAttachment {
  readonly source: CsrfHeaderSource;
  /** Whether the latest handshake went out with a token. */
  handshakeSentWithToken(): boolean;
  /** Stops following the source. */
  detach(): void;
}

/**
 * Keeps a client's request headers on the source's token, from now on and whenever it changes
 * (the next long poll carries the new one), and notes whether each handshake carried one: a
 * handshake refused after going out without a token deserves a read of one and a retry.
 */
export function attachCsrf(
  cometd: Pick<CometD, 'registerExtension'>,
  reads: ConfigurationReads,
  source: CsrfHeaderSource,
): CsrfAttachment {
  let sentWithToken = false;
  const apply = () => reads.setRequestHeaders(csrfRequestHeaders(source.current()));
  apply();
  const unsubscribe = source.subscribe(apply);
  // Outgoing extensions run just before the transport sends, which is when it reads the headers.
  cometd.registerExtension('openmedia-widget-csrf', {
    outgoing(message) {
      if (message.channel === '/meta/handshake') sentWithToken = source.current() !== undefined;
      return message;
    },
  });
  return { source, handshakeSentWithToken: () => sentWithToken, detach: unsubscribe };
}
