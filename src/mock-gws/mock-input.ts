import { NOTIFICATION_TYPES, type NotificationType, type OpenmediaResourceWire, type UserDataValue } from '../protocol/types';
import { isPlainObject, readStringList, readUserData } from './resource-input';
import type { BurstSpec, FailNextSpec, PublishSpec } from './types';

/** A `/mock/*` body read into typed arguments, or the reason it was refused (HTTP 400). */
export type Input<T> = { ok: true; value: T } | { ok: false; error: string };

type Obj = Record<string, unknown>;

function bad(error: string): { ok: false; error: string } {
  return { ok: false, error };
}

function objectBody(body: unknown): Obj | undefined {
  if (body === undefined) return {};
  return isPlainObject(body) ? body : undefined;
}

function integer(value: unknown, name: string, min: number, max: number): number | string {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    return `${name} must be an integer from ${min} to ${max}`;
  }
  return value;
}

export function readOffer(body: unknown): Input<{ overrides: Record<string, unknown> | undefined }> {
  const b = objectBody(body);
  if (!b) return bad('body must be a JSON object');
  if (b.overrides !== undefined && !isPlainObject(b.overrides)) return bad('overrides must be an object');
  return { ok: true, value: { overrides: b.overrides } };
}

export function readUserDataChange(body: unknown): Input<{ id: string; userData: Record<string, UserDataValue>; deleteKeys: string[] }> {
  const b = objectBody(body);
  if (!b) return bad('body must be a JSON object');
  if (typeof b.id !== 'string' || b.id === '') return bad('id must be a non-empty string');
  const userData = b.userData === undefined ? {} : readUserData(b.userData);
  if (typeof userData === 'string') return bad(userData);
  const deleteKeys = b.delete === undefined ? [] : readStringList(b.delete, 'delete');
  if (typeof deleteKeys === 'string') return bad(deleteKeys);
  if (Object.keys(userData).length === 0 && deleteKeys.length === 0) return bad('give userData and/or delete');
  return { ok: true, value: { id: b.id, userData, deleteKeys } };
}

export function readTraffic(body: unknown): Input<{ rate: number; seed: number | undefined }> {
  const b = objectBody(body);
  if (!b) return bad('body must be a JSON object');
  if (typeof b.rate !== 'number' || !Number.isFinite(b.rate) || b.rate < 0 || b.rate > 100_000) {
    return bad('rate must be a number of messages per second from 0 to 100000');
  }
  if (b.seed !== undefined) {
    const seed = integer(b.seed, 'seed', 0, 2 ** 32 - 1);
    if (typeof seed === 'string') return bad(seed);
  }
  return { ok: true, value: { rate: b.rate, seed: b.seed as number | undefined } };
}

const FAIL_MODES = ['error-notification', 'status-code', 'no-answer'] as const;

export function readFailNext(body: unknown): Input<FailNextSpec> {
  const b = objectBody(body);
  if (!b) return bad('body must be a JSON object');
  const count = b.count === undefined ? 1 : integer(b.count, 'count', 0, 1_000_000);
  if (typeof count === 'string') return bad(count);
  const mode = b.mode;
  if (typeof mode !== 'string' || !(FAIL_MODES as readonly string[]).includes(mode)) {
    return bad(`mode must be one of ${FAIL_MODES.join(', ')}`);
  }
  if (b.statusCode !== undefined) {
    // Up to 9999: v3 error codes are HTTP-like (the simulator's EventError says 415).
    const code = integer(b.statusCode, 'statusCode', 1, 9999);
    if (typeof code === 'string') return bad(code);
  }
  if (b.message !== undefined && typeof b.message !== 'string') return bad('message must be a string');
  return {
    ok: true,
    value: {
      count,
      mode: mode as FailNextSpec['mode'],
      ...(b.statusCode === undefined ? {} : { statusCode: b.statusCode as number }),
      ...(b.message === undefined ? {} : { message: b.message as string }),
    },
  };
}

