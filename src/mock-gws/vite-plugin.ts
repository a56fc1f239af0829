import type { Connect, Plugin } from 'vite';
import { createMockGwsHandler } from './handler';
import type { MockGwsOptions } from './types';

function mount(middlewares: Connect.Server, httpServer: { once(event: 'close', listener: () => void): unknown } | null, options: MockGwsOptions): void {
  const handler = createMockGwsHandler(options);
  middlewares.use((req, res, next) => handler.handle(req, res, next));
  // Vite closes the HTTP server on shutdown and on a config-change restart (which mounts a new mock).
  httpServer?.once('close', () => handler.close());
}

/**
 * Mounts the mock GWS (`/api/v2/**` and `/mock/**`) in `vite` (dev) and `vite preview`, on the
 * page's own origin, so the standalone page works with no other process. Other paths fall through.
 */
export function mockGwsPlugin(options: MockGwsOptions = {}): Plugin {
  return {
    name: 'openmedia-mock-gws',
    configureServer(server) {
      mount(server.middlewares, server.httpServer, options);
    },
    configurePreviewServer(server) {
      mount(server.middlewares, server.httpServer, options);
    },
  };
}
