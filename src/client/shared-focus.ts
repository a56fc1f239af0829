import type { NotificationChannel } from '../channel/types';
import type { OpenmediaStore } from '../core/store';
import { isSharedChannel } from './relay-channel';

export interface SharedFocus {
  /** Called after each publish of the store: tells the other tabs of a focus this tab confirmed, shows one heard. */
  afterPublish(): void;
}

/**
 * GWS has one interaction in focus per agent, not per tab: a SetInFocus confirmed in one tab of
 * the shared connection is told to the others, which show it too (and no longer the focus they
 * had shown). Nothing is shared when the channel is not (a tab of its own shows only its own
 * focus). A focus heard before this tab has read the interaction (it just joined) waits for the
 * first read (`listed`), and is dropped if that read does not have it. Looked at once per publish
 * (a frame at most), not per notification.
 */
export function createSharedFocus(store: OpenmediaStore, channel: NotificationChannel, now: () => number, listed: () => boolean): SharedFocus {
  if (!isSharedChannel(channel)) return { afterPublish: () => undefined };
  const shared = channel;
  /** A focus another tab confirmed, not shown here yet. */
  let heard: string | undefined;
  /** The focus taken from another tab, until it is published (then it is not told back). */
  let applied: string | undefined;
  let published = store.getSnapshot().focusedId;

  function apply(): void {
    const id = heard;
    if (id === undefined || !store.getState().byId.has(id)) return;
    heard = undefined;
    applied = id;
    store.dispatch({ type: 'focusedElsewhere', interactionId: id, at: now() });
  }

  shared.subscribeFocused((id) => {
    heard = id;
    apply();
  });

  return {
    afterPublish() {
      const { focusedId: id, focusedElsewhere } = store.getSnapshot();
      if (id !== published) {
        published = id;
        if (id === applied) applied = undefined;
        // Another tab's SetInFocus settled here too (see shared-actions): that tab tells it.
        else if (id !== undefined && focusedElsewhere !== true) {
          // This tab's own SetInFocus: newer than anything heard.
          heard = undefined;
          applied = undefined;
          shared.announceFocused(id);
        }
      }
      apply();
      // Read, and still not here (another media type, or already gone): it is not this tab's to
      // show, and must not mark an interaction of that id offered here later.
      if (listed()) heard = undefined;
    },
  };
}
