import type { Operation, UserData } from '../protocol/types';
import { logEvent, uncountUnmatched } from './diagnostics';
import { showsEffect } from './effects';
import { putEntry } from './entry';
import { outcomesOf } from './early-outcomes';
import type { ActionError, DoneAction, EarlyOutcome, InteractionEntry, OpenmediaState, PendingAction, UnsettledAction, UnsettledKey } from './types';
import { rememberUnsettled } from './unsettled';

/**
 * Whether a notification about `resourceId` (undefined: an Error without its resource) can be the
 * outcome of a request on `interactionId`. referenceIds are numbered per HTTP session: another
 * session's request of the same number (the agent's desktop beside the widget) is about another
 * interaction, and its outcome must not settle this one.
 */
export function concerns(resourceId: string | undefined, interactionId: string): boolean {
  return resourceId === undefined || resourceId === interactionId;
}

/** Said of an Error notification that carries no message of its own. */
export const DEFAULT_ERROR_MESSAGE = 'The server reported an error.';

/** The widget's own explanation a failure carries: its own, or the default words of a silent Error notification. */
export function reasonOf(failure: { readonly kind: ActionError['kind']; readonly message: string; readonly reason?: ActionError['reason'] }): { readonly reason?: ActionError['reason'] } {
  if (failure.reason !== undefined) return { reason: failure.reason };
  return failure.kind === 'error-notification' && failure.message === DEFAULT_ERROR_MESSAGE ? { reason: 'server-error' } : {};
}

/** How an action failed; the reducer adds the operation, referenceId and time. */
export interface Failure {
  readonly kind: ActionError['kind'];
  readonly message: string;
  readonly reason?: ActionError['reason'];
  readonly detail?: string;
  readonly code: number | string | undefined;
}

/** The widget sent a request for `operation` on an interaction it shows. */
export function requestAction(
  state: OpenmediaState,
  requestId: string,
  interactionId: string,
  operation: Operation,
  at: number,
  effect: { readonly userData?: UserData; readonly keys?: readonly string[]; readonly elsewhere?: true; readonly onThisPage?: true } = {},
): OpenmediaState {
  const entry = state.byId.get(interactionId);
  const line = { at, kind: 'action-requested', interactionId, referenceId: undefined } as const;
  if (entry === undefined) return logEvent(state, { ...line, detail: `${operation} ignored: unknown interaction` });
  if (state.pending.has(requestId)) return logEvent(state, { ...line, detail: `${operation} ignored: request ${requestId} already pending` });
  // This tab's own request is shown, not replaced by another tab's.
  if (effect.elsewhere === true && entry.pending !== undefined) return logEvent(state, { ...line, detail: `${operation} in another tab: this tab's ${entry.pending.operation} is pending` });

  const action: PendingAction = {
    requestId,
    interactionId,
    operation,
    startedAt: at,
    referenceId: undefined,
    ...(effect.userData === undefined ? {} : { userData: effect.userData }),
    ...(effect.keys === undefined ? {} : { keys: effect.keys }),
    ...(effect.elsewhere === true ? { elsewhere: true } : {}),
    ...(effect.elsewhere === true && effect.onThisPage === true ? { onThisPage: true } : {}),
  };
  // A new attempt supersedes the previous error on this interaction.
  // Another tab's action leaves this tab's error shown (this tab did not try again).
  const next = putEntry(state, interactionId, { ...entry, pending: action, error: effect.elsewhere === true ? entry.error : undefined });
  return logEvent({ ...next, pending: next.pending.set(requestId, action) }, { ...line, detail: effect.elsewhere === true ? `${operation} (${effect.onThisPage === true ? 'in another widget of this page' : 'in another tab'})` : operation });
}

/**
 * Another tab is done with its request shown here (see `actionEndedElsewhere`). With `error`, its
 * failure is shown here, as this tab's own (the sender had no widget left to show it).
 */
export function endActionElsewhere(state: OpenmediaState, requestId: string, at: number, error?: ActionError): OpenmediaState {
  const action = state.pending.get(requestId);
  if (action?.elsewhere !== true) return state;
  let next = settle(state, action);
  const entry = next.byId.get(action.interactionId);
  if (error !== undefined && entry !== undefined) next = putEntry(next, action.interactionId, { ...entry, error: { ...error, requestId } });
  return logEvent(next, {
    at,
    kind: error === undefined ? 'action-resolved' : 'action-failed',
    interactionId: action.interactionId,
    referenceId: action.referenceId,
    detail: error === undefined ? `${action.operation} ended in another tab` : `${action.operation} failed in a widget no longer shown: ${error.message}`,
  });
}

