import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HttpSession, HttpSessions, HttpSessionsOptions } from './http-sessions';
import type { MockEngine } from './mock-engine';
import type { RestLogDetail } from './rest-routes';
import type { MockGwsOptions } from './types';
import type { MockWire } from './wire';

/** What a dialect's REST routes get from the handler. */
export interface RestContext {
  readonly engine: MockEngine;
  readonly sessions: HttpSessions;
  readonly host: string;
  readonly userName: string;
}

/**
 * One dialect's HTTP side: which paths it answers, its session cookie, how it refuses a request
 * without a session, and its REST routes. The handler does the rest (network cut, sessions,
 * CometD, the request log, CORS and the control routes), the same for every dialect.
 */
export interface DialectApi {
  readonly wire: MockWire;
  /** Path prefixes of the API (REST and CometD), e.g. `/api/v2`. */
  readonly apiPrefixes: readonly string[];
  /** Where the control routes live: `/mock/` for GWS v2, `/mock/v3/` for v3 (both fit on one origin). */
  readonly controlPrefix: string;
  readonly builtInData: readonly unknown[];
  /** The user a session belongs to when none signed in. */
  readonly defaultUserName: string;
  sessionsOptions(options: MockGwsOptions): HttpSessionsOptions;
  /** Answers a request that needs no session (v3's sign-in); false when `path` is not one. */
  withoutSession(req: IncomingMessage, res: ServerResponse, path: string, context: RestContext): Promise<boolean> | boolean;
  /**
   * A request without a live session. CometD requests of a v3 session the server forgot are
   * handed to CometD (`'forget'`): they handshake into sessions that are unknown at once.
   */
  refuse(req: IncomingMessage, res: ServerResponse, reason: 'expired' | 'credentials', isCometd: boolean, sessions: HttpSessions): 'forget' | undefined;
  /**
   * Answers `403` to a POST/PUT/DELETE without the session's CSRF token and returns true; false
   * lets the request through. Absent: the dialect has no CSRF.
   */
  refuseWithoutCsrf?(req: IncomingMessage, res: ServerResponse, session: HttpSession): boolean;
  /** A REST request with a live session. */
  handleRest(req: IncomingMessage, res: ServerResponse, path: string, session: HttpSession, context: RestContext, detail: RestLogDetail): Promise<void> | void;
}
