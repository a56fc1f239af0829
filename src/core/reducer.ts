import { applyClockTick } from './clock-tick';
import { applyNotification } from './apply-notification';
import { applySnapshot } from './apply-snapshot';
import { assertNever } from './assert-never';
import { EMPTY_DIAGNOSTICS, countRejected, logEvent } from './diagnostics';
import { isEnded, putEntry } from './entry';
import { acceptAction, acceptWithoutReference, endActionElsewhere, failAction, requestAction, resolveAction } from './pending-actions';
import { emptyPersistentMap } from './persistent-map';
import type { CoreOptions, OpenmediaEvent, OpenmediaState } from './types';

export const DEFAULT_CORE_OPTIONS: CoreOptions = { lingerMs: 60_000, logSize: 200 };

/** The state before any event: nothing known, nothing pending. */
export function createInitialState(options?: Partial<CoreOptions>): OpenmediaState {
  return {
    options: { ...DEFAULT_CORE_OPTIONS, ...options },
    byId: emptyPersistentMap(),
    order: [],
    pending: emptyPersistentMap(),
    pendingByReferenceId: emptyPersistentMap(),
    earlyOutcomes: emptyPersistentMap(),
    unsettled: emptyPersistentMap(),
    tombstones: emptyPersistentMap(),
    ended: emptyPersistentMap(),
    focusedId: undefined,
    focusedElsewhere: false,
    diagnostics: EMPTY_DIAGNOSTICS,
  };
}

function dismissError(state: OpenmediaState, interactionId: string): OpenmediaState {
  const entry = state.byId.get(interactionId);
  // Nothing to dismiss: the same state, so a stray click re-renders nothing.
  if (entry?.error === undefined) return state;
  return putEntry(state, interactionId, { ...entry, error: undefined });
}

/**
 * referenceIds are numbered per HTTP session: after a new one, an old number names a different
 * request. Forget every outcome and request known only by referenceId; actions still pending keep
 * their timers (and time out) but can no longer be settled by a stranger's notification.
 */
function changeSession(state: OpenmediaState, at: number): OpenmediaState {
  const nothing = state.earlyOutcomes.size === 0 && state.unsettled.size === 0 && state.pendingByReferenceId.size === 0;
  if (nothing) return state;
  return logEvent(
    {
      ...state,
      earlyOutcomes: emptyPersistentMap(),
      unsettled: emptyPersistentMap(),
      pendingByReferenceId: emptyPersistentMap(),
    },
    { at, kind: 'session', interactionId: undefined, referenceId: undefined, detail: 'new session: referenceIds restart' },
  );
}

/**
 * Fold one event into the state. Pure; the cost of an event does not grow with the number of
 * interactions (persistent maps, `order` rebuilt only on insert and eviction), except
 * `snapshotLoaded`, which reconciles everything. Unchanged parts keep their identity; events that
 * change nothing (a clock tick with nothing to evict, a dismissal with no error, a timeout of a
 * settled request) return `state` itself. Every notification is counted and logged, so a repeated
 * notification returns a new state object whose `byId`, `order` and entries are the same objects.
 */
export function openmediaReducer(state: OpenmediaState, event: OpenmediaEvent): OpenmediaState {
  switch (event.type) {
    case 'notificationReceived':
      return applyNotification(state, event.notification, event.at, event.heardLate === true);
    case 'messageRejected':
      return logEvent(countRejected(state, event.reason), {
        at: event.at,
        kind: 'rejected',
        interactionId: undefined,
        referenceId: undefined,
        detail: event.reason,
      });
    case 'snapshotLoaded':
      return applySnapshot(state, event.mediaTypes, event.interactions, event.at, {
        unreadableIds: event.unreadableIds ?? [],
        afterGap: event.afterGap === true,
        ...(event.starts === undefined ? {} : { starts: event.starts }),
      });
    case 'actionRequested':
      return requestAction(state, event.requestId, event.interactionId, event.operation, event.at, {
        ...(event.userData === undefined ? {} : { userData: event.userData }),
        ...(event.keys === undefined ? {} : { keys: event.keys }),
        ...(event.elsewhere === true ? { elsewhere: true } : {}),
        ...(event.elsewhere === true && event.onThisPage === true ? { onThisPage: true } : {}),
      });
    case 'actionAccepted':
      return acceptAction(state, event.requestId, event.referenceId, event.at);
    case 'actionAcceptedWithoutReference':
      return acceptWithoutReference(state, event.requestId, event.at);
    case 'actionCompleted': {
      const accepted = event.referenceId === undefined ? state : acceptAction(state, event.requestId, event.referenceId, event.at);
      return resolveAction(accepted, event.requestId, event.at, ' (done at once)');
    }
    case 'actionFailed':
      if (!state.pending.has(event.requestId)) {
        // Already settled (timed out, usually): keep the late failure for the diagnostics panel.
        return logEvent(state, {
          at: event.at,
          kind: 'action-failed',
          interactionId: undefined,
          referenceId: undefined,
          detail: `request ${event.requestId} is no longer pending: ${event.message}`,
        });
      }
      return failAction(state, event.requestId, { kind: event.kind, message: event.message, code: event.code, ...(event.reason === undefined ? {} : { reason: event.reason }), ...(event.detail === undefined ? {} : { detail: event.detail }) }, event.at);
    case 'actionTimedOut': {
      const action = state.pending.get(event.requestId);
      if (action === undefined) return state;
      // Taken (its answer came, with or without a referenceId) is not "no answer": its outcome is what never came.
      const taken = action.referenceId !== undefined || action.unnumbered === true;
      const message = taken ? `The server took ${action.operation}, but its outcome never came.` : `No answer from the server for ${action.operation}.`;
      return failAction(state, event.requestId, { kind: 'timeout', message, code: undefined, reason: taken ? 'no-outcome' : 'no-answer' }, event.at);
    }
    case 'actionEndedElsewhere':
      return endActionElsewhere(state, event.requestId, event.at, event.error);
    case 'errorDismissed':
      return dismissError(state, event.interactionId);
    case 'focusedElsewhere': {
      const entry = state.byId.get(event.interactionId);
      if (entry === undefined || isEnded(entry) || state.focusedId === event.interactionId) return state;
      return logEvent(
        { ...state, focusedId: event.interactionId, focusedElsewhere: true },
        { at: event.at, kind: 'action-resolved', interactionId: event.interactionId, referenceId: undefined, detail: 'SetInFocus done in another tab' },
      );
    }
    case 'clockTicked':
      return applyClockTick(state, event.at);
    case 'sessionChanged':
      return changeSession(state, event.at);
    default:
      return assertNever(event);
  }
}