/**
 * Remove a settled action from both pending maps and from its entry. Another request still
 * pending with the same referenceId (the server restarted its numbering) takes over the index.
 */
function settle(state: OpenmediaState, action: PendingAction): OpenmediaState {
  const pending = state.pending.delete(action.requestId);
  const ref = action.referenceId;
  let { pendingByReferenceId } = state;
  if (ref !== undefined && pendingByReferenceId.get(ref) === action.requestId) {
    let heir: string | undefined;
    for (const other of pending.values()) if (other.referenceId === ref) heir = other.requestId;
    pendingByReferenceId = heir === undefined ? pendingByReferenceId.delete(ref) : pendingByReferenceId.set(ref, heir);
  }
  const next = { ...state, pending, pendingByReferenceId };
  const entry = next.byId.get(action.interactionId);
  if (entry?.pending?.requestId !== action.requestId) return next;
  return putEntry(next, action.interactionId, { ...entry, pending: undefined });
}

/** This tab's action done: its entry says so (`lastDone`); another tab's says nothing here. */
function markDone(state: OpenmediaState, action: Pick<PendingAction, 'requestId' | 'interactionId' | 'operation' | 'userData' | 'keys' | 'elsewhere'>, at: number, id = action.interactionId): OpenmediaState {
  if (action.elsewhere === true) return state;
  const entry = state.byId.get(id);
  if (entry === undefined) return state;
  const done: DoneAction = {
    requestId: action.requestId,
    operation: action.operation,
    ...(action.userData === undefined ? {} : { userData: action.userData }),
    ...(action.keys === undefined ? {} : { keys: action.keys }),
    at,
  };
  return putEntry(state, id, { ...entry, lastDone: done });
}

/**
 * Settle an action that is done, marked done where its card showed it in flight (drawn or not);
 * one another request of the card's replaced there is settled quietly.
 */
function settleDone(state: OpenmediaState, action: PendingAction, at: number): OpenmediaState {
  const shown = state.byId.get(action.interactionId)?.pending?.requestId === action.requestId;
  const settled = settle(state, action);
  return shown ? markDone(settled, action, at) : settled;
}

/** The server confirmed the outcome of a pending action (a notification carrying its referenceId). */
export function resolveAction(state: OpenmediaState, requestId: string, at: number, note = ''): OpenmediaState {
  const action = state.pending.get(requestId);
  if (action === undefined) return state;
  let next = settleDone(state, action, at);
  if (action.operation === 'SetInFocus' && next.byId.has(action.interactionId)) next = { ...next, focusedId: action.interactionId, focusedElsewhere: action.elsewhere === true };
  return logEvent(next, {
    at,
    kind: 'action-resolved',
    interactionId: action.interactionId,
    referenceId: action.referenceId,
    detail: `${action.operation} done${note}`,
  });
}

/**
 * A refusal that the interaction already contradicts: an Accept refused while the card shows it
 * in progress, a Complete refused while it shows it completed — another tab or application of the
 * agent's did it first (two clicks in two tabs, a click queued behind a long task). What the agent
 * asked for is so: "Complete was refused" beside a completed card would read as a failure.
 */
export function refusedButDone(entry: InteractionEntry | undefined, operation: Operation, kind: ActionError['kind']): boolean {
  if (entry === undefined || entry.gone || (kind !== 'status-code' && kind !== 'error-notification')) return false;
  const { state } = entry.interaction;
  return (operation === 'Accept' && state === 'Processing') || (operation === 'Complete' && state === 'Completed');
}

/**
 * A timeout keeps the reason GWS gave meanwhile: an Error about the interaction that named no
 * request (no referenceId) came while the action was out, most likely its refusal; the timeout
 * replacing that text would lose the server's words.
 */
function withReasonHeard(error: ActionError, shown: ActionError | undefined, startedAt: number): ActionError {
  if (error.kind !== 'timeout' || shown === undefined || shown.requestId !== undefined || shown.kind !== 'error-notification' || shown.at < startedAt) {
    return error;
  }
  // What it reported is kept for a translation only when it is the server's words: the widget's
  // own "The server reported an error." adds nothing to a translated timeout.
  return { ...error, message: `${error.message} Meanwhile the server reported: ${shown.message}`, ...(shown.reason === undefined ? { heard: shown.message } : {}), code: shown.code };
}

/**
 * A pending action failed. The error lands on the action's interaction, or on `fallbackId` (the
 * resource of an Error notification) when that one is no longer shown.
 */
