import type { Operation } from '../protocol/types';

/** What GWS allows in each documented state (spec §1, `capabilities`). */
export const CAPABILITIES_BY_STATE: Readonly<Record<string, readonly Operation[]>> = {
  Invited: ['Accept', 'Reject'],
  Processing: ['Transfer', 'AttachUserData', 'UpdateUserData', 'DeleteUserData', 'SetInFocus', 'Complete'],
  Completed: [],
};

/** Capabilities of a state; an opaque (undocumented) state allows nothing. */
export function capabilitiesFor(state: string): string[] {
  return [...(Object.hasOwn(CAPABILITIES_BY_STATE, state) ? (CAPABILITIES_BY_STATE[state] ?? []) : [])];
}

/**
 * The state an operation leads to. Reject and Transfer end the interaction for this agent, so it
 * is Completed from the agent's point of view; user-data operations and SetInFocus keep the state.
 */
export const TARGET_STATE: Readonly<Record<Operation, string | undefined>> = {
  Accept: 'Processing',
  Reject: 'Completed',
  Transfer: 'Completed',
  AttachUserData: undefined,
  UpdateUserData: undefined,
  DeleteUserData: undefined,
  SetInFocus: undefined,
  Complete: 'Completed',
};

/** Which notification type carries the outcome of a successful operation (any dialect). */
export function outcomeNotificationType(operation: string): 'StatusChange' | 'PropertiesUpdated' {
  return operation === 'AttachUserData' || operation === 'UpdateUserData' || operation === 'DeleteUserData'
    ? 'PropertiesUpdated'
    : 'StatusChange';
}

/**
 * Whether `operation` is allowed now. The resource's own `capabilities` decide (as they decide the
 * widget's buttons), so an interaction given custom capabilities behaves as it advertises.
 */
export function isAllowed(capabilities: readonly string[], operation: Operation): boolean {
  return capabilities.includes(operation);
}

/** The state and capabilities after `operation`, given the current ones. */
export function nextStatus(
  current: { readonly state: string; readonly capabilities: readonly string[] },
  operation: Operation,
): { state: string; capabilities: string[] } {
  const target = TARGET_STATE[operation];
  if (target === undefined) return { state: current.state, capabilities: [...current.capabilities] };
  return { state: target, capabilities: capabilitiesFor(target) };
}
