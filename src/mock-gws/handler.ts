import type { IncomingMessage, ServerResponse } from 'node:http';
import { BurstRunner } from './burst';
import { CometdEndpoint, NOTIFICATIONS_PATH } from './cometd-endpoint';
import { createMockControl } from './control';
import { applyCors } from './cors';
import { NetworkCut } from './faults';
import { addSetCookie, sendJson } from './http-io';
import { HttpSessions } from './http-sessions';
import { BUILT_IN_DATA } from './initial-data';
import { handleMockRoute } from './mock-routes';
import { MockEngine } from './mock-engine';
import { RequestLog } from './request-log';
import { handleRestRoute, type RestLogDetail } from './rest-routes';
import { TrafficGenerator } from './traffic';
import type { MockControl, MockGwsOptions } from './types';

export const CSRF_HEADER = 'X-CSRF-TOKEN';
const CSRF_REFUSAL = { statusCode: 3, statusMessage: 'Missing or invalid Csrf token' };

/** The mock as one connect-style handler, for a plain HTTP server or Vite's middleware stack. */
export interface MockGwsHandler {
  /** Answers `/api/v2/**` and `/mock/**`; anything else goes to `next` (or gets a 404). */
  handle(req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void): void;
  readonly control: MockControl;
  /** Host for resource uris until a request (or `publicHost`) says otherwise. */
  setDefaultHost(host: string): void;
  /** Stops timers and releases held long-polls. */
  close(): void;
}

export function createMockGwsHandler(options: MockGwsOptions = {}): MockGwsHandler {
  const allowedOrigins = options.allowedOrigins ?? [];
  let host = options.publicHost ?? '127.0.0.1';
  const cometd = new CometdEndpoint({ longPollTimeoutMs: options.longPollTimeoutMs ?? 30_000 });
  const engine = new MockEngine({
    initialData: options.initialData ?? BUILT_IN_DATA,
    outcomeDelayMs: options.outcomeDelayMs ?? 50,
    host: () => host,
    sink: (data) => cometd.publish(data),
  });
  const sessions = new HttpSessions(options.basicAuth);
  const cut = new NetworkCut();
  const log = new RequestLog();
  const inFlight = new Map<IncomingMessage, string | undefined>();
  const traffic = new TrafficGenerator(engine);
  const burst = new BurstRunner(engine);
  const control = createMockControl({
    engine,
    cometd,
    sessions,
    cut,
    log,
    traffic,
    burst,
    destroyInFlight(matches) {
      for (const [req, sessionId] of inFlight) if (matches(sessionId)) req.socket.destroy();
    },
  });

  function logWhenDone(req: IncomingMessage, res: ServerResponse, path: string, detail: RestLogDetail): void {
    const at = Date.now();
    res.on('close', () => {
      log.add({ at, method: req.method ?? '?', path, status: res.writableFinished ? res.statusCode : 0, ...detail });
    });
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const isCometd = path === NOTIFICATIONS_PATH || path.startsWith(`${NOTIFICATIONS_PATH}/`);
    const detail: RestLogDetail = {};
    // CometD traffic is logged only when refused; its long-polls would drown everything else.
    if (!isCometd) logWhenDone(req, res, path, detail);

    if (cut.isActive(Date.now())) {
      if (isCometd) logWhenDone(req, res, path, detail);
      req.socket.destroy();
      return;
    }
    const auth = sessions.authenticate(req.headers);
    if (!auth.ok) {
      if (isCometd) logWhenDone(req, res, path, detail);
      if (sessions.basicAuthEnabled) res.setHeader('WWW-Authenticate', 'Basic realm="GWS mock"');
      const statusMessage = auth.reason === 'expired' ? 'The session has expired' : 'Authentication required';
      return sendJson(res, 401, { statusCode: 3, statusMessage });
    }
    const { session } = auth;
    if (auth.created) addSetCookie(res, sessions.cookieFor(session));
    if (options.publicHost === undefined && req.headers.host) host = req.headers.host;

    inFlight.set(req, session.id);
    res.on('close', () => inFlight.delete(req));

    // The CometD endpoint is not CSRF-checked: Bayeux clients do not send the token, and GWS keys
    // the push channel on the session cookie alone.
    if (isCometd) return cometd.handle(req, res);

    if (req.method === 'GET' || req.method === 'HEAD') {
      res.setHeader('X-CSRF-HEADER', CSRF_HEADER);
      res.setHeader(CSRF_HEADER, session.csrfToken);
    } else if (req.headers[CSRF_HEADER.toLowerCase()] !== session.csrfToken) {
      return sendJson(res, 403, CSRF_REFUSAL);
    }
    const userName = options.basicAuth?.user ?? 'dwhitfield';
    return handleRestRoute(req, res, path, { engine, host, userName }, detail);
  }

  function route(req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void): Promise<void> | void {
    const path = new URL(req.url ?? '/', 'http://mock.invalid').pathname;
    const isApi = path === '/api/v2' || path.startsWith('/api/v2/');
    const isMock = path.startsWith('/mock/');
    if (!isApi && !isMock) {
      if (next) return next();
      return sendJson(res, 404, { error: `not found: ${path}` });
    }
    if (applyCors(req, res, allowedOrigins)) return;
    if (isApi) return handleApi(req, res, path);
    const name = path.slice('/mock/'.length);
    if (req.method !== 'GET') logWhenDone(req, res, path, {});
    return handleMockRoute(req, res, name, control, allowedOrigins);
  }

  return {
    handle(req, res, next) {
      Promise.resolve()
        .then(() => route(req, res, next))
        .catch((error: unknown) => {
          sendJson(res, 500, { statusCode: 4, statusMessage: `Mock GWS internal error: ${error instanceof Error ? error.message : String(error)}` });
        });
    },
    control,
    setDefaultHost(value) {
      if (options.publicHost === undefined) host = value;
    },
    close() {
      traffic.stop();
      burst.stop();
      engine.close();
      cometd.close();
    },
  };
}
