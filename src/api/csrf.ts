import { readStatusCode } from '../protocol/parse';
/** The header GWS expects when it does not say otherwise. */
export const DEFAULT_CSRF_HEADER = 'X-CSRF-TOKEN';

export interface CsrfToken {
  /** The request header to send (from the `X-CSRF-HEADER` response header). */
  readonly header: string;
  readonly value: string;
}

/** The CSRF token of one GWS session, learnt from GET responses (spec §3). */
export interface CsrfStore {
  current(): CsrfToken | undefined;
  /** Reads `X-CSRF-HEADER` / `X-CSRF-TOKEN` from a response; a response without them changes nothing. */
  remember(headers: Headers): void;
  forget(): void;
  /** Calls `listener` after every change of {@link current}; returns the remover. */
  subscribe(listener: () => void): () => void;
}

/** The token an answer hands out (`X-CSRF-HEADER` / `X-CSRF-TOKEN`), or undefined when it carries none. */
export function tokenIn(headers: Headers): CsrfToken | undefined {
  const header = headers.get('X-CSRF-HEADER')?.trim() || DEFAULT_CSRF_HEADER;
  // The value travels in X-CSRF-TOKEN; a server that renamed the header may use the new name.
  const value = headers.get('X-CSRF-TOKEN') ?? headers.get(header);
  return value !== null && value.trim() !== '' ? { header, value: value.trim() } : undefined;
}

export function createCsrfStore(): CsrfStore {
  let token: CsrfToken | undefined;
  const listeners = new Set<() => void>();
  function set(next: CsrfToken | undefined): void {
    if (next?.header === token?.header && next?.value === token?.value) return;
    token = next;
    for (const listener of [...listeners]) listener();
  }
  return {
    current: () => token,
    remember(headers) {
      const token = tokenIn(headers);
      if (token !== undefined) set(token);
    },
    forget() {
      set(undefined);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

/**
 * The session's token as the REST client learns it, for the CometD channel, whose long-polling
 * requests are POSTs too (`CometdChannelOptions.csrf` takes it as it is).
 */
export interface CsrfTokens {
  /** The token to send now; undefined while none is known (or GWS hands out none). */
  current(): CsrfToken | undefined;
  /** Calls `listener` after every change of {@link current}; returns the remover. */
  subscribe(listener: () => void): () => void;
  /**
   * Resolves once a token could be known: at once when one is, otherwise once GWS answered a
   * request (the first answer carries the token, if GWS hands one out). When no request is on its
   * way, sends `GET /api/v2/me` for it. Never rejects.
   */
  ready(): Promise<void>;
  /** `GET /api/v2/me` (one at a time) for a fresh token; resolves when it is over, whatever came of it. */
  refresh(): Promise<void>;
}

/**
 * GWS refuses a POST without a valid token with `403 Missing or invalid Csrf token`; some
 * versions wrap it in `{statusCode: 3, statusMessage}`. A plain 403 with statusCode 3 may be a
 * real prohibition: refreshing the token and retrying once costs one request and then reports it.
 */
export function isCsrfRefusal(status: number, body: unknown, statusText = ''): boolean {
  if (status !== 403) return false;
  // A server may say it in the status line alone (`403 Missing or invalid Csrf token`, empty body).
  if (/csrf/i.test(statusText)) return true;
  if (typeof body === 'string') return /csrf/i.test(body);
  if (typeof body !== 'object' || body === null) return false;
  const { statusCode, statusMessage, message } = body as { statusCode?: unknown; statusMessage?: unknown; message?: unknown };
  if (readStatusCode(statusCode) === 3) return true;
  return [statusMessage, message].some((text) => typeof text === 'string' && /csrf/i.test(text));
}
