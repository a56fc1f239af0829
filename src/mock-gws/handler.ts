import type { IncomingMessage, ServerResponse } from 'node:http';
import type { OpenmediaResourceWire } from '../protocol/types';
import { BurstRunner } from './burst';
import { CometdEndpoint } from './cometd-endpoint';
import { createMockControl } from './control';
import { applyCors } from './cors';
import type { DialectApi, RestContext } from './dialect-api';
import { NetworkCut } from './faults';
import { GWS_V2_API } from './gws-v2-api';
import { addSetCookie, sendJson } from './http-io';
import { HttpSessions } from './http-sessions';
import { handleMockRoute } from './mock-routes';
import { MockEngine } from './mock-engine';
import { RequestLog } from './request-log';
import type { RestLogDetail } from './rest-routes';
import { TrafficGenerator } from './traffic';
import type { MockControl, MockGwsOptions } from './types';
import { WORKSPACE_V3_API } from './workspace-v3/api';

export { CSRF_HEADER } from './gws-v2-api';

/** The mock as one connect-style handler, for a plain HTTP server or Vite's middleware stack. */
export interface MockGwsHandler<R = OpenmediaResourceWire> {
  /** Answers its dialect's API paths and control routes; anything else goes to `next` (or gets a 404). */
  handle(req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void): void;
  /** The dialect's HTTP side (its paths and control prefix). */
  readonly api: DialectApi;
  /** Typed for GWS v2 by default; a v3 mock's resources are v3 `interaction`s. */
  readonly control: MockControl<R>;
  /** Host for resource uris until a request (or `publicHost`) says otherwise. */
  setDefaultHost(host: string): void;
  /** Stops timers and releases held long-polls. */
  close(): void;
}

export function dialectApi(options: MockGwsOptions): DialectApi {
  return options.dialect === 'workspace-v3' ? WORKSPACE_V3_API : GWS_V2_API;
}

function under(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`);
}

export function createMockGwsHandler<R = OpenmediaResourceWire>(options: MockGwsOptions = {}): MockGwsHandler<R> {
  const api = dialectApi(options);
  const allowedOrigins = options.allowedOrigins ?? [];
  let host = options.publicHost ?? '127.0.0.1';
  const sessions = new HttpSessions(api.sessionsOptions(options));
  const cometd = new CometdEndpoint({
    longPollTimeoutMs: options.longPollTimeoutMs ?? 30_000,
    httpSessionOf: (req) => sessions.sessionIdOf(req.headers),
    refuseWildcardSubscriptions: options.refuseWildcardSubscriptions === true,
  });
  const engine = new MockEngine({
    initialData: options.initialData ?? api.builtInData,
    outcomeDelayMs: options.outcomeDelayMs ?? 50,
    host: () => host,
    sink: (data) => cometd.publish(api.wire.channelOf(data), data),
    wire: api.wire,
    leanStatusChanges: options.leanStatusChanges === true,
  });
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
  const context = (): RestContext => ({ engine, sessions, host, userName: options.basicAuth?.user ?? api.defaultUserName });

  function logWhenDone(req: IncomingMessage, res: ServerResponse, path: string, detail: RestLogDetail): void {
    const at = Date.now();
    res.on('close', () => {
      log.add({ at, method: req.method ?? '?', path, status: res.writableFinished ? res.statusCode : 0, ...detail });
    });
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const isCometd = under(path, api.wire.notificationsPath);
    const detail: RestLogDetail = {};
    // CometD traffic is logged only when refused; its long-polls would drown everything else.
    if (!isCometd) logWhenDone(req, res, path, detail);

    if (cut.isActive(Date.now())) {
      if (isCometd) logWhenDone(req, res, path, detail);
      req.socket.destroy();
      return;
    }
    if (options.publicHost === undefined && req.headers.host) host = req.headers.host;
    if (await api.withoutSession(req, res, path, context())) return;
    if (options.apiKey !== undefined && req.headers['x-api-key'] !== options.apiKey) {
      if (isCometd) logWhenDone(req, res, path, detail);
      sendJson(res, 403, { statusCode: 403, statusMessage: 'Missing or invalid API key (x-api-key)' });
      return;
    }

    const auth = sessions.authenticate(req.headers);
    if (!auth.ok) {
      if (isCometd) logWhenDone(req, res, path, detail);
      if (api.refuse(req, res, auth.reason, isCometd, sessions) === 'forget') cometd.handle(req, res, { forget: true });
      return;
    }
    const { session } = auth;
    if (auth.created) addSetCookie(res, sessions.cookieFor(session));

    inFlight.set(req, session.id);
    res.on('close', () => inFlight.delete(req));

    if (isCometd) {
      // By default the CometD endpoint is not CSRF-checked (the push channel is keyed on the session
      // cookie); `csrfOnCometd` checks it as a GWS whose CSRF filter covers every POST does.
      if (options.csrfOnCometd === true && api.refuseWithoutCsrf?.(req, res, session) === true) {
        logWhenDone(req, res, path, detail);
        return;
      }
      return cometd.handle(req, res);
    }
    return api.handleRest(req, res, path, session, context(), detail);
  }

  function route(req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void): Promise<void> | void {
    const path = new URL(req.url ?? '/', 'http://mock.invalid').pathname;
    const isApi = api.apiPrefixes.some((prefix) => under(path, prefix));
    const isMock = path.startsWith(api.controlPrefix);
    if (!isApi && !isMock) {
      if (next) return next();
      return sendJson(res, 404, { error: `not found: ${path}` });
    }
    if (applyCors(req, res, allowedOrigins)) return;
    if (isApi) return handleApi(req, res, path);
    const name = path.slice(api.controlPrefix.length);
    if (req.method !== 'GET') logWhenDone(req, res, path, {});
    return handleMockRoute(req, res, name, control, allowedOrigins, api.controlPrefix);
  }

  return {
    handle(req, res, next) {
      Promise.resolve()
        .then(() => route(req, res, next))
        .catch((error: unknown) => {
          sendJson(res, 500, { statusCode: 4, statusMessage: `Mock GWS internal error: ${error instanceof Error ? error.message : String(error)}` });
        });
    },
    api,
    // The dialect decides what a resource looks like; R only names it for the caller.
    control: control as unknown as MockControl<R>,
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
