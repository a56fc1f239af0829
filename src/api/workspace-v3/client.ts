import type { GwsClient } from '../../api/client';
import { createWorkspaceV3Session } from '../../protocol/workspace-v3/session';
import type { WorkspaceV3Session } from '../../protocol/workspace-v3/session';
import { CURRENT_SESSION_PATH, createCurrentSessionReader } from './current-session';
import { createWorkspaceV3Http } from './http';
import type { WorkspaceV3HttpOptions } from './http';
import { performV3Operation } from './operations';

export interface WorkspaceV3ClientOptions extends WorkspaceV3HttpOptions {
  /** Shared with the v3 parser of the same widget (operationIds, user-data types). Default: a new one. */
  readonly session?: WorkspaceV3Session;
  /** Waits between attempts of a failed snapshot read (tests shorten them). */
  readonly snapshotRetryDelaysMs?: readonly number[];
}

/**
 * The widget's REST calls against the Genesys Workspace API v3: the same {@link GwsClient}
 * interface as GWS v2, so the client, the snapshot loader and the actions do not know which one
 * they use. No CSRF; every request carries the session cookie (and `x-api-key` when given).
 */
export function createWorkspaceV3Client(options: WorkspaceV3ClientOptions = {}): GwsClient {
  const http = createWorkspaceV3Http(options);
  const session = options.session ?? createWorkspaceV3Session();
  const readSnapshot = createCurrentSessionReader(http, session, options.snapshotRetryDelaysMs);
  return {
    gwsBase: http.gwsBase,
    serverName: 'the Workspace API',
    async getMe(opts) {
      const body = await http.get(CURRENT_SESSION_PATH, opts?.signal);
      const data = typeof body === 'object' && body !== null ? (body as { data?: { user?: unknown } }).data : undefined;
      const user = data?.user;
      return typeof user === 'object' && user !== null && !Array.isArray(user) ? (user as Record<string, unknown>) : {};
    },
    getSnapshot: (mediaType, opts) => readSnapshot(mediaType, opts?.signal),
    performOperation: (mediaType, interactionId, request, opts) =>
      performV3Operation(http, session, mediaType, interactionId, request, opts?.signal),
  };
}
