import type { IncomingMessage, ServerResponse } from 'node:http';
import { readJsonBody, sendJson } from './http-io';
import {
  readBurst,
  readCount,
  readFailNext,
  readNetworkCut,
  readOffer,
  readPublish,
  readRaw,
  readSwitch,
  readTraffic,
  readUserDataChange,
  type Input,
} from './mock-input';
import { MockInputError, type MockControl } from './types';

type Control = MockControl<Record<string, unknown>>;
type PostRoute = (body: unknown, control: Control) => Input<unknown>;

function run<T>(input: Input<T>, act: (value: T) => unknown): Input<unknown> {
  return input.ok ? { ok: true, value: act(input.value) } : input;
}

/** `POST /mock/<name>`: read the body, call the control, answer its result. */
const POST_ROUTES: Readonly<Record<string, PostRoute>> = {
  offer: (b, c) => run(readOffer(b), (v) => c.offer(v.overrides)),
  'user-data': (b, c) => run(readUserDataChange(b), (v) => (c.setUserData(v.id, v.userData, v.deleteKeys), { ok: true })),
  traffic: (b, c) => run(readTraffic(b), (v) => (c.traffic(v.rate, v.seed), { ok: true, traffic: c.state().traffic })),
  'fail-next': (b, c) => run(readFailNext(b), (v) => (c.failNext(v), { ok: true, failNext: c.state().faults.failNext })),
  raw: (b, c) => run(readRaw(b), (v) => (c.publishRaw(v.data), { ok: true })),
  publish: (b, c) => run(readPublish(b), (v) => (c.publish(v), { ok: true })),
  'duplicate-next': (b, c) => run(readCount(b), (n) => (c.duplicateNext(n), { ok: true })),
  'reorder-next': (b, c) => run(readCount(b), (n) => (c.reorderNext(n), { ok: true })),
  'drop-sessions': (_b, c) => ({ ok: true, value: { ok: true, dropped: c.dropSessions() } }),
  'refuse-subscriptions': (b, c) => run(readSwitch(b), (on) => (c.refuseSubscriptions(on), { ok: true, refuseSubscriptions: on })),
  'expire-session': (_b, c) => ({ ok: true, value: { ok: true, expired: c.expireSession() } }),
  'restore-session': (_b, c) => ({ ok: true, value: { ok: true, restored: c.restoreSession() } }),
  'network-cut': (b, c) => run(readNetworkCut(b), (s) => (c.networkCut(s), { ok: true, until: c.state().faults.networkCutUntil })),
  reset: (_b, c) => (c.reset(), { ok: true, value: { ok: true } }),
  burst: (b, c) => run(readBurst(b), (v) => c.burst(v)),
};

const GET_ROUTES: Readonly<Record<string, (control: Control) => unknown>> = {
  state: (c) => c.state(),
  log: (c) => ({ requests: c.log() }),
};

/**
 * A browser sends `Origin` on every cross-origin POST. Refusing foreign origins keeps other pages
 * from driving the control routes (they have no CSRF token, being a test tool).
 */
function originAllowed(req: IncomingMessage, allowedOrigins: readonly string[]): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  if (allowedOrigins.includes(origin)) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

/** Answers a control request (`/mock/*`, or `/mock/v3/*` for the v3 mock): `name` is the rest of the path. */
export async function handleMockRoute(
  req: IncomingMessage,
  res: ServerResponse,
  name: string,
  control: Control,
  allowedOrigins: readonly string[],
  prefix = '/mock/',
): Promise<void> {
  const get = Object.hasOwn(GET_ROUTES, name) ? GET_ROUTES[name] : undefined;
  const post = Object.hasOwn(POST_ROUTES, name) ? POST_ROUTES[name] : undefined;
  if (!get && !post) return sendJson(res, 404, { error: `unknown mock route ${prefix}${name}` });
  if (get) {
    if (req.method !== 'GET') return sendJson(res, 405, { error: `use GET for ${prefix}${name}` });
    return sendJson(res, 200, get(control));
  }
  if (req.method !== 'POST' || !post) return sendJson(res, 405, { error: `use POST for ${prefix}${name}` });
  if (!originAllowed(req, allowedOrigins)) return sendJson(res, 403, { error: 'origin not allowed' });
  const body = await readJsonBody(req);
  if (!body.ok) return sendJson(res, body.error === 'too-large' ? 413 : 400, { error: `body: ${body.error}` });
  try {
    const result = post(body.value, control);
    if (!result.ok) return sendJson(res, 400, { error: result.error });
    return sendJson(res, 200, result.value);
  } catch (error) {
    if (error instanceof MockInputError) return sendJson(res, error.httpStatus, { error: error.message });
    throw error;
  }
}
