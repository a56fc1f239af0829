import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { build, defineConfig } from 'vite';
import type { InlineConfig, Plugin } from 'vite';
import react from '@vitejs/plugin-react';

// The npm package: `vite build -c vite.lib.config.ts` writes dist/lib/ with
//   openmedia-widget.js   ESM for React hosts; React, React DOM, TanStack Query and cometd stay imports
//   testing.js            openmedia-widget/testing: memory channel and scripted GWS for hosts' tests
//   connection-worker.js  openmedia-widget/connection-worker: serveConnection, for a host's connection Worker
//   openmedia-widget.css  the widget's scoped styles, imported by the host (`openmedia-widget/style.css`)
//   embed.js              the custom element and mount function with React bundled, for non-React pages
//   types/**.d.ts         declarations emitted by tsc (tsconfig.lib.json)
// One command builds all three: the embed bundle needs other externals and a NODE_ENV define, which
// one Rolldown build cannot vary per entry, so it runs as a second build once the first has closed.

const root = dirname(fileURLToPath(import.meta.url));
const outDir = resolve(root, 'dist/lib');
const typesDir = join(outDir, 'types');

/** Peers and dependencies the host installs once: bundling them would give it two Reacts. */
const EXTERNAL = /^(react|react-dom|@tanstack\/react-query|@tanstack\/query-core|cometd)(\/|$)/;

/**
 * Relative specifiers in the emitted declarations get their `.js` (or `/index.js`) so the types
 * resolve under `moduleResolution: node16/nodenext` as well as `bundler`.
 */
function withJsExtensions(text: string, declarationFile: string): string {
  const sourceDir = resolve(root, 'src', relative(typesDir, dirname(declarationFile)));
  const fix = (specifier: string): string => {
    if (!specifier.startsWith('.') || /\.(js|mjs|cjs|json|css)$/.test(specifier)) return specifier;
    const target = resolve(sourceDir, specifier);
    if (existsSync(`${target}.ts`) || existsSync(`${target}.tsx`)) return `${specifier}.js`;
    if (existsSync(join(target, 'index.ts')) || existsSync(join(target, 'index.tsx'))) return `${specifier}/index.js`;
    return specifier;
  };
  return text
    // A stylesheet import is the bundle's business; the host imports `openmedia-widget/style.css`.
    .replace(/^import\s+(['"])[^'"]+\.css\1;?\r?\n/gm, '')
    .replace(/(\bfrom\s+|\bimport\s+)(['"])([^'"]+)\2/g, (_m, head: string, quote: string, spec: string) => `${head}${quote}${fix(spec)}${quote}`)
    .replace(/\bimport\((['"])([^'"]+)\1\)/g, (_m, quote: string, spec: string) => `import(${quote}${fix(spec)}${quote})`);
}

/** Emits the .d.ts files with the TypeScript compiler API; any type error fails the build. */
function emitDeclarations(): Plugin {
  return {
    name: 'openmedia-emit-declarations',
    apply: 'build',
    closeBundle() {
      const configPath = resolve(root, 'tsconfig.lib.json');
      const config = ts.getParsedCommandLineOfConfigFile(configPath, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
      if (!config) throw new Error(`Could not read ${configPath}.`);
      rmSync(typesDir, { recursive: true, force: true });
      const program = ts.createProgram({ rootNames: config.fileNames, options: config.options });
      const result = program.emit(undefined, (fileName, text) => {
        mkdirSync(dirname(fileName), { recursive: true });
        writeFileSync(fileName, fileName.endsWith('.d.ts') ? withJsExtensions(text, fileName) : text);
      });
      const diagnostics = [...ts.getPreEmitDiagnostics(program), ...result.diagnostics];
      if (diagnostics.length > 0) {
        const host = { getCanonicalFileName: (f: string) => f, getCurrentDirectory: () => root, getNewLine: () => '\n' };
        throw new Error(`Declaration build failed:\n${ts.formatDiagnostics(diagnostics, host)}`);
      }
    },
  };
}

/** The custom element bundle: everything inside (React too), styles injected by the element itself. */
const embedConfig: InlineConfig = {
  configFile: false,
  root,
  logLevel: 'warn',
  plugins: [
    react(),
    {
      // The element injects its CSS (imported `?inline`); the copy Vite extracts would be a duplicate.
      name: 'openmedia-drop-embed-css',
      enforce: 'post',
      generateBundle(_options, bundle) {
        for (const name of Object.keys(bundle)) if (name.endsWith('.css')) delete bundle[name];
      },
    },
  ],
  // Library mode leaves process.env for the host's bundler; a plain <script type="module"> has none.
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  publicDir: false,
  build: {
    outDir,
    emptyOutDir: false,
    sourcemap: true,
    minify: true,
    lib: { entry: { embed: resolve(root, 'src/embed/index.ts') }, formats: ['es'], fileName: (_format, name) => `${name}.js` },
    // Library mode keeps whitespace in ES output; this bundle goes to browsers as is. One file a
    // page can load with one <script> (and a CDN can serve alone): the parts the React entry loads
    // on demand (src/components/lazy-parts.ts) are inlined here instead of split into chunks.
    rolldownOptions: { output: { minify: true, codeSplitting: false } },
  },
};

function buildEmbedAfter(): Plugin {
  return {
    name: 'openmedia-build-embed',
    apply: 'build',
    async closeBundle() {
      await build(embedConfig);
    },
  };
}

export default defineConfig({
  plugins: [react(), emitDeclarations(), buildEmbedAfter()],
  publicDir: false,
  build: {
    outDir,
    emptyOutDir: true,
    sourcemap: true,
    // Readable output; the host's bundler minifies.
    minify: false,
    lib: {
      entry: {
        'openmedia-widget': resolve(root, 'src/index.ts'),
        testing: resolve(root, 'src/testing/index.ts'),
        'connection-worker': resolve(root, 'src/connection-worker/index.ts'),
      },
      formats: ['es'],
      fileName: (_format, name) => `${name}.js`,
      cssFileName: 'openmedia-widget',
    },
    rolldownOptions: { external: (id) => EXTERNAL.test(id) },
  },
});
