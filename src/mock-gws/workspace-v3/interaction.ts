import type { UserDataValue } from '../../protocol/types';
import type { StoredInteraction } from '../resource';
import { isPlainObject } from '../resource-input';

/** One KV pair as the Workspace API writes it. */
export interface KvPair {
  readonly key: string;
  readonly type: string;
  readonly value: UserDataValue;
}

/** The KV type of a value the server never typed: an integer is `int`, anything else `str`. */
export function inferKvType(value: UserDataValue): string {
  return typeof value === 'number' && Number.isInteger(value) ? 'int' : 'str';
}

/** The stored user data as a KV list, each key with the type the server last wrote for it. */
export function toKvList(record: Pick<StoredInteraction, 'userData' | 'userDataTypes'>): KvPair[] {
  return Object.entries(record.userData).map(([key, value]) => ({ key, type: record.userDataTypes?.[key] ?? inferKvType(value), value }));
}

/**
 * Reads a KV list `[{key, type?, value}]` into flat values and their types. A repeated key: the
 * last one wins (what the server applies last). `requireValue: false` reads a delete's key list.
 */
export function readKvList(
  value: unknown,
  what = 'userData',
  requireValue = true,
): { userData: Record<string, UserDataValue>; types: Record<string, string> } | string {
  if (!Array.isArray(value)) return `${what} must be a list of {key, type, value}`;
  const userData: Record<string, UserDataValue> = {};
  const types: Record<string, string> = {};
  for (const [index, pair] of value.entries()) {
    if (!isPlainObject(pair) || typeof pair.key !== 'string' || pair.key === '') return `${what}[${index}].key must be a non-empty string`;
    if (pair.type !== undefined && typeof pair.type !== 'string') return `${what}[${index}].type must be a string`;
    const v = pair.value;
    if (requireValue && v !== null && typeof v !== 'string' && !(typeof v === 'number' && Number.isFinite(v))) {
      return `${what}[${index}].value must be a string, a finite number or null (the mock keeps no nested lists)`;
    }
    const flat: UserDataValue = typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)) ? v : null;
    // Own data properties: a "__proto__" key stays a plain key.
    Object.defineProperty(userData, pair.key, { value: flat, enumerable: true, writable: true, configurable: true });
    Object.defineProperty(types, pair.key, { value: typeof pair.type === 'string' ? pair.type : inferKvType(flat), enumerable: true, writable: true, configurable: true });
  }
  return { userData, types };
}

const KV = (key: string): KvPair => ({ key, type: 'str', value: '' });

/** Routing details the simulator sends with every interaction, by media type (captures 01 and 05a). */
function routing(mediaType: string): { outQueues: KvPair[]; inQueues: KvPair[]; submittedBy: string; queue: string; isInWorkflow: boolean } {
  if (mediaType === 'email') {
    return {
      outQueues: [KV('email-queue-for-qa-processing')],
      inQueues: [KV('__STOP__'), KV('queue-for-inbound-email-postprocessing')],
      submittedBy: 'esv_esj',
      queue: 'email-routing-queue-inbound',
      isInWorkflow: true,
    };
  }
  return {
    outQueues: [KV('open-media-send-queue')],
    inQueues: [KV('__STOP__'), KV('queue-poubelle')],
    submittedBy: 'OpenMediaSubmiter',
    queue: `${mediaType}-routing-queue-inbound`,
    isInWorkflow: false,
  };
}

/** Fields the v3 wire renders itself; a scenario's other fields are sent as extras. */
export const V3_KNOWN_FIELDS = ['id', 'mediatype', 'interactionType', 'state', 'capabilities', 'userData', 'receivedAt', 'subject'] as const;

/**
 * The `interaction` resource with the simulator's fields in the simulator's order (captures
 * 01–05b). An extra given by a scenario or a data entry replaces the field of the same name;
 * any other extra follows at the end. `subject` is the user data's Subject, as the simulator sends it.
 */
export function toV3Interaction(record: StoredInteraction): Record<string, unknown> {
  const at = record.receivedDate ?? '';
  const route = routing(record.mediaType);
  const subject = record.userData.Subject;
  const isEmail = record.mediaType === 'email';
  const fields: [string, unknown][] = [
    ['capabilities', [...record.capabilities]],
    ['ticketId', 5],
    ['outQueues', route.outQueues],
    ['proxyClientId', 11],
    ['submittedToRouterAt', '2019-01-21T10:42:26Z'],
    ['inQueues', route.inQueues],
    ['interactionType', record.openmediaType ?? 'Inbound'],
    ['id', record.id],
    ['receivedAt', at],
    ['isHeld', false],
    ['submittedBy', route.submittedBy],
    ['mediatype', record.mediaType],
    ['tenantId', 1],
    ['queue', route.queue],
    ['submitSeq', '50989059'],
    ['movedToQueueAt', at],
    ['workflowState', 'Routing'],
    ['submittedAt', at],
    ['placedInQueueAt', at],
    ['userData', toKvList(record)],
    ['interactionSubtype', 'InboundNew'],
    ['isLocked', false],
    ['isOnline', false],
    ['placeInQueueSeq', '50989156'],
    ...(isEmail || Object.hasOwn(record.extra, 'email') ? [['email', { from: '', to: [], body: '', mime: 'text/html' }] as [string, unknown]] : []),
    ...(typeof subject === 'string' ? [['subject', subject] as [string, unknown]] : []),
    ['state', record.state],
    ['isInWorkflow', route.isInWorkflow],
    ...(isEmail ? [['attachments', []] as [string, unknown]] : []),
  ];
  const rendered = new Set<string>(V3_KNOWN_FIELDS);
  const wire: Record<string, unknown> = {};
  const define = (key: string, value: unknown) => Object.defineProperty(wire, key, { value, enumerable: true, writable: true, configurable: true });
  for (const [key, value] of fields) {
    const overridden = !rendered.has(key) && Object.hasOwn(record.extra, key);
    define(key, overridden ? record.extra[key] : value);
  }
  for (const [key, value] of Object.entries(record.extra)) if (!Object.hasOwn(wire, key)) define(key, value);
  return wire;
}
