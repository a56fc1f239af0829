import { parseGwsDate } from '../date';
import { KNOWN_OPERATIONS } from '../types';
import type { OmittableField, OpenmediaInteraction, OpenmediaNotification, ParseResult, RejectionReason, ResourceParseResult, UserDataKind } from '../types';
import { flattenKvList } from './kv-list';
import { decodeJsonText, isObject, optionalString, reject, unwrapBayeux } from '../wire-values';
import { foldCapability } from './session';
import type { WorkspaceV3Session } from './session';
import { WORKSPACE_V3_CHANNEL } from './channel';

/**
 * Workspace API v3 (`../shared/spec/workspace-v3.md`): media notifications arrive on
 * `/workspace/v3/media/{mediatype}`, one wildcard subscription covers them all.
 */
export { WORKSPACE_V3_CHANNEL };

/** v3 notification types that only change properties (email adds two of its own). */
const PROPERTY_NOTIFICATIONS = new Set(['PropertiesUpdated', 'EmailSaved', 'UCSPropertiesUpdated']);

/** States after which the interaction has left the agent (besides `Completed`). */
const LEFT_THE_AGENT = new Set(['InWorkbin', 'Sent', 'Canceled']);


/** Strip `-`, compare case-insensitively: `attach-user-data` is `AttachUserData`. */
const KNOWN_BY_FOLDED = new Map<string, string>(
  KNOWN_OPERATIONS.filter((op) => op !== 'SetInFocus').map((op) => [op.toLowerCase(), op] as const),
);

/**
 * v3 capabilities in the widget's words: a known one becomes the operation name the buttons use,
 * an unknown one (`place-in-queue`, email's `reply`, …) is kept as sent. v3 has no SetInFocus, so
 * nothing maps to it (a `set-in-focus` would have no verb to call).
 */
export function normalizeCapability(capability: string): string {
  return KNOWN_BY_FOLDED.get(foldCapability(capability)) ?? capability;
}

/**
 * The widget's buttons for what the server allows, by the verb each sends: Transfer sends
 * `transfer-agent` to an agent and `place-in-queue` to a queue or workbin, so either allows it
 * (the REST client refuses, unsent, a target whose verb is not listed); Add data is sent as
 * `update-user-data` (or `attach-user-data` when only that is listed), so either allows it.
 */
function widgetCapabilities(listed: readonly string[]): string[] {
  const capabilities = listed.map(normalizeCapability);
  const folded = new Set(listed.map(foldCapability));
  if (folded.has('placeinqueue') && !capabilities.includes('Transfer')) capabilities.push('Transfer');
  if (folded.has('updateuserdata') && !capabilities.includes('AttachUserData')) capabilities.push('AttachUserData');
  return capabilities;
}

/**
 * Besides `Completed`, `InWorkbin`, `Sent`, `Canceled`, and `Queued` after a place-in-queue, mean
 * it left the agent: the interaction is marked `ended` (its state shown as sent). The server may
 * still list the old capabilities (the simulator does for InWorkbin), which must not offer buttons
 * any more. `Queued` in a notification on the agent's channel is news of a place-in-queue, by this
 * widget or by anyone else (another tab, the agent's desktop, a supervisor): the widget's own
 * mark would miss theirs. In a `current-session` read, only after this widget's own.
 */
function endedState(state: string, id: string, session: WorkspaceV3Session, fromNotification: boolean): boolean {
  if (LEFT_THE_AGENT.has(state)) return true;
  if (state !== 'Queued') return false;
  // Noted as placed, so a read that still lists it Queued keeps it ended too.
  if (fromNotification) session.notePlacedInQueue(id);
  return session.wasPlacedInQueue(id);
}

