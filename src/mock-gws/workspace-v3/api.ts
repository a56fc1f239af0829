import type { DialectApi } from '../dialect-api';
import builtIn from './data/initial-interactions.json' with { type: 'json' };
import { handleV3Rest } from './rest-routes';
import { V3_COOKIE_ATTRIBUTES, V3_SESSION_COOKIE, handleV3SignIn } from './sign-in';
import { WORKSPACE_V3_WIRE } from './wire';

/**
 * The Workspace API v3's HTTP side: `/workspace/v3/**` and the simulator's `/auth/v3/sign-in`,
 * the `WWE_CODE` cookie, no CSRF. A request without a live session gets 403 with no body, as the
 * simulator answers; its CometD handshakes succeed into sessions unknown at once (402), as the
 * simulator's do after a restart.
 */
export const WORKSPACE_V3_API: DialectApi = {
  wire: WORKSPACE_V3_WIRE,
  apiPrefixes: ['/workspace/v3', '/auth/v3'],
  controlPrefix: '/mock/v3/',
  builtInData: builtIn,
  defaultUserName: 'JohnSmith',
  sessionsOptions: (options) => ({
    cookieName: V3_SESSION_COOKIE,
    cookieAttributes: V3_COOKIE_ATTRIBUTES,
    idBytes: 2,
    ...(options.basicAuth ? { credentials: options.basicAuth } : {}),
    basicHeader: false,
  }),
  withoutSession: (req, res, path, context) => handleV3SignIn(req, res, path, context),
  refuse(_req, res, _reason, isCometd) {
    if (isCometd) return 'forget';
    res.statusCode = 403;
    res.end();
    return undefined;
  },
  handleRest: (req, res, path, _session, context, detail) => handleV3Rest(req, res, path, context, detail),
};
