import type { CreateRequest, OperationRequest, RestAnswerWire } from '../protocol/types';
import type { InjectedFailure } from './faults';
import { buildMessage, httpStatusFor } from './message';
import type { MockEngine } from './mock-engine';
import { parseCreateBody, parseOperationBody } from './operation-request';
import { copyUserData, type StoredInteraction } from './resource';
import { formatGwsDate } from '../protocol/format-gws-date';
import { capabilitiesFor, isAllowed, nextStatus, outcomeNotificationType } from './state-machine';

/** The immediate HTTP answer to an operation, plus what the request log records. */
export interface OperationAnswer {
  readonly httpStatus: number;
  readonly body: RestAnswerWire;
  readonly operationName: string | undefined;
  readonly referenceId: number | undefined;
}

function refuse(statusCode: number, statusMessage: string, operationName?: string): OperationAnswer {
  return { httpStatus: httpStatusFor(statusCode), body: { statusCode, statusMessage }, operationName, referenceId: undefined };
}

function accepted(referenceId: number, operationName: string): OperationAnswer {
  return { httpStatus: 200, body: { statusCode: 0, referenceId }, operationName, referenceId };
}

/** The interaction after a successful operation (pure). */
export function applyOperation(record: StoredInteraction, request: OperationRequest): StoredInteraction {
  const status = nextStatus(record, request.operationName);
  let userData = record.userData;
  if (request.operationName === 'AttachUserData' || request.operationName === 'UpdateUserData') {
    userData = copyUserData(record.userData);
    for (const [key, value] of Object.entries(request.userData)) {
      Object.defineProperty(userData, key, { value, enumerable: true, writable: true, configurable: true });
    }
  } else if (request.operationName === 'DeleteUserData') {
    const drop = new Set(request.keys);
    userData = Object.fromEntries(Object.entries(record.userData).filter(([key]) => !drop.has(key)));
  }
  return { ...record, ...status, userData };
}

/**
 * An accepted-looking operation whose outcome is an injected failure: an Error notification, or
 * nothing at all. Either way the interaction does not change.
 */
function answerWithInjectedFailure(
  engine: MockEngine,
  failure: InjectedFailure,
  operationName: string,
  record: StoredInteraction | undefined,
): OperationAnswer {
  if (failure.mode === 'status-code') {
    return refuse(failure.statusCode, failure.message ?? `${operationName} failed (injected fault)`, operationName);
  }
  const referenceId = engine.nextReferenceId();
  if (failure.mode === 'error-notification') {
    engine.schedule(() => {
      const current = record && engine.store.get(record.id);
      engine.bus.publish(
        buildMessage('Error', current && engine.wire(current), referenceId, {
          errorMessage: failure.message ?? `${operationName} failed (injected fault)`,
          errorCode: failure.statusCode,
        }),
      );
    });
  }
  return accepted(referenceId, operationName);
}

/** `POST /api/v2/me/openmedia/{mediaType}/{id}`. */
export function runOperation(engine: MockEngine, mediaType: string, id: string, body: unknown): OperationAnswer {
  const parsed = parseOperationBody(body);
  const nameForLog = typeof (body as { operationName?: unknown } | undefined)?.operationName === 'string'
    ? (body as { operationName: string }).operationName
    : undefined;
  if (!parsed.ok) return refuse(1, parsed.statusMessage, nameForLog);
  const request = parsed.request;
  const op = request.operationName;
  const record = engine.store.get(id);
  if (!record || record.mediaType !== mediaType) return refuse(6, `No ${mediaType} interaction with id ${id}`, op);
  if (!isAllowed(record.capabilities, op)) {
    return refuse(2, `${op} is not allowed in state ${record.state} (capabilities: ${record.capabilities.join(', ') || 'none'})`, op);
  }

  // Only an otherwise valid operation consumes a fail-next switch, so the fault hits what was meant.
  const failure = engine.failNext.take();
  if (failure) return answerWithInjectedFailure(engine, failure, op, record);

  const referenceId = engine.nextReferenceId();
  const updated = applyOperation(record, request);
  engine.store.put(updated);
  // The snapshot is taken now: a reordered or delayed outcome then carries the state it announces.
  const message = buildMessage(outcomeNotificationType(op), engine.wire(updated), referenceId);
  engine.schedule(() => engine.bus.publish(message));
  return accepted(referenceId, op);
}

/** `POST /api/v2/me/openmedia/{mediaType}` with `operationName: Create`. */
export function runCreate(engine: MockEngine, mediaType: string, body: unknown): OperationAnswer {
  const parsed = parseCreateBody(body);
  if (!parsed.ok) return refuse(1, parsed.statusMessage, 'Create');
  const request: CreateRequest = parsed.request;
  if (request.parentId !== undefined && !engine.store.has(request.parentId)) {
    return refuse(6, `No interaction with id ${request.parentId} (parentId)`, 'Create');
  }
  const failure = engine.failNext.take();
  if (failure) return answerWithInjectedFailure(engine, failure, 'Create', undefined);

  const referenceId = engine.nextReferenceId();
  const record: StoredInteraction = {
    id: engine.store.nextId(),
    mediaType,
    openmediaType: 'Outbound',
    state: 'Processing',
    capabilities: capabilitiesFor('Processing'),
    userData: {},
    receivedDate: formatGwsDate(Date.now()),
    uri: undefined,
    extra: request.parentId === undefined ? {} : { parentId: request.parentId },
  };
  engine.store.put(record);
  const message = buildMessage('StatusChange', engine.wire(record), referenceId);
  engine.schedule(() => engine.bus.publish(message));
  return accepted(referenceId, 'Create');
}
