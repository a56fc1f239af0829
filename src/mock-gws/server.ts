import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createMockGwsHandler } from './handler';
import type { MockControl, MockGwsOptions } from './types';

export interface RunningMockGws {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  readonly url: string;
  readonly control: MockControl;
  readonly handle: (req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void) => void;
  close(): Promise<void>;
}

/** Starts the mock on its own HTTP server, bound to 127.0.0.1 (port 0 = a free port). */
export async function createMockGws(options: MockGwsOptions = {}): Promise<RunningMockGws> {
  const handler = createMockGwsHandler(options);
  const server = createServer((req, res) => handler.handle(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  handler.setDefaultHost(`127.0.0.1:${port}`);
  return {
    url: `http://127.0.0.1:${port}`,
    control: handler.control,
    handle: (req, res, next) => handler.handle(req, res, next),
    close() {
      handler.close();
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Held long-polls and idle keep-alive sockets would otherwise keep close() waiting.
        server.closeAllConnections();
      });
    },
  };
}
