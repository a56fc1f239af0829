import { createCsrfStore, isCsrfRefusal, tokenIn } from './csrf';
import type { CsrfTokens } from './csrf';
import { GwsRequestError, errorFromResponse, networkError } from './errors';

/** Where GWS hands out the CSRF token to a GET. */
export const ME_PATH = '/api/v2/me';
/**
 * A GET without an answer by then fails as a network error. After a network blip a request can
 * land on a dead keep-alive connection and hang for minutes; the snapshot read is how the widget
 * recovers from a gap, so it must end (and be retried or shown), never hang silently.
 */
export const GET_TIMEOUT_MS = 20_000;

export interface GwsHttpOptions {
  /** Origin (and path prefix) of GWS, e.g. `https://gws.example:8090`. Default `''`: same origin. */
  readonly gwsBase?: string;
  /** The fetch to use. Default: the global `fetch`, looked up at call time. */
  readonly fetch?: typeof fetch;
  /** Sent as `x-api-key` on every request when set (an API gateway in front of GWS may require one). */
  readonly apiKey?: string;
}

/** JSON over HTTP with the session cookie, CSRF handling and error mapping shared by every GWS call. */
export interface GwsHttp {
  readonly gwsBase: string;
  /** GET; resolves with the parsed body of a 2xx answer, rejects with a `GwsRequestError`. */
  get(path: string, signal?: AbortSignal): Promise<unknown>;
  /** POST a JSON body with the CSRF header; one retry after refreshing a refused token. */
  post(path: string, body: unknown, signal?: AbortSignal): Promise<unknown>;
  /** The token these requests learn and send, for the CometD channel's requests. */
  readonly csrf: CsrfTokens;
}

interface Answer {
  readonly ok: boolean;
  readonly status: number;
  readonly statusText: string;
  readonly headers: Headers;
  /** Parsed JSON, or the text when it is not JSON, or undefined when empty. */
  readonly body: unknown;
  /**
   * Redirected to a web page (HTML): a single sign-on front or an authenticating proxy sent the
   * request to its sign-in page, GWS never saw it. The URL it ended at.
   */
  readonly signInPage?: string;
}

/** A redirect that ended on a web page rather than on GWS's JSON: a sign-in page. */
export function signInPageOf(response: Response): string | undefined {
  if (!response.redirected) return undefined;
  const type = response.headers.get('Content-Type') ?? '';
  return /\btext\/html\b/i.test(type) ? response.url : undefined;
}

/** The session has ended where GWS's front says so by sending the browser to its sign-in page. */
export function signInPageError(url: string): GwsRequestError {
  return new GwsRequestError({
    kind: 'unauthorized',
    status: 401,
    message: `Your session has ended: the request was sent to a sign-in page${url === '' ? '' : ` (${url})`}, not to GWS. Sign in again, then reconnect.`,
    reason: 'sign-in-page',
  });
}

