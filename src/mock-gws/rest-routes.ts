import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SnapshotResponseWire } from '../protocol/types';
import { readJsonBody, sendJson } from './http-io';
import type { MockEngine } from './mock-engine';
import { runCreate, runOperation, type OperationAnswer } from './operations';
import { toWire } from './resource';

/** What the request log records about a REST request besides method, path and status. */
export interface RestLogDetail {
  operationName?: string;
  referenceId?: number;
  operationId?: string;
}

const USER_ID = '8a2f0c91d4e34b7f9a6c1e05b3d7f210';

/** `GET /api/v2/me`: a plausible agent. */
export function meBody(host: string, userName: string) {
  return {
    statusCode: 0,
    user: {
      id: USER_ID,
      userName,
      firstName: 'Dana',
      lastName: 'Whitfield',
      emailAddress: 'dana.whitfield@example.com',
      employeeId: 'E-7001',
      agentLogin: '7001',
      roles: ['ROLE_AGENT'],
      enabled: true,
      changePasswordOnFirstLogin: false,
      uri: `http://${host}/api/v2/users/${USER_ID}`,
      path: `/users/${USER_ID}`,
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

function notFound(res: ServerResponse, path: string): void {
  sendJson(res, 404, { statusCode: 6, statusMessage: `No such resource: ${path}` });
}

async function answerOperation(
  req: IncomingMessage,
  res: ServerResponse,
  detail: RestLogDetail,
  run: (body: unknown) => OperationAnswer,
): Promise<void> {
  const body = await readJsonBody(req);
  if (!body.ok) {
    const message = body.error === 'too-large' ? 'The request body is too large' : 'The request body is not valid JSON';
    return sendJson(res, body.error === 'too-large' ? 413 : 400, { statusCode: 1, statusMessage: message });
  }
  const answer = run(body.value);
  if (answer.operationName !== undefined) detail.operationName = answer.operationName;
  if (answer.referenceId !== undefined) detail.referenceId = answer.referenceId;
  sendJson(res, answer.httpStatus, answer.body);
}

/** The GWS REST routes under `/api/v2` (session and CSRF already checked by the handler). */
export async function handleRestRoute(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  deps: { engine: MockEngine; host: string; userName: string },
  detail: RestLogDetail,
): Promise<void> {
  const seg = segmentsOf(path);
  if (!seg) return sendJson(res, 400, { statusCode: 1, statusMessage: 'Malformed path' });
  const [api, v2, me, openmedia, mediaType, id, ...rest] = seg;
  if (api !== 'api' || v2 !== 'v2' || me !== 'me' || rest.length > 0) return notFound(res, path);

  if (openmedia === undefined) {
    if (req.method !== 'GET') return sendJson(res, 405, { statusCode: 1, statusMessage: 'Use GET' });
    return sendJson(res, 200, meBody(deps.host, deps.userName));
  }
  if (openmedia !== 'openmedia' || mediaType === undefined) return notFound(res, path);

  if (id === undefined) {
    if (req.method === 'GET') {
      const body: SnapshotResponseWire = {
        statusCode: 0,
        openmedia: deps.engine.store.active(mediaType).map((r) => toWire(r, deps.host)),
      };
      return sendJson(res, 200, body);
    }
    if (req.method === 'POST') return answerOperation(req, res, detail, (b) => runCreate(deps.engine, mediaType, b));
    return sendJson(res, 405, { statusCode: 1, statusMessage: 'Use GET or POST' });
  }
  if (req.method !== 'POST') return sendJson(res, 405, { statusCode: 1, statusMessage: 'Use POST' });
  return answerOperation(req, res, detail, (b) => runOperation(deps.engine, mediaType, id, b));
}
