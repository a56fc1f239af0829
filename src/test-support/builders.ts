import seed from '../protocol/fixtures/seed-openmedia-statuschange.json';
import { parseNotification } from '../protocol/parse';
import type { OpenmediaInteraction, OpenmediaNotification, Operation } from '../protocol/types';
import { createInitialState, openmediaReducer } from '../core/reducer';
import type { CoreOptions, OpenmediaEvent, OpenmediaState } from '../core/types';

// Test data builders for the core's tests. Every interaction starts from the seed fixture (a real
// GWS notification) run through the real parser, so the tests exercise what the wire delivers.
// The seed leaves out the user data and the received date (GWS's StatusChange does); the builders
// make whole resources, which carry every field they have (empty user data included): a test of a
// resource that leaves fields out says so with `omitted`.

function seedInteraction(): OpenmediaInteraction {
  const parsed = parseNotification(seed.data);
  if (!parsed.ok || parsed.notification.openmedia === undefined) throw new Error('The seed fixture no longer parses.');
  const { omitted: _omitted, ...whole } = parsed.notification.openmedia;
  return whole;
}

export const SEED: OpenmediaInteraction = seedInteraction();

const INVITED_CAPABILITIES = ['Accept', 'Reject'];

/** The seed interaction with some fields changed; `Invited` and `Completed` get their capabilities. */
export function interaction(overrides: Partial<OpenmediaInteraction> = {}): OpenmediaInteraction {
  const state = overrides.state ?? SEED.state;
  const capabilities = state === 'Invited' ? INVITED_CAPABILITIES : state === 'Completed' ? [] : SEED.capabilities;
  return { ...SEED, capabilities, ...overrides };
}

export function statusChange(resource: OpenmediaInteraction, at: number, referenceId?: number): OpenmediaEvent {
  return { type: 'notificationReceived', at, notification: { notificationType: 'StatusChange', referenceId, openmedia: resource } };
}

export function propertiesUpdated(resource: OpenmediaInteraction, at: number, referenceId?: number): OpenmediaEvent {
  return { type: 'notificationReceived', at, notification: { notificationType: 'PropertiesUpdated', referenceId, openmedia: resource } };
}

export function errorNotification(
  at: number,
  fields: { referenceId?: number; openmedia?: OpenmediaInteraction; interactionId?: string; errorMessage?: string; errorCode?: number | string },
): OpenmediaEvent {
  const notification: OpenmediaNotification = {
    notificationType: 'Error',
    referenceId: fields.referenceId,
    openmedia: fields.openmedia,
    ...(fields.interactionId === undefined ? {} : { interactionId: fields.interactionId }),
    errorMessage: fields.errorMessage,
    errorCode: fields.errorCode,
  };
  return { type: 'notificationReceived', at, notification };
}

export function requested(requestId: string, interactionId: string, operation: Operation, at: number): OpenmediaEvent {
  return { type: 'actionRequested', requestId, interactionId, operation, at };
}

export function accepted(requestId: string, referenceId: number, at: number): OpenmediaEvent {
  return { type: 'actionAccepted', requestId, referenceId, at };
}

export function run(events: readonly OpenmediaEvent[], options?: Partial<CoreOptions>, from?: OpenmediaState): OpenmediaState {
  return events.reduce(openmediaReducer, from ?? createInitialState(options));
}
