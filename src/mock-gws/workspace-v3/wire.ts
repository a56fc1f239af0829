import { parseV3Notification } from '../../protocol/workspace-v3/parse';
import { createWorkspaceV3Session } from '../../protocol/workspace-v3/session';
import { randomUserData } from '../gws-v2-wire';
import { pick } from '../prng';
import type { StoredInteraction } from '../resource';
import { buildInteraction, isPlainObject, type ResourceSpelling } from '../resource-input';
import type { MockWire } from '../wire';
import { V3_KNOWN_FIELDS, readKvList, toV3Interaction } from './interaction';
import { v3CapabilitiesFor, v3IsAllowed, v3Next } from './rules';

/** Where the Workspace API v3 serves CometD (long-polling only). */
export const V3_NOTIFICATIONS_PATH = '/workspace/v3/notifications';
/** Media channels are `/workspace/v3/media/{mediatype}`; the widget subscribes to `/workspace/v3/media/*`. */
export const V3_MEDIA_CHANNEL_PREFIX = '/workspace/v3/media/';
/** Where a message without a usable media type goes (a raw, malformed one): the workitem channel. */
const FALLBACK_MEDIA_TYPE = 'workitem';

const SENDERS = ['customer@example.org', 'jonas.becker@example.net', 'priya.n@example.com', 'tomas.rivera@example.org'];

function mediaTypeOf(data: unknown): string | undefined {
  if (!isPlainObject(data) || !isPlainObject(data.interaction)) return undefined;
  const mediaType = data.interaction.mediatype;
  // One channel segment: a media type with "/" or "*" in it would publish somewhere else.
  return typeof mediaType === 'string' && /^[A-Za-z0-9_-]+$/.test(mediaType) ? mediaType : undefined;
}

const V3_SPELLING: ResourceSpelling = {
  mediaType: 'mediatype',
  openmediaType: 'interactionType',
  receivedDate: 'receivedAt',
  uri: undefined,
  known: V3_KNOWN_FIELDS,
  capabilitiesFor: v3CapabilitiesFor,
  formatDate: (ms) => new Date(ms).toString(),
  readUserData: (value) => readKvList(value),
};

/**
 * The Genesys Workspace API v3 (`../shared/spec/workspace-v3.md`), as the agent-api-simulator
 * sends it (`../shared/fixtures/workspace-v3/`): `InteractionStateChanged` with an `interaction`
 * on `/workspace/v3/media/{mediatype}`, kebab-case capabilities, KV-list user data, the
 * client's `operationId` returned in the outcome, errors as `EventError`.
 */
export const WORKSPACE_V3_WIRE: MockWire = {
  name: 'workspace-v3',
  notificationsPath: V3_NOTIFICATIONS_PATH,
  channelOf: (data) => `${V3_MEDIA_CHANNEL_PREFIX}${mediaTypeOf(data) ?? FALLBACK_MEDIA_TYPE}`,
  offerMediaTypes: ['workitem', 'email'],
  burstMediaType: 'workitem',
  // 16 hex characters, as the simulator's ids.
  formatId: (counter) => `5eed${counter.toString(16).padStart(12, '0')}`,
  // The API writes ISO dates; the simulator (which the mock follows) JavaScript's Date.toString().
  formatDate: V3_SPELLING.formatDate,

  capabilitiesFor: v3CapabilitiesFor,
  isAllowed: v3IsAllowed,
  next: v3Next,

  resource: (record) => toV3Interaction(record),
  message(type, resource, correlation, error) {
    const operationId = typeof correlation === 'string' ? { operationId: correlation } : {};
    if (type === 'Error') {
      return {
        error: { errorCode: error?.errorCode ?? 0, errorMessage: error?.errorMessage ?? '' },
        messageType: 'EventError',
        ...operationId,
        ...(resource === undefined ? {} : { interaction: resource }),
      };
    }
    return { notificationType: type, ...(resource === undefined ? {} : { interaction: resource }), messageType: 'InteractionStateChanged', ...operationId };
  },
  rejectionOf(data) {
    const parsed = parseV3Notification(data, createWorkspaceV3Session({ instanceId: 'mock' }));
    return parsed.ok ? undefined : parsed.reason;
  },
  readResource(fields, defaults, now) {
    const built = buildInteraction(fields, defaults, now, V3_SPELLING);
    if (!built.ok || !isPlainObject(fields) || fields.subject === undefined) return built;
    // v3 carries the subject twice (interaction.subject and userData.Subject); the mock keeps one.
    if (typeof fields.subject !== 'string') return { ok: false, error: 'subject must be a string' };
    return { ok: true, record: { ...built.record, userData: { ...built.record.userData, Subject: fields.subject } } };
  },

  randomOffer(id, random, now): StoredInteraction {
    const mediaType = random() < 0.3 ? 'email' : 'workitem';
    const userData = randomUserData(random);
    const from = pick(random, SENDERS) ?? 'customer@example.org';
    return {
      id,
      mediaType,
      openmediaType: 'Inbound',
      state: 'Invited',
      capabilities: v3CapabilitiesFor('Invited', mediaType),
      // The simulator's own keys first (Priority typed as it spells it), then the offer's.
      userData: { Segment: 'Gold', Priority: 8, CallType: 'Inbound', ...userData },
      userDataTypes: { Priority: 'interger' },
      receivedDate: V3_SPELLING.formatDate(now),
      uri: undefined,
      extra: mediaType === 'email' ? { email: { from, to: ['support@example.org'], body: 'Hello', mime: 'text/html' } } : {},
    };
  },
};
