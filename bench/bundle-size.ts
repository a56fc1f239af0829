import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BuildDirs } from './builds';
import { buildLibraryWithCometd, buildShippedLibrary } from './builds';
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
  progress('building the library with vite.lib.config.ts, as published');
  await buildShippedLibrary(dirs.lib, false);
  progress('building the library with cometd bundled');
  await buildLibraryWithCometd(dirs.libWithCometd);
  progress('building the standalone page');
  await appBuilt();

  const minified = gzippedSize(dirs.libMinified, '.js');
  const minifiedCss = gzippedSize(dirs.libMinified, '.css');
  const published = gzippedSize(dirs.lib, '.js');
  const publishedCss = gzippedSize(dirs.lib, '.css');
  const withCometd = gzippedSize(dirs.libWithCometd, '.js');
  const page = pageLoadSize(dirs.app, 'index.html');
  return [
    judged(
      NAME,
      'library JS, gzip',
      round(minified.bytes / KB),
      'kB',
      atMost(30, '≤ 30 kB'),
      'src/index.ts built by the project\'s vite.lib.config.ts (what dist/lib ships: react, react-dom, @tanstack/react-query and cometd, a dependency the host installs, stay imports), minified as the host\'s bundler does',
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
