import { OPENMEDIA_CHANNEL, parseNotification } from '../protocol/parse';
import { formatGwsDate } from '../protocol/format-gws-date';
import type { OpenmediaResourceWire, UserDataValue } from '../protocol/types';
import { buildMessage } from './message';
import { pick } from './prng';
import { toWire, type StoredInteraction } from './resource';
import { buildInteraction } from './resource-input';
import { capabilitiesFor, isAllowed, nextStatus } from './state-machine';
import type { MockWire } from './wire';

/** Where the GWS v2 mock serves CometD (prefix match: the client appends /handshake, /connect, …). */
export const GWS_V2_NOTIFICATIONS_PATH = '/api/v2/notifications';

const NAMES = ['Amélie Laurent', 'Jonas Becker', 'Priya Natarajan', 'Tomás Rivera', 'Mei Tanaka', 'Olu Adeyemi', 'Sara Lindqvist', 'Kenji Sato'];
const SEGMENTS = ['bronze', 'silver', 'gold', 'platinum'];
const OFFERS = ['SPRING-24-GOLD', 'LOYAL-12M', 'FIBRE-1G-BUNDLE', 'MOBILE-5G-PLUS', 'TV-SPORTS-ADDON'];
const SUBJECTS = ['Upgrade offer', 'Renewal reminder', 'Callback request', 'Bundle proposal', 'Retention offer'];

/** Plausible user data for a generated offer (shared with the v3 wire, which types it). */
export function randomUserData(random: () => number): Record<string, UserDataValue> {
  return {
    Subject: pick(random, SUBJECTS) ?? 'Offer',
    CustomerName: pick(random, NAMES) ?? 'Customer',
    CustomerSegment: pick(random, SEGMENTS) ?? 'silver',
    OfferCode: pick(random, OFFERS) ?? 'OFFER',
    Discount: 5 * (1 + Math.floor(random() * 4)),
  };
}

/** GWS 8.5 Open Media (`../shared/spec/gws-openmedia.md`): what the mock always spoke. */
export const GWS_V2_WIRE: MockWire = {
  name: 'gws-v2',
  notificationsPath: GWS_V2_NOTIFICATIONS_PATH,
  channelOf: () => OPENMEDIA_CHANNEL.channel,
  offerMediaTypes: ['promotion', 'workitem'],
  burstMediaType: 'promotion',
  // 16 characters of [0-9A-Z], like GWS's own ids.
  formatId: (counter) => `0MK${counter.toString(36).toUpperCase().padStart(13, '0')}`,
  formatDate: formatGwsDate,

  capabilitiesFor: (state) => capabilitiesFor(state),
  isAllowed: (record, request) => request.operationName !== 'PlaceInQueue' && isAllowed(record.capabilities, request.operationName),
  next: (record, request) =>
    request.operationName === 'PlaceInQueue'
      ? { state: record.state, capabilities: [...record.capabilities] }
      : nextStatus(record, request.operationName),

  resource: (record, host) => ({ ...toWire(record, host) }),
  leanStatusChange: ({ userData: _userData, receivedDate: _receivedDate, ...lean }) => lean,
  message: (type, resource, correlation, error) =>
    buildMessage(type, resource as OpenmediaResourceWire | undefined, typeof correlation === 'number' ? correlation : undefined, error),
  rejectionOf(data) {
    const parsed = parseNotification(data);
    return parsed.ok ? undefined : parsed.reason;
  },
  readResource: (fields, defaults, now) => buildInteraction(fields, defaults, now),

  randomOffer(id, random, now): StoredInteraction {
    // The order of the draws is part of the seeded traffic's script: keep it.
    const workitem = random() < 0.2;
    const userData = randomUserData(random);
    return {
      id,
      mediaType: workitem ? 'workitem' : 'promotion',
      openmediaType: random() < 0.5 ? 'Inbound' : 'Outbound',
      state: 'Invited',
      capabilities: capabilitiesFor('Invited'),
      userData,
      receivedDate: formatGwsDate(now),
      uri: undefined,
      extra: {},
    };
  },
};


