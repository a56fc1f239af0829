import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import type { RestContext } from '../dialect-api';
import { readJsonBody, sendJson } from '../http-io';
import type { MockEngine } from '../mock-engine';
import { performOperation } from '../operations';
import type { RestLogDetail } from '../rest-routes';
import { ENDED_STATES } from '../types';
import { readV3Request } from './operation-request';

/** `{status: {code, message?}}`, the body of every v3 answer (and of its HTTP errors). */
export function v3Status(code: number, message?: string): { status: { code: number; message?: string } } {
  return { status: message === undefined ? { code } : { code, message } };
}

/**
 * Codes of the mock's own refusals (what a production server sends is not documented): never 0,
 * 1 or 2, which mean done, accepted and partial success.
 */
const REFUSAL = { badRequest: 400, notFound: 404, notAllowed: 409 } as const;

/** The simulator answers a request without an operationId with one of its own (v3-06); its outcome carries none. */
function serverOperationId(): string {
  return randomBytes(8).toString('hex');
}

/** The media channels the simulator lists in current-session. */
const CHANNELS = ['email', 'workitem', 'outboundpreview'] as const;

/**
 * `GET /workspace/v3/current-session` in the simulator's shape (v3-01), trimmed to what a client
 * reads: every interaction still with the agent is listed under every media channel, as the
 * simulator does (the client de-duplicates by id).
 */
export function currentSessionBody(engine: MockEngine, userName: string): unknown {
  const interactions = engine.store.all().filter((r) => !ENDED_STATES.has(r.state)).map((r) => engine.wire(r));
  const timestamp = Date.now();
  return {
    status: { code: 0 },
    data: {
      configuration: {},
      user: {
        DBID: 101,
        firstName: 'John',
        lastName: 'Smith',
        userName,
        employeeId: userName,
        tenantDBID: 0,
        tenant: '',
        defaultPlace: `Place_${userName}`,
        agentLogin: '+33298025003',
        dbid: 101,
        activeSession: {
          media: {
            channels: CHANNELS.map((name) => ({ name, available: true, state: 'Ready', dnd: false, reasons: [], timestamp, interactions })),
          },
          calls: [],
        },
      },
    },
  };
}

function segmentsOf(path: string): string[] | undefined {
  try {
    return path.split('/').filter((s) => s !== '').map((s) => decodeURIComponent(s));
  } catch {
    return undefined;
  }
}

async function answerOperation(req: IncomingMessage, res: ServerResponse, engine: MockEngine, mediaType: string, id: string, verb: string, detail: RestLogDetail): Promise<void> {
  detail.operationName = verb;
  const body = await readJsonBody(req);
  if (!body.ok) {
    const tooLarge = body.error === 'too-large';
    return sendJson(res, tooLarge ? 413 : 400, v3Status(REFUSAL.badRequest, tooLarge ? 'The request body is too large' : 'The request body is not valid JSON'));
  }
  const read = readV3Request(verb, body.value);
  if (read.operationId !== undefined) detail.operationId = read.operationId;
  if (!read.ok) {
    const unknownVerb = read.message.startsWith('Unknown operation');
    return sendJson(res, unknownVerb ? 404 : 400, v3Status(unknownVerb ? REFUSAL.notFound : REFUSAL.badRequest, read.message));
  }
  // The outcome carries the client's operationId, or none when the request had none.
  const outcome = performOperation(engine, mediaType, id, read.request, () => read.operationId, verb);
  if (outcome.kind === 'refused') {
    const code = outcome.reason === 'injected' ? outcome.code : outcome.reason === 'not-found' ? REFUSAL.notFound : REFUSAL.notAllowed;
    return sendJson(res, outcome.reason === 'not-found' ? 404 : 400, v3Status(code, outcome.message));
  }
  const operationId = read.operationId ?? serverOperationId();
  detail.operationId = operationId;
  // Media operations are asynchronous: code 1, the outcome follows as a notification.
  return sendJson(res, 200, { ...v3Status(1), operationId });
}

/** The Workspace API v3 routes (the session already checked by the handler). No CSRF: v3 has none. */
export async function handleV3Rest(req: IncomingMessage, res: ServerResponse, path: string, context: RestContext, detail: RestLogDetail): Promise<void> {
  const seg = segmentsOf(path);
  if (!seg) return sendJson(res, 400, v3Status(REFUSAL.badRequest, 'Malformed path'));
  const [workspace, v3, resource, mediaType, interactions, id, verb, ...rest] = seg;
  const notFound = () => sendJson(res, 404, v3Status(REFUSAL.notFound, `No such resource: ${path}`));
  if (workspace !== 'workspace' || v3 !== 'v3') return notFound();

  if (resource === 'current-session' && mediaType === undefined) {
    if (req.method !== 'GET') return sendJson(res, 405, v3Status(REFUSAL.badRequest, 'Use GET'));
    return sendJson(res, 200, currentSessionBody(context.engine, context.userName));
  }
  if (resource !== 'media' || mediaType === undefined) return notFound();
  if (req.method !== 'POST') return sendJson(res, 405, v3Status(REFUSAL.badRequest, 'Use POST'));

  // `…/media/{mt}/ready` and `not-ready`: the agent's channel state, accepted as the simulator does.
  if ((interactions === 'ready' || interactions === 'not-ready') && id === undefined) {
    detail.operationName = interactions;
    return sendJson(res, 200, { ...v3Status(1), operationId: serverOperationId() });
  }
  if (interactions !== 'interactions' || id === undefined || verb === undefined || rest.length > 0) return notFound();
  return answerOperation(req, res, context.engine, mediaType, id, verb, detail);
}