/**
 * Parse one v3 `interaction` (from a notification or `current-session`). Never throws.
 * `fromNotification`: as in GWS v2, the fields a notification leaves out are listed in `omitted`
 * (the widget keeps what it holds: the capabilities only while the state is the same), and user
 * data that cannot be read are left out and counted (`dropped`) while the rest applies. A
 * `current-session` item is whole: a field it leaves out is empty, and one whose user data cannot
 * be read is not read at all (`dropped`; the caller rejects it).
 */
export function parseV3Interaction(value: unknown, session: WorkspaceV3Session, fromNotification = false): ResourceParseResult {
  if (!isObject(value)) return { ok: false, reason: 'openmedia-not-an-object' };
  const { id, mediatype, state, capabilities, userData } = value;
  if (id === undefined || id === null || id === '') return { ok: false, reason: 'missing-id' };
  if (typeof id !== 'string') return { ok: false, reason: 'invalid-id' };
  if (typeof mediatype !== 'string' || mediatype === '') return { ok: false, reason: 'missing-media-type' };
  if (typeof state !== 'string' || state === '') return { ok: false, reason: 'invalid-state' };
  // Left out (a server that writes no empty arrays): no operation is known to be allowed.
  const capabilitiesLeftOut = capabilities === undefined || capabilities === null;
  const capabilityList = capabilitiesLeftOut ? [] : capabilities;
  if (!Array.isArray(capabilityList)) return { ok: false, reason: 'invalid-capabilities' };

  let flat: Record<string, string | number | null> = {};
  let kinds: Record<string, UserDataKind> | undefined;
  let userDataRead = true;
  if (userData !== undefined && userData !== null) {
    const parsed = flattenKvList(userData);
    if (parsed === undefined) {
      userDataRead = false;
    } else {
      flat = parsed.userData;
      kinds = parsed.kinds;
      session.rememberTypes(id, parsed.types);
    }
  }
  // v3 carries the subject on the interaction, apart from userData.Subject: the title prefers it
  // (the simulator shares one userData between interactions, so theirs may name another), and the
  // user data stay as sent, so an edit or a delete of their Subject shows as what it did.
  const subject = optionalString(value.subject);

  const listed = capabilityList.filter((c): c is string => typeof c === 'string');
  // What the server allows, for the REST client to send the verb it allows (see widgetCapabilities).
  if (!capabilitiesLeftOut) session.rememberCapabilities(id, listed);
  const ended = endedState(state, id, session, fromNotification);
  // The simulator lists an ended email's old capabilities; an ended interaction offers nothing.
  const offersNothing = ended || state === 'Completed';
  const receivedDate = optionalString(value.receivedAt);
  const interaction: OpenmediaInteraction = {
    id,
    mediaType: mediatype,
    openmediaType: optionalString(value.interactionType),
    // Shown as sent ("Canceled", "InWorkbin"): `ended` tells the core it left the agent.
    state,
    capabilities: offersNothing ? [] : widgetCapabilities(listed),
    // v3 has no resource URI.
    uri: undefined,
    userData: flat,
    ...(subject === undefined || subject.trim() === '' ? {} : { subject }),
    ...(ended ? { ended: true as const } : {}),
    // Present only when some value is shown flattened (read-only on the card).
    ...(kinds === undefined ? {} : { userDataKinds: kinds }),
    receivedDate,
    receivedAt: receivedDate === undefined ? undefined : readDate(receivedDate),
  };
  let omitted: OmittableField[] | undefined;
  if (fromNotification) {
    if (userData === undefined || !userDataRead) (omitted ??= []).push('userData');
    if (capabilitiesLeftOut && !offersNothing) (omitted ??= []).push('capabilities');
    if (value.receivedAt === undefined) (omitted ??= []).push('receivedDate');
    if (value.interactionType === undefined) (omitted ??= []).push('openmediaType');
    if (value.subject === undefined) (omitted ??= []).push('subject');
  }
  const parsed = omitted === undefined ? interaction : { ...interaction, omitted };
  return userDataRead ? { ok: true, interaction: parsed } : { ok: true, interaction: parsed, dropped: 'invalid-user-data' };
}

