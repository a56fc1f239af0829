import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RestContext } from '../dialect-api';
import { addSetCookie, sendJson } from '../http-io';
import { v3Status } from './rest-routes';

/** The simulator's session cookie (a production server's is `WORKSPACE_SESSIONID`). */
export const V3_SESSION_COOKIE = 'WWE_CODE';
export const V3_COOKIE_ATTRIBUTES = 'Path=/; HttpOnly; SameSite=Lax';

const MAX_FORM_BYTES = 16 * 1024;

function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  return new Promise((resolve) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      if (text.length < MAX_FORM_BYTES) text += chunk;
    });
    req.on('end', () => resolve(new URLSearchParams(text)));
    req.on('error', () => resolve(new URLSearchParams()));
  });
}

function redirect(res: ServerResponse, location: string): void {
  res.statusCode = 302;
  res.setHeader('Location', location);
  res.end();
}

/**
 * The simulator's sign-in (spec, "Sign-in"): `POST /auth/v3/sign-in` with a form body answers
 * 302 to `/workspace/v3/start?code=…`; `GET /workspace/v3/initialize-workspace?code=…` (or
 * `/workspace/v3/start?code=…`) sets the session cookie and answers `{status: {code: 1}}`.
 * Without configured credentials any sign-in succeeds (and a request without a session gets one).
 * Returns false for any other path.
 */
export async function handleV3SignIn(req: IncomingMessage, res: ServerResponse, path: string, context: RestContext): Promise<boolean> {
  const url = new URL(req.url ?? '/', `http://${context.host}`);
  if (path === '/auth/v3/sign-in') {
    if (req.method !== 'POST') {
      sendJson(res, 405, v3Status(400, 'Use POST with a form body'));
      return true;
    }
    const form = await readForm(req);
    // The simulator's user names carry the tenant's backslash: `\JohnSmith`.
    const user = (form.get('username') ?? '').replace(/^\\/, '');
    if (user === '' || !context.sessions.credentialsMatch(user, form.get('password') ?? '')) {
      redirect(res, `http://${context.host}/auth/sign-in.html?error&type=workspace`);
      return true;
    }
    const session = context.sessions.create();
    const back = form.get('wweURI') ?? `http://${context.host}/ui/wwe/index.html`;
    redirect(res, `http://${context.host}/workspace/v3/start?code=${session.id}&redirect_uri=${back}`);
    return true;
  }
  if (path === '/workspace/v3/initialize-workspace' || path === '/workspace/v3/start') {
    const code = url.searchParams.get('code') ?? '';
    const known = context.sessions.get(code);
    const session = known && !known.expired ? known : context.sessions.basicAuthEnabled ? undefined : context.sessions.create();
    if (!session) {
      sendJson(res, 403, v3Status(403, 'Unknown or expired authorization code'));
      return true;
    }
    addSetCookie(res, context.sessions.cookieFor(session));
    sendJson(res, 200, v3Status(1));
    return true;
  }
  return false;
}
