import { OpenmediaWidget } from '../components/openmedia-widget';
import { OpenmediaProvider } from '../hooks/openmedia-provider';
import { dispatchActionEvent, dispatchFocusEvent } from './dom-events';
import type { OpenmediaWidgetMountOptions } from './mount-options';

export interface EmbeddedWidgetProps {
  readonly options: OpenmediaWidgetMountOptions;
  /** Where the DOM events are dispatched (the mount element). */
  readonly target: EventTarget;
}

/** A provider and a widget, with the widget's callbacks also told to the page as DOM events. */
export function EmbeddedWidget({ options, target }: EmbeddedWidgetProps) {
  const {
    gwsBase,
    cometdUrl,
    mediaTypes,
    transport,
    channel,
    client,
    queryClient,
    actionTimeoutMs,
    lingerMs,
    recordLimit,
    injectStyles: _injectStyles,
    onFocus,
    onAction,
    ...view
  } = options;
  return (
    <OpenmediaProvider
      gwsBase={gwsBase}
      cometdUrl={cometdUrl}
      mediaTypes={mediaTypes}
      transport={transport}
      channel={channel}
      client={client}
      queryClient={queryClient}
      actionTimeoutMs={actionTimeoutMs}
      lingerMs={lingerMs}
      recordLimit={recordLimit}
    >
      <OpenmediaWidget
        {...view}
        onFocus={(interaction) => {
          dispatchFocusEvent(target, interaction);
          onFocus?.(interaction);
        }}
        onAction={(event) => {
          // Both the page's listeners and the callback hear every event; either can veto.
          const allowedByPage = dispatchActionEvent(target, event);
          const allowedByCallback = onAction?.(event) !== false;
          if (event.phase === 'before' && !(allowedByPage && allowedByCallback)) return false;
          return undefined;
        }}
      />
    </OpenmediaProvider>
  );
}
