import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from './http-io';
import { BUILT_IN_DATA } from './initial-data';
import { GWS_V2_WIRE } from './gws-v2-wire';
import { handleRestRoute } from './rest-routes';
import type { DialectApi } from './dialect-api';
import type { HttpSession } from './http-sessions';

export const CSRF_HEADER = 'X-CSRF-TOKEN';
const CSRF_REFUSAL = { statusCode: 3, statusMessage: 'Missing or invalid Csrf token' };

/** A POST/PUT/DELETE without the session's token gets GWS's 403. */
function refuseWithoutCsrf(req: IncomingMessage, res: ServerResponse, session: HttpSession): boolean {
  if (req.method === 'GET' || req.method === 'HEAD' || req.headers[CSRF_HEADER.toLowerCase()] === session.csrfToken) return false;
  sendJson(res, 403, CSRF_REFUSAL);
  return true;
}

/** GWS v2's HTTP side: `/api/v2/**`, `JSESSIONID`, HTTP Basic, CSRF learnt from GETs, 401 when the session is gone. */
export const GWS_V2_API: DialectApi = {
  wire: GWS_V2_WIRE,
  apiPrefixes: ['/api/v2'],
  controlPrefix: '/mock/',
  builtInData: BUILT_IN_DATA,
  defaultUserName: 'dwhitfield',
  sessionsOptions: (options) => ({ ...(options.basicAuth ? { credentials: options.basicAuth } : {}), basicHeader: true }),
  withoutSession: () => false,
  refuse(_req, res, reason, _isCometd, sessions) {
    if (sessions.basicAuthEnabled) res.setHeader('WWW-Authenticate', 'Basic realm="GWS mock"');
    const statusMessage = reason === 'expired' ? 'The session has expired' : 'Authentication required';
    sendJson(res, 401, { statusCode: 3, statusMessage });
    return undefined;
  },
  refuseWithoutCsrf,
  handleRest(req, res, path, session, context, detail) {
    if (req.method === 'GET' || req.method === 'HEAD') {
      res.setHeader('X-CSRF-HEADER', CSRF_HEADER);
      res.setHeader(CSRF_HEADER, session.csrfToken);
    } else if (refuseWithoutCsrf(req, res, session)) {
      return;
    }
    return handleRestRoute(req, res, path, { engine: context.engine, host: context.host, userName: context.userName }, detail);
  },
};
