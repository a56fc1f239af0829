import type { GwsClient } from '../api/client';
import { createWorkspaceV3Client } from '../api/workspace-v3/client';
import { isV3SessionGone } from '../api/workspace-v3/session-check';
import { parseV3Notification } from '../protocol/workspace-v3/parse';
import { createWorkspaceV3Session } from '../protocol/workspace-v3/session';
import type { ParseResult } from '../protocol/types';

/**
 * The code of the Workspace API v3 dialect: its parser, REST client and session check, sharing one
 * session (the operationIds it chose, user-data types, queue placements). Loaded on demand by
 * `workspaceV3Dialect()` (see dialects.ts), so a GWS v2 widget never downloads it.
 */
export interface WorkspaceV3Parts {
  parse(data: unknown): ParseResult;
  createRestClient(options: { readonly gwsBase: string; readonly apiKey?: string }): GwsClient;
  isSessionGone(client: GwsClient): Promise<boolean>;
}

export function createWorkspaceV3Parts(): WorkspaceV3Parts {
  const session = createWorkspaceV3Session();
  return {
    parse: (data) => parseV3Notification(data, session),
    createRestClient: ({ gwsBase, apiKey }) => createWorkspaceV3Client({ gwsBase, apiKey, session }),
    // `getMe` is the `current-session` read: 401, or 403 twice (not while the session is set up).
    isSessionGone: (client) => isV3SessionGone(() => client.getMe()),
  };
}
