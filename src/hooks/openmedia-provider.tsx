import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { pickClientOptions, sameClientOptions } from '../client/client-options';
import type { OpenmediaClientOptions } from '../client/client-options';
import { createOpenmediaClient } from '../client/openmedia-client';
import type { OpenmediaClient } from '../client/openmedia-client';
import type { OpenmediaInteraction } from '../protocol/types';
import { OpenmediaContext } from './openmedia-context';

export interface OpenmediaProviderProps extends OpenmediaClientOptions {
  /**
   * A client the host created and owns (`createOpenmediaClient`): the provider uses it as it is,
   * and the other props are ignored. Without it, the provider creates a client from its props.
   */
  readonly client?: OpenmediaClient;
  /**
   * Called once per new offer, in one tab of the browser (the one holding the shared connection),
   * also while the tab is hidden. Active without `alerts`.
   */
  readonly onOffer?: (interaction: OpenmediaInteraction) => void;
  readonly children?: ReactNode;
}

interface Owned {
  readonly options: OpenmediaClientOptions;
  readonly client: OpenmediaClient;
}

/**
 * The client the provider owns: created from the props, and replaced by a new one when a
 * connection-defining prop changes. Creating has no side effects, so the extra client of a
 * StrictMode double render is garbage, not a leak.
 */
function useOwnedClient(props: OpenmediaProviderProps): OpenmediaClient | undefined {
  const external = props.client;
  const options = pickClientOptions(props);
  const [owned, setOwned] = useState<Owned | undefined>(() =>
    external === undefined ? { options, client: createOpenmediaClient(options) } : undefined,
  );
  let current = owned;
  if (external === undefined && (current === undefined || !sameClientOptions(current.options, options))) {
    current = { options, client: createOpenmediaClient(options) };
    setOwned(current);
  }
  const client = external === undefined ? current?.client : undefined;

  // A replaced client is disposed before the hooks below start its successor (layout effects run
  // before passive ones): one connection at a time. An unmounted provider's client needs no
  // dispose: it closes once the last hook lets go and its actions in flight have settled.
  const previous = useRef<OpenmediaClient | undefined>(undefined);
  useLayoutEffect(() => {
    const before = previous.current;
    previous.current = client;
    if (before !== undefined && before !== client) before.dispose();
  }, [client]);
  return client;
}

/**
 * Compared by content: an inline `alerts={{ titleBadge: true }}` must not reconfigure on every
 * render. A function (`notificationText`) counts by its presence: the client is given one that
 * calls the latest, so a new one (the host switched language) applies without a new key.
 */
function alertsKey(alerts: OpenmediaProviderProps['alerts']): string {
  return typeof alerts === 'object' ? JSON.stringify(alerts, (_key, value: unknown) => (typeof value === 'function' ? '[function]' : value)) : String(alerts);
}

/** The provider's `alerts` as the client gets them: the notification text read from the latest props when called. */
function withLatestText(alerts: OpenmediaProviderProps['alerts'], latest: { readonly current: { readonly alerts: OpenmediaProviderProps['alerts'] } }): OpenmediaProviderProps['alerts'] {
  if (typeof alerts !== 'object' || alerts.notificationText === undefined) return alerts;
  const first = alerts.notificationText;
  return {
    ...alerts,
    notificationText: (interaction) => {
      const now = latest.current.alerts;
      return (typeof now === 'object' && now.notificationText ? now.notificationText : first)(interaction);
    },
  };
}

/** The provider's `alerts` and `onOffer` applied to its client (not connection-defining: no new client). */
function useAlertProps(client: OpenmediaClient, props: OpenmediaProviderProps): void {
  const { alerts, onOffer } = props;
  const latest = useRef({ alerts, onOffer });
  useLayoutEffect(() => {
    latest.current = { alerts, onOffer };
  });
  const key = alertsKey(alerts);
  // A host's own client keeps the alerts it was created with unless the prop says otherwise.
  const configures = props.client === undefined || alerts !== undefined;
  useLayoutEffect(() => {
    if (configures) client.alerts.configure(withLatestText(latest.current.alerts, latest));
  }, [client, key, configures]);
  const listening = onOffer !== undefined;
  useEffect(() => {
    if (!listening) return undefined;
    return client.alerts.onOffer((interaction) => latest.current.onOffer?.(interaction));
  }, [client, listening]);
}

/**
 * Gives the widgets and hooks below it one {@link OpenmediaClient}: the host's (`client`), or one
 * it creates from its props. Change `gwsBase` (or any connection prop) and the provider moves to
 * a new client; the old one is disposed.
 *
 * Nothing connects until a hook below mounts; the connection closes shortly after the last one
 * unmounts (and any action in flight has settled).
 */
export function OpenmediaProvider(props: OpenmediaProviderProps) {
  const owned = useOwnedClient(props);
  const client = props.client ?? owned;
  if (client === undefined) throw new Error('OpenmediaProvider: no client (this is a bug).');
  useAlertProps(client, props);
  return <OpenmediaContext.Provider value={client}>{props.children}</OpenmediaContext.Provider>;
}
