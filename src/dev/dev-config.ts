import { checkCometdChannels } from '../channel/cometd-channels';
import type { DialectName } from '../client/dialects';

/** How the standalone page connects, read from its URL. */
export interface DevConfig {
  /** The server API: `?dialect=v3` (or `workspace-v3`) speaks the Workspace API v3. */
  readonly dialect: DialectName;
  /** GWS origin and prefix without a trailing slash; '' = this page's origin (the embedded mock). */
  readonly gwsBase: string;
  readonly cometdUrl: string;
  /** CometD channels to subscribe to (`?channels=`); undefined = the dialect's. */
  readonly cometdChannels: readonly string[] | undefined;
  /** Media types whose snapshot is read; undefined = the provider's default. */
  readonly mediaTypes: readonly string[] | undefined;
  /** Whether to look for the mock's control API at all (`?mock=0` hides the panel). */
  readonly mockPanel: boolean;
}

/**
 * `?gws=<base URL>` connects to another server (CometD at `<base>/api/v2/notifications`),
 * `?dialect=v3` speaks the Genesys Workspace API v3 (CometD at `<base>/workspace/v3/notifications`;
 * the embedded mock then speaks v3 too), `?mediaTypes=promotion,workitem` sets the snapshot media types,
 * `?channels=/workspace/v3/media/workitem,/workspace/v3/media/email` the CometD channels (a
 * malformed list is ignored), `?mock=0` hides the mock panel.
 * Values that are not usable fall back to the defaults instead of breaking the page.
 */
export function readDevConfig(search: string): DevConfig {
  const params = new URLSearchParams(search);
  const gwsBase = readBase(params.get('gws'));
  const mediaTypes = params
    .get('mediaTypes')
    ?.split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  const mock = params.get('mock');
  const dialect = readDialect(params.get('dialect'));
  return {
    dialect,
    gwsBase,
    cometdUrl: `${gwsBase}${dialect === 'workspace-v3' ? '/workspace/v3/notifications' : '/api/v2/notifications'}`,
    cometdChannels: readChannels(params.get('channels')),
    mediaTypes: mediaTypes && mediaTypes.length > 0 ? mediaTypes : undefined,
    mockPanel: mock !== '0' && mock !== 'false' && mock !== 'off',
  };
}

function readDialect(value: string | null): DialectName {
  const v = value?.trim().toLowerCase();
  return v === 'v3' || v === 'workspace-v3' ? 'workspace-v3' : 'gws-v2';
}

function readBase(value: string | null): string {
  if (!value) return '';
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return '';
    return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
  } catch {
    return '';
  }
}

function readChannels(value: string | null): readonly string[] | undefined {
  const channels = value?.split(',').map((c) => c.trim()).filter(Boolean);
  if (channels === undefined || channels.length === 0) return undefined;
  try {
    return checkCometdChannels(channels);
  } catch {
    return undefined;
  }
}
