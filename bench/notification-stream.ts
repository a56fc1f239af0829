import { parseNotification } from '../src/protocol/parse';
import type { OpenmediaNotification, OpenmediaStateChangeMessageWire } from '../src/protocol/types';

const CAPABILITIES = ['Transfer', 'AttachUserData', 'UpdateUserData', 'DeleteUserData', 'SetInFocus', 'Complete'];
const SEGMENTS = ['bronze', 'silver', 'gold', 'platinum'];

/** A GWS-looking 16-character interaction id, distinct for each index. */
export function benchId(index: number): string {
  return `BENCH${index.toString(36).toUpperCase().padStart(11, '0')}`;
}

/**
 * The wire message of the `seq`-th notification of a stream over `interactions` Processing
 * interactions: the whole resource each time (GWS sends no diffs), the user data changed by `seq`.
 * Every tenth is a StatusChange, the rest PropertiesUpdated, like the mock's `/mock/burst`.
 */
export function wireNotification(seq: number, interactions: number): OpenmediaStateChangeMessageWire {
  const index = seq % interactions;
  const id = benchId(index);
  return {
    messageType: 'OpenmediaStateChangeMessage',
    notificationType: seq % 10 === 9 ? 'StatusChange' : 'PropertiesUpdated',
    openmedia: {
      id,
      mediaType: 'promotion',
      openmediaType: 'Outbound',
      state: 'Processing',
      capabilities: [...CAPABILITIES],
      uri: `http://gws.example:8090/api/v2/openmedia/promotions/${id}`,
      userData: {
        Subject: `Benchmark ${index + 1}`,
        CustomerName: 'Benchmark',
        CustomerSegment: SEGMENTS[index % SEGMENTS.length] ?? 'silver',
        OfferCode: 'SPRING-24-GOLD',
        sentAt: 1_700_000_000_000 + seq,
        seq,
      },
      receivedDate: '2026-11-24 09:00:00.000+0000',
    },
  };
}

/**
 * Notifications `from … from+count-1` of the stream, parsed by the real parser into fresh objects,
 * as the channel would deliver them. Built before timing starts, so both reducers get the same input.
 */
export function parsedNotifications(from: number, count: number, interactions: number): OpenmediaNotification[] {
  const out: OpenmediaNotification[] = new Array<OpenmediaNotification>(count);
  for (let i = 0; i < count; i++) {
    const parsed = parseNotification(wireNotification(from + i, interactions));
    if (!parsed.ok) throw new Error(`The benchmark stream no longer parses: ${parsed.reason}`);
    out[i] = parsed.notification;
  }
  return out;
}
