import type { GwsClient } from '../api/client';
import type { ConnectionStatus } from '../channel/types';
import { isGwsRequestError, serverWordsOf, statusCodeMessage } from '../api/errors';
import { showsEffect } from '../core/effects';
import { canPerform } from '../core/selectors';
import type { OpenmediaStore } from '../core/store';
import type { ActionError, ActionOutcome, ErrorReason, OpenmediaState, UnsettledKey } from '../core/types';
import type { OperationRequest } from '../protocol/types';
import type { SharedAction } from './relay-protocol';

export interface ActionRunnerOptions {
  readonly store: OpenmediaStore;
  readonly client: GwsClient;
  /** How long an action may take, from the click to the notification that settles it. */
  readonly timeoutMs: number;
  readonly now: () => number;
  /**
   * Keeps the client connected while an action is in flight (its outcome arrives on the channel);
   * returns the release. Called once per request sent.
   */
  readonly hold?: () => () => void;
  /**
   * The push channel's status. While it is `reconnecting` or `unauthorized` no outcome can
   * arrive, so an action is refused on the card (nothing is sent) rather than queued: by the
   * time the connection is back, GWS state may have moved.
   */
  readonly connectionStatus?: () => ConnectionStatus;
  /** A request was answered 401: the HTTP session is gone. */
  readonly onUnauthorized?: () => void;
  /**
   * An action ended in a way that leaves the interaction as the card shows it in doubt: it timed
   * out (the server may have done it), the server refused it (GWS refuses what the interaction's
   * state does not allow: the card is likely behind), or it failed over HTTP. The interaction is
   * worth reading again, rather than showing buttons the server will refuse until some later
   * notification happens to correct them.
   */
  readonly onDoubt?: (interactionId: string) => void;
  /**
   * Told of each request sent (again with its referenceId once accepted) and of its end, however
   * it ended: the other tabs sharing the connection show it in flight meanwhile.
   */
  readonly share?: {
    started(action: SharedAction): void;
    ended(requestId: string, error?: ActionError): void;
  };
  /**
   * Whether no widget shows this client any more (only its actions in flight keep it): a failure
   * then goes to the other widgets and tabs with the action's end, or nobody would see it.
   */
  readonly unwatched?: () => boolean;
}

/** Failures after which what the card shows may no longer be what the server has. */
function leavesDoubt(error: ActionError): boolean {
  switch (error.kind) {
    case 'timeout':
    case 'status-code':
    case 'error-notification':
      return true;
    case 'http':
      // Signed out: nothing can be read until the agent signs in again (the banner says so).
      return error.code !== 401;
    case 'outcome-unknown':
      // The connection failed while the request was out (no referenceId came back); one with a
      // referenceId was decided by a gap's own read.
      return error.referenceId === undefined;
    default:
      // Nothing was sent (not available, vetoed, not connected), or a gap's own read decided it.
      return false;
  }
}

/** What `perform` can be told besides the request. */
export interface PerformOptions {
  /**
   * Called at most once, after the promise resolved as timed out (or unknown), if the outcome
   * arrives after all: `{ status: 'succeeded', late: true }` or `{ status: 'failed', …, late: true }`.
   */
  readonly onLateOutcome?: (outcome: ActionOutcome) => void;
}

/** Why an action was not sent while the push channel is down (shown on the card). */
export const NOT_CONNECTED_MESSAGES: Readonly<Partial<Record<ConnectionStatus, string>>> = {
  reconnecting: 'Not sent: the connection is being restored, so the result could not be confirmed. Try again once Live.',
  unauthorized: 'Not sent: your session has ended. Sign in again, then reconnect.',
};

/** Why an action was not sent while the browser says there is no network (shown on the card). */
export const NO_NETWORK_MESSAGE = 'Not sent: this computer has no network. Try again once it is back.';

/** Whether actions are refused, unsent, while the connection is in `status` (see {@link NOT_CONNECTED_MESSAGES}). */
export function actionsRefusedWhile(status: ConnectionStatus): boolean {
  return NOT_CONNECTED_MESSAGES[status] !== undefined;
}

