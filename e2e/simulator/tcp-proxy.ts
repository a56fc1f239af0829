import { createConnection, createServer } from 'node:net';
import type { Server, Socket } from 'node:net';

/**
 * A loopback TCP proxy: forwards every connection to `targetPort`. `cut(ms)` destroys every open
 * connection and, until the time is up, closes each new one at once, as a broken network would.
 */
export interface TcpProxy {
  cut(ms: number): void;
  /** Whether a cut is in progress. */
  isCut(): boolean;
  close(): Promise<void>;
}

export async function startTcpProxy(listenPort: number, targetPort: number): Promise<TcpProxy> {
  const open = new Set<Socket>();
  let cutUntil = 0;

  const server: Server = createServer((client) => {
    if (Date.now() < cutUntil) {
      client.destroy();
      return;
    }
    const upstream = createConnection({ host: '127.0.0.1', port: targetPort });
    open.add(client);
    open.add(upstream);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      open.delete(client);
      open.delete(upstream);
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(listenPort, '127.0.0.1', () => resolve());
  });

  return {
    cut(ms) {
      cutUntil = Date.now() + ms;
      for (const socket of open) socket.destroy();
      open.clear();
    },
    isCut: () => Date.now() < cutUntil,
    close() {
      for (const socket of open) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
