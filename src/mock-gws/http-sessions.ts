import { randomBytes } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

export const SESSION_COOKIE = 'JSESSIONID';
/** Clients that never send cookies (curl) would otherwise grow the table forever. */
const MAX_SESSIONS = 1000;

export interface HttpSession {
  readonly id: string;
  readonly csrfToken: string;
  expired: boolean;
}

export type AuthResult =
  | { readonly ok: true; readonly session: HttpSession; readonly created: boolean }
  | { readonly ok: false; readonly reason: 'expired' | 'credentials' };

export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) cookies.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  return cookies;
}

function parseBasic(header: string | undefined): { user: string; password: string } | undefined {
  const m = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
  if (!m?.[1]) return undefined;
  const decoded = Buffer.from(m[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

export interface HttpSessionsOptions {
  /** Cookie that carries the session: GWS's `JSESSIONID` (default), the v3 simulator's `WWE_CODE`. */
  readonly cookieName?: string;
  /** Attributes of the `Set-Cookie`. Default `Path=/; HttpOnly`. */
  readonly cookieAttributes?: string;
  /** Session ids: default 32 hex characters (the v3 simulator's codes are 4). */
  readonly idBytes?: number;
  /**
   * Credentials a new session needs. With `basicHeader` (GWS v2) they come as HTTP Basic on any
   * request; without it (v3) only a sign-in route creates sessions (`create`).
   */
  readonly credentials?: { readonly user: string; readonly password: string };
  readonly basicHeader?: boolean;
}

/**
 * The HTTP sessions, keyed on a cookie (`JSESSIONID` for GWS). Each has its own CSRF token (v2
 * uses it). An expired session stays known (so its requests are refused) until it is restored or
 * a new login replaces it.
 */
export class HttpSessions {
  readonly #basicAuth: { readonly user: string; readonly password: string } | undefined;
  readonly #basicHeader: boolean;
  readonly #cookieName: string;
  readonly #cookieAttributes: string;
  readonly #idBytes: number;
  readonly #sessions = new Map<string, HttpSession>();

  constructor(options: HttpSessionsOptions = {}) {
    this.#basicAuth = options.credentials;
    this.#basicHeader = options.basicHeader ?? true;
    this.#cookieName = options.cookieName ?? SESSION_COOKIE;
    this.#cookieAttributes = options.cookieAttributes ?? 'Path=/; HttpOnly';
    this.#idBytes = options.idBytes ?? 16;
  }

  /** Whether `user` / `password` are what a new session needs (always, when none are configured). */
  credentialsMatch(user: string, password: string): boolean {
    return this.#basicAuth === undefined || (user === this.#basicAuth.user && password === this.#basicAuth.password);
  }

  /** A new session (a sign-in route's, once it checked the credentials). */
  create(): HttpSession {
    return this.#create();
  }

  /** The session with this id, live or expired. */
  get(id: string): HttpSession | undefined {
    return this.#sessions.get(id);
  }

  get basicAuthEnabled(): boolean {
    return this.#basicAuth !== undefined;
  }

  /**
   * The session a request belongs to. Without Basic auth configured, a request without a known
   * cookie gets a new session; with it, only valid credentials do. An expired session is refused
   * unless valid credentials come along (a new login).
   */
  authenticate(headers: IncomingHttpHeaders): AuthResult {
    const cookieId = parseCookies(headers.cookie).get(this.#cookieName);
    const existing = cookieId === undefined ? undefined : this.#sessions.get(cookieId);
    if (existing && !existing.expired) return { ok: true, session: existing, created: false };
    if (this.#basicAuth && !this.#basicHeader) return { ok: false, reason: existing ? 'expired' : 'credentials' };
    if (this.#basicAuth) {
      const credentials = parseBasic(headers.authorization);
      const valid =
        credentials !== undefined &&
        credentials.user === this.#basicAuth.user &&
        credentials.password === this.#basicAuth.password;
      if (!valid) return { ok: false, reason: existing ? 'expired' : 'credentials' };
    } else if (existing) {
      return { ok: false, reason: 'expired' };
    }
    return { ok: true, session: this.#create(), created: true };
  }

  /** `Set-Cookie` value for a new session. */
  cookieFor(session: HttpSession): string {
    return `${this.#cookieName}=${session.id}; ${this.#cookieAttributes}`;
  }

  /** The session id a request carries, valid or not. */
  sessionIdOf(headers: IncomingHttpHeaders): string | undefined {
    return parseCookies(headers.cookie).get(this.#cookieName);
  }

  isExpired(id: string | undefined): boolean {
    return id !== undefined && this.#sessions.get(id)?.expired === true;
  }

  /** Invalidates every live session; returns how many. */
  expireAll(): number {
    let n = 0;
    for (const s of this.#sessions.values()) {
      if (!s.expired) {
        s.expired = true;
        n += 1;
      }
    }
    return n;
  }

  /** Makes expired sessions valid again; returns how many. */
  restoreAll(): number {
    let n = 0;
    for (const s of this.#sessions.values()) {
      if (s.expired) {
        s.expired = false;
        n += 1;
      }
    }
    return n;
  }

  get expiredCount(): number {
    let n = 0;
    for (const s of this.#sessions.values()) if (s.expired) n += 1;
    return n;
  }

  #create(): HttpSession {
    let id: string;
    // GWS's JSESSIONID is upper-case hex; the simulator's WWE_CODE lower-case.
    do id = this.#idBytes === 16 ? randomBytes(16).toString('hex').toUpperCase() : randomBytes(this.#idBytes).toString('hex');
    while (this.#sessions.has(id));
    const session: HttpSession = {
      id,
      csrfToken: randomBytes(16).toString('hex'),
      expired: false,
    };
    this.#sessions.set(session.id, session);
    if (this.#sessions.size > MAX_SESSIONS) {
      const oldest = this.#sessions.keys().next();
      if (!oldest.done) this.#sessions.delete(oldest.value);
    }
    return session;
  }
}
