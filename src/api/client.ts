import type { OperationRequest, RestAnswer } from '../protocol/types';
import type { CsrfTokens } from './csrf';
import { createGwsHttp, ME_PATH } from './http';
import type { GwsHttpOptions } from './http';
import { performOperation } from './operations';
import { fetchSnapshot } from './snapshot';
import type { SnapshotResult } from './snapshot';

/** The GWS REST calls the widget makes. Every request carries the session cookie. */
export interface GwsClient {
  /** GWS origin and prefix, without a trailing slash (`''` = same origin). Part of query keys. */
  readonly gwsBase: string;
  /** `GET /api/v2/me`: the agent's user resource (also hands out the CSRF token). */
  getMe(options?: { signal?: AbortSignal }): Promise<Readonly<Record<string, unknown>>>;
  /** The interactions of one media type (`GET /api/v2/me/openmedia/{mediaType}?fields=*`). */
  getSnapshot(mediaType: string, options?: { signal?: AbortSignal }): Promise<SnapshotResult>;
  /** Request an operation; see {@link performOperation} for what the answer means. */
  performOperation(
    mediaType: string,
    interactionId: string,
    request: OperationRequest,
    options?: { signal?: AbortSignal },
  ): Promise<RestAnswer>;
  /**
   * The session's CSRF token as these calls learn it. The client hands it to its CometD channel,
   * whose long-polling requests are POSTs too. Optional: a client without it (a test double, the
   * Workspace API v3's, which has no CSRF) leaves CometD's requests without a token.
   */
  readonly csrf?: CsrfTokens;
  /**
   * How the widget's own explanations name the server ("Cannot reach GWS", "It may have reached
   * the Workspace API …"). Default `'GWS'`.
   */
  readonly serverName?: string;
}

export type GwsClientOptions = GwsHttpOptions;

/**
 * Creates the GWS REST client. Requests use `credentials: 'include'`; POSTs carry the CSRF
 * header learnt from GET responses (fetching `/api/v2/me` first when none is known) and are
 * retried once after a CSRF refusal. Failures reject with a `GwsRequestError`.
 */
export function createGwsClient(options: GwsClientOptions = {}): GwsClient {
  const http = createGwsHttp(options);
  return {
    gwsBase: http.gwsBase,
    async getMe(opts) {
      const body = await http.get(ME_PATH, opts?.signal);
      return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
    },
    getSnapshot: (mediaType, opts) => fetchSnapshot(http, mediaType, opts?.signal),
    performOperation: (mediaType, interactionId, request, opts) =>
      performOperation(http, mediaType, interactionId, request, opts?.signal),
    csrf: http.csrf,
  };
}
