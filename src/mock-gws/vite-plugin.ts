import type { Connect, Plugin, ProxyOptions } from 'vite';
import { createMockGwsHandler, dialectApi } from './handler';
import type { MockGwsOptions } from './types';
import { MOCK_DIALECTS } from './wire';

type ProxyTable = Record<string, string | ProxyOptions> | undefined;

/**
 * Whether Vite's `proxy` sends `path` elsewhere. A key starting with `^` is a regular expression,
 * any other a path prefix (Vite's own rule). Plugin middlewares run before Vite's proxy, so a mock
 * mounted over a proxied path would answer in the real server's place.
 */
export function proxiedBy(proxy: ProxyTable, path: string): boolean {
  return Object.keys(proxy ?? {}).some((key) => (key.startsWith('^') ? new RegExp(key).test(path) : path.startsWith(key)));
}

interface ServerLike {
  readonly middlewares: Connect.Server;
  readonly httpServer: { once(event: 'close', listener: () => void): unknown } | null;
}

/**
 * Mounts one mock per dialect: GWS v2 (`/api/v2/**`, `/mock/**`) and the Workspace API v3
 * (`/workspace/v3/**`, `/auth/v3/**`, `/mock/v3/**`). A dialect whose API paths the server
 * proxies (AGENT_API_SIMULATOR proxies `/workspace`, `/auth`, `/sim`) is not mounted at all, so
 * the real server answers them and its control routes are absent (the dev panel then hides).
 */
function mount(server: ServerLike, proxy: ProxyTable, options: MockGwsOptions): void {
  // v3 first: its control prefix /mock/v3/ lies inside v2's /mock/.
  for (const dialect of [...MOCK_DIALECTS].reverse()) {
    if (dialectApi({ dialect }).apiPrefixes.some((prefix) => proxiedBy(proxy, `${prefix}/`))) continue;
    const handler = createMockGwsHandler({ ...options, dialect });
    server.middlewares.use((req, res, next) => handler.handle(req, res, next));
    // Vite closes the HTTP server on shutdown and on a config-change restart (which mounts a new mock).
    server.httpServer?.once('close', () => handler.close());
  }
}

/**
 * Mounts the mock GWS in `vite` (dev) and `vite preview`, on the page's own origin, so the
 * standalone page works with no other process, in either dialect. Other paths fall through.
 * `options.dialect` is ignored: both dialects are mounted.
 */
export function mockGwsPlugin(options: MockGwsOptions = {}): Plugin {
  return {
    name: 'openmedia-mock-gws',
    configureServer(server) {
      mount(server, server.config.server.proxy, options);
    },
    configurePreviewServer(server) {
      mount(server, server.config.preview.proxy, options);
    },
  };
}
