import { parseV3Answer } from '../../protocol/workspace-v3/parse';
import { GwsRequestError, httpFailureMessage, httpStatusReason, networkError } from '../errors';
import { GET_TIMEOUT_MS, normalizeGwsBase, signInPageError, signInPageOf } from '../http';

export interface WorkspaceV3HttpOptions {
  /** Origin (and path prefix) of the Workspace API. Default `''`: same origin. */
  readonly gwsBase?: string;
  /** The fetch to use. Default: the global `fetch`, looked up at call time. */
  readonly fetch?: typeof fetch;
  /** Sent as `x-api-key` on every request when set (some deployments require it). */
  readonly apiKey?: string;
}

/** JSON over HTTP with the session cookie. No CSRF: the Workspace API has none. */
export interface WorkspaceV3Http {
  readonly gwsBase: string;
  get(path: string, signal?: AbortSignal): Promise<unknown>;
  post(path: string, body: unknown, signal?: AbortSignal): Promise<unknown>;
}

function readBody(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/**
 * The error for a non-2xx answer. v3 bodies are `{status: {code, message}}`; 401 is a lost
 * session. (The simulator answers 403 without a body when the session cookie is unknown.)
 */
export function errorFromV3Response(status: number, statusText: string, body: unknown): GwsRequestError {
  const parsed = parseV3Answer(body);
  const code = parsed.ok ? parsed.answer.code : undefined;
  const message = parsed.ok ? parsed.answer.message : undefined;
  if (status === 401) {
    return new GwsRequestError({ kind: 'unauthorized', status, statusCode: code, message: message ?? 'Your Workspace session has ended. Please sign in again.', ...(message === undefined ? { reason: 'session-ended' } : {}) });
  }
  // A considered refusal is a client error's code. 403 may be the session not being ready yet (the
  // simulator's window after sign-in), 429 and 5xx say "not now": those are retried (a read) or
  // left in doubt (an action a gateway or the API gave up on), with the server's words kept.
  if (code !== undefined && code !== 0 && code !== 1 && status < 500 && status !== 403 && status !== 429) {
    return new GwsRequestError({ kind: 'status-code', status, statusCode: code, message: message ?? `The Workspace API refused the request (status code ${code}).`, ...(message === undefined ? { reason: 'status-code' } : {}) });
  }
  return new GwsRequestError({ kind: 'http', status, statusCode: code, message: message ?? httpFailureMessage('The Workspace API', status, statusText, body), ...(message === undefined ? httpStatusReason(body) : {}) });
}

export function createWorkspaceV3Http(options: WorkspaceV3HttpOptions = {}): WorkspaceV3Http {
  const gwsBase = normalizeGwsBase(options.gwsBase);
  const doFetch: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));

  async function send(method: 'GET' | 'POST', path: string, body: unknown, signal: AbortSignal | undefined): Promise<unknown> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (method === 'POST') headers['Content-Type'] = 'application/json';
    if (options.apiKey) headers['x-api-key'] = options.apiKey;
    let response: Response;
    let text: string;
    try {
      response = await doFetch(`${gwsBase}${path}`, {
        method,
        headers,
        // The session cookie (WORKSPACE_SESSIONID; WWE_CODE on the simulator) is the session.
        credentials: 'include',
        body: method === 'POST' ? JSON.stringify(body) : undefined,
        signal,
      });
      text = await response.text();
    } catch (error) {
      if (signal?.aborted) throw error;
      throw networkError(error, 'the Workspace API');
    }
    const signInPage = signInPageOf(response);
    if (signInPage !== undefined) throw signInPageError(signInPage);
    const parsed = readBody(text);
    if (!response.ok) throw errorFromV3Response(response.status, response.statusText, parsed);
    return parsed;
  }

  return {
    gwsBase,
    async get(path, signal) {
      // Same reason as v2: a GET on a dead keep-alive connection must end, never hang.
      const deadline = new AbortController();
      const forward = () => deadline.abort(signal?.reason);
      if (signal?.aborted) forward();
      else signal?.addEventListener('abort', forward, { once: true });
      const timer = setTimeout(() => deadline.abort(), GET_TIMEOUT_MS);
      try {
        return await send('GET', path, undefined, deadline.signal);
      } catch (error) {
        if (deadline.signal.aborted && !signal?.aborted) {
          throw new GwsRequestError({ kind: 'network', message: `Cannot reach the Workspace API: no answer within ${GET_TIMEOUT_MS / 1000} s.`, reason: 'unreachable' });
        }
        throw error;
      } finally {
        clearTimeout(timer);
        signal?.removeEventListener('abort', forward);
      }
    },
    post: (path, body, signal) => send('POST', path, body, signal),
  };
}