/** Runs operations and owns their timers, so an action outlives the card that started it. */
export interface ActionRunner {
  /**
   * Request an operation. Every outcome is an event in the store; the promise resolves once the
   * action has settled there (confirmed by its notification, refused, failed or timed out), with
   * how it ended. Never rejects.
   */
  perform(interactionId: string, request: OperationRequest, performOptions?: PerformOptions): Promise<ActionOutcome>;
  /**
   * Clears every timer and abandons every request in flight (the client was disposed), settling
   * each as timed out. An abandoned POST is aborted on our side only: if GWS already received it,
   * the operation still happens there, and the next snapshot shows it.
   */
  dispose(): void;
}

/**
 * A deadline timer that runs this much later than due ran after the page's thread was held (a
 * host's long task, a frozen page): the answer and the notification that settle the action may
 * be queued behind it, received in time.
 */
export const LATE_DEADLINE_MS = 1_000;
/** How much longer such a deadline waits, so that what queued up meanwhile is handled first. */
export const THAW_GRACE_MS = 1_000;

/** How long after an action done at once (no news promised) the card is read, unless news showed it done. */
export const DONE_AT_ONCE_READ_AFTER_MS = 1_000;

let counter = 0;
/** Said of a request whose answer a network failure took: whether the server (`GWS`) did it is not known. */
function maybeReached(server: string): string {
  return `It may have reached ${server} before the connection failed: check the card before trying again.`;
}
function maybeReachedThroughGateway(server: string): string {
  return `A gateway between the widget and ${server} answered, not ${server}: the request may have reached ${server}. Check the card before trying again.`;
}

/** The widget's own explanation an error from the REST client carries, if any. */
function reasonOf(error: unknown): { readonly reason?: ErrorReason; readonly detail?: string } {
  if (!isGwsRequestError(error) || error.reason === undefined) return {};
  return error.detail === undefined ? { reason: error.reason } : { reason: error.reason, detail: error.detail };
}

/**
 * A gateway's failure as the widget explains it, with what the gateway (or GWS behind it) said in
 * its own words kept apart: its message when it sent one, else its plain-text body.
 */
function gatewayReason(error: unknown): { readonly reason: 'gateway'; readonly detail?: string } {
  const said = isGwsRequestError(error) ? serverWordsOf(error) : undefined;
  return said === undefined ? { reason: 'gateway' } : { reason: 'gateway', detail: said };
}

/**
 * A gateway's failure (502, 503, 504 from a proxy or load balancer, with no GWS answer in its body):
 * the request may have reached GWS, and been done, before the gateway gave up on it.
 */
function gatewayFailure(error: unknown): boolean {
  // A status code in the body is the server's own answer (a Workspace API 503 with its {status}), not a gateway's.
  return isGwsRequestError(error) && error.kind === 'http' && error.statusCode === undefined && (error.status === 502 || error.status === 503 || error.status === 504);
}

/**
 * A 5xx that is not a gateway's, with no GWS answer in its body (the error page of the server or
 * container behind it): the request reached it, which failed while handling it, perhaps after
 * doing it. Not "could not be sent": the outcome, or a read of the card, decides.
 */
function serverFailure(error: unknown): boolean {
  return isGwsRequestError(error) && error.kind === 'http' && error.statusCode === undefined && (error.status ?? 0) >= 500;
}
function maybeDoneDespiteFailure(server: string): string {
  return `The request reached ${server}, which failed while handling it: it may have been done. Check the card before trying again.`;
}

/** The browser says it has no network: a request that failed now never left. */
function browserOffline(): boolean {
  return typeof navigator !== 'undefined' && navigator.onLine === false;
}

function newRequestId(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  counter += 1;
  return `request-${Date.now().toString(36)}-${counter}`;
}

