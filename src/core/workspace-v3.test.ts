import { describe, expect, it } from 'vitest';
import { parseV3Interaction, parseV3Notification } from '../protocol/workspace-v3/parse';
import { createWorkspaceV3Session } from '../protocol/workspace-v3/session';
import type { WorkspaceV3Session } from '../protocol/workspace-v3/session';
import { createInitialState, openmediaReducer } from './reducer';
import { canPerform, isEnded } from './selectors';
import type { OpenmediaEvent, OpenmediaState } from './types';

// Workspace API v3: each tab chooses its own operationIds and the core knows an action by the
// number behind one. A tab mirrors what other tabs have in flight (under their numbers), so two
// tabs counting from 1 would let this tab's outcome settle the other tab's mirrored action, and
// this tab's own action would then time out although the server did it.

const v3 = (id: string, state: string, capabilities: string[]) => ({ id, mediatype: 'workitem', state, capabilities, userData: [] });

function notify(state: OpenmediaState, session: WorkspaceV3Session, data: Record<string, unknown>, at: number): OpenmediaState {
  const parsed = parseV3Notification({ messageType: 'InteractionStateChanged', notificationType: 'StatusChange', ...data }, session);
  if (!parsed.ok) throw new Error(`rejected: ${parsed.reason}`);
  return openmediaReducer(state, { type: 'notificationReceived', notification: parsed.notification, at });
}

function run(state: OpenmediaState, actions: readonly OpenmediaEvent[]): OpenmediaState {
  return actions.reduce(openmediaReducer, state);
}

describe('Workspace API v3 in two tabs', () => {
  it("this tab's outcome settles this tab's action, not the other tab's mirrored one with the same count", () => {
    // Two tabs as the dialect makes them: default sessions, each its first operation.
    const otherTab = createWorkspaceV3Session();
    const thisTab = createWorkspaceV3Session();
    const theirs = otherTab.nextOperation();
    const ours = thisTab.nextOperation();

    let state = createInitialState();
    state = notify(state, thisTab, { interaction: v3('X', 'Processing', ['complete', 'transfer']) }, 0);
    state = notify(state, thisTab, { interaction: v3('Y', 'Processing', ['complete']) }, 0);
    // The other tab's Transfer of X, accepted there, mirrored here under its number.
    state = run(state, [
      { type: 'actionRequested', requestId: 'theirs', interactionId: 'X', operation: 'Transfer', elsewhere: true, at: 1 },
      { type: 'actionAccepted', requestId: 'theirs', referenceId: theirs.referenceId, at: 2 },
      { type: 'actionRequested', requestId: 'ours', interactionId: 'Y', operation: 'Complete', at: 3 },
    ]);
    // Our Complete's notification comes before its REST answer (0–3 ms apart, either order).
    state = notify(state, thisTab, { operationId: ours.operationId, interaction: v3('Y', 'Completed', []) }, 4);
    state = run(state, [{ type: 'actionAccepted', requestId: 'ours', referenceId: ours.referenceId, at: 5 }]);

    expect(state.byId.get('Y')?.pending).toBeUndefined();
    expect(state.byId.get('X')?.pending?.requestId).toBe('theirs');
    state = run(state, [{ type: 'actionTimedOut', requestId: 'ours', at: 15_005 }]);
    expect(state.byId.get('Y')?.error).toBeUndefined();
    expect(state.byId.get('Y')?.interaction.state).toBe('Completed');
  });
});

describe('Workspace API v3 states that left the agent', () => {
  const session = () => createWorkspaceV3Session({ referenceBase: 0, instanceId: 't' });

  it.each(['Canceled', 'Sent', 'InWorkbin'])('%s ends the interaction as Completed does, its state kept as sent', (ended) => {
    const s = session();
    let state = notify(createInitialState(), s, { interaction: v3('E', 'Processing', ['complete']) }, 1000);
    state = notify(state, s, { interaction: v3('E', ended, ['complete']) }, 2000);
    const entry = state.byId.get('E')!;
    expect(entry.interaction.state).toBe(ended);
    expect(isEnded(entry)).toBe(true);
    expect(entry.endedAt).toBe(2000);
    expect(canPerform(entry, 'Complete')).toBe(false);
    // Terminal: a later resource other than a new offer is ignored …
    state = notify(state, s, { interaction: v3('E', 'Processing', ['complete']) }, 3000);
    expect(state.byId.get('E')?.interaction.state).toBe(ended);
    // … and a new offer of the same id starts afresh.
    state = notify(state, s, { interaction: v3('E', 'Invited', ['accept']) }, 4000);
    expect(isEnded(state.byId.get('E')!)).toBe(false);
  });

  it('a resource whose only change is the ended mark is a change (Queued listed by a read, then notified: placed in a queue)', () => {
    const s = session();
    const listed = parseV3Interaction(v3('Q', 'Queued', []), s);
    if (!listed.ok) throw new Error('unreadable');
    let state = openmediaReducer(createInitialState(), { type: 'snapshotLoaded', mediaTypes: ['workitem'], interactions: [listed.interaction], unreadableIds: [], afterGap: false, at: 1000 });
    expect(isEnded(state.byId.get('Q')!)).toBe(false);
    state = notify(state, s, { interaction: v3('Q', 'Queued', []) }, 2000);
    expect(isEnded(state.byId.get('Q')!)).toBe(true);
    expect(state.byId.get('Q')?.endedAt).toBe(2000);
  });
});