function readBody(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** `gwsBase` as every URL is built from it: no trailing slash, `''` for the page's own origin. */
export function normalizeGwsBase(gwsBase: string | undefined): string {
  return (gwsBase ?? '').replace(/\/+$/, '');
}

function ignore(): void {}


export function createGwsHttp(options: GwsHttpOptions = {}): GwsHttp {
  const gwsBase = normalizeGwsBase(options.gwsBase);
  const doFetch: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const csrf = createCsrfStore();
  let refreshing: Promise<unknown> | undefined;
  /** Requests sent and not answered yet. */
  let inFlight = 0;
  /** GWS answered once: from then on, the token is known if GWS hands one out. */
  let answered = false;
  /**
   * `GET /api/v2/me`, asked for the token, was answered without one: this GWS hands none out (or
   * its CORS hides it). A POST then goes without asking again first; a refusal for want of one
   * still reads one and retries.
   */
  let handsOutNoToken = false;
  const waitingForAnswer: (() => void)[] = [];

  function gwsAnswered(): void {
    if (answered) return;
    answered = true;
    for (const resolve of waitingForAnswer.splice(0)) resolve();
  }

  async function send(method: 'GET' | 'POST', path: string, body: unknown, signal: AbortSignal | undefined): Promise<Answer> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (options.apiKey) headers['x-api-key'] = options.apiKey;
    if (method === 'POST') {
      headers['Content-Type'] = 'application/json';
      const token = csrf.current();
      if (token) headers[token.header] = token.value;
    }
    inFlight += 1;
    try {
      const response = await doFetch(`${gwsBase}${path}`, {
        method,
        headers,
        // The JSESSIONID cookie is the session, also when GWS is on another origin.
        credentials: 'include',
        body: method === 'POST' ? JSON.stringify(body) : undefined,
        signal,
      });
      // Every answer may carry a fresh token; GWS hands it out on GETs (spec §3).
      csrf.remember(response.headers);
      const signInPage = signInPageOf(response);
      // The session is gone, and its token with it: the next session's is read afresh (a POST or
      // a handshake sent with the old one would be refused, and taken for the session's end again).
      if (response.status === 401 || signInPage !== undefined) {
        csrf.forget();
        // The next session's GWS may hand one out: asked again before its first POST.
        handsOutNoToken = false;
      } else if (method === 'GET' && path === ME_PATH && response.ok) {
        // Decided by this answer's own headers, not by the shared store (another request's 401 may
        // have emptied it meanwhile).
        handsOutNoToken = tokenIn(response.headers) === undefined;
      }
      gwsAnswered();
      const text = await response.text();
      const answer: Answer = { ok: response.ok, status: response.status, statusText: response.statusText, headers: response.headers, body: readBody(text) };
      return signInPage === undefined ? answer : { ...answer, signInPage };
    } catch (error) {
      if (signal?.aborted) throw error;
      // GWS cannot be reached: nothing waits for a token that will not come now.
      gwsAnswered();
      throw networkError(error);
    } finally {
      inFlight -= 1;
    }
  }

  async function get(path: string, signal?: AbortSignal): Promise<unknown> {
    const deadline = new AbortController();
    const forward = () => deadline.abort(signal?.reason);
    if (signal?.aborted) forward();
    else signal?.addEventListener('abort', forward, { once: true });
    const timer = setTimeout(() => deadline.abort(), GET_TIMEOUT_MS);
    let answer: Answer;
    try {
      answer = await send('GET', path, undefined, deadline.signal);
    } catch (error) {
      if (deadline.signal.aborted && !signal?.aborted) {
        throw new GwsRequestError({ kind: 'network', message: `Cannot reach GWS: no answer within ${GET_TIMEOUT_MS / 1000} s.`, reason: 'unreachable' });
      }
      throw error;
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', forward);
    }
    if (answer.signInPage !== undefined) throw signInPageError(answer.signInPage);
    if (!answer.ok) throw errorFromResponse(answer.status, answer.statusText, answer.body);
    return answer.body;
  }

  /** One GET /api/v2/me at a time, however many POSTs need a token at once. */
  function refreshToken(): Promise<unknown> {
    refreshing ??= get(ME_PATH).finally(() => {
      refreshing = undefined;
    });
    return refreshing;
  }

  async function post(path: string, body: unknown, signal?: AbortSignal): Promise<unknown> {
    if (!csrf.current() && !handsOutNoToken) await refreshToken();
    let answer = await send('POST', path, body, signal);
    if (isCsrfRefusal(answer.status, answer.body, answer.statusText)) {
      // The token expired with its session or was rotated: fetch a new one and retry once.
      csrf.forget();
      await refreshToken();
      answer = await send('POST', path, body, signal);
    }
    if (answer.signInPage !== undefined) throw signInPageError(answer.signInPage);
    if (!answer.ok) throw errorFromResponse(answer.status, answer.statusText, answer.body);
    return answer.body;
  }

  const tokens: CsrfTokens = {
    current: () => csrf.current(),
    subscribe: (listener) => csrf.subscribe(listener),
    ready() {
      if (answered || csrf.current() !== undefined) return Promise.resolve();
      const done = new Promise<void>((resolve) => waitingForAnswer.push(resolve));
      // The client reads the snapshot as it connects, in the same task; only when nothing at all
      // is on its way does the token need a request of its own.
      setTimeout(() => {
        if (!answered && inFlight === 0) refreshToken().catch(() => undefined);
      }, 0);
      return done;
    },
    refresh: () => refreshToken().then(ignore, ignore),
  };

  return { gwsBase, get, post, csrf: tokens };
}
