/**
 * How a GWS request failed:
 * - `unauthorized`: HTTP 401, the session is gone (log in again).
 * - `status-code`: GWS answered with a `statusCode` other than 0 (`statusCode` holds it).
 * - `http`: any other non-2xx answer, or an answer the widget cannot read.
 * - `network`: no answer at all (offline, DNS, CORS, connection reset).
 */
import type { ErrorReason } from '../core/types';
import { readStatusCode } from '../protocol/parse';

export type GwsRequestErrorKind = 'http' | 'status-code' | 'unauthorized' | 'network';

export interface GwsRequestErrorInit {
  readonly kind: GwsRequestErrorKind;
  readonly message: string;
  readonly status?: number;
  readonly statusCode?: number;
  readonly cause?: unknown;
  /** Refused before anything was sent (a request that cannot be written). */
  readonly notSent?: boolean;
  /** Set when `message` is the widget's own words, not the server's (see {@link ErrorReason}). */
  readonly reason?: ErrorReason;
  /** The server's own words inside the widget's (a plain-text body after "answered HTTP 500"). */
  readonly detail?: string;
}

/** A failed GWS REST request. `message` is the server's `statusMessage` when it sent one. */
export class GwsRequestError extends Error {
  override readonly name = 'GwsRequestError';
  readonly kind: GwsRequestErrorKind;
  /** HTTP status, when a response arrived. */
  readonly status: number | undefined;
  /** GWS `statusCode` from the body, when present. */
  readonly statusCode: number | undefined;
  /** Nothing was sent: the server cannot have done anything. */
  readonly notSent: boolean;
  /** Which of the widget's own explanations `message` is; undefined: the server's words. */
  readonly reason: ErrorReason | undefined;
  /** The server's own words inside the widget's explanation, if any. */
  readonly detail: string | undefined;

  constructor(init: GwsRequestErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.kind = init.kind;
    this.notSent = init.notSent === true;
    this.reason = init.reason;
    this.detail = init.detail;
    this.status = init.status;
    this.statusCode = init.statusCode;
  }
}

/** The server's (or a gateway's) own words in an error: its message when that is theirs, else what the widget's explanation quotes. */
export function serverWordsOf(error: GwsRequestError): string | undefined {
  const words = error.reason === undefined ? error.message : error.detail;
  return words === undefined || words === '' ? undefined : words;
}

/** Whether `error` is a {@link GwsRequestError}. */
export function isGwsRequestError(error: unknown): error is GwsRequestError {
  return error instanceof GwsRequestError;
}

/** The widget's words for the documented GWS status codes, used when the server sends no message. */
const STATUS_CODE_MESSAGES: Readonly<Record<number, string>> = {
  1: 'A required parameter is missing.',
  2: 'This operation is not valid in the current state.',
  3: 'This operation is forbidden.',
  4: 'GWS reported an internal error.',
  5: 'You do not have permission for this operation.',
  6: 'The interaction was not found.',
  7: 'The operation only partly succeeded.',
};

/** A clear message for a GWS `statusCode`: the server's own words first, then the documented meaning. */
export function statusCodeMessage(statusCode: number, statusMessage: string | undefined): string {
  if (statusMessage !== undefined && statusMessage.trim() !== '') return statusMessage;
  return STATUS_CODE_MESSAGES[statusCode] ?? `GWS refused the request (status code ${statusCode}).`;
}

function readBodyStatus(body: unknown): { statusCode: number | undefined; statusMessage: string | undefined } {
  if (typeof body !== 'object' || body === null) return { statusCode: undefined, statusMessage: undefined };
  const { statusCode, statusMessage } = body as { statusCode?: unknown; statusMessage?: unknown };
  return {
    statusCode: readStatusCode(statusCode),
    statusMessage: typeof statusMessage === 'string' && statusMessage.trim() !== '' ? statusMessage : undefined,
  };
}

/**
 * "GWS answered HTTP 502 Bad Gateway." for an answer without a message of the server's own; a
 * short plain-text body (a proxy's "Upstream down") follows the status, never replaces it, and
 * markup (a proxy's or web server's error page) is left out rather than shown as text.
 */
export function httpFailureMessage(who: string, status: number, statusText: string, body: unknown): string {
  const head = `${who} answered HTTP ${status}${statusText ? ` ${statusText}` : ''}`;
  const text = plainBodyText(body);
  return text !== undefined ? `${head}: ${text}` : `${head}.`;
}

/** A short plain-text body (a proxy's "Upstream down"), as {@link httpFailureMessage} shows it; markup is none. */
export function plainBodyText(body: unknown): string | undefined {
  const text = typeof body === 'string' ? body.trim() : '';
  return text !== '' && text.length <= 300 && !/<[a-z!/?]/i.test(text) ? text : undefined;
}

/** The reason and server words of an HTTP failure the widget words itself ({@link httpFailureMessage}). */
export function httpStatusReason(body: unknown): { readonly reason: 'http-status'; readonly detail?: string } {
  const detail = plainBodyText(body);
  return detail === undefined ? { reason: 'http-status' } : { reason: 'http-status', detail };
}

/** The error for a non-2xx answer. `body` is the parsed JSON body, or the text when it was not JSON. */
export function errorFromResponse(status: number, statusText: string, body: unknown): GwsRequestError {
  const { statusCode, statusMessage } = readBodyStatus(body);
  if (status === 401) {
    return new GwsRequestError({
      kind: 'unauthorized',
      status,
      statusCode,
      message: statusMessage ?? 'Your GWS session has ended. Please log in again.',
      ...(statusMessage === undefined ? { reason: 'session-ended' } : {}),
    });
  }
  if (statusCode !== undefined && statusCode !== 0) {
    return new GwsRequestError({ kind: 'status-code', status, statusCode, message: statusCodeMessage(statusCode, statusMessage), ...(statusMessage === undefined ? { reason: 'status-code' } : {}) });
  }
  return new GwsRequestError({
    kind: 'http',
    status,
    statusCode,
    message: statusMessage ?? httpFailureMessage('GWS', status, statusText, body),
    ...(statusMessage === undefined ? httpStatusReason(body) : {}),
  });
}

/** The error for a request that got no answer; `server` names it in the message ("Cannot reach GWS"). */
export function networkError(cause: unknown, server = 'GWS'): GwsRequestError {
  const detail = cause instanceof Error && cause.message ? `: ${cause.message}` : '';
  return new GwsRequestError({ kind: 'network', message: `Cannot reach ${server}${detail}.`, cause, reason: 'unreachable' });
}
