import type { NotificationChannel } from '../channel/types';
import type { OpenmediaStore } from '../core/store';
import { isSharedChannel } from './relay-channel';

export interface SharedFocus {
  /** Apply a focus heard before this tab had read its interaction (called after each publish). */
  retry(): void;
}

/**
 * GWS has one interaction in focus per agent, not per tab: a SetInFocus confirmed in one tab of
 * the shared connection is told to the others, which show it too (and clear the focus they had
 * shown). Nothing is shared when the channel is not (a tab of its own shows only its own focus).
 * A focus heard before this tab has read the interaction (it just joined) waits for the read.
 */
export function createSharedFocus(store: OpenmediaStore, channel: NotificationChannel, now: () => number): SharedFocus {
  if (!isSharedChannel(channel)) return { retry: () => undefined };
  const shared = channel;
  let applyingHeard = false;
  /** A focus another tab confirmed, not shown here yet. */
  let heard: string | undefined;
  let shown = store.getState().focusedId;

  store.observe((state) => {
    if (state.focusedId === shown) return;
    shown = state.focusedId;
    if (applyingHeard || shown === undefined) return;
    // This tab's own SetInFocus: newer than anything heard.
    heard = undefined;
    shared.announceFocused(shown);
  });

  function apply(): void {
    const id = heard;
    if (id === undefined || !store.getState().byId.has(id)) return;
    heard = undefined;
    applyingHeard = true;
    try {
      store.dispatch({ type: 'focusedElsewhere', interactionId: id, at: now() });
    } finally {
      applyingHeard = false;
    }
  }

  shared.subscribeFocused((id) => {
    heard = id;
    apply();
  });
  return { retry: apply };
}