export function failAction(
  state: OpenmediaState,
  requestId: string,
  failure: Failure,
  at: number,
  fallbackId?: string,
): OpenmediaState {
  const action = state.pending.get(requestId);
  if (action === undefined) return state;
  if (action.elsewhere === true) {
    // Another tab's action: that tab shows the error (and its Dismiss); here it only ends.
    return logEvent(settle(state, action), {
      at,
      kind: 'action-failed',
      interactionId: action.interactionId,
      referenceId: action.referenceId,
      detail: `${action.operation} (in another tab): ${failure.message}`,
    });
  }
  if (refusedButDone(state.byId.get(action.interactionId), action.operation, failure.kind)) {
    return logEvent(settleDone(state, action, at), {
      at,
      kind: 'action-resolved',
      interactionId: action.interactionId,
      referenceId: action.referenceId,
      detail: `${action.operation} refused, but already done (${failure.message}): no alert`,
    });
  }
  let next = settle(state, action);
  // A POST cut off by the network, or timed out before its answer was read (a page frozen by its
  // host past the deadline), has no referenceId: only a read can show it was done.
  const key: UnsettledKey | undefined =
    failure.kind === 'timeout' || failure.kind === 'outcome-unknown' ? (action.referenceId ?? `request:${requestId}`) : undefined;
  if (key !== undefined) {
    // Given up on, not forgotten: the outcome may still come, and must then be shown, not lost.
    const unsettled: UnsettledAction = {
      requestId,
      interactionId: action.interactionId,
      operation: action.operation,
      ...(action.userData === undefined ? {} : { userData: action.userData }),
      ...(action.keys === undefined ? {} : { keys: action.keys }),
      at,
      late: undefined,
    };
    next = { ...next, unsettled: rememberUnsettled(next.unsettled, key, unsettled) };
  }
  const targetId = next.byId.has(action.interactionId) ? action.interactionId : fallbackId;
  const target = targetId === undefined ? undefined : next.byId.get(targetId);
  const moot = (failure.kind === 'timeout' || failure.kind === 'outcome-unknown') && targetId === action.interactionId && target?.endedAt !== undefined;
  const error: ActionError = withReasonHeard(
    { ...failure, ...reasonOf(failure), operation: action.operation, referenceId: action.referenceId, at, requestId, ...(moot ? { quiet: true as const } : {}) },
    target?.error,
    action.startedAt,
  );
  if (targetId !== undefined && target !== undefined) next = putEntry(next, targetId, { ...target, error });
  return logEvent(next, {
    at,
    kind: failure.kind === 'timeout' ? 'action-timed-out' : 'action-failed',
    interactionId: targetId ?? action.interactionId,
    referenceId: action.referenceId,
    detail: `${action.operation}: ${failure.message}`,
  });
}

function applyEarlyOutcome(state: OpenmediaState, requestId: string, outcome: EarlyOutcome): OpenmediaState {
  if (outcome.kind === 'resolved') return resolveAction(state, requestId, outcome.at);
  return failAction(state, requestId, { kind: 'error-notification', message: outcome.message, code: outcome.code }, outcome.at);
}

/**
 * The REST answer (`statusCode: 0`) gave the action its referenceId. If the outcome for that
 * referenceId already came (the notification beat the HTTP response), apply it now.
 */
/**
 * GWS took the request without a referenceId to match its outcome by: from now on news about the
 * interaction that shows the effect settles it (`settleUnnumbered`); news that already did (it
 * beat the answer) settles it now.
 */
export function acceptWithoutReference(state: OpenmediaState, requestId: string, at: number): OpenmediaState {
  const action = state.pending.get(requestId);
  const line = { at, kind: 'action-accepted', referenceId: undefined } as const;
  if (action === undefined) return logEvent(state, { ...line, interactionId: undefined, detail: `request ${requestId} is no longer pending` });
  const accepted: PendingAction = { ...action, unnumbered: true };
  let next: OpenmediaState = { ...state, pending: state.pending.set(requestId, accepted) };
  const entry = next.byId.get(action.interactionId);
  if (entry?.pending?.requestId === requestId) next = putEntry(next, action.interactionId, { ...entry, pending: accepted });
  // SetInFocus leaves no trace to wait for: taken is done (GWS's own success would say no more).
  if (action.operation === 'SetInFocus') return resolveAction(next, requestId, at, ' (taken, without a referenceId to wait for)');
  next = logEvent(next, { ...line, interactionId: action.interactionId, detail: `${action.operation}, without a referenceId: news that shows it done settles it` });
  return settleUnnumbered(next, action.interactionId, at);
}

/**
 * The interaction's own request, accepted without a referenceId, settled as done when its entry
 * now shows the effect (a notification or a read brought it). SetInFocus leaves no trace: its
 * deadline decides.
 */
