import { OfferAlertControls } from '../components/offer-alert-controls';
import { OpenmediaMessages } from '../components/messages-provider';
import { resolveMessages } from '../components/messages';
import type { OfferAlertOptions } from '../client/offer-alerts';
import { subjectOf } from '../protocol/interaction';
import { OpenmediaWidget } from '../components/openmedia-widget';
import { CLIENT_OPTION_KEYS, pickClientOptions } from '../client/client-options';
import type { OpenmediaWidgetProps } from '../components/openmedia-widget';
import { OpenmediaProvider } from '../hooks/openmedia-provider';
import { dispatchActionEvent, dispatchFocusEvent, dispatchOfferEvent } from './dom-events';
import type { OpenmediaWidgetMountOptions } from './mount-options';

export interface EmbeddedWidgetProps {
  readonly options: OpenmediaWidgetMountOptions;
  /** Where the DOM events are dispatched (the mount element). */
  readonly target: EventTarget;
}

/** The widget's own props: every mount option but the client's and `client` itself. */
function omitClientOptions(options: Omit<OpenmediaWidgetMountOptions, 'injectStyles' | 'onFocus' | 'onAction'>): OpenmediaWidgetProps {
  const view: Record<string, unknown> = { ...options };
  for (const key of CLIENT_OPTION_KEYS) delete view[key];
  delete view.client;
  delete view.alerts;
  delete view.onOffer;
  return view as OpenmediaWidgetProps;
}

/**
 * The alerts as the client gets them: a desktop notification in the widget's language (its
 * `newOffer` message) unless the host wrote its own text. The element has no other way to put
 * its messages into the client, which knows none.
 */
function alertsInLanguage(alerts: OpenmediaWidgetMountOptions['alerts'], newOffer: ((subject: string) => string) | undefined): OpenmediaWidgetMountOptions['alerts'] {
  if (!alerts || newOffer === undefined) return alerts;
  const own: OfferAlertOptions = typeof alerts === 'object' ? alerts : {};
  if (own.notificationText !== undefined) return alerts;
  return { ...own, notificationText: (interaction) => ({ title: newOffer(subjectOf(interaction) ?? interaction.id), body: interaction.mediaType }) };
}

/** A provider and a widget, with the widget's callbacks also told to the page as DOM events. */
export function EmbeddedWidget({ options, target }: EmbeddedWidgetProps) {
  const { injectStyles: _injectStyles, onFocus, onAction, onOffer, alerts, ...rest } = options;
  const clientOptions = pickClientOptions(rest);
  const view = omitClientOptions(rest);
  // Only a host's own `newOffer` changes the notification: the default text is the client's.
  const newOffer = options.messages?.newOffer === undefined ? undefined : resolveMessages(options.messages).newOffer;
  return (
    <OpenmediaProvider
      client={options.client}
      {...clientOptions}
      alerts={alertsInLanguage(alerts, newOffer)}
      onOffer={(interaction) => {
        dispatchOfferEvent(target, interaction);
        onOffer?.(interaction);
      }}
    >
      {/* Outside the widget, so given the widget's messages here: the switches speak its language too. */}
      {alerts ? (
        <OpenmediaMessages messages={options.messages}>
          <OfferAlertControls />
        </OpenmediaMessages>
      ) : null}
      <OpenmediaWidget
        {...view}
        onFocus={(interaction, details) => {
          dispatchFocusEvent(target, interaction, details.fromAnotherTab);
          onFocus?.(interaction, details);
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
