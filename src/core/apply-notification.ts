import type { OpenmediaNotification } from '../protocol/types';
import { countReceivedAndLog, countUnmatched, logEvent } from './diagnostics';
import { showsEffect } from './effects';
import { rememberOutcome } from './early-outcomes';
import { putEntry } from './entry';
import { applyLateOutcome, concerns, DEFAULT_ERROR_MESSAGE, failAction, reasonOf, refusedButDone, resolveAction, settleUnnumbered } from './pending-actions';
import type { ActionError, EarlyOutcome, OpenmediaState, UnsettledKey } from './types';
import type { UpsertOutcome } from './upsert-interaction';
import { upsertInteraction } from './upsert-interaction';

export { DEFAULT_ERROR_MESSAGE } from './pending-actions';

const OUTCOME_NOTES: Readonly<Record<UpsertOutcome, string>> = {
  new: ' (new)',
  updated: '',
  unchanged: ' (unchanged)',
  revived: ' (offered again)',
  'ignored-ended': ' (ignored: already ended)',
};

function describe(notification: OpenmediaNotification, outcome: UpsertOutcome | undefined): string {
  const resource = notification.openmedia;
  const head = resource === undefined ? notification.notificationType : `${notification.notificationType} ${resource.state}`;
  const note = outcome === undefined ? '' : OUTCOME_NOTES[outcome];
  if (notification.notificationType !== 'Error') return head + note;
  const code = notification.errorCode === undefined ? '' : ` (${notification.errorCode})`;
  return `${head}${note}: ${notification.errorMessage ?? DEFAULT_ERROR_MESSAGE}${code}`;
}

/** The interaction an early outcome is about, when the notification named one. */
function about(interactionId: string | undefined): { readonly interactionId?: string } {
  return interactionId === undefined ? {} : { interactionId };
}

/**
 * A referenceId that matched nothing pending: keep its outcome for the REST answer still to come.
 * Unless a request of this widget already holds that number (pending, or given up on) for another
 * interaction: then it is another session's, and no answer of ours will claim it.
 */
function rememberUnmatched(state: OpenmediaState, referenceId: number, outcome: EarlyOutcome): OpenmediaState {
  const counted = countUnmatched(state);
  if (state.pendingByReferenceId.has(referenceId) || state.unsettled.has(referenceId)) return counted;
  return { ...counted, earlyOutcomes: rememberOutcome(state.earlyOutcomes, referenceId, outcome) };
}

/** An Error notification that names an interaction but no request: show it there. */
function setUnsolicitedError(state: OpenmediaState, id: string, error: ActionError): OpenmediaState {
  const entry = state.byId.get(id);
  if (entry === undefined) return state;
  const current = entry.error;
  const same =
    current !== undefined &&
    current.kind === error.kind &&
    current.message === error.message &&
    current.code === error.code &&
    current.operation === undefined &&
    current.referenceId === undefined;
  return same ? state : putEntry(state, id, { ...entry, error });
}

/**
 * The pending requests this referenceId names, about the notification's interaction (`resourceId`;
 * undefined: an Error without its resource, which any may claim): the one the index points at and,
 * should two pending requests hold the same referenceId (the server restarted its numbering while
 * one was still waiting), the others too: each of them must still end with this outcome, never
 * wait for ever. A request on another interaction is another session's number, not this outcome's.
 */
function requestsWithReference(state: OpenmediaState, referenceId: number, resourceId: string | undefined): string[] {
  const indexed = state.pendingByReferenceId.get(referenceId);
  if (indexed === undefined) return [];
  const ids: string[] = [];
  for (const action of state.pending.values()) {
    if (action.referenceId === referenceId && concerns(resourceId, action.interactionId)) ids.push(action.requestId);
  }
  return ids;
}

/** A request given up on that this referenceId names, about the notification's interaction. */
function unsettledWithReference(state: OpenmediaState, referenceId: number, resourceId: string | undefined): boolean {
  const action = state.unsettled.get(referenceId);
  return action !== undefined && concerns(resourceId, action.interactionId);
}

/** Operations whose effect shows in the interaction's state alone (a user-data edit needs its values). */
const STATE_OPERATIONS: ReadonlySet<string> = new Set(['Accept', 'Reject', 'Complete', 'Transfer']);

/**
 * The card still says a request was given up on (timed out, outcome unknown), and news about its
 * interaction shows it done after all (its outcome was lost, or came with a referenceId the widget
 * never learnt: the POST's answer never arrived): the card stops claiming a failure. A request
 * still kept as given up on is settled late (the host hears of it); one a read had already closed
 * (it showed it not done yet) only loses its alert, as what is done shows in the state.
 */