export function settleUnnumbered(state: OpenmediaState, interactionId: string, at: number): OpenmediaState {
  const entry = state.byId.get(interactionId);
  const action = entry?.pending;
  if (entry === undefined || action?.unnumbered !== true || action.elsewhere === true) return state;
  if (!showsEffect(action, entry.gone === true ? undefined : entry.interaction, false)) return state;
  return resolveAction(state, action.requestId, at, ' (seen in the news about it; the answer had no referenceId)');
}

export function acceptAction(state: OpenmediaState, requestId: string, referenceId: number, at: number): OpenmediaState {
  const action = state.pending.get(requestId);
  const line = { at, kind: 'action-accepted', referenceId } as const;
  if (action === undefined) {
    return logEvent(state, { ...line, interactionId: undefined, detail: `request ${requestId} is no longer pending` });
  }
  let next = state;
  if (action.referenceId !== referenceId) {
    const accepted: PendingAction = { ...action, referenceId };
    let byRef = next.pendingByReferenceId;
    if (action.referenceId !== undefined && byRef.get(action.referenceId) === requestId) byRef = byRef.delete(action.referenceId);
    next = { ...next, pending: next.pending.set(requestId, accepted), pendingByReferenceId: byRef.set(referenceId, requestId) };
    const entry = next.byId.get(action.interactionId);
    if (entry?.pending?.requestId === requestId) next = putEntry(next, action.interactionId, { ...entry, pending: accepted });
  }
  next = logEvent(next, { ...line, interactionId: action.interactionId, detail: action.operation });

  const held = next.earlyOutcomes.get(referenceId);
  if (held === undefined) return next;
  const rest = { ...next, earlyOutcomes: next.earlyOutcomes.delete(referenceId) };
  const early = outcomesOf(held).find((outcome) => concerns(outcome.interactionId, action.interactionId));
  if (early === undefined) {
    // Another session's request of the same number: not this one's outcome, which is still to come.
    return logEvent(rest, {
      ...line,
      interactionId: action.interactionId,
      detail: `${action.operation}: the outcome already heard for referenceId ${referenceId} was about ${held.interactionId ?? 'another interaction'}, not this one`,
    });
  }
  // It matched after all: no longer an unmatched referenceId in the counts.
  return applyEarlyOutcome(uncountUnmatched(rest), requestId, early);
}

/**
 * The outcome of a request given up on (timed out, or unknown after a resync) arrived after all.
 * A success clears the error that request left; a failure replaces it with the server's words.
 * Only the first late outcome counts.
 */
export function applyLateOutcome(
  state: OpenmediaState,
  key: UnsettledKey,
  outcome: { readonly kind: 'resolved' } | { readonly kind: 'failed'; readonly message: string; readonly code: number | string | undefined },
  at: number,
  fallbackId?: string,
  note = ' (late)',
): OpenmediaState {
  const action = state.unsettled.get(key);
  if (action === undefined || action.late !== undefined) return state;
  const referenceId = typeof key === 'number' ? key : undefined;
  const late = outcome.kind === 'resolved' ? 'succeeded' : 'failed';
  let next: OpenmediaState = { ...state, unsettled: state.unsettled.set(key, { ...action, late }) };
  const targetId = next.byId.has(action.interactionId) ? action.interactionId : fallbackId;
  const entry = targetId === undefined ? undefined : next.byId.get(targetId);
  const ours = entry !== undefined && (entry.error === undefined || entry.error.requestId === action.requestId);
  if (targetId !== undefined && entry !== undefined && ours) {
    if (outcome.kind === 'resolved') {
      // The card's alert said it timed out: it goes, and the card says it is done. (Dismissed,
      // nothing is said: the card shows the state anyway.)
      if (entry.error !== undefined) next = markDone(putEntry(next, targetId, { ...entry, error: undefined }), action, at, targetId);
      if (action.operation === 'SetInFocus') next = { ...next, focusedId: targetId, focusedElsewhere: false };
    } else {
      const error: ActionError = {
        kind: 'error-notification',
        message: outcome.message,
        ...reasonOf({ kind: 'error-notification', message: outcome.message }),
        code: outcome.code,
        operation: action.operation,
        referenceId,
        at,
        requestId: action.requestId,
      };
      next = putEntry(next, targetId, { ...entry, error });
    }
  }
  return logEvent(next, {
    at,
    kind: outcome.kind === 'resolved' ? 'action-resolved' : 'action-failed',
    interactionId: targetId ?? action.interactionId,
    referenceId,
    detail: outcome.kind === 'resolved' ? `${action.operation} done${note}` : `${action.operation}${note}: ${outcome.message}`,
  });
}