/** ISO in the API; the simulator sends `Date.toString()` text, which `Date.parse` reads. */
function readDate(text: string): number | undefined {
  const gws = parseGwsDate(text);
  if (gws !== undefined) return gws;
  const parsed = Date.parse(text);
  return Number.isNaN(parsed) ? undefined : parsed;
}


/**
 * Parse the Bayeux `data` of a v3 media message (or the whole `{channel, data}` message) into the
 * widget's notification union. `operationId` becomes the `referenceId` when this instance chose
 * it; anyone else's (another tab's, a server UUID) is unsolicited. Never throws.
 */
export function parseV3Notification(input: unknown, session: WorkspaceV3Session): ParseResult {
  try {
    return parseUnsafe(input, session);
  } catch {
    return reject('not-an-object');
  }
}

function parseUnsafe(input: unknown, session: WorkspaceV3Session): ParseResult {
  input = decodeJsonText(input);
  if (!isObject(input)) return reject('not-an-object');
  const data = unwrapBayeux(input);
  const referenceId = session.referenceIdOf(data.operationId);

  if (data.messageType === 'EventError') {
    const error = isObject(data.error) ? data.error : {};
    const resource = data.interaction;
    const parsed = resource === undefined || resource === null ? undefined : parseV3Interaction(resource, session, true);
    // The interaction is optional on an error; an unreadable one is dropped (and counted), not the
    // error, whose operationId and text are what settle the failed request.
    const dropped: RejectionReason[] = [];
    if (parsed !== undefined && !parsed.ok) dropped.push(parsed.reason);
    else if (parsed?.dropped !== undefined) dropped.push(parsed.dropped);
    const code = error.errorCode;
    const openmedia = parsed?.ok ? parsed.interaction : undefined;
    // An interaction that cannot be read may still name itself: the error belongs on its card.
    const namedId = openmedia === undefined && isObject(resource) && typeof resource.id === 'string' && resource.id !== '' ? resource.id : undefined;
    const notification: OpenmediaNotification = {
      notificationType: 'Error',
      referenceId,
      openmedia,
      ...(namedId === undefined ? {} : { interactionId: namedId }),
      errorMessage: optionalString(error.errorMessage),
      errorCode: typeof code === 'number' || typeof code === 'string' ? code : undefined,
    };
    return dropped.length === 0 ? { ok: true, notification } : { ok: true, notification, dropped };
  }
  if (data.messageType !== WORKSPACE_V3_CHANNEL.messageType) return reject('unknown-message-type');

  const type = data.notificationType;
  let notificationType: 'StatusChange' | 'PropertiesUpdated';
  if (type === 'StatusChange') notificationType = 'StatusChange';
  else if (typeof type === 'string' && PROPERTY_NOTIFICATIONS.has(type)) notificationType = 'PropertiesUpdated';
  else return reject('unknown-notification-type');

  const resource = data.interaction;
  if (resource === undefined || resource === null) return reject('missing-openmedia');
  const parsed = parseV3Interaction(resource, session, true);
  if (!parsed.ok) return parsed;
  const notification: OpenmediaNotification = { notificationType, referenceId, openmedia: parsed.interaction };
  return parsed.dropped === undefined ? { ok: true, notification } : { ok: true, notification, dropped: [parsed.dropped] };
}

/** The immediate v3 answer `{status: {code, message?}, operationId?}` (also the body of a non-2xx). */
export interface V3Answer {
  readonly code: number;
  readonly message: string | undefined;
  readonly operationId: string | undefined;
}

export type V3AnswerParseResult =
  | { readonly ok: true; readonly answer: V3Answer }
  | { readonly ok: false; readonly reason: 'not-an-object' | 'invalid-status-code' };

function readCode(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) ? value : undefined;
  if (typeof value === 'string' && /^\s*-?\d+\s*$/.test(value)) return Number(value);
  return undefined;
}

