import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { build, loadConfigFromFile } from 'vite';
import type { PluginOption } from 'vite';

/** The project root (bench/..). */
export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Peer dependencies: the host installs them once, so they are never in our bundle. */
const PEERS = /^(react|react-dom|@tanstack\/react-query)(\/|$)/;

/** A temporary folder for this run's builds, removed by `cleanup` (they never touch dist/). */
export interface BuildDirs {
  readonly app: string;
  readonly widgetPage: string;
  /** The library as vite.lib.config.ts ships it (unminified, its externals). */
  readonly lib: string;
  /** The same, minified, as a host's bundler would. */
  readonly libMinified: string;
  /** Minified with the cometd client bundled in (peers external only). */
  readonly libWithCometd: string;
  /** A host mounting the widget from the minified library (see buildLibraryHost). */
  readonly libHost: string;
  cleanup(): void;
}

export function createBuildDirs(): BuildDirs {
  const base = mkdtempSync(join(tmpdir(), 'openmedia-bench-'));
  return {
    app: join(base, 'app'),
    widgetPage: join(base, 'widget-page'),
    lib: join(base, 'lib'),
    libMinified: join(base, 'lib-minified'),
    libWithCometd: join(base, 'lib-with-cometd'),
    libHost: join(base, 'lib-host'),
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
    // Source maps beside the bundle (never loaded by the page) tell the CPU profile whose code ran.
    build: { outDir, emptyOutDir: true, sourcemap: true },
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
    build: { outDir, emptyOutDir: true, sourcemap: true, rolldownOptions: { input: join(ROOT, 'bench/widget-page/index.html') } },
  });
}

/** Where the widget-only page is in its build (Vite keeps the HTML's path under the root). */
export const WIDGET_PAGE_PATH = '/bench/widget-page/index.html';

// Plugins of vite.lib.config.ts that write beside the bundle into dist/lib (declarations, the
// embed bundle): the size figure needs neither, and the benchmark never touches dist/.
const SIDE_OUTPUTS = new Set(['openmedia-emit-declarations', 'openmedia-build-embed']);

function withoutSideOutputs(plugins: readonly PluginOption[]): PluginOption[] {
  return plugins.flatMap((plugin): PluginOption[] => {
    if (Array.isArray(plugin)) return [withoutSideOutputs(plugin)];
    if (plugin && typeof plugin === 'object' && 'name' in plugin && SIDE_OUTPUTS.has(plugin.name)) return [];
    return [plugin];
  });
}

/**
 * The library as it ships: the project's own vite.lib.config.ts (its entry, its externals: the
 * peers and cometd, a dependency the host installs), written to `outDir` instead of dist/lib,
 * without source maps, declarations or the embed bundle. The shipped file is unminified (the
 * host's bundler minifies); `minify` builds what that bundler would produce.
 */
export async function buildShippedLibrary(outDir: string, minify: boolean): Promise<void> {
  const loaded = await loadConfigFromFile({ command: 'build', mode: 'production' }, join(ROOT, 'vite.lib.config.ts'), ROOT, 'warn', undefined, 'runner');
  if (!loaded) throw new Error('vite.lib.config.ts could not be loaded.');
  const { config } = loaded;
  const rolldownOptions = config.build?.rolldownOptions ?? {};
  await build({
    ...config,
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    mode: 'production',
    plugins: withoutSideOutputs(config.plugins ?? []),
    build: {
      ...config.build,
      outDir,
      emptyOutDir: true,
      sourcemap: false,
      minify,
      // Library mode keeps whitespace in ES output unless told otherwise.
      rolldownOptions: minify ? { ...rolldownOptions, output: { ...rolldownOptions.output, minify: true } } : rolldownOptions,
    },
  });
}

/**
 * The library entry (src/index.ts), minified, with only the peers external: the cometd client (a
 * dependency, not a peer) inside, for a host that does not already have it.
 */
export async function buildLibraryWithCometd(outDir: string): Promise<void> {
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
      rolldownOptions: { external: (id) => PEERS.test(id), output: { minify: true } },
    },
  });
}

/** What the shipped library leaves to the host (vite.lib.config.ts's externals): peers and cometd. */
const LIBRARY_EXTERNALS = /^(react|react-dom|@tanstack\/react-query|@tanstack\/query-core|cometd)(\/|$)/;

/**
 * A host that mounts the widget the documented way (`OpenmediaProvider` and `OpenmediaWidget`
 * from the library's minified build in `libDir`), bundled and minified by Vite as a host's build
 * would, with the library's externals left out: `outDir/host.js` and the chunks it loads. The
 * host's bundler drops the exports it does not use (replay, memory channel, …).
 */
export async function buildLibraryHost(libDir: string, outDir: string): Promise<void> {
  // The library installed as a package, so the host's bundler reads its package.json
  // (`sideEffects`, as the published one declares) the way it would from node_modules.
  const host = join(outDir, '..', 'library-host');
  const installed = join(host, 'node_modules', 'openmedia-widget');
  rmSync(host, { recursive: true, force: true });
  cpSync(libDir, installed, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { sideEffects?: unknown };
  writeFileSync(
    join(installed, 'package.json'),
    JSON.stringify({ name: 'openmedia-widget', type: 'module', sideEffects: manifest.sideEffects ?? true, exports: { '.': './openmedia-widget.js' } }),
  );
  const entry = join(host, 'entry.js');
  writeFileSync(entry, "export { OpenmediaProvider, OpenmediaWidget } from 'openmedia-widget';\n");
  await build({
    root: host,
    configFile: false,
    logLevel: 'warn',
    mode: 'production',
    publicDir: false,
    build: {
      outDir,
      emptyOutDir: true,
      sourcemap: false,
      minify: true,
      lib: { entry: { host: entry }, formats: ['es'], fileName: (_format, name) => `${name}.js` },
      rolldownOptions: { external: (id) => LIBRARY_EXTERNALS.test(id), output: { minify: true } },
    },
  });
}
