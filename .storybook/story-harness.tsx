import { QueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { OpenmediaWidget } from '../src/components/openmedia-widget';
import type { OpenmediaWidgetProps } from '../src/components/openmedia-widget';
import { createMemoryChannel } from '../src/channel/memory-channel';
import type { MemoryChannel } from '../src/channel/memory-channel';
import type { ConnectionStatus } from '../src/channel/types';
import type { TabInfo } from '../src/client/relay-channel';
import { OpenmediaProvider } from '../src/hooks/openmedia-provider';
import type { OpenmediaProviderProps } from '../src/hooks/openmedia-provider';
import { createStoryGws } from './story-gws';
import type { StoryGws, StoryGwsOptions } from './story-gws';
import { STORY_TARGETS } from './story-data';
import { storyTabs } from './story-tabs';
import type { StoryTabs } from './story-tabs';

export interface StoryContext {
  readonly channel: MemoryChannel;
  readonly gws: StoryGws;
  /** The other tabs of the shared connection, when the story gave its tab a role (`tab`). */
  readonly tabs: StoryTabs | undefined;
}

export interface StoryHarnessProps {
  readonly widget?: Partial<OpenmediaWidgetProps>;
  readonly gws?: StoryGwsOptions;
  readonly provider?: Partial<Omit<OpenmediaProviderProps, 'channel' | 'client' | 'gwsClient' | 'queryClient' | 'children'>>;
  /** The channel's status before the widget subscribes (it stays so): connecting, unauthorized, … */
  readonly initialStatus?: ConnectionStatus;
  /** This tab's part in a connection shared with other tabs; absent: a tab on its own. */
  readonly tab?: TabInfo;
  /** Runs once the widget has subscribed: push notifications, change the status. May return a cleanup. */
  readonly script?: (context: StoryContext) => void | (() => void);
}

/** Stories record raw messages (production does not by default), so "Download log" and its redaction can be tried. */
const STORY_RECORD_LIMIT = 1_000;

/** The real provider and widget over a memory channel and a scripted GWS: a story needs no server. */
export function StoryHarness({ widget, gws, provider, initialStatus, tab, script }: StoryHarnessProps) {
  const [context] = useState(() => {
    const channel = createMemoryChannel();
    if (initialStatus) channel.setStatus(initialStatus);
    const tabs = tab === undefined ? undefined : storyTabs(channel, tab);
    return { channel, tabs, gws: createStoryGws(channel, gws), queryClient: new QueryClient() };
  });
  // The first script only: a story's setup is not re-run by a control change.
  const firstScript = useRef(script);
  useEffect(() => firstScript.current?.(context) ?? undefined, [context]);
  return (
    <OpenmediaProvider channel={context.tabs?.channel ?? context.channel} gwsClient={context.gws.client} queryClient={context.queryClient} lingerMs={3_600_000} recordLimit={STORY_RECORD_LIMIT} {...provider}>
      <OpenmediaWidget transferTargets={STORY_TARGETS} {...widget} />
    </OpenmediaProvider>
  );
}
