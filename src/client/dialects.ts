import { createGwsClient } from '../api/client';
import type { GwsClient } from '../api/client';
import { isGwsRequestError } from '../api/errors';
import { createWorkspaceV3Client } from '../api/workspace-v3/client';
import { isV3SessionGone } from '../api/workspace-v3/session-check';
import { DEFAULT_COMETD_URL } from '../channel/cometd-channel';
import type { OpenmediaClientOptions } from './client-options';
import { OPENMEDIA_CHANNEL, parseNotification } from '../protocol/parse';
import type { ChannelDescriptor } from '../protocol/parse';
import type { ParseResult } from '../protocol/types';
import { WORKSPACE_V3_CHANNEL, parseV3Notification } from '../protocol/workspace-v3/parse';
import { createWorkspaceV3Session } from '../protocol/workspace-v3/session';

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
  readonly defaultMediaTypes: readonly string[];
  /**
   * One Bayeux message (or its `data`) into the notification union, or a rejection. `descriptor`
   * is the channel's (a host may pass a GWS v2 channel of another resource); v3 has one shape.
   */
  parse(data: unknown, descriptor: ChannelDescriptor): ParseResult;
  createRestClient(options: { readonly gwsBase: string }): GwsClient;
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
    parse: (data, descriptor) => parseNotification(data, descriptor),
    createRestClient: ({ gwsBase }) => createGwsClient({ gwsBase }),
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

/**
 * The Workspace API v3 dialect. The parser and the REST client of one client share a session
 * (`src/protocol/workspace-v3/session.ts`): the operationIds it chose, user-data types, queue
 * placements.
 */
export function workspaceV3Dialect(): Dialect {
  const session = createWorkspaceV3Session();
  return {
    name: 'workspace-v3',
    cometdPath: WORKSPACE_V3_COMETD_PATH,
    descriptor: WORKSPACE_V3_CHANNEL,
    // What the simulator can offer; a type first met on the channel is added by the client.
    defaultMediaTypes: ['workitem', 'email', 'outboundpreview'],
    parse: (data) => parseV3Notification(data, session),
    createRestClient: ({ gwsBase }) => createWorkspaceV3Client({ gwsBase, session }),
    // `getMe` is the `current-session` read: 401, or 403 twice (not while the session is set up).
    isSessionGone: (client) => isV3SessionGone(() => client.getMe()),
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
 * the REST client. What the host gave explicitly always wins. The channel is built from the
 * dialect's descriptor by the client (shared between tabs; see `shared-connection.ts`).
 */
export function withDialect(options: OpenmediaClientOptions, dialect: Dialect, gwsBase: string): OpenmediaClientOptions {
  return {
    ...options,
    cometdUrl: options.cometdUrl ?? `${gwsBase}${dialect.cometdPath}`,
    mediaTypes: options.mediaTypes ?? dialect.defaultMediaTypes,
    gwsClient: options.gwsClient ?? dialect.createRestClient({ gwsBase }),
  };
}
