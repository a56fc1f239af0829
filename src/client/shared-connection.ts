import { absoluteUrl } from '../channel/absolute-url';
import { createCometdChannel } from '../channel/cometd-channel';
import { createWorkerChannel } from '../channel/worker-channel';
import type { NotificationChannel } from '../channel/types';
import type { OpenmediaClientOptions } from './client-options';
import type { Dialect, DialectName } from './dialects';
import { createSharedChannel } from './relay-channel';
import { browserTabEnvironment } from './tab-leadership';

/**
 * The name of the lock and BroadcastChannel of one shared connection: the dialect and the CometD
 * endpoint (the server base's unless `cometdUrl` says otherwise). Two widgets of one origin on the
 * same server and dialect share; on another server, or in another dialect, they never do: the
 * relayed messages are raw Bayeux data each tab parses with its own dialect's parser.
 * `exactChannels`, the channels the connection falls back to when the dialect's wildcard is
 * refused, are part of the name too: a leader that fell back subscribes to its own list only.
 */
export function sharedConnectionName(cometdUrl: string, dialect: DialectName, channels?: readonly string[], exactChannels?: readonly string[]): string {
  const name = `openmedia-widget ${dialect} ${absoluteUrl(cometdUrl)}`;
  // A leader subscribed to other channels would not relay what this tab listens to.
  const subscribed = channels === undefined ? name : `${name} ${[...channels].sort().join(' ')}`;
  return exactChannels === undefined ? subscribed : `${subscribed} fallback ${[...exactChannels].sort().join(' ')}`;
}

/** What a client's connection subscribes to: the host's list, or the dialect's channel and, for a refused wildcard, its exact channels. */
export function connectionSubscription(
  options: Pick<OpenmediaClientOptions, 'cometdChannels' | 'mediaTypes'>,
  dialect: Pick<Dialect, 'exactChannels'>,
): { readonly channels?: readonly string[]; readonly exactChannels?: readonly string[] } {
  const channels = options.cometdChannels;
  // The dialect's wildcard refused: its exact channels for the media types read (a host's own list is kept as given).
  const exact = channels === undefined ? dialect.exactChannels?.(options.mediaTypes ?? []) : undefined;
  return { channels, exactChannels: exact !== undefined && exact.length > 0 ? exact : undefined };
}

/** The shared-connection name of a client's connection (see {@link sharedConnectionName}). */
export function connectionName(options: OpenmediaClientOptions, gwsBase: string, dialect: Pick<Dialect, 'name' | 'cometdPath' | 'exactChannels'>): string {
  const { channels, exactChannels } = connectionSubscription(options, dialect);
  return sharedConnectionName(options.cometdUrl ?? `${gwsBase}${dialect.cometdPath}`, dialect.name, channels, exactChannels);
}

/**
 * The client's push channel: a CometD channel on the dialect's path and channels, shared by every
 * tab of this browser (one session per browser; see `createSharedChannel`) unless
 * `shareConnection` is false or the browser lacks Web Locks or BroadcastChannel — then each tab
 * has its own session. CometD's requests carry the CSRF token of `options.gwsClient`, when it has
 * one, and `options.apiKey` as `x-api-key`.
 */
export function createConnectionChannel(
  options: OpenmediaClientOptions,
  gwsBase: string,
  dialect: Pick<Dialect, 'name' | 'cometdPath' | 'descriptor' | 'exactChannels'>,
): NotificationChannel {
  const url = options.cometdUrl ?? `${gwsBase}${dialect.cometdPath}`;
  const { descriptor } = dialect;
  const transport = options.transport ?? 'long-polling';
  // The token the REST client learns: CometD's POSTs carry it wherever CometD runs (on this page,
  // in its Worker); with a shared connection, only the leader tab's runs, with that tab's token.
  const csrf = options.gwsClient?.csrf;
  const { channels, exactChannels } = connectionSubscription(options, dialect);
  const requestHeaders = options.apiKey ? { 'x-api-key': options.apiKey } : undefined;
  const onPage = () => createCometdChannel({ url, transport, descriptor, channels, exactChannels, requestHeaders, connectPacingMs: options.connectPacingMs, csrf });
  const { connectionWorker } = options;
  const createSource =
    connectionWorker === undefined
      ? onPage
      : () =>
          createWorkerChannel({
            createWorker: connectionWorker,
            fallback: onPage,
            url,
            descriptor,
            channels,
            exactChannels,
            requestHeaders,
            transport,
            connectPacingMs: options.connectPacingMs,
            csrf,
          });
  const environment = options.shareConnection === false ? undefined : (options.tabEnvironment ?? browserTabEnvironment());
  if (environment === undefined) return createSource();
  return createSharedChannel({ name: sharedConnectionName(url, dialect.name, channels, exactChannels), descriptor, environment, createSource });
}
