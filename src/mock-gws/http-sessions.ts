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

/**
 * The HTTP sessions GWS keys on `JSESSIONID`. Each has its own CSRF token. An expired session stays
 * known (so its requests get 401) until it is restored or a Basic login replaces it.
 */
export class HttpSessions {
  readonly #basicAuth: { readonly user: string; readonly password: string } | undefined;
  readonly #sessions = new Map<string, HttpSession>();

  constructor(basicAuth?: { readonly user: string; readonly password: string }) {
    this.#basicAuth = basicAuth;
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
    const cookieId = parseCookies(headers.cookie).get(SESSION_COOKIE);
    const existing = cookieId === undefined ? undefined : this.#sessions.get(cookieId);
    if (existing && !existing.expired) return { ok: true, session: existing, created: false };
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
    return `${SESSION_COOKIE}=${session.id}; Path=/; HttpOnly`;
  }

  /** The session id a request carries, valid or not. */
  sessionIdOf(headers: IncomingHttpHeaders): string | undefined {
    return parseCookies(headers.cookie).get(SESSION_COOKIE);
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
    const session: HttpSession = {
      id: randomBytes(16).toString('hex').toUpperCase(),
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