export function createActionRunner(options: ActionRunnerOptions): ActionRunner {
  const { store, client, timeoutMs, now } = options;
  const inFlight = new Map<string, { readonly timer: ReturnType<typeof setTimeout>; readonly abort: AbortController }>();
  // Settlement is read off every state transition, not off rendered frames: an action that
  // starts and ends between two frames (or in a hidden tab, where frames stop) still reports.
  const waiting = new Map<
    string,
    {
      readonly interactionId: string;
      readonly resolve: (outcome: ActionOutcome) => void;
      readonly release: () => void;
      readonly onLateOutcome: ((outcome: ActionOutcome) => void) | undefined;
    }
  >();
  /** Requests given up on (timed out, unknown) whose outcome may still come: their unsettled key (referenceId, or `request:<id>`) → listener. */
  const lateWatch = new Map<UnsettledKey, { readonly requestId: string; readonly notify: (outcome: ActionOutcome) => void }>();
  let stopObserving: (() => void) | undefined;

  function outcomeOf(state: OpenmediaState, requestId: string, interactionId: string): ActionOutcome {
    const error = state.byId.get(interactionId)?.error;
    if (error === undefined || error.requestId !== requestId) return { status: 'succeeded' };
    return error.kind === 'outcome-unknown' ? { status: 'unknown', error } : { status: 'failed', error };
  }

  function settleWaiting(state: OpenmediaState): void {
    for (const [requestId, { interactionId, resolve, release, onLateOutcome }] of waiting) {
      if (state.pending.has(requestId)) continue;
      waiting.delete(requestId);
      finish(requestId);
      const outcome = outcomeOf(state, requestId, interactionId);
      const orphanError = (outcome.status === 'failed' || outcome.status === 'unknown') && options.unwatched?.() === true ? outcome.error : undefined;
      options.share?.ended(requestId, orphanError);
      release();
      if (onLateOutcome !== undefined && outcome.status !== 'succeeded') watchLate(state, requestId, onLateOutcome);
      resolve(outcome);
      if ((outcome.status === 'failed' || outcome.status === 'unknown') && leavesDoubt(outcome.error)) options.onDoubt?.(interactionId);
    }
    for (const [referenceId, { requestId, notify }] of lateWatch) {
      const unsettled = state.unsettled.get(referenceId);
      if (unsettled?.requestId !== requestId) {
        lateWatch.delete(referenceId); // Forgotten (too old, or a new session): no late outcome any more.
        continue;
      }
      if (unsettled.late === undefined) continue;
      lateWatch.delete(referenceId);
      const error = state.byId.get(unsettled.interactionId)?.error;
      notify(
        unsettled.late === 'succeeded' || error === undefined || error.requestId !== requestId
          ? { status: 'succeeded', late: true }
          : { status: 'failed', error, late: true },
      );
    }
    if (waiting.size === 0 && lateWatch.size === 0 && stopObserving) {
      stopObserving();
      stopObserving = undefined;
    }
  }

  function watchLate(state: OpenmediaState, requestId: string, notify: (outcome: ActionOutcome) => void): void {
    for (const [referenceId, unsettled] of state.unsettled.entries()) {
      if (unsettled.requestId === requestId) {
        lateWatch.set(referenceId, { requestId, notify });
        return;
      }
    }
  }

  function settlementOf(requestId: string, interactionId: string, performOptions: PerformOptions | undefined): Promise<ActionOutcome> {
    const release = options.hold?.() ?? (() => undefined);
    const onLateOutcome = performOptions?.onLateOutcome;
    const settled = new Promise<ActionOutcome>((resolve) => waiting.set(requestId, { interactionId, resolve, release, onLateOutcome }));
    stopObserving ??= store.observe(settleWaiting);
    return settled;
  }

  function finish(requestId: string): void {
    const flight = inFlight.get(requestId);
    if (flight === undefined) return;
    clearTimeout(flight.timer);
    inFlight.delete(requestId);
  }

  function perform(interactionId: string, request: OperationRequest, performOptions?: PerformOptions): Promise<ActionOutcome> {
    const entry = store.getState().byId.get(interactionId);
    // Nothing to act on, or one action already running on it (a double click): no second request.
    if (entry === undefined || entry.pending !== undefined) return Promise.resolve({ status: 'ignored' });
    const requestId = newRequestId();
    store.dispatch({
      type: 'actionRequested',
      requestId,
      interactionId,
      operation: request.operationName,
      ...(request.operationName === 'AttachUserData' || request.operationName === 'UpdateUserData' ? { userData: request.userData } : {}),
      ...(request.operationName === 'DeleteUserData' ? { keys: request.keys } : {}),
      at: now(),
    });
    const settled = settlementOf(requestId, interactionId, performOptions);
    // Under "No network" the buttons are unavailable: a press says why and sends nothing (it could
    // only fail, or, had the browser been wrong, do what the screen said it would not).
    if (browserOffline() && options.connectionStatus?.() !== 'unauthorized') {
      store.dispatch({ type: 'actionFailed', requestId, kind: 'not-connected', code: undefined, message: NO_NETWORK_MESSAGE, reason: 'no-network', at: now() });
      return settled;
    }
    const notConnected = NOT_CONNECTED_MESSAGES[options.connectionStatus?.() ?? 'connected'];
    if (notConnected !== undefined) {
      const reason = options.connectionStatus?.() === 'unauthorized' ? 'signed-out' : 'reconnecting';
      store.dispatch({ type: 'actionFailed', requestId, kind: 'not-connected', code: undefined, message: notConnected, reason, at: now() });
      return settled;
    }
    void send(requestId, entry.interaction.mediaType, interactionId, request, canPerform(entry, request.operationName));
    return settled;
  }

  async function send(
    requestId: string,
    mediaType: string,
    interactionId: string,
    request: OperationRequest,
    allowed: boolean,
  ): Promise<void> {
    const operation = request.operationName;
    if (!allowed) {
      const message = `${operation} is not available for this interaction now.`;
      store.dispatch({ type: 'actionFailed', requestId, kind: 'not-available', code: undefined, message, reason: 'not-available', at: now() });
      return;
    }

    // One deadline from the click: a POST that hangs and an outcome that never comes both end
    // visibly after `timeoutMs`.
    const abort = new AbortController();
    options.share?.started({ requestId, interactionId, operation, referenceId: undefined });
    const due = now() + timeoutMs;
    let graced = false;
    const expire = () => {
      if (!graced && now() - due > LATE_DEADLINE_MS) {
        // The thread was held past the deadline: judge only once what arrived meanwhile is in.
        graced = true;
        inFlight.set(requestId, { timer: setTimeout(expire, THAW_GRACE_MS), abort });
        return;
      }
      inFlight.delete(requestId);
      abort.abort();
      store.dispatch({ type: 'actionTimedOut', requestId, at: now() });
    };
    inFlight.set(requestId, { timer: setTimeout(expire, timeoutMs), abort });

    try {
      const answer = await client.performOperation(mediaType, interactionId, request, { signal: abort.signal });
      if (abort.signal.aborted) return;
      if (answer.statusCode === 0 && answer.done === true) {
        // Done at once (Workspace v3 status.code 0): nothing more to wait for.
        finish(requestId);
        const action = store.getState().pending.get(requestId);
        store.dispatch({ type: 'actionCompleted', requestId, referenceId: answer.referenceId, at: now() });
        // No news is promised: if none has shown what it did a moment later, the card is read
        // again (it would otherwise still offer Accept after a successful Accept).
        if (action !== undefined) {
          setTimeout(() => {
            const entry = store.getState().byId.get(interactionId);
            if (entry !== undefined && !showsEffect(action, entry.gone === true ? undefined : entry.interaction, false)) options.onDoubt?.(interactionId);
          }, DONE_AT_ONCE_READ_AFTER_MS);
        }
        return;
      }
      if (answer.statusCode === 0) {
        // Accepted, not done: the notification carrying this referenceId settles it, or the timer.
        // Without one (a 2xx with no body) no notification can name it: news about the
        // interaction that shows it done settles it, else the timer.
        if (answer.referenceId === undefined) {
          store.dispatch({ type: 'actionAcceptedWithoutReference', requestId, at: now() });
        } else {
          store.dispatch({ type: 'actionAccepted', requestId, referenceId: answer.referenceId, at: now() });
          // Still in flight (its outcome did not come first): the other tabs can settle it on its notification too.
          if (store.getState().pending.has(requestId)) options.share?.started({ requestId, interactionId, operation, referenceId: answer.referenceId });
        }
        return;
      }
      finish(requestId);
      const message = statusCodeMessage(answer.statusCode, answer.statusMessage);
      // The widget's own words for a GWS code; not for a code a dialect read as one (its number differs).
      const own = (answer.statusMessage === undefined || answer.statusMessage.trim() === '') && answer.serverCode === undefined;
      store.dispatch({ type: 'actionFailed', requestId, kind: 'status-code', code: answer.serverCode ?? answer.statusCode, message, ...(own ? { reason: 'status-code' } : {}), at: now() });
    } catch (error) {
      if (abort.signal.aborted) return;
      finish(requestId);
      if (isGwsRequestError(error) && error.kind === 'status-code') {
        store.dispatch({ type: 'actionFailed', requestId, kind: 'status-code', code: error.statusCode, message: error.message, ...reasonOf(error), at: now() });
        return;
      }
      const message = error instanceof Error && error.message ? error.message : `${operation} failed.`;
      // The widget's own words: the error's explanation, or "failed" when it had no message.
      const own = error instanceof Error && error.message ? reasonOf(error) : { reason: 'failed' as const };
      if (isGwsRequestError(error) && error.notSent) {
        // Nothing left this browser: no doubt to read the server about.
        store.dispatch({ type: 'actionFailed', requestId, kind: 'not-available', code: undefined, message, ...own, at: now() });
        return;
      }
      if (isGwsRequestError(error) && error.kind === 'network' && !browserOffline()) {
        // No answer: the request may have reached GWS, and been done, before the connection failed.
        store.dispatch({ type: 'actionFailed', requestId, kind: 'outcome-unknown', code: undefined, message: `${message} ${maybeReached(options.client.serverName ?? 'GWS')}`, reason: 'maybe-reached', at: now() });
        return;
      }
      const code = isGwsRequestError(error) ? error.status : undefined;
      if (gatewayFailure(error)) {
        // Not "could not be sent": the outcome, or a read of the card, decides.
        store.dispatch({ type: 'actionFailed', requestId, kind: 'outcome-unknown', code, message: `${message} ${maybeReachedThroughGateway(options.client.serverName ?? 'GWS')}`, ...gatewayReason(error), at: now() });
        return;
      }
      if (serverFailure(error)) {
        const said = isGwsRequestError(error) ? serverWordsOf(error) : undefined;
        store.dispatch({ type: 'actionFailed', requestId, kind: 'outcome-unknown', code, message: `${message} ${maybeDoneDespiteFailure(options.client.serverName ?? 'GWS')}`, reason: 'server-failed', ...(said === undefined ? {} : { detail: said }), at: now() });
        return;
      }
      if (isGwsRequestError(error) && error.kind === 'unauthorized') options.onUnauthorized?.();
      store.dispatch({ type: 'actionFailed', requestId, kind: 'http', code, message, ...own, at: now() });
    }
  }

  return {
    perform,
    dispose() {
      const abandoned = [...inFlight.entries()];
      inFlight.clear();
      for (const [requestId, { timer, abort }] of abandoned) {
        clearTimeout(timer);
        abort.abort();
        // Nobody will watch for this outcome any more: end the wait now, or a store that outlives
        // the effect (a hidden <Activity>) keeps the card pending, and unevictable, for ever.
        store.dispatch({ type: 'actionTimedOut', requestId, at: now() });
      }
    },
  };
}
