import type {
  OmittableField,
  OpenmediaInteraction,
  OpenmediaNotification,
  ParseResult,
  RejectionReason,
  ResourceParseResult,
  RestAnswerParseResult,
  SnapshotParseResult,
  UserDataKind,
  UserDataValue,
} from './types';
import { KNOWN_OPERATIONS } from './types';
import { parseGwsDate } from './date';
import { decodeJsonText, isObject, optionalString, reject, unwrapBayeux } from './wire-values';

/**
 * What distinguishes one GWS notification channel from its siblings (`/v2/me/workitems`, …):
 * the same envelope with another channel, message type and resource key.
 */
export interface ChannelDescriptor {
  readonly channel: string;
  readonly messageType: string;
  readonly resourceKey: string;
}

/** The Open Media channel. */
export const OPENMEDIA_CHANNEL: ChannelDescriptor = {
  channel: '/v2/me/openmedia',
  messageType: 'OpenmediaStateChangeMessage',
  resourceKey: 'openmedia',
};


/** A referenceId is a positive integer; GWS sends a number, some servers a numeric string. */
function readReferenceId(value: unknown): { ok: true; value: number | undefined } | { ok: false } {
  if (value === undefined || value === null) return { ok: true, value: undefined };
  let n: number;
  if (typeof value === 'number') n = value;
  else if (typeof value === 'string' && /^\s*\d+\s*$/.test(value)) n = Number(value);
  else return { ok: false };
  if (!Number.isSafeInteger(n) || n < 0) return { ok: false };
  return { ok: true, value: n === 0 ? undefined : n };
}

/**
 * A status code is an integer; some servers send it as a string. Only a string of digits counts:
 * `Number('')` is 0, and reading an empty code as success would hide a broken answer.
 */
export function readStatusCode(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) ? value : undefined;
  if (typeof value === 'string' && /^\s*-?\d+\s*$/.test(value)) return Number(value);
  return undefined;
}

