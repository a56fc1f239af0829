import type { StoredInteraction } from '../resource';
import { ENDED_STATES } from '../types';
import type { EngineRequest } from '../wire';

/** What a workitem (and an outbound preview) offers in each state, as the simulator lists it. */
const WORKITEM: Readonly<Record<string, readonly string[]>> = {
  Invited: ['accept', 'reject'],
  Processing: ['attach-user-data', 'delete-user-data', 'update-user-data', 'place-in-queue', 'transfer', 'complete'],
};

/**
 * The simulator lists the same capabilities for an email in every state (05a/05b and the driver
 * summary: Invited, Processing, even Completed); the widget decides what an ended one offers.
 */
const EMAIL: readonly string[] = ['accept', 'reject', 'attach-user-data', 'delete-user-data', 'update-user-data', 'place-in-queue', 'transfer', 'complete', 'reply', 'reply-all'];

export function v3CapabilitiesFor(state: string, mediaType: string): string[] {
  if (mediaType === 'email') return [...EMAIL];
  return [...(Object.hasOwn(WORKITEM, state) ? (WORKITEM[state] ?? []) : [])];
}

/** The v3 verb of each engine operation (`…/interactions/{id}/{verb}`) and the capability it needs. */
export const V3_VERBS = {
  Accept: { verb: 'accept', capability: 'accept' },
  Reject: { verb: 'reject', capability: 'reject' },
  Complete: { verb: 'complete', capability: 'complete' },
  Transfer: { verb: 'transfer-agent', capability: 'transfer' },
  PlaceInQueue: { verb: 'place-in-queue', capability: 'place-in-queue' },
  AttachUserData: { verb: 'attach-user-data', capability: 'attach-user-data' },
  UpdateUserData: { verb: 'update-user-data', capability: 'update-user-data' },
  DeleteUserData: { verb: 'delete-user-data', capability: 'delete-user-data' },
} as const satisfies Partial<Record<EngineRequest['operationName'], { verb: string; capability: string }>>;

export type V3Operation = keyof typeof V3_VERBS;

function isV3Operation(name: string): name is V3Operation {
  return Object.hasOwn(V3_VERBS, name);
}

/** A workbin takes the interaction out of routing (`InWorkbin`); any other name is a routing queue (`Queued`). */
export function isWorkbin(queue: string): boolean {
  return /(^|[-_ ])wb$|workbin/i.test(queue);
}

/** An interaction that left the agent allows nothing, whatever capabilities it still lists. */
export function v3IsAllowed(record: StoredInteraction, request: EngineRequest): boolean {
  if (ENDED_STATES.has(record.state) || !isV3Operation(request.operationName)) return false;
  return record.capabilities.includes(V3_VERBS[request.operationName].capability);
}

/**
 * The state after a v3 operation. Reject, Complete and a transfer to another agent end it for
 * this agent (`Completed`, as the origin's email in 05a); place-in-queue makes it `InWorkbin`
 * (keeping the old capabilities, as the simulator does) or `Queued`.
 */
export function v3Next(record: StoredInteraction, request: EngineRequest): { state: string; capabilities: string[] } {
  const keep = { state: record.state, capabilities: [...record.capabilities] };
  switch (request.operationName) {
    case 'Accept':
      return { state: 'Processing', capabilities: v3CapabilitiesFor('Processing', record.mediaType) };
    case 'Reject':
    case 'Complete':
    case 'Transfer':
      return { state: 'Completed', capabilities: v3CapabilitiesFor('Completed', record.mediaType) };
    case 'PlaceInQueue':
      return isWorkbin(request.queue) ? { state: 'InWorkbin', capabilities: keep.capabilities } : { state: 'Queued', capabilities: [] };
    default:
      return keep;
  }
}
