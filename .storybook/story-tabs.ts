import type { MemoryChannel } from '../src/channel/memory-channel';
import type { ActionNews, SharedChannel, TabInfo } from '../src/client/relay-channel';

/** A story's tab in a connection shared with other tabs: what it hears from them, said by the story. */
export interface StoryTabs {
  /** The story's memory channel, seen by the widget as shared with other tabs (this tab is `tab`). */
  readonly channel: SharedChannel;
  /** Another tab's action news, as the relay would deliver it. */
  hearAction(news: ActionNews): void;
}

/**
 * The memory channel as a tab of a shared connection: the role and tab count the story chose,
 * and the other tabs' actions when the story says so. This tab's own announcements go nowhere.
 */
export function storyTabs(channel: MemoryChannel, tab: TabInfo): StoryTabs {
  const actionListeners = new Set<(news: ActionNews) => void>();
  const shared: SharedChannel = {
    ...channel,
    getTab: () => tab,
    subscribeTab: () => () => undefined,
    announceAlerted: () => undefined,
    subscribeAlerted: () => () => undefined,
    announceFocused: () => undefined,
    subscribeFocused: () => () => undefined,
    announceAction: () => undefined,
    announceActionEnded: () => undefined,
    subscribeActions: (listener) => {
      actionListeners.add(listener);
      return () => {
        actionListeners.delete(listener);
      };
    },
  };
  return {
    channel: shared,
    hearAction: (news) => {
      for (const listener of [...actionListeners]) listener(news);
    },
  };
}