function readUserDataValue(value: unknown): UserDataValue {
  if (value === null || typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (value === undefined) return null;
  // Tolerance: GWS KV-lists can nest or carry booleans; keep them readable instead of dropping the message.
  if (typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  try {
    return JSON.stringify(value) ?? null;
  } catch {
    return null;
  }
}

/** What a flattened value was on the wire, when the flat form lost its type. */
function userDataKindOf(value: unknown): UserDataKind | undefined {
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'object' && value !== null) return 'json';
  return undefined;
}

/** A string with something to read in it: blank text (an empty errorMessage) says nothing. */
function readableText(value: unknown): string | undefined {
  const text = optionalString(value);
  return text !== undefined && text.trim() !== '' ? text : undefined;
}

function isString(value: unknown): value is string {
  return typeof value === 'string';
}

/**
 * An interaction's receivedDate does not change, yet every notification repeats it: the last few
 * hundred dates read are remembered (a Map cleared when full), so the date is parsed once per
 * interaction, not once per message.
 */
const RECEIVED_DATES = new Map<string, number | undefined>();
const RECEIVED_DATES_LIMIT = 1024;

function parseReceivedDate(text: string): number | undefined {
  if (RECEIVED_DATES.has(text)) return RECEIVED_DATES.get(text);
  const parsed = parseGwsDate(text);
  if (RECEIVED_DATES.size >= RECEIVED_DATES_LIMIT) RECEIVED_DATES.clear();
  RECEIVED_DATES.set(text, parsed);
  return parsed;
}

/**
 * The optional fields a notification's resource left out (undefined when it sent them all). User
 * data that cannot be read (`userDataRead` false) counts as left out: what the widget holds stays.
 */
function omittedFields(value: Record<string, unknown>, userDataRead: boolean): OmittableField[] | undefined {
  let omitted: OmittableField[] | undefined;
  if (value.userData === undefined || !userDataRead) (omitted ??= []).push('userData');
  if (value.capabilities === undefined || value.capabilities === null) (omitted ??= []).push('capabilities');
  if (value.receivedDate === undefined) (omitted ??= []).push('receivedDate');
  if (value.openmediaType === undefined) (omitted ??= []).push('openmediaType');
  if (value.uri === undefined) (omitted ??= []).push('uri');
  return omitted;
}

/**
 * Parse one openmedia resource (from a notification or a snapshot). Never throws. `fromNotification`:
 * the fields it leaves out are listed in `omitted` (unchanged, not empty); a snapshot's resource is
 * whole, and a field it leaves out is empty.
 */
const KNOWN_CAPABILITIES: ReadonlySet<string> = new Set(KNOWN_OPERATIONS);
/** Known operations by their name folded (lower case, without `-`, `_` or spaces). */
const KNOWN_BY_FOLDED = new Map<string, string>(KNOWN_OPERATIONS.map((op) => [op.toLowerCase(), op] as const));

/**
 * A capability in the widget's words: a known operation however the server spells it (`accept`,
 * `SETINFOCUS`, `set-in-focus` are `Accept` and `SetInFocus`), so its button shows; an unknown
 * one as sent (listed under "Other capabilities").
 */
function capabilityName(capability: string): string {
  if (KNOWN_CAPABILITIES.has(capability)) return capability;
  return KNOWN_BY_FOLDED.get(capability.replace(/[-_\s]/g, '').toLowerCase()) ?? capability;
}

/** A notification type however the server spells its case (`statusChange`, `ERROR`). */
const NOTIFICATION_TYPES = new Map<string, OpenmediaNotification['notificationType']>(
  (['StatusChange', 'PropertiesUpdated', 'Error'] as const).map((type) => [type.toLowerCase(), type] as const),
);

function notificationTypeOf(value: unknown): unknown {
  return typeof value === 'string' ? (NOTIFICATION_TYPES.get(value.toLowerCase()) ?? value) : value;
}

/** A field the server left out: absent, null or empty. */
function leftOut(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

/**
 * The interaction's id as text. A whole number (a server that writes ids as JSON numbers) is read
 * as its digits; anything else that is not text is unreadable.
 */
export function idText(id: unknown): string | undefined {
  if (typeof id === 'string') return id;
  return typeof id === 'number' && Number.isSafeInteger(id) && id >= 0 ? String(id) : undefined;
}

export function parseOpenmediaResource(value: unknown, fromNotification = false): ResourceParseResult {
  if (!isObject(value)) return { ok: false, reason: 'openmedia-not-an-object' };
  const { mediaType, state, capabilities, userData } = value;
  if (leftOut(value.id)) return { ok: false, reason: 'missing-id' };
  const id = idText(value.id);
  if (id === undefined) return { ok: false, reason: 'invalid-id' };
  if (typeof mediaType !== 'string' || mediaType === '') return { ok: false, reason: 'missing-media-type' };
  if (typeof state !== 'string' || state === '') return { ok: false, reason: 'invalid-state' };
  // Left out (a server that writes no empty arrays): no operation is known to be allowed. A
  // notification's omission is filled from what the widget holds while the state is the same.
  const capabilityList = capabilities === undefined || capabilities === null ? [] : capabilities;
  if (!Array.isArray(capabilityList)) return { ok: false, reason: 'invalid-capabilities' };

  let parsedUserData: Record<string, UserDataValue>;
  let userDataKinds: Record<string, UserDataKind> | undefined;
  // Not an object: the rest of the resource still applies (its state may be what matters most);
  // a notification keeps the user data the widget holds, a snapshot shows none. Counted.
  let userDataRead = true;
  // An empty array is an empty map as some serialisers write it.
  if (userData === undefined || userData === null || (Array.isArray(userData) && userData.length === 0)) {
    parsedUserData = {};
  } else if (isObject(userData)) {
    // One pass over the keys (this runs for every notification). Keys keep their wire order, as
    // with any plain object; "__proto__" is defined, never assigned, so it stays a plain key.
    parsedUserData = {};
    for (const key of Object.keys(userData)) {
      const v = userData[key];
      const read = readUserDataValue(v);
      if (key === '__proto__') Object.defineProperty(parsedUserData, key, { value: read, enumerable: true, writable: true, configurable: true });
      else parsedUserData[key] = read;
      const kind = userDataKindOf(v);
      if (kind === undefined) continue;
      userDataKinds ??= {};
      Object.defineProperty(userDataKinds, key, { value: kind, enumerable: true, writable: false, configurable: false });
    }
  } else {
    parsedUserData = {};
    userDataRead = false;
  }

  const openmediaType = optionalString(value.openmediaType);
  const stringCapabilities = (capabilityList.every(isString) ? capabilityList : capabilityList.filter(isString)).map(capabilityName);
  const uri = typeof value.uri === 'string' ? value.uri : undefined;
  const receivedDate = optionalString(value.receivedDate);
  const receivedAt = receivedDate === undefined ? undefined : parseReceivedDate(receivedDate);
  // Two literals rather than a spread: `userDataKinds` is present only when some value was flattened.
  const interaction: OpenmediaInteraction =
    userDataKinds === undefined
      ? { id, mediaType, openmediaType, state, capabilities: stringCapabilities, uri, userData: parsedUserData, receivedDate, receivedAt }
      : { id, mediaType, openmediaType, state, capabilities: stringCapabilities, uri, userData: parsedUserData, userDataKinds, receivedDate, receivedAt };
  const omitted = fromNotification ? omittedFields(value, userDataRead) : undefined;
  const parsed = omitted === undefined ? interaction : { ...interaction, omitted };
  return userDataRead ? { ok: true, interaction: parsed } : { ok: true, interaction: parsed, dropped: 'invalid-user-data' };
}


/**
 * Parse the Bayeux `data` of a message on a GWS notification channel into a typed notification.
 * Never throws: anything unexpected becomes `{ ok: false, reason }`.
 * Accepts the whole Bayeux message (`{ channel, data }`) as well as its `data`.
 */
export function parseNotification(input: unknown, descriptor: ChannelDescriptor = OPENMEDIA_CHANNEL): ParseResult {
  try {
    return parseNotificationUnsafe(input, descriptor);
  } catch {
    // Getters on exotic objects (proxies) are the only way here; still a rejection, never a crash.
    return reject('not-an-object');
  }
}

function parseNotificationUnsafe(input: unknown, descriptor: ChannelDescriptor): ParseResult {
  input = decodeJsonText(input);
  if (!isObject(input)) return reject('not-an-object');
  const data = unwrapBayeux(input);

  const messageType = data.messageType;
  // Case-insensitive: a known GWS imitation spells it "OpenMediaStateChangeMessage".
  if (typeof messageType !== 'string' || messageType.toLowerCase() !== descriptor.messageType.toLowerCase()) {
    return reject('unknown-message-type');
  }

  const ref = readReferenceId(data.referenceId);
  const notificationType = notificationTypeOf(data.notificationType);
  // A StatusChange or PropertiesUpdated with a referenceId that cannot be read still carries the
  // resource as it now is; so does an Error about a resource it names (the card shows the reason).
  if (!ref.ok && notificationType !== 'StatusChange' && notificationType !== 'PropertiesUpdated' && notificationType !== 'Error') {
    return reject('invalid-reference-id');
  }
  const referenceId = ref.ok ? ref.value : undefined;
  const dropped: RejectionReason[] = ref.ok ? [] : ['invalid-reference-id'];

  const resource = data[descriptor.resourceKey];

  if (notificationType === 'Error') {
    // The resource is optional on an Error; an unreadable one is dropped (and counted) rather than
    // the whole message, whose referenceId and text are what settle the failed request.
    const parsed = resource === undefined || resource === null ? undefined : parseOpenmediaResource(resource, true);
    if (parsed !== undefined && !parsed.ok) dropped.push(parsed.reason);
    else if (parsed?.dropped !== undefined) dropped.push(parsed.dropped);
    const openmedia = parsed?.ok ? parsed.interaction : undefined;
    // A resource that cannot be read may still name its interaction: the error belongs on that card.
    const namedId = openmedia === undefined && isObject(resource) && !leftOut(resource.id) ? idText(resource.id) : undefined;
    // Without its referenceId an Error can only be shown on the interaction it names.
    if (!ref.ok && openmedia === undefined && namedId === undefined) return reject('invalid-reference-id');
    const code = data.errorCode;
    const notification: OpenmediaNotification = {
      notificationType: 'Error',
      referenceId,
      openmedia,
      ...(namedId === undefined ? {} : { interactionId: namedId }),
      errorMessage: readableText(data.errorMessage),
      errorCode: typeof code === 'number' ? code : typeof code === 'string' ? readableText(code) : undefined,
    };
    return dropped.length === 0 ? { ok: true, notification } : { ok: true, notification, dropped };
  }

  if (notificationType !== 'StatusChange' && notificationType !== 'PropertiesUpdated') {
    return reject('unknown-notification-type');
  }
  if (resource === undefined || resource === null) return reject('missing-openmedia');
  const parsed = parseOpenmediaResource(resource, true);
  if (!parsed.ok) return parsed;
  if (parsed.dropped !== undefined) dropped.push(parsed.dropped);
  const notification: OpenmediaNotification = { notificationType, referenceId, openmedia: parsed.interaction };
  return dropped.length === 0 ? { ok: true, notification } : { ok: true, notification, dropped };
}

/** Parse the immediate answer to a REST operation (`{statusCode, referenceId?, statusMessage?}`). */
export function parseRestAnswer(input: unknown): RestAnswerParseResult {
  if (!isObject(input)) return { ok: false, reason: 'not-an-object' };
  // Only a 2xx answer is read here: one that leaves its statusCode out took the request, as a 2xx
  // without a body does (a snapshot without one is a success too).
  const statusCode = input.statusCode === undefined ? 0 : readStatusCode(input.statusCode);
  if (statusCode === undefined) return { ok: false, reason: 'invalid-status-code' };
  const ref = readReferenceId(input.referenceId);
  return {
    ok: true,
    answer: {
      statusCode,
      referenceId: ref.ok ? ref.value : undefined,
      statusMessage: optionalString(input.statusMessage),
    },
  };
}

/**
 * Parse a snapshot (`GET …/openmedia/{mediaType}?fields=*`). Items that cannot be read are
 * reported in `rejected`; the readable ones still apply.
 */
/**
 * A snapshot answer. `mediaType`: the media type the read asked for, which an item that leaves its
 * own out is of (the URL named it; a server may not repeat it in every item).
 */
export function parseSnapshot(input: unknown, descriptor: ChannelDescriptor = OPENMEDIA_CHANNEL, mediaType?: string): SnapshotParseResult {
  if (!isObject(input)) return { ok: false, reason: 'not-an-object' };
  const statusCode = input.statusCode === undefined ? 0 : readStatusCode(input.statusCode);
  if (statusCode === undefined) return { ok: false, reason: 'invalid-status-code' };
  if (statusCode !== 0) {
    return { ok: false, reason: 'status-code', statusCode, statusMessage: optionalString(input.statusMessage) };
  }
  const given = input[descriptor.resourceKey];
  // A success that lists nothing (a server that writes no empty arrays) is an empty list. Not an
  // answer that does not say success, nor one with a list under another name (another shape:
  // reading it as "no interactions" would empty the agent's screen).
  const emptySuccess =
    (given === undefined || given === null) && input.statusCode !== undefined && !Object.values(input).some((v) => Array.isArray(v));
  const list = emptySuccess ? [] : given;
  if (!Array.isArray(list)) return { ok: false, reason: 'missing-openmedia-list' };
  const interactions: OpenmediaInteraction[] = [];
  const rejected: RejectionReason[] = [];
  for (const item of list) {
    const parsed = parseOpenmediaResource(mediaType !== undefined && isObject(item) && leftOut(item.mediaType) ? { ...item, mediaType } : item);
    // User data a snapshot's item cannot be read for is not "none": the item is not read (its card
    // keeps what it shows, and an edit waiting for the read stays in doubt, not "done").
    if (!parsed.ok || parsed.dropped !== undefined) {
      rejected.push(parsed.ok ? (parsed.dropped ?? 'invalid-user-data') : parsed.reason);
      continue;
    }
    interactions.push(parsed.interaction);
  }
  return { ok: true, interactions, rejected };
}
