import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BuildDirs } from './builds';
import { buildLibraryHost, buildLibraryWithCometd, buildShippedLibrary } from './builds';
import type { Figure } from './figure';
import { atMost, info, judged } from './figure';
import type { Progress } from './progress';
import { round } from './stats';

const NAME = '5 size';
const KB = 1000;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile());
}

/** Bytes after gzip -9 of every file under `dir` ending in `extension`, added up, and how many files. */
export function gzippedSize(dir: string, extension: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const path of filesUnder(dir)) {
    if (!path.endsWith(extension)) continue;
    bytes += gzipSync(readFileSync(path), { level: 9 }).length;
    files += 1;
  }
  return { bytes, files };
}

/** Relative modules a built ES module imports statically (`import … from`, `export … from`, bare `import`), not `import()`. */
export function staticImports(code: string): string[] {
  const found = new Set<string>();
  for (const match of code.matchAll(/(?:^|[;\n}])\s*(?:import|export)\s*(?:[^'"();]*?\bfrom\s*)?["'](\.{1,2}\/[^"']+\.m?js)["']/g)) found.add(match[1] as string);
  return [...found];
}

/**
 * An entry of a library build and every chunk it imports statically, transitively: what a host
 * loads as soon as it imports the entry. Chunks reached only through `import()` load on demand
 * and are not counted. Gzip -9 bytes.
 */
export function entryClosureSize(dir: string, entry: string): { bytes: number; files: string[] } {
  const seen = new Set<string>();
  const visit = (path: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    const code = readFileSync(path, 'utf8');
    for (const spec of staticImports(code)) visit(join(path, '..', spec));
  };
  visit(join(dir, entry));
  let bytes = 0;
  for (const path of seen) bytes += gzipSync(readFileSync(path), { level: 9 }).length;
  return { bytes, files: [...seen].map((path) => path.slice(dir.length + 1)) };
}

/**
 * What a page of the app build loads up front: the module script, the chunks it preloads and its
 * style sheets, read from the built HTML (lazy chunks are not counted). Gzip -9 sizes.
 */
export function pageLoadSize(appDir: string, html: string): { js: number; css: number; files: number } {
  const text = readFileSync(join(appDir, html), 'utf8');
  const refs = new Set<string>();
  for (const match of text.matchAll(/<(?:script|link)\b[^>]*?\b(?:src|href)="([^"]+\.(?:js|css))"/g)) refs.add(match[1] as string);
  let js = 0;
  let css = 0;
  for (const ref of refs) {
    const bytes = gzipSync(readFileSync(join(appDir, ref.replace(/^\//, ''))), { level: 9 }).length;
    if (ref.endsWith('.js')) js += bytes;
    else css += bytes;
  }
  return { js, css, files: refs.size };
}

/**
 * Gzip sizes of the library as it ships (the project's vite.lib.config.ts: peers and cometd
 * external), minified as a host's bundler would and as published; of the library with the cometd
 * client bundled in; and of the standalone page (already built by the run into `dirs.app`, as
 * `npm run build` builds dist/app).
 */
export async function runBundleSize(dirs: BuildDirs, appBuilt: () => Promise<void>, progress: Progress): Promise<Figure[]> {
  progress('building the library with vite.lib.config.ts, minified');
  await buildShippedLibrary(dirs.libMinified, true);
  progress('building a host that mounts the widget from the minified library');
  await buildLibraryHost(dirs.libMinified, dirs.libHost);
  progress('building the library with vite.lib.config.ts, as published');
  await buildShippedLibrary(dirs.lib, false);
  progress('building the library with cometd bundled');
  await buildLibraryWithCometd(dirs.libWithCometd);
  progress('building the standalone page');
  await appBuilt();

  const minified = gzippedSize(dirs.libMinified, '.js');
  const upFront = entryClosureSize(dirs.libMinified, 'openmedia-widget.js');
  const host = entryClosureSize(dirs.libHost, 'host.js');
  const onDemand = filesUnder(dirs.libMinified).filter((path) => path.endsWith('.js') && !upFront.files.includes(path.slice(dirs.libMinified.length + 1)) && !path.endsWith('/testing.js'));
  const minifiedCss = gzippedSize(dirs.libMinified, '.css');
  const published = gzippedSize(dirs.lib, '.js');
  const publishedCss = gzippedSize(dirs.lib, '.css');
  const withCometd = gzippedSize(dirs.libWithCometd, '.js');
  const page = pageLoadSize(dirs.app, 'index.html');
  return [
    judged(
      NAME,
      'library JS, gzip',
      round(host.bytes / KB),
      'kB',
      atMost(30, '≤ 30 kB'),
      `what the library adds to a host that mounts <OpenmediaProvider> and <OpenmediaWidget>: the library as the project's vite.lib.config.ts builds it (react, react-dom, TanStack Query and cometd, a dependency the host installs, stay imports), bundled and minified by the host's Vite, which drops the exports it does not use; the parts loaded on demand (${onDemand.map((path) => path.slice(dirs.libMinified.length + 1).replace(/-[\w-]{8}\.js$/, '')).join(', ') || 'none'}) are not counted: a GWS v2 widget nobody opens a form in never loads them`,
    ),
    info(
      NAME,
      'library JS, whole API up front, gzip',
      round(upFront.bytes / KB),
      'kB',
      `the library entry and the chunks it imports statically (${upFront.files.join(', ')}), minified: every export (replay, memory channel, store, REST client, …), as a host that cannot drop unused exports would load it`,
    ),
    info(
      NAME,
      'library JS, every file, gzip',
      round(minified.bytes / KB),
      'kB',
      `all ${minified.files} .js files of the minified library: the up-front part, the parts loaded on demand and the openmedia-widget/testing entry for hosts' tests`,
    ),
    info(
      NAME,
      'library JS as published, gzip',
      round(published.bytes / KB),
      'kB',
      'dist/lib/openmedia-widget.js exactly as vite.lib.config.ts writes it: unminified on purpose (readable; the host\'s bundler minifies)',
    ),
    info(
      NAME,
      'library JS with cometd bundled, gzip',
      round(withCometd.bytes / KB),
      'kB',
      `minified, only the peers external: what the library adds to a host that has no cometd yet (the cometd client: ${round((withCometd.bytes - minified.bytes) / KB)} kB)`,
    ),
    info(NAME, 'library CSS, gzip', round(minifiedCss.bytes / KB), 'kB', `minified; as published (unminified): ${round(publishedCss.bytes / KB)} kB`),
    info(
      NAME,
      'standalone page JS, gzip',
      round(page.js / KB),
      'kB',
      `index.html of the app build (as dist/app): module script + preloaded chunks, React and the mock controls included; ${page.files} file(s) with CSS`,
    ),
    info(NAME, 'standalone page CSS, gzip', round(page.css / KB), 'kB'),
  ];
}
