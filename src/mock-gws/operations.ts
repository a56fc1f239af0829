import type { CreateRequest, RestAnswerWire } from '../protocol/types';
import type { InjectedFailure } from './faults';
import { GWS_V2_WIRE } from './gws-v2-wire';
import { httpStatusFor } from './message';
import type { MockEngine } from './mock-engine';
import { parseCreateBody, parseOperationBody } from './operation-request';
import { copyUserData, type StoredInteraction } from './resource';
import { outcomeNotificationType } from './state-machine';
import type { Correlation, EngineRequest } from './wire';

/** The immediate HTTP answer to an operation, plus what the request log records. */
export interface OperationAnswer {
  readonly httpStatus: number;
  readonly body: RestAnswerWire;
  readonly operationName: string | undefined;
  readonly referenceId: number | undefined;
}

/**
 * What the engine decided about one operation, before a dialect words it: refused at once (why,
 * with the GWS statusCode meaning of `code`), or accepted with the outcome to follow.
 */
export type OperationOutcome =
  | { readonly kind: 'refused'; readonly reason: 'not-found' | 'not-allowed' | 'injected'; readonly code: number; readonly message: string }
  | { readonly kind: 'accepted'; readonly correlation: Correlation };

/** The interaction after a successful operation (pure). */
export function applyOperation(
  record: StoredInteraction,
  request: EngineRequest,
  next: { state: string; capabilities: readonly string[] } = GWS_V2_WIRE.next(record, request),
): StoredInteraction {
  let userData = record.userData;
  let userDataTypes = record.userDataTypes;
  if (request.operationName === 'AttachUserData' || request.operationName === 'UpdateUserData') {
    userData = copyUserData(record.userData);
    for (const [key, value] of Object.entries(request.userData)) {
      Object.defineProperty(userData, key, { value, enumerable: true, writable: true, configurable: true });
    }
    if (request.types !== undefined) userDataTypes = { ...record.userDataTypes, ...request.types };
  } else if (request.operationName === 'DeleteUserData') {
    const drop = new Set(request.keys);
    userData = Object.fromEntries(Object.entries(record.userData).filter(([key]) => !drop.has(key)));
    if (userDataTypes !== undefined) userDataTypes = Object.fromEntries(Object.entries(userDataTypes).filter(([key]) => !drop.has(key)));
  }
  return { ...record, ...next, userData, ...(userDataTypes === undefined ? {} : { userDataTypes }) };
}

/**
 * An accepted-looking operation whose outcome is an injected failure: an Error notification, or
 * nothing at all; or a refusal at once. Either way the interaction does not change.
 */
function injected(engine: MockEngine, failure: InjectedFailure, label: string, record: StoredInteraction | undefined, correlate: () => Correlation): OperationOutcome {
  const message = failure.message ?? `${label} failed (injected fault)`;
  if (failure.mode === 'status-code') return { kind: 'refused', reason: 'injected', code: failure.statusCode, message };
  const correlation = correlate();
  if (failure.mode === 'error-notification') {
    engine.schedule(() => {
      const current = record && engine.store.get(record.id);
      engine.bus.publish(engine.message('Error', current, correlation, { errorMessage: message, errorCode: failure.statusCode }));
    });
  }
  return { kind: 'accepted', correlation };
}

/**
 * One operation on an interaction, whatever the dialect: checks it exists and allows it, takes a
 * fail-next switch, applies it and schedules the outcome notification. `correlate` is called only
 * when the operation is accepted (GWS v2 then spends a referenceId).
 */
export function performOperation(
  engine: MockEngine,
  mediaType: string,
  id: string,
  request: EngineRequest,
  correlate: () => Correlation,
  label: string = request.operationName,
): OperationOutcome {
  const record = engine.store.get(id);
  if (!record || record.mediaType !== mediaType) return { kind: 'refused', reason: 'not-found', code: 6, message: `No ${mediaType} interaction with id ${id}` };
  if (!engine.dialect.isAllowed(record, request)) {
    return {
      kind: 'refused',
      reason: 'not-allowed',
      code: 2,
      message: `${label} is not allowed in state ${record.state} (capabilities: ${record.capabilities.join(', ') || 'none'})`,
    };
  }
  // Only an otherwise valid operation consumes a fail-next switch, so the fault hits what was meant.
  const failure = engine.failNext.take();
  if (failure) return injected(engine, failure, label, record, correlate);

  const correlation = correlate();
  const updated = applyOperation(record, request, engine.dialect.next(record, request));
  engine.store.put(updated);
  // The snapshot is taken now: a reordered or delayed outcome then carries the state it announces.
  const message = engine.message(outcomeNotificationType(request.operationName), updated, correlation);
  engine.schedule(() => engine.bus.publish(message));
  return { kind: 'accepted', correlation };
}

function refuse(statusCode: number, statusMessage: string, operationName?: string): OperationAnswer {
  return { httpStatus: httpStatusFor(statusCode), body: { statusCode, statusMessage }, operationName, referenceId: undefined };
}

/** The GWS v2 words for an outcome: `{statusCode: 0, referenceId}` or `{statusCode, statusMessage}`. */
function v2Answer(outcome: OperationOutcome, operationName: string): OperationAnswer {
  if (outcome.kind === 'refused') return refuse(outcome.code, outcome.message, operationName);
  const referenceId = outcome.correlation as number;
  return { httpStatus: 200, body: { statusCode: 0, referenceId }, operationName, referenceId };
}

/** `POST /api/v2/me/openmedia/{mediaType}/{id}`. */
export function runOperation(engine: MockEngine, mediaType: string, id: string, body: unknown): OperationAnswer {
  const parsed = parseOperationBody(body);
  const nameForLog = typeof (body as { operationName?: unknown } | undefined)?.operationName === 'string'
    ? (body as { operationName: string }).operationName
    : undefined;
  if (!parsed.ok) return refuse(1, parsed.statusMessage, nameForLog);
  const op = parsed.request.operationName;
  return v2Answer(performOperation(engine, mediaType, id, parsed.request, () => engine.nextReferenceId()), op);
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
  if (failure) return v2Answer(injected(engine, failure, 'Create', undefined, () => engine.nextReferenceId()), 'Create');

  const referenceId = engine.nextReferenceId();
  const record: StoredInteraction = {
    id: engine.store.nextId(),
    mediaType,
    openmediaType: 'Outbound',
    state: 'Processing',
    capabilities: engine.dialect.capabilitiesFor('Processing', mediaType),
    userData: {},
    receivedDate: engine.dialect.formatDate(Date.now()),
    uri: undefined,
    extra: request.parentId === undefined ? {} : { parentId: request.parentId },
  };
  engine.store.put(record);
  const message = engine.message('StatusChange', record, referenceId);
  engine.schedule(() => engine.bus.publish(message));
  return { httpStatus: 200, body: { statusCode: 0, referenceId }, operationName: 'Create', referenceId };
}
