import { join } from 'node:path';
import { preview } from 'vite';
import type { InlineConfig } from 'vite';
import type { MockGwsOptions } from '../src/mock-gws/types';
import { mockGwsPlugin } from '../src/mock-gws/vite-plugin';
import { ROOT } from './builds';

export interface RunningPreview {
  /** e.g. http://127.0.0.1:41234 */
  readonly origin: string;
  close(): Promise<void>;
}

/** The project's config (vite.config.ts mounts the mock GWS), or only the mock for another build. */
export type PreviewConfig = 'project' | 'mock-only';

/**
 * `vite preview` of a build in `outDir`, in this process, with the mock GWS answering /api/v2 and
 * /mock on the same origin, on 127.0.0.1 and a free port. `mock` configures the mock ('mock-only').
 */
export async function startPreview(outDir: string, config: PreviewConfig, mock: MockGwsOptions = {}): Promise<RunningPreview> {
  const base: InlineConfig =
    config === 'project'
      ? { configFile: join(ROOT, 'vite.config.ts'), configLoader: 'runner' }
      : { configFile: false, plugins: [mockGwsPlugin(mock)] };
  const server = await preview({
    ...base,
    root: ROOT,
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