export function readRaw(body: unknown): Input<{ data: unknown }> {
  if (!isPlainObject(body) || !Object.hasOwn(body, 'data')) return bad('body must be {"data": …}');
  return { ok: true, value: { data: body.data } };
}

export function readCount(body: unknown): Input<number> {
  const b = objectBody(body);
  if (!b) return bad('body must be a JSON object');
  const count = integer(b.count, 'count', 0, 1_000_000);
  return typeof count === 'string' ? bad(count) : { ok: true, value: count };
}

export function readSwitch(body: unknown): Input<boolean> {
  const b = objectBody(body);
  if (!b) return bad('body must be a JSON object');
  if (typeof b.on !== 'boolean') return bad('on must be true or false');
  return { ok: true, value: b.on };
}

export function readNetworkCut(body: unknown): Input<number> {
  const b = objectBody(body);
  if (!b) return bad('body must be a JSON object');
  if (typeof b.seconds !== 'number' || !Number.isFinite(b.seconds) || b.seconds <= 0 || b.seconds > 3600) {
    return bad('seconds must be a number above 0, at most 3600');
  }
  return { ok: true, value: b.seconds };
}

export function readPublish(body: unknown): Input<PublishSpec> {
  const b = objectBody(body);
  if (!b) return bad('body must be a JSON object');
  const type = b.notificationType;
  if (typeof type !== 'string' || !(NOTIFICATION_TYPES as readonly string[]).includes(type)) {
    return bad(`notificationType must be one of ${NOTIFICATION_TYPES.join(', ')}`);
  }
  if (b.openmedia !== undefined && !isPlainObject(b.openmedia)) return bad('openmedia must be an object');
  if (b.interaction !== undefined && !isPlainObject(b.interaction)) return bad('interaction must be an object');
  if (b.referenceId !== undefined) {
    const ref = integer(b.referenceId, 'referenceId', 1, Number.MAX_SAFE_INTEGER);
    if (typeof ref === 'string') return bad(ref);
  }
  if (b.operationId !== undefined && (typeof b.operationId !== 'string' || b.operationId === '')) return bad('operationId must be a non-empty string');
  if (b.errorMessage !== undefined && typeof b.errorMessage !== 'string') return bad('errorMessage must be a string');
  if (b.errorCode !== undefined && typeof b.errorCode !== 'string' && typeof b.errorCode !== 'number') {
    return bad('errorCode must be a string or a number');
  }
  return {
    ok: true,
    value: {
      notificationType: type as NotificationType,
      ...(b.openmedia === undefined ? {} : { openmedia: b.openmedia as OpenmediaResourceWire }),
      ...(b.interaction === undefined ? {} : { interaction: b.interaction as Record<string, unknown> }),
      ...(b.referenceId === undefined ? {} : { referenceId: b.referenceId as number }),
      ...(b.operationId === undefined ? {} : { operationId: b.operationId as string }),
      ...(b.errorMessage === undefined ? {} : { errorMessage: b.errorMessage as string }),
      ...(b.errorCode === undefined ? {} : { errorCode: b.errorCode as number | string }),
    },
  };
}

export function readBurst(body: unknown): Input<BurstSpec> {
  const b = objectBody(body);
  if (!b) return bad('body must be a JSON object');
  const count = integer(b.count, 'count', 0, 1_000_000);
  if (typeof count === 'string') return bad(count);
  const interactions = integer(b.interactions, 'interactions', 1, 1000);
  if (typeof interactions === 'string') return bad(interactions);
  if (b.rate !== undefined && (typeof b.rate !== 'number' || !Number.isFinite(b.rate) || b.rate <= 0 || b.rate > 1_000_000)) {
    return bad('rate must be a number of messages per second above 0');
  }
  if (b.reuse !== undefined && typeof b.reuse !== 'boolean') return bad('reuse must be a boolean');
  return {
    ok: true,
    value: { count, interactions, ...(b.rate === undefined ? {} : { rate: b.rate as number }), ...(b.reuse === true ? { reuse: true } : {}) },
  };
}
