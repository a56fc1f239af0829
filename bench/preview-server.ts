import { join } from 'node:path';
import { preview } from 'vite';
import { ROOT } from './builds';

export interface RunningPreview {
  /** e.g. http://127.0.0.1:41234 */
  readonly origin: string;
  close(): Promise<void>;
}

/**
 * `vite preview` of an app build in `outDir`, in this process, with the project's config (so the
 * mock GWS plugin answers /api/v2 and /mock on the same origin), on 127.0.0.1 and a free port.
 */
export async function startPreview(outDir: string): Promise<RunningPreview> {
  const server = await preview({
    root: ROOT,
    configFile: join(ROOT, 'vite.config.ts'),
    configLoader: 'runner',
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false },
  });
  const address = server.httpServer.address();
  if (address === null || typeof address === 'string') {
    await server.close();
    throw new Error(`vite preview did not report a TCP address (${String(address)}).`);
  }
  return { origin: `http://127.0.0.1:${address.port}`, close: () => server.close() };
}