export function parseV3Answer(input: unknown): V3AnswerParseResult {
  if (!isObject(input)) return { ok: false, reason: 'not-an-object' };
  const status = input.status;
  if (!isObject(status)) return { ok: false, reason: 'invalid-status-code' };
  const code = readCode(status.code);
  if (code === undefined) return { ok: false, reason: 'invalid-status-code' };
  const message = optionalString(status.message);
  return {
    ok: true,
    answer: {
      code,
      message: message !== undefined && message.trim() !== '' ? message : undefined,
      operationId: typeof input.operationId === 'string' ? input.operationId : undefined,
    },
  };
}

export type CurrentSessionParseResult =
  | {
      readonly ok: true;
      /** Every interaction of the session, de-duplicated by id (the first listing wins). */
      readonly interactions: readonly OpenmediaInteraction[];
      readonly rejected: readonly RejectionReason[];
      /**
       * Items that could not be read but carry a string id (and their media type, if it can be
       * told): the server lists them, so they are not gone.
       */
      readonly unreadable: readonly { readonly id: string; readonly mediaType: string | undefined }[];
    }
  | { readonly ok: false; readonly reason: 'not-an-object' | 'status-code' | 'missing-channels'; readonly code?: number; readonly message?: string };

/**
 * `GET /workspace/v3/current-session`: `data.user.activeSession.media.channels[].interactions[]`.
 * The simulator lists every interaction under every channel, so the list is de-duplicated by id;
 * the caller filters by media type.
 */
export function parseCurrentSession(input: unknown, session: WorkspaceV3Session): CurrentSessionParseResult {
  if (!isObject(input)) return { ok: false, reason: 'not-an-object' };
  if (isObject(input.status)) {
    const code = readCode(input.status.code);
    if (code !== undefined && code !== 0 && code !== 1) {
      return { ok: false, reason: 'status-code', code, message: optionalString(input.status.message) };
    }
  }
  const data = isObject(input.data) ? input.data : undefined;
  const user = data && isObject(data.user) ? data.user : undefined;
  const active = user && isObject(user.activeSession) ? user.activeSession : undefined;
  const media = active && isObject(active.media) ? active.media : undefined;
  // A session without media (an agent with no media channel), or media without channels (a server
  // that writes no empty arrays), has nothing to show.
  if (active !== undefined && (media === undefined || media.channels === undefined || media.channels === null)) {
    return { ok: true, interactions: [], rejected: [], unreadable: [] };
  }
  if (!media || !Array.isArray(media.channels)) return { ok: false, reason: 'missing-channels' };
  const byId = new Map<string, OpenmediaInteraction>();
  const rejected: RejectionReason[] = [];
  const unreadable = new Map<string, string | undefined>();
  for (const channel of media.channels) {
    if (!isObject(channel) || !Array.isArray(channel.interactions)) continue;
    for (const item of channel.interactions) {
      const parsed = parseV3Interaction(item, session);
      // User data that cannot be read are not "none": the item is not read (as in GWS v2), and
      // it is still listed (its card is not taken for gone).
      if (!parsed.ok || parsed.dropped !== undefined) {
        rejected.push(parsed.ok ? (parsed.dropped ?? 'invalid-user-data') : parsed.reason);
        const id = isObject(item) ? item.id : undefined;
        if (typeof id === 'string' && id !== '') unreadable.set(id, isObject(item) && typeof item.mediatype === 'string' ? item.mediatype : undefined);
      } else if (!byId.has(parsed.interaction.id)) byId.set(parsed.interaction.id, parsed.interaction);
    }
  }
  return {
    ok: true,
    interactions: [...byId.values()],
    rejected,
    unreadable: [...unreadable].filter(([id]) => !byId.has(id)).map(([id, mediaType]) => ({ id, mediaType })),
  };
}
