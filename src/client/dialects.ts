import { createGwsClient } from '../api/client';
import type { GwsClient } from '../api/client';
import { isGwsRequestError } from '../api/errors';
import { DEFAULT_COMETD_URL } from '../channel/cometd-channel';
import { checkCometdChannels } from '../channel/cometd-channels';
import type { OpenmediaClientOptions } from './client-options';
import { OPENMEDIA_CHANNEL, parseNotification } from '../protocol/parse';
import type { ChannelDescriptor } from '../protocol/parse';
import type { ParseResult } from '../protocol/types';
import { WORKSPACE_V3_CHANNEL, WORKSPACE_V3_MEDIA_PREFIX } from '../protocol/workspace-v3/channel';
import type { WorkspaceV3Parts } from './workspace-v3-dialect';

/** The server APIs the widget speaks: GWS 8.5 Open Media (v2), or the Genesys Workspace API v3. */
export const DIALECTS = ['gws-v2', 'workspace-v3'] as const;
export type DialectName = (typeof DIALECTS)[number];
export const DEFAULT_DIALECT: DialectName = 'gws-v2';

export function isDialectName(value: unknown): value is DialectName {
  return typeof value === 'string' && (DIALECTS as readonly string[]).includes(value);
}

/**
 * Everything that differs between the dialects, for one client: where CometD lives and what it
 * subscribes to, the media types read by default, the parser (wire → the widget's notification
 * union) and the REST client. The store, the components and the resync logic never see which.
 */
export interface Dialect {
  readonly name: DialectName;
  /** CometD path under the base (`/api/v2/notifications`, `/workspace/v3/notifications`). */
  readonly cometdPath: string;
  readonly descriptor: ChannelDescriptor;
  /**
   * The exact channels of `mediaTypes`, subscribed to instead of the descriptor's wildcard once a
   * server refuses it (v3: `/workspace/v3/media/{mediatype}`). Absent where the channel is exact (v2).
   */
  exactChannels?(mediaTypes: readonly string[]): readonly string[];
  readonly defaultMediaTypes: readonly string[];
  /**
   * Undefined once the dialect's code is loaded (GWS v2: always); otherwise starts loading it and
   * resolves when it is there, or rejects (the chunk could not be fetched; asking again retries).
   * {@link parse} may only be called while this is undefined.
   */
  whenLoaded(): Promise<void> | undefined;
  /**
   * One Bayeux message (or its `data`) into the notification union, or a rejection. `descriptor`
   * is the channel's (a host may pass a GWS v2 channel of another resource); v3 has one shape.
   */
  parse(data: unknown, descriptor: ChannelDescriptor): ParseResult;
  /** The dialect's REST client; `apiKey` goes out as `x-api-key` on every request. */
  createRestClient(options: { readonly gwsBase: string; readonly apiKey?: string }): GwsClient;
  /**
   * Whether the server no longer knows the agent's session, asked (over `client`) when CometD
   * handshakes keep being accepted but lead nowhere. True ends the channel as signed out; false
   * (or a failure to tell) leaves it reconnecting.
   */
  isSessionGone(client: GwsClient): Promise<boolean>;
}

/** The GWS v2 dialect: what the widget always spoke. */
export function gwsV2Dialect(): Dialect {
  return {
    name: 'gws-v2',
    cometdPath: DEFAULT_COMETD_URL,
    descriptor: OPENMEDIA_CHANNEL,
    defaultMediaTypes: ['promotion', 'workitem'],
    whenLoaded: () => undefined,
    parse: (data, descriptor) => parseNotification(data, descriptor),
    createRestClient: ({ gwsBase, apiKey }) => createGwsClient({ gwsBase, apiKey }),
    // GWS answers `GET /api/v2/me` with 401 (or 403) once the HTTP session is gone.
    isSessionGone: (client) =>
      client.getMe().then(
        () => false,
        (error: unknown) => isGwsRequestError(error) && (error.kind === 'unauthorized' || error.status === 403),
      ),
  };
}

/** Where the Workspace API v3 serves CometD (long-polling only). */
export const WORKSPACE_V3_COMETD_PATH = '/workspace/v3/notifications';

function loadWorkspaceV3Parts(): Promise<WorkspaceV3Parts> {
  return import('./workspace-v3-dialect').then((module) => module.createWorkspaceV3Parts());
}

function describe(error: unknown): string {
  return error instanceof Error && error.message ? error.message : String(error);
}

