import type { ActionError, InteractionEntry, PendingAction } from '../core/types';
import type { OpenmediaInteraction } from '../protocol/types';

// Builders for component tests and stories: a valid interaction/entry with any field overridden.

export function makeInteraction(overrides: Partial<OpenmediaInteraction> = {}): OpenmediaInteraction {
  return {
    id: 'IX-1',
    mediaType: 'promotion',
    openmediaType: 'Inbound',
    state: 'Processing',
    capabilities: ['Transfer', 'AttachUserData', 'UpdateUserData', 'DeleteUserData', 'SetInFocus', 'Complete'],
    uri: 'http://gws.example:8090/api/v2/openmedia/promotions/IX-1',
    userData: { Subject: 'Spring offer', CustomerSegment: 'gold' },
    receivedDate: '2014-03-26 16:02:22.000+0200',
    receivedAt: Date.UTC(2014, 2, 26, 14, 2, 22),
    ...overrides,
  };
}

export function makeEntry(
  interaction: Partial<OpenmediaInteraction> = {},
  entry: Partial<Omit<InteractionEntry, 'interaction'>> = {},
): InteractionEntry {
  return {
    interaction: makeInteraction(interaction),
    stateSince: Date.now(),
    stateSinceExact: true,
    endedAt: undefined,
    gone: false,
    pending: undefined,
    error: undefined,
    ...entry,
  };
}

export function makePending(overrides: Partial<PendingAction> = {}): PendingAction {
  return {
    requestId: 'req-1',
    interactionId: 'IX-1',
    operation: 'Complete',
    startedAt: Date.now(),
    referenceId: undefined,
    ...overrides,
  };
}

export function makeError(overrides: Partial<ActionError> = {}): ActionError {
  return {
    operation: 'Complete',
    message: 'Operation is not valid in the current state',
    code: 2,
    kind: 'status-code',
    referenceId: undefined,
    at: Date.now(),
    ...overrides,
  };
}
