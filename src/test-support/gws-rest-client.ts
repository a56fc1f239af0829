import { CookieJar } from './cookie-jar';

export interface JsonAnswer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: unknown;
}

/**
 * A minimal GWS REST client for tests: keeps JSESSIONID in a jar (fetch in Node has none) and
 * sends the CSRF token learnt from the last GET.
 */
export class GwsRestClient {
  readonly jar: CookieJar;
  readonly #base: string;
  csrfToken: string | undefined;

  constructor(base: string, jar = new CookieJar()) {
    this.#base = base;
    this.jar = jar;
  }

  async request(method: string, path: string, init: { body?: unknown; headers?: Record<string, string>; csrf?: boolean } = {}): Promise<JsonAnswer> {
    const headers: Record<string, string> = { ...init.headers };
    const cookie = this.jar.header();
    if (cookie) headers.Cookie = cookie;
    if (init.body !== undefined) headers['Content-Type'] = 'application/json';
    if (init.csrf !== false && method !== 'GET' && this.csrfToken) headers['X-CSRF-TOKEN'] = this.csrfToken;
    const response = await fetch(`${this.#base}${path}`, {
      method,
      headers,
      ...(init.body === undefined ? {} : { body: typeof init.body === 'string' ? init.body : JSON.stringify(init.body) }),
    });
    this.jar.storeFrom(response.headers);
    const token = response.headers.get('X-CSRF-TOKEN');
    if (token) this.csrfToken = token;
    const text = await response.text();
    let body: unknown = text;
    try {
      body = text === '' ? undefined : JSON.parse(text);
    } catch {
      // Not JSON: keep the text.
    }
    return { status: response.status, headers: response.headers, body };
  }

  /** Opens a session (JSESSIONID + CSRF token) the way the widget does: `GET /api/v2/me`. */
  login(headers?: Record<string, string>): Promise<JsonAnswer> {
    return this.request('GET', '/api/v2/me', headers ? { headers } : {});
  }

  get(path: string): Promise<JsonAnswer> {
    return this.request('GET', path);
  }

  post(path: string, body?: unknown, options: { csrf?: boolean } = {}): Promise<JsonAnswer> {
    return this.request('POST', path, { ...(body === undefined ? {} : { body }), ...options });
  }

  /** Operation on an interaction. */
  operate(mediaType: string, id: string, body: unknown): Promise<JsonAnswer> {
    return this.post(`/api/v2/me/openmedia/${mediaType}/${id}`, body);
  }

  /** `POST /mock/<route>` (no CSRF: the control routes are a test tool). */
  mock(route: string, body?: unknown): Promise<JsonAnswer> {
    return this.post(`/mock/${route}`, body, { csrf: false });
  }
}
