import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { build } from 'vite';

/** The project root (bench/..). */
export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Peer dependencies: the host installs them once, so they are never in our bundle. */
const PEERS = /^(react|react-dom|@tanstack\/react-query)(\/|$)/;
const PEERS_AND_COMETD = /^(react|react-dom|@tanstack\/react-query|cometd)(\/|$)/;

/** A temporary folder for this run's builds, removed by `cleanup` (they never touch dist/). */
export interface BuildDirs {
  readonly app: string;
  readonly widgetPage: string;
  readonly lib: string;
  readonly libWithoutCometd: string;
  cleanup(): void;
}

export function createBuildDirs(): BuildDirs {
  const base = mkdtempSync(join(tmpdir(), 'openmedia-bench-'));
  return {
    app: join(base, 'app'),
    widgetPage: join(base, 'widget-page'),
    lib: join(base, 'lib'),
    libWithoutCometd: join(base, 'lib-without-cometd'),
    cleanup: () => rmSync(base, { recursive: true, force: true }),
  };
}

/**
 * The standalone page, built as `npm run build` builds dist/app (the project's vite.config.ts),
 * into `outDir`, so the browser benchmark measures the current source and leaves dist/ alone.
 */
export async function buildApp(outDir: string): Promise<void> {
  await build({
    root: ROOT,
    configFile: join(ROOT, 'vite.config.ts'),
    configLoader: 'runner',
    logLevel: 'warn',
    mode: 'production',
    build: { outDir, emptyOutDir: true, sourcemap: false },
  });
}

/** The page that mounts only the widget (bench/widget-page), served at `WIDGET_PAGE_PATH`. */
export async function buildWidgetPage(outDir: string): Promise<void> {
  await build({
    root: ROOT,
    configFile: false,
    logLevel: 'warn',
    mode: 'production',
    plugins: [react()],
    publicDir: false,
    build: { outDir, emptyOutDir: true, sourcemap: false, rolldownOptions: { input: join(ROOT, 'bench/widget-page/index.html') } },
  });
}

/** Where the widget-only page is in its build (Vite keeps the HTML's path under the root). */
export const WIDGET_PAGE_PATH = '/bench/widget-page/index.html';

/**
 * The library entry (src/index.ts) as a host's bundler would ship it: minified ES, peers left as
 * imports. With `bundleCometd` the cometd client (a dependency, not a peer) is inside, which is
 * what the library adds to a host's bundle.
 */
export async function buildLibrary(outDir: string, bundleCometd: boolean): Promise<void> {
  const external = bundleCometd ? PEERS : PEERS_AND_COMETD;
  await build({
    root: ROOT,
    configFile: false,
    logLevel: 'warn',
    mode: 'production',
    plugins: [react()],
    publicDir: false,
    build: {
      outDir,
      emptyOutDir: true,
      sourcemap: false,
      minify: true,
      lib: { entry: { 'openmedia-widget': join(ROOT, 'src/index.ts') }, formats: ['es'], fileName: (_format, name) => `${name}.js`, cssFileName: 'openmedia-widget' },
      // Library mode keeps whitespace in ES output unless told otherwise.
      rolldownOptions: { external: (id) => external.test(id), output: { minify: true } },
    },
  });
}
