/** A recorded request of {@link createFakeFetch}. */
export interface FakeRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Headers;
  readonly credentials: RequestCredentials | undefined;
  readonly body: unknown;
}

export type FakeRoute = (request: FakeRequest) => Response | Promise<Response>;

/**
 * A `fetch` double for API and hook tests: routes each call to `handler` and records it.
 * Test-only; not part of the public API.
 */
export function createFakeFetch(handler: FakeRoute) {
  const requests: FakeRequest[] = [];
  const fetchFn = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request: FakeRequest = {
      method: init?.method ?? 'GET',
      url: typeof input === 'string' ? input : input instanceof URL ? input.href : input.url,
      headers: new Headers(init?.headers),
      credentials: init?.credentials,
      body: typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined,
    };
    requests.push(request);
    if (init?.signal?.aborted) throw new DOMException('aborted', 'AbortError');
    return handler(request);
  };
  return { fetch: fetchFn as typeof fetch, requests };
}

/** A JSON response with optional extra headers. */
export function json(body: unknown, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  return new Response(JSON.stringify(body), {
    status: init.status ?? 200,
    headers: { 'Content-Type': 'application/json', ...init.headers },
  });
}

/** The headers GWS adds to a GET to hand out the CSRF token. */
export function csrfHeaders(token: string, header = 'X-CSRF-TOKEN'): Record<string, string> {
  return { 'X-CSRF-HEADER': header, 'X-CSRF-TOKEN': token };
}
