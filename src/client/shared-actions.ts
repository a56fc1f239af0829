import type { NotificationChannel } from '../channel/types';
import type { OpenmediaStore } from '../core/store';
import type { ActionError } from '../core/types';
import { isSharedChannel } from './relay-channel';
import type { SharedAction } from './relay-protocol';

/**
 * This tab's actions, told to the other tabs of the shared connection, and theirs shown here.
 * The action runner calls {@link started} and {@link ended} as its requests go.
 */
export interface SharedActions {
  /** This tab sent an action (`referenceId` undefined), or GWS accepted it (with its referenceId). */
  started(action: SharedAction): void;
  /**
   * This tab is done with the action, whatever its outcome. `error`: it failed while no widget of
   * this client is shown (its own card cannot say so); the other tabs and widgets show it.
   */
  ended(requestId: string, error?: ActionError): void;
  /** Stop listening; the other tabs' actions shown here end here. */
  dispose(): void;
}

const UNSHARED: SharedActions = { started: () => undefined, ended: () => undefined, dispose: () => undefined };

/** How much longer than its sender's action timeout another tab's action is shown, if its end is never heard. */
export const ELSEWHERE_GRACE_MS = 5_000;

/**
 * An action in flight in one tab is shown in the others as pending (its button busy, the others
 * disabled, a line saying it runs in another tab): without this, a tab offers Accept on an offer
 * the agent has just accepted elsewhere, and the second click is refused by GWS. The tab that
 * sent it keeps its timer and its error; the others drop it when that tab says it is done, when
 * that tab goes before GWS accepted it, or its timeout + {@link ELSEWHERE_GRACE_MS} after they heard of it (a tab that
 * crashed says nothing). Once that tab tells them the referenceId, they settle it on its
 * notification themselves, as the sender does. Nothing is shared when the channel is not.
 */
export function createSharedActions(store: OpenmediaStore, channel: NotificationChannel, now: () => number, timeoutMs: number): SharedActions {
  if (!isSharedChannel(channel)) return UNSHARED;
  const shared = channel;
  /**
   * Other tabs' actions in flight, by requestId: `shown` once in the store here. One heard before
   * this tab has the interaction (it joined, and its first read is still out), or while the card
   * shows another action in flight, waits for it.
   */
  const heard = new Map<string, Heard>();
  let stopObserving: (() => void) | undefined;
  let showing = false;

  function end(requestId: string, error?: ActionError): void {
    const record = heard.get(requestId);
    if (record === undefined) return;
    clearTimeout(record.timer);
    heard.delete(requestId);
    if (record.shown) store.dispatch(error === undefined ? { type: 'actionEndedElsewhere', requestId, at: now() } : { type: 'actionEndedElsewhere', requestId, error, at: now() });
    watch();
  }

  /** The store is watched while some action waits for its interaction (or its turn), and only then. */
  function watch(): void {
    let waiting = false;
    for (const record of heard.values()) if (!record.shown) waiting = true;
    if (waiting) stopObserving ??= store.observe(showWaiting);
    else if (stopObserving !== undefined) {
      stopObserving();
      stopObserving = undefined;
    }
  }

  function showWaiting(): void {
    if (showing) return;
    for (const record of [...heard.values()]) if (!record.shown) show(record);
    watch();
  }

  /**
   * Shows the action once this tab has its interaction; tells the referenceId once it is known.
   * The caller calls watch() afterwards (once, after all it shows).
   */
  function show(record: Heard): void {
    const { requestId, interactionId, operation } = record.action;
    if (!record.shown) {
      // A card shows one action in flight: while this tab's own (sent at the same moment) or a
      // third tab's is shown, this one waits its turn, to be shown if it outlives that one.
      const entry = store.getState().byId.get(interactionId);
      if (entry === undefined || entry.pending !== undefined) return;
      showing = true;
      try {
        store.dispatch({ type: 'actionRequested', requestId, interactionId, operation, elsewhere: true, ...(record.onThisPage ? { onThisPage: true } : {}), at: now() });
      } finally {
        showing = false;
      }
      record.shown = true;
    }
    const { referenceId } = record.action;
    if (referenceId !== undefined && referenceId !== record.accepted) {
      record.accepted = referenceId;
      store.dispatch({ type: 'actionAccepted', requestId, referenceId, at: now() });
    }
  }

  function hear(from: string, action: SharedAction, onThisPage: boolean): void {
    let record = heard.get(action.requestId);
    if (record === undefined) {
      const { requestId } = action;
      const waitMs = (action.timeoutMs ?? timeoutMs) + ELSEWHERE_GRACE_MS;
      record = { from, onThisPage, action, shown: false, accepted: undefined, timer: setTimeout(() => end(requestId), waitMs) };
      heard.set(requestId, record);
    } else if (action.referenceId !== undefined) {
      record.action = action;
    }
    show(record);
    watch();
  }

  const unsubscribe = shared.subscribeActions((news) => {
    switch (news.kind) {
      case 'started':
        hear(news.from, news.action, news.onThisPage === true);
        return;
      case 'ended':
        end(news.requestId, news.error);
        return;
      case 'tab-gone':
        // One GWS accepted still settles here on its notification (or the timer): it goes on
        // without its tab. One not yet accepted has no notification to wait for here.
        for (const [requestId, record] of [...heard]) if (record.from === news.from && record.action.referenceId === undefined) end(requestId);
        return;
      case 'deaf':
        for (const requestId of [...heard.keys()]) end(requestId);
        return;
    }
  });

  return {
    started: (action) => shared.announceAction({ ...action, timeoutMs }),
    ended: (requestId, error) => shared.announceActionEnded(requestId, error),
    dispose() {
      unsubscribe();
      for (const requestId of [...heard.keys()]) end(requestId);
    },
  };
}

interface Heard {
  readonly from: string;
  /** Sent by another widget of this page (see `ActionNews`). */
  readonly onThisPage: boolean;
  action: SharedAction;
  shown: boolean;
  /** The referenceId told to the store. */
  accepted: number | undefined;
  readonly timer: ReturnType<typeof setTimeout>;
}
