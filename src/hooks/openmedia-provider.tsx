import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { QueryClient } from '@tanstack/react-query';
import { createGwsClient } from '../api/client';
import type { GwsClient } from '../api/client';
import { DEFAULT_COMETD_URL, createCometdChannel } from '../channel/cometd-channel';
import type { NotificationChannel } from '../channel/types';
import { createOpenmediaStore } from '../core/store';
import { createRecordingChannel } from '../replay/recording-channel';
import { createOpenmediaConnection } from './openmedia-connection';
import { OpenmediaContext } from './openmedia-context';
import type { OpenmediaRuntime } from './openmedia-context';

/** The media types whose snapshot is read when none are configured. */
export const DEFAULT_MEDIA_TYPES: readonly string[] = ['promotion', 'workitem'];
export const DEFAULT_ACTION_TIMEOUT_MS = 15_000;
export const DEFAULT_LINGER_MS = 60_000;
/** How many raw messages the diagnostics log keeps for replay, by default. */
export const DEFAULT_RECORD_LIMIT = 1_000;

export interface OpenmediaProviderProps {
  /** GWS origin and prefix, e.g. `https://gws.example:8090`. Default `''`: same origin. */
  readonly gwsBase?: string;
  /** The CometD endpoint. Default `${gwsBase}/api/v2/notifications`. */
  readonly cometdUrl?: string;
  /** Media types to read snapshots of (plus any met on the channel). Default `['promotion', 'workitem']`. */
  readonly mediaTypes?: readonly string[];
  /** CometD transport. Default `long-polling`; `websocket` falls back to long-polling. */
  readonly transport?: 'long-polling' | 'websocket';
  /** A notification channel to use instead of the CometD one (tests, stories, a shared connection). */
  readonly channel?: NotificationChannel;
  /** The host's QueryClient; snapshot reads and operations then share its cache and devtools. */
  readonly queryClient?: QueryClient;
  /** A GWS REST client to use instead of `createGwsClient({ gwsBase })`. */
  readonly client?: GwsClient;
  /** How long an action may take before it fails visibly. Default 15 000 ms. */
  readonly actionTimeoutMs?: number;
  /** How long an ended interaction stays visible. Default 60 000 ms. */
  readonly lingerMs?: number;
  /**
   * How many of the latest raw channel messages (and status changes) to keep, so the diagnostics
   * "Download log" can be replayed (`createReplayChannel`). Bounded: memory stays flat over a
   * shift. Default 1 000; 0 records nothing.
   */
  readonly recordLimit?: number;
  readonly children?: ReactNode;
}

function createRuntime(props: OpenmediaProviderProps): OpenmediaRuntime {
  const gwsBase = (props.gwsBase ?? '').replace(/\/+$/, '');
  const source =
    props.channel ??
    createCometdChannel({ url: props.cometdUrl ?? `${gwsBase}${DEFAULT_COMETD_URL}`, transport: props.transport ?? 'long-polling' });
  const recordLimit = props.recordLimit ?? DEFAULT_RECORD_LIMIT;
  // The recorder relays everything (Reconnect included) through one subscription of its own.
  const recorder = recordLimit > 0 ? createRecordingChannel(source, { maxEvents: recordLimit }) : undefined;
  const channel = recorder ?? source;
  const client = props.client ?? createGwsClient({ gwsBase });
  const queryClient = props.queryClient ?? new QueryClient();
  const store = createOpenmediaStore({ lingerMs: props.lingerMs ?? DEFAULT_LINGER_MS });
  const connection = createOpenmediaConnection({
    channel,
    client,
    queryClient,
    store,
    mediaTypes: props.mediaTypes ?? DEFAULT_MEDIA_TYPES,
    actionTimeoutMs: props.actionTimeoutMs ?? DEFAULT_ACTION_TIMEOUT_MS,
  });
  return { store, connection, channel, client, queryClient, recorder };
}

/**
 * Owns one store, one notification channel, one GWS client and one connection for the widget
 * below it. The props are read once, when the provider mounts: to point the widget at another
 * GWS, remount it (give it a new `key`).
 *
 * Nothing connects until a hook below mounts; the connection closes shortly after the last one
 * unmounts.
 */
export function OpenmediaProvider(props: OpenmediaProviderProps) {
  // Created in a state initialiser: once per mounted provider, and creating has no side effects,
  // so StrictMode's discarded second call leaks nothing.
  const [runtime] = useState(() => createRuntime(props));
  const { connection } = runtime;
  useEffect(() => connection.attach(), [connection]);
  return <OpenmediaContext.Provider value={runtime}>{props.children}</OpenmediaContext.Provider>;
}
