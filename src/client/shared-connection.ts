import { DEFAULT_COMETD_URL, createCometdChannel } from '../channel/cometd-channel';
import type { NotificationChannel } from '../channel/types';
import { OPENMEDIA_CHANNEL } from '../protocol/parse';
import type { OpenmediaClientOptions } from './client-options';
import { createSharedChannel } from './relay-channel';
import { browserTabEnvironment } from './tab-leadership';

function absolute(url: string): string {
  try {
    return new URL(url, globalThis.location?.href).href;
  } catch {
    return url;
  }
}

/**
 * The name of the lock and BroadcastChannel of one shared connection: the CometD endpoint, which
 * is the GWS base's unless `cometdUrl` says otherwise. Two widgets of one origin on the same GWS
 * share; on another GWS they do not.
 */
export function sharedConnectionName(cometdUrl: string): string {
  return `openmedia-widget ${absolute(cometdUrl)}`;
}

/**
 * The client's push channel: the CometD channel, shared by every tab of this browser (one session
 * per browser; see `createSharedChannel`) unless `shareConnection` is false or the browser lacks
 * Web Locks or BroadcastChannel — then each tab has its own session, as before.
 */
export function createConnectionChannel(options: OpenmediaClientOptions, gwsBase: string): NotificationChannel {
  const url = options.cometdUrl ?? `${gwsBase}${DEFAULT_COMETD_URL}`;
  const createSource = () => createCometdChannel({ url, transport: options.transport ?? 'long-polling' });
  const environment = options.shareConnection === false ? undefined : (options.tabEnvironment ?? browserTabEnvironment());
  if (environment === undefined) return createSource();
  return createSharedChannel({ name: sharedConnectionName(url), descriptor: OPENMEDIA_CHANNEL, environment, createSource });
}
