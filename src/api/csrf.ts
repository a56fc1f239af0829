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
}

export function createCsrfStore(): CsrfStore {
  let token: CsrfToken | undefined;
  return {
    current: () => token,
    remember(headers) {
      const header = headers.get('X-CSRF-HEADER')?.trim() || DEFAULT_CSRF_HEADER;
      // The value travels in X-CSRF-TOKEN; a server that renamed the header may use the new name.
      const value = headers.get('X-CSRF-TOKEN') ?? headers.get(header);
      if (value !== null && value.trim() !== '') token = { header, value: value.trim() };
    },
    forget() {
      token = undefined;
    },
  };
}

/**
 * GWS refuses a POST without a valid token with `403 Missing or invalid Csrf token`; some
 * versions wrap it in `{statusCode: 3, statusMessage}`. A plain 403 with statusCode 3 may be a
 * real prohibition: refreshing the token and retrying once costs one request and then reports it.
 */
export function isCsrfRefusal(status: number, body: unknown): boolean {
  if (status !== 403) return false;
  if (typeof body === 'string') return /csrf/i.test(body);
  if (typeof body !== 'object' || body === null) return false;
  const { statusCode, statusMessage, message } = body as { statusCode?: unknown; statusMessage?: unknown; message?: unknown };
  if (statusCode === 3) return true;
  return [statusMessage, message].some((text) => typeof text === 'string' && /csrf/i.test(text));
}
