/** A recorded request of {@link createFakeFetch}. */
export interface FakeRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Headers;
  readonly credentials: RequestCredentials | undefined;
  readonly body: unknown;
  /** The signal the caller passed, if any. */
  readonly signal: AbortSignal | undefined;
  /**
   * Whether the caller gave up on this request: its signal aborted before the answer arrived (the
   * fetch then rejected), or while its body was still unread. Like real `fetch`, aborting does
   * not stop the route: a POST the server already received still happens there.
   */
  readonly aborted: boolean;
}

export type FakeRoute = (request: FakeRequest) => Response | Promise<Response>;

type MutableRequest = { -readonly [K in keyof FakeRequest]: FakeRequest[K] };

/** What `fetch` rejects with when its signal aborts: the signal's reason (an `AbortError` by default). */
function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('This operation was aborted', 'AbortError');
}

/** The same response, whose body errors with the abort reason if the signal aborts before it is read. */
function abortableBody(response: Response, signal: AbortSignal, request: MutableRequest): Response {
  const source = response.body;
  if (source === null) return response;
  const reader = source.getReader();
  let onAbort: (() => void) | undefined;
  const stopListening = () => {
    if (onAbort !== undefined) signal.removeEventListener('abort', onAbort);
    onAbort = undefined;
  };
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      onAbort = () => {
        stopListening();
        request.aborted = true;
        controller.error(abortReason(signal));
        reader.cancel().catch(() => undefined);
      };
      signal.addEventListener('abort', onAbort, { once: true });
    },
    async pull(controller) {
      try {
        const chunk = await reader.read();
        if (onAbort === undefined) return; // Aborted meanwhile: the stream has already errored.
        if (chunk.done) {
          stopListening();
          controller.close();
        } else {
          controller.enqueue(chunk.value);
        }
      } catch (error) {
        stopListening();
        controller.error(error);
      }
    },
    cancel(reason) {
      stopListening();
      return reader.cancel(reason);
    },
  });
  const copy = new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  // What the constructor cannot set: where a redirect ended (a route may say so).
  if (response.redirected) Object.defineProperty(copy, 'redirected', { value: true });
  if (response.url !== '') Object.defineProperty(copy, 'url', { value: response.url });
  return copy;
}

/**
 * A `fetch` double for API and hook tests: routes each call to `handler` and records it.
 *
 * It honours `init.signal` as `fetch` does: an already-aborted signal rejects at once (the route is
 * not called: nothing reaches the server); a signal that aborts while the route has not answered
 * rejects the pending call at that moment, with the signal's reason (a `DOMException` named
 * `AbortError` unless `abort(reason)` gave another), and a body not yet read then errors the same
 * way. Each recorded request says whether it was `aborted`. The route itself runs on: a server
 * does not undo what it received because the client stopped listening.
 */
export function createFakeFetch(handler: FakeRoute) {
  const requests: FakeRequest[] = [];
  const fetchFn = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const signal = init?.signal ?? undefined;
    const request: MutableRequest = {
      method: init?.method ?? 'GET',
      url: typeof input === 'string' ? input : input instanceof URL ? input.href : input.url,
      headers: new Headers(init?.headers),
      credentials: init?.credentials,
      body: typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined,
      signal,
      aborted: false,
    };
    requests.push(request);
    if (signal?.aborted) {
      request.aborted = true;
      return Promise.reject(abortReason(signal));
    }
    return new Promise<Response>((resolve, reject) => {
      const onAbort = () => {
        request.aborted = true;
        reject(abortReason(signal as AbortSignal));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      // Called on a later microtask, as a real request leaves after fetch() returned.
      Promise.resolve()
        .then(() => handler(request))
        .then(
          (response) => {
            signal?.removeEventListener('abort', onAbort);
            resolve(signal === undefined ? response : abortableBody(response, signal, request));
          },
          (error: unknown) => {
            signal?.removeEventListener('abort', onAbort);
            reject(error);
          },
        );
    });
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
