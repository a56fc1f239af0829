import { createMemoryChannel } from '../channel/memory-channel';
import type { ActionNews, SharedChannel } from '../client/relay-channel';
import { SOLO_TAB } from '../client/relay-channel';
import type { SharedAction } from '../client/relay-protocol';

/**
 * A shared channel for unit tests of what a tab tells the others and hears from them: it records
 * this tab's focus and action announcements, and `hearFocused` / `hearActions` speak for the other tabs.
 */
export function createFakeSharedChannel() {
  const focused: string[] = [];
  const actions: SharedAction[] = [];
  const ended: string[] = [];
  let focusListener: (id: string) => void = () => undefined;
  let actionListener: (news: ActionNews) => void = () => undefined;
  const channel: SharedChannel = {
    ...createMemoryChannel(),
    getTab: () => SOLO_TAB,
    subscribeTab: () => () => undefined,
    announceAlerted: () => undefined,
    subscribeAlerted: () => () => undefined,
    announceFocused: (id) => focused.push(id),
    subscribeFocused: (listener) => {
      focusListener = listener;
      return () => undefined;
    },
    announceAction: (action) => actions.push(action),
    announceActionEnded: (requestId) => ended.push(requestId),
    subscribeActions: (listener) => {
      actionListener = listener;
      return () => {
        actionListener = () => undefined;
      };
    },
  };
  return {
    channel,
    /** This tab's announcements. */
    announced: { focused, actions, ended },
    hearFocused: (id: string) => focusListener(id),
    hearActions: (news: ActionNews) => actionListener(news),
  };
}