/**
 * A REST client whose real one is made once the dialect's code is there: every call waits for it,
 * and a failed load fails the call with the reason (a snapshot read shows it with Retry).
 */
function lazyRestClient(gwsBase: string, serverName: string, create: () => Promise<GwsClient>): GwsClient {
  let client: Promise<GwsClient> | undefined;
  const get = () =>
    (client ??= create().catch((error: unknown) => {
      client = undefined;
      throw error;
    }));
  return {
    gwsBase,
    serverName,
    getMe: (options) => get().then((real) => real.getMe(options)),
    getSnapshot: (mediaType, options) => get().then((real) => real.getSnapshot(mediaType, options)),
    performOperation: (mediaType, interactionId, request, options) =>
      get().then((real) => real.performOperation(mediaType, interactionId, request, options)),
  };
}

/**
 * The Workspace API v3 dialect. Its code (parser, REST client, session check: about 5 kB gzip) is
 * loaded on demand, the first time the client reads, acts or hears something, so a GWS v2 widget
 * never downloads it. The parser and the REST client of one client share a session
 * (`src/protocol/workspace-v3/session.ts`): the operationIds it chose, user-data types, queue
 * placements.
 */
export function workspaceV3Dialect(load: () => Promise<WorkspaceV3Parts> = loadWorkspaceV3Parts): Dialect {
  let parts: WorkspaceV3Parts | undefined;
  let loading: Promise<WorkspaceV3Parts> | undefined;
  const ensure = (): Promise<WorkspaceV3Parts> => {
    if (parts !== undefined) return Promise.resolve(parts);
    loading ??= load().then(
      (loaded) => (parts = loaded),
      (error: unknown) => {
        loading = undefined;
        throw new Error(`Could not load the Workspace API v3 support: ${describe(error)}`);
      },
    );
    return loading;
  };
  return {
    name: 'workspace-v3',
    cometdPath: WORKSPACE_V3_COMETD_PATH,
    descriptor: WORKSPACE_V3_CHANNEL,
    // A media type that cannot be a channel segment (a slash, a star, white space) has no channel.
    exactChannels: (mediaTypes) => mediaTypes.filter((type) => /^[\w.-]+$/.test(type)).map((type) => `${WORKSPACE_V3_MEDIA_PREFIX}${type}`),
    // What the simulator can offer; a type first met on the channel is added by the client.
    defaultMediaTypes: ['workitem', 'email', 'outboundpreview'],
    whenLoaded: () => (parts === undefined ? ensure().then(() => undefined) : undefined),
    parse(data) {
      if (parts === undefined) throw new Error('The Workspace API v3 dialect is not loaded yet: wait for whenLoaded().');
      return parts.parse(data);
    },
    createRestClient: ({ gwsBase, apiKey }) => lazyRestClient(gwsBase, 'the Workspace API', () => ensure().then((loaded) => loaded.createRestClient({ gwsBase, apiKey }))),
    isSessionGone: (client) => ensure().then((loaded) => loaded.isSessionGone(client)),
  };
}

/** The dialect object of a client; an unknown name is a programmer error with the fix in it. */
export function createDialect(name: DialectName | undefined): Dialect {
  const chosen = name ?? DEFAULT_DIALECT;
  if (chosen === 'gws-v2') return gwsV2Dialect();
  if (chosen === 'workspace-v3') return workspaceV3Dialect();
  throw new Error(`Unknown dialect "${String(chosen)}": use one of ${DIALECTS.join(', ')}.`);
}

/**
 * The client's options with the dialect's defaults filled in: the CometD URL, the media types and
 * the REST client (with the API key); the channel list checked. What the host gave explicitly always wins. The channel is built from the
 * dialect's descriptor by the client (shared between tabs; see `shared-connection.ts`).
 */
export function withDialect(options: OpenmediaClientOptions, dialect: Dialect, gwsBase: string): OpenmediaClientOptions {
  return {
    ...options,
    cometdUrl: options.cometdUrl ?? `${gwsBase}${dialect.cometdPath}`,
    mediaTypes: options.mediaTypes ?? dialect.defaultMediaTypes,
    gwsClient: options.gwsClient ?? dialect.createRestClient({ gwsBase, apiKey: options.apiKey }),
    // Checked here, where the host gave them: a malformed list is a programmer error with its fix.
    cometdChannels: options.cometdChannels === undefined ? undefined : checkCometdChannels(options.cometdChannels),
  };
}