function settleShownFailure(state: OpenmediaState, id: string, at: number): OpenmediaState {
  const entry = state.byId.get(id);
  const error = entry?.error;
  if (entry === undefined || error === undefined || error.operation === undefined || error.requestId === undefined) return state;
  if (refusedButDone(entry, error.operation, error.kind)) {
    // Refused because another tab or application was doing it: now the card shows it done.
    return logEvent(putEntry(state, id, { ...entry, error: undefined }), {
      at,
      kind: 'action-resolved',
      interactionId: id,
      referenceId: error.referenceId,
      detail: `${error.operation} seen done in a notification: its refusal no longer shown`,
    });
  }
  if (error.kind !== 'timeout' && error.kind !== 'outcome-unknown') return state;
  const key: UnsettledKey = error.referenceId ?? `request:${error.requestId}`;
  const action = state.unsettled.get(key);
  if (action !== undefined && action.requestId === error.requestId) {
    if (action.late !== undefined || !showsEffect(action, entry.interaction, false)) return state;
    return applyLateOutcome(state, key, { kind: 'resolved' }, at, undefined, ' (late, seen in a notification)');
  }
  if (!STATE_OPERATIONS.has(error.operation) || !showsEffect({ operation: error.operation }, entry.interaction, false)) return state;
  return logEvent(putEntry(state, id, { ...entry, error: undefined }), {
    at,
    kind: 'action-resolved',
    interactionId: id,
    referenceId: error.referenceId,
    detail: `${error.operation} seen done in a notification: its ${error.kind === 'timeout' ? 'timeout' : 'unknown outcome'} no longer shown`,
  });
}

/**
 * Fold one parsed notification into the state: upsert its resource (respecting the terminal rule),
 * then settle the request its referenceId names, or keep the outcome for a request not yet answered.
 */
export function applyNotification(state: OpenmediaState, notification: OpenmediaNotification, at: number, heardLate = false): OpenmediaState {
  const { referenceId } = notification;
  const resource = notification.openmedia;
  let next = state;
  let outcome: UpsertOutcome | undefined;
  // An Error tells of a failed operation, not of an interaction to show: its resource updates a
  // card the widget holds, and never makes one (an Error about another agent's interaction, or
  // naming the wrong id, made a card, even an offer with Accept).
  const shows = resource !== undefined && (notification.notificationType !== 'Error' || state.byId.has(resource.id));
  if (resource !== undefined && shows) ({ state: next, outcome } = upsertInteraction(next, resource, at, notification.notificationType === 'StatusChange', !heardLate));
  next = countReceivedAndLog(next, {
    at,
    kind: 'notification',
    interactionId: resource?.id ?? (notification.notificationType === 'Error' ? notification.interactionId : undefined),
    referenceId,
    detail: `${describe(notification, outcome)}${shows || resource === undefined ? '' : ' (about an interaction not shown here: no card made)'}`,
  });

  if (notification.notificationType === 'Error') {
    // Blank text says nothing (a dialect may pass it on as sent): the default says there was an error.
    const message = notification.errorMessage?.trim() ? notification.errorMessage : DEFAULT_ERROR_MESSAGE;
    const code = notification.errorCode === '' ? undefined : notification.errorCode;
    // The interaction it is about: its resource's, or the id an unreadable resource still named.
    const aboutId = resource?.id ?? notification.interactionId;
    if (referenceId !== undefined) {
      const requestIds = requestsWithReference(next, referenceId, aboutId);
      if (requestIds.length > 0) {
        for (const requestId of requestIds) next = failAction(next, requestId, { kind: 'error-notification', message, code }, at, aboutId);
        return next;
      }
      if (unsettledWithReference(next, referenceId, aboutId)) return applyLateOutcome(next, referenceId, { kind: 'failed', message, code }, at, aboutId);
      // The interaction's own request accepted without a referenceId: no Error can name it, and
      // this one is about its interaction — its refusal, the likeliest; the card says why.
      const unnumbered = aboutId === undefined ? undefined : next.byId.get(aboutId)?.pending;
      if (unnumbered?.unnumbered === true && unnumbered.elsewhere !== true) {
        return failAction(countUnmatched(next), unnumbered.requestId, { kind: 'error-notification', message, code }, at, aboutId);
      }
      return rememberUnmatched(next, referenceId, { kind: 'failed', message, code, at, ...about(aboutId) });
    }
    if (aboutId === undefined) return next;
    return setUnsolicitedError(next, aboutId, {
      kind: 'error-notification',
      message,
      ...reasonOf({ kind: 'error-notification', message }),
      code,
      operation: undefined,
      referenceId: undefined,
      at,
    });
  }

  if (resource === undefined) return next;
  if (referenceId === undefined) return settleUnnumbered(settleShownFailure(next, resource.id, at), resource.id, at);
  const requestIds = requestsWithReference(next, referenceId, resource.id);
  if (requestIds.length > 0) {
    for (const requestId of requestIds) next = resolveAction(next, requestId, at);
    return next;
  }
  if (unsettledWithReference(next, referenceId, resource.id)) return applyLateOutcome(next, referenceId, { kind: 'resolved' }, at, resource.id);
  const kept = rememberUnmatched(next, referenceId, { kind: 'resolved', at, interactionId: resource.id });
  return settleUnnumbered(settleShownFailure(kept, resource.id, at), resource.id, at);
}
