// `npm run test:pack`: builds the library, packs it as npm would publish it, installs the tarball
// into a throw-away host app (in the OS temp folder) next to React, and checks that
//   1. the tarball holds the library (ESM, CSS, embed bundle, .d.ts) and nothing else of the repo;
//   2. a host's TSX type-checks against the package's own types (moduleResolution bundler and
//      nodenext), and misuse is a type error (the types are real, not `any`);
//   3. the widget renders with the host's React (react-dom/server) to the expected markup;
//   4. the framework-free client and the ./testing subpath run an offer and an Accept in plain Node;
//   5. the embed entry imports in Node without touching the DOM, and the connection-worker entry
//      serves a port there (and says it cannot open CometD without XMLHttpRequest);
//   6. nothing shipped imports vitest, the mock GWS or test support.
// Prints PASS or FAIL with the reason and exits non-zero on failure. Uses the npm registry (with
// --prefer-offline, so a warm npm cache needs no network).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const results = [];

function run(command, args, cwd) {
  try {
    return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const output = `${error.stdout ?? ''}${error.stderr ?? ''}`.trim();
    throw new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${output}`, { cause: error });
  }
}

function check(name, fn) {
  try {
    fn();
    results.push({ name, ok: true });
    console.log(`  ok   ${name}`);
  } catch (error) {
    results.push({ name, ok: false });
    console.log(`  FAIL ${name}\n${String(error.message ?? error).replace(/^/gm, '       ')}`);
  }
}

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

/** The version installed in this repo, so the host gets what was tested (and the npm cache has it). */
function installedVersion(name) {
  return JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')).version;
}

const HOST_TSX = `
import { useState } from 'react';
import { QueryClient } from '@tanstack/react-query';
import {
  OpenmediaProvider,
  OpenmediaWidget,
  createMemoryChannel,
  createGwsClient,
  createOpenmediaClient,
  useOpenmedia,
  useOpenmediaChannel,
  type ActionEvent,
  type ActionOutcome,
  type OpenmediaClient,
  type GwsClient,
  type InteractionEntry,
  type TransferTarget,
} from 'openmedia-widget';
import { mountOpenmediaWidget, defineOpenmediaWidgetElement, OPENMEDIA_ACTION_EVENT, type MountedOpenmediaWidget } from 'openmedia-widget/embed';
import { createScriptedGws, resource, statusChange } from 'openmedia-widget/testing';
import { serveConnection, type ConnectionPort } from 'openmedia-widget/connection-worker';
import 'openmedia-widget/style.css';

const queryClient = new QueryClient();
const targets: TransferTarget[] = [{ name: 'Billing', uri: 'https://gws.example/api/v2/queues/billing', kind: 'queue' }];

function Count() {
  const { interactions, status } = useOpenmedia();
  const first: InteractionEntry | undefined = interactions[0];
  const old = useOpenmediaChannel();
  return <p>{status}: {interactions.length} {first?.interaction.id ?? ''} {old.status}</p>;
}

// A host that owns the client (no React needed to create or drive it).
const gws = createScriptedGws();
export const owned: OpenmediaClient = createOpenmediaClient({ channel: createMemoryChannel(), gwsClient: createGwsClient({ fetch: gws.fetch }) });
export const outcome: Promise<ActionOutcome> = owned.perform('IX-1', { operationName: 'Accept' });
export const offer = statusChange(resource('IX-1', 'Invited'));
export function OwnedApp() {
  return <OpenmediaProvider client={owned}><Count /></OpenmediaProvider>;
}

export function HostApp() {
  const [channel] = useState(() => createMemoryChannel());
  const client: GwsClient = createGwsClient({ gwsBase: 'https://gws.example:8090' });
  const onAction = (event: ActionEvent) => (event.phase === 'before' && event.request.operationName === 'Transfer' ? false : undefined);
  return (
    <OpenmediaProvider channel={channel} gwsClient={client} queryClient={queryClient} mediaTypes={['promotion']}>
      <OpenmediaWidget title="Work" theme="dark" transferTargets={targets} onAction={onAction} />
      <Count />
    </OpenmediaProvider>
  );
}

// The connection in a Worker: the host's Worker file serves it; the provider starts the Worker.
const startWorker = () => new Worker(new URL('./connection-worker.js', import.meta.url), { type: 'module' });
export function WorkerApp() {
  return <OpenmediaProvider gwsBase="https://gws.example" connectionWorker={startWorker}><Count /></OpenmediaProvider>;
}
export const serveInWorker = (port: ConnectionPort) => serveConnection(port);

// The element and its events are typed without a cast.
export function typedElement(): string {
  const element = document.createElement('openmedia-widget');
  element.options = { theme: 'dark' };
  element.addEventListener('openmedia-action', (event) => {
    if (event.detail.phase === 'before' && event.detail.request.operationName === 'Reject') event.preventDefault();
  });
  document.addEventListener('openmedia-offer', (event) => console.log(event.detail.interaction.id));
  // @ts-expect-error a focus event's detail has no request
  document.addEventListener('openmedia-focus', (event) => event.detail.request);
  return document.querySelector('openmedia-widget')?.options.theme ?? '';
}

export function embed(element: HTMLElement): MountedOpenmediaWidget {
  defineOpenmediaWidgetElement();
  element.addEventListener(OPENMEDIA_ACTION_EVENT, (event) => event.preventDefault());
  const widget = mountOpenmediaWidget(element, { gwsBase: 'https://gws.example', mediaTypes: ['workitem'], theme: 'auto' });
  widget.update({ compact: true });
  return widget;
}

// The types are real: misuse must not compile.
// @ts-expect-error not a theme
export const badTheme = <OpenmediaWidget theme="purple" />;
// @ts-expect-error mediaTypes is a list
export const badProvider = <OpenmediaProvider mediaTypes="promotion" />;
// @ts-expect-error the provider's client is an OpenmediaClient, not a GWS REST client
export const badClient = <OpenmediaProvider client={createGwsClient()} />;
// @ts-expect-error the connection Worker is started by a function, not given as a URL
export const badWorker = <OpenmediaProvider connectionWorker="/connection-worker.js" />;
// @ts-expect-error no such export
export { NotExported } from 'openmedia-widget';
`;

const RENDER_MJS = `
import assert from 'node:assert/strict';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { QueryClient } from '@tanstack/react-query';
import { OpenmediaProvider, OpenmediaWidget, OpenmediaWidgetView, InteractionCard, createMemoryChannel } from 'openmedia-widget';

const client = {
  gwsBase: '',
  getMe: async () => ({}),
  getSnapshot: async (mediaType) => ({ mediaType, interactions: [], rejected: [] }),
  performOperation: async () => ({ statusCode: 0, referenceId: 1, statusMessage: undefined }),
};

// The connected widget, server-rendered with the host's React and QueryClient: an empty list.
const widget = renderToString(
  createElement(OpenmediaProvider, { channel: createMemoryChannel(), gwsClient: client, queryClient: new QueryClient() },
    createElement(OpenmediaWidget, { title: 'Pack test', theme: 'dark' })),
);
assert.match(widget, /<section[^>]*class="omw-root omw-widget[^"]*"[^>]*data-theme="dark"/, 'widget root with the dark theme');
assert.match(widget, /<h2[^>]*>Pack test<\\/h2>/, 'the title heading');
// Rendered before any read: it must not claim an empty list, nor count one.
assert.doesNotMatch(widget, /No interactions right now|\\d+ interactions?</, 'no empty state or count before the list was read');

// A card over plain data, including user data that looks like markup: it must come out as text.
const entry = {
  interaction: {
    id: 'IX-1', mediaType: 'promotion', openmediaType: 'Inbound', state: 'Invited', capabilities: ['Accept', 'Reject'],
    uri: 'http://gws.example/api/v2/openmedia/promotions/IX-1',
    userData: { Subject: 'Spring offer', Note: '<img src=x onerror=alert(1)>' },
    receivedDate: undefined, receivedAt: undefined,
  },
  stateSince: 0, stateSinceExact: true, endedAt: undefined, gone: false, pending: undefined, error: undefined,
};
const card = renderToString(
  createElement(OpenmediaWidgetView, {
    entries: [entry],
    status: 'connected',
    renderCard: (e, headingLevel) => createElement(InteractionCard, { entry: e, onPerform() {}, onDismissError() {}, headingLevel }),
  }),
);
assert.match(card, /<article[^>]*class="omw-card[^"]*"/, 'an interaction card');
assert.match(card, /<h4[^>]*>Spring offer<\\/h4>/, 'the card title at the level the list gives it');
assert.match(card, />Accept</, 'an Accept button for the Accept capability');
assert.match(card, /&lt;img src=x onerror=alert\\(1\\)&gt;/, 'hostile user data escaped as text');
assert.doesNotMatch(card, /<img src=x/, 'no element from user data');
console.log('rendered ' + (widget.length + card.length) + ' characters of markup');
`;

// The framework-free client and the testing subpath, in plain Node: an offer from the memory
// channel, an Accept answered by the scripted GWS, settled by its notification.
const CLIENT_MJS = `
import assert from 'node:assert/strict';
import { createOpenmediaClient, createGwsClient } from 'openmedia-widget';
import { createMemoryChannel, createScriptedGws, resource, statusChange } from 'openmedia-widget/testing';

const channel = createMemoryChannel();
const gws = createScriptedGws();
const client = createOpenmediaClient({ channel, gwsClient: createGwsClient({ fetch: gws.fetch }), schedule: (flush) => queueMicrotask(flush) });
client.start();
channel.emit(statusChange(resource('IX-1', 'Invited')));
await new Promise((resolve) => setTimeout(resolve, 0));
assert.equal(client.getSnapshot().status, 'connected');
assert.equal(client.getSnapshot().state.byId.get('IX-1')?.interaction.state, 'Invited');
const settled = client.perform('IX-1', { operationName: 'Accept' });
await new Promise((resolve) => setTimeout(resolve, 10));
const post = gws.requests.find((r) => r.method === 'POST');
assert.ok(post, 'the Accept was posted');
channel.emit(statusChange(resource('IX-1', 'Processing'), 101));
assert.deepEqual(await settled, { status: 'succeeded' });
client.dispose();
console.log('client without React: offer, Accept, settled');
`;

// A connection Worker's entry, run in Node against a fake port: Node has no XMLHttpRequest, so the
// start is answered with \`failed\` (the page then runs the connection itself), not an exception.
const WORKER_MJS = `
import assert from 'node:assert/strict';
import { serveConnection } from 'openmedia-widget/connection-worker';
const posted = [];
let onMessage;
serveConnection({ postMessage: (m) => posted.push(m), addEventListener: (_type, listener) => { onMessage = listener; }, close() {} });
onMessage({ data: { kind: 'start', config: { url: 'http://127.0.0.1:1/api/v2/notifications', descriptor: { channel: '/v2/me/openmedia', messageType: 'OpenmediaStateChangeMessage', resourceKey: 'openmedia' }, transport: 'long-polling', visible: true } } });
assert.deepEqual(posted, [{ kind: 'failed', reason: 'This Worker has no XMLHttpRequest for CometD.' }]);
`;

const EMBED_MJS = `
import assert from 'node:assert/strict';
const embed = await import('openmedia-widget/embed');
assert.equal(typeof embed.defineOpenmediaWidgetElement, 'function');
assert.equal(typeof embed.mountOpenmediaWidget, 'function');
assert.equal(embed.OPENMEDIA_ACTION_EVENT, 'openmedia-action');
assert.equal(embed.OPENMEDIA_FOCUS_EVENT, 'openmedia-focus');
assert.equal(typeof embed.createOpenmediaClient, 'function');
`;

function tsconfig(moduleResolution) {
  return JSON.stringify({
    compilerOptions: {
      target: 'ES2022',
      lib: ['ES2023', 'DOM', 'DOM.Iterable'],
      module: moduleResolution === 'bundler' ? 'ESNext' : 'NodeNext',
      moduleResolution,
      jsx: 'react-jsx',
      strict: true,
      noEmit: true,
      // Check every declaration file, the package's included: an error in them is a host's error.
      skipLibCheck: false,
      types: [],
    },
    files: ['host.tsx'],
  });
}

let work;
let keep = false;
try {
  console.log('== building the library');
  run(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '-c', 'vite.lib.config.ts', '--logLevel', 'warn'], root);

  work = mkdtempSync(join(tmpdir(), 'openmedia-pack-'));
  console.log(`== npm pack into ${work}`);
  const [packed] = JSON.parse(run(npm, ['pack', '--json', '--pack-destination', work], root));
  const tarball = join(work, packed.filename);
  const files = packed.files.map((f) => f.path);

  console.log('== checks');
  check('the tarball holds the library and its metadata', () => {
    for (const f of [
      'package.json',
      'README.md',
      'dist/lib/openmedia-widget.js',
      'dist/lib/openmedia-widget.css',
      'dist/lib/embed.js',
      'dist/lib/testing.js',
      'dist/lib/connection-worker.js',
      'dist/lib/types/index.d.ts',
      'dist/lib/types/embed/index.d.ts',
      'dist/lib/types/testing/index.d.ts',
      'dist/lib/types/connection-worker/index.d.ts',
    ]) {
      assert(files.includes(f), `missing ${f}`);
    }
    const stray = files.filter((f) => !f.startsWith('dist/lib/') && f !== 'package.json' && f !== 'README.md' && f !== 'LICENSE');
    assert(stray.length === 0, `files that do not belong in the package: ${stray.join(', ')}`);
    // The ESM build splits shared code and the parts loaded on demand into chunks: each relative
    // import (static or dynamic) of a shipped file must be shipped too; embed.js must have none.
    const missing = [];
    for (const f of files.filter((name) => /^dist\/lib\/[^/]+\.js$/.test(name))) {
      const text = readFileSync(join(root, f), 'utf8');
      // Minified output quotes a dynamic import's specifier with backticks.
      for (const [, spec] of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*)["'`](\.\/[^"'`]+)["'`]/g)) {
        if (f === 'dist/lib/embed.js') missing.push(`${f} → ${spec} (the embed bundle must be one file)`);
        else if (!files.includes(`dist/lib/${spec.slice(2)}`)) missing.push(`${f} → ${spec}`);
      }
    }
    assert(missing.length === 0, `chunks imported but not shipped:\n${missing.join('\n')}`);
  });

  check('the embed bundle carries every stylesheet the element shows', () => {
    // It injects its CSS itself (no file to link): the widget's, the offer-alert controls' (shown
    // above it with the alerts attribute; they were once dropped) and the element's own block rule.
    const text = readFileSync(join(root, 'dist/lib/embed.js'), 'utf8');
    for (const needle of ['.omw-root', '.omw-alerts', ':where(openmedia-widget){display:block}']) {
      assert(text.includes(needle), `dist/lib/embed.js has no ${needle}`);
    }
  });

  check('the ESM build leaves React, TanStack Query and cometd to the host', () => {
    // The entry and the chunks it imports statically (the CometD channel is a chunk shared with
    // the connection-worker entry).
    const seen = new Set();
    const visit = (file) => {
      if (seen.has(file)) return '';
      seen.add(file);
      const text = readFileSync(join(root, 'dist/lib', file), 'utf8');
      const imported = [...text.matchAll(/\bfrom\s*["']\.\/([^"']+)["']/g)].map((m) => visit(m[1]));
      return [text, ...imported].join('\n');
    };
    const js = visit('openmedia-widget.js');
    for (const dep of ['react', 'react/jsx-runtime', '@tanstack/react-query', '@tanstack/query-core', 'cometd']) {
      assert(new RegExp(`from ["']${dep.replace('/', '\\/')}["']`).test(js), `expected an import of ${dep}`);
    }
    assert(!/__CLIENT_INTERNALS_DO_NOT_USE|react\.production/.test(js), 'React itself is bundled');
    const css = readFileSync(join(root, 'dist/lib/openmedia-widget.css'), 'utf8');
    assert(css.includes('.omw-root'), 'the stylesheet has no .omw-root rules');
    // Linked instead of injected (a CSP without inline styles), it still makes the element a block.
    assert(/:where\(openmedia-widget\)\s*\{\s*display:\s*block/.test(css), 'the stylesheet does not make <openmedia-widget> a block');
  });

  check('nothing shipped imports vitest, the mock GWS, test support or Node built-ins', () => {
    const shipped = files.filter((f) => /^dist\/lib\/.*\.(js|d\.ts)$/.test(f));
    const offenders = [];
    for (const f of shipped) {
      const text = readFileSync(join(root, f), 'utf8');
      const specifiers = [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)["']([^"']+)["']/g)].map((m) => m[1]);
      for (const spec of specifiers) {
        if (/^vitest|^@vitest|mock-gws|test-support|cometd-nodejs|^node:|^(fs|path|http|child_process)$/.test(spec)) offenders.push(`${f} → ${spec}`);
      }
      if (/\bmock-gws\b|test-support/.test(text.replace(/\/\/.*$/gm, ''))) offenders.push(`${f} mentions mock-gws or test-support`);
    }
    assert(shipped.length > 5, `only ${shipped.length} shipped files found`);
    assert(offenders.length === 0, offenders.join('\n'));
  });

  const host = join(work, 'host');
  mkdirSync(host);
  writeFileSync(join(host, 'package.json'), JSON.stringify({ name: 'openmedia-pack-host', private: true, type: 'module' }, null, 2));
  console.log('== npm install (host app)');
  const deps = ['react', 'react-dom', '@tanstack/react-query', 'typescript', '@types/react'].map((name) => `${name}@${installedVersion(name)}`);
  run(npm, ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel', 'error', tarball, ...deps], host);

  check('the installed package resolves through its exports map', () => {
    const installed = join(host, 'node_modules/openmedia-widget');
    assert(existsSync(join(installed, 'dist/lib/openmedia-widget.js')), 'dist/lib missing after install');
    assert(existsSync(join(host, 'node_modules/cometd/package.json')), 'the cometd dependency was not installed');
  });

  writeFileSync(join(host, 'host.tsx'), HOST_TSX);
  for (const moduleResolution of ['bundler', 'nodenext']) {
    check(`a host TSX type-checks against the package types (moduleResolution ${moduleResolution})`, () => {
      writeFileSync(join(host, 'tsconfig.json'), tsconfig(moduleResolution));
      run(process.execPath, [join(host, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], host);
    });
  }

  check('the widget renders with the host React (react-dom/server)', () => {
    writeFileSync(join(host, 'render.mjs'), RENDER_MJS);
    console.log(run(process.execPath, ['render.mjs'], host).trim().replace(/^/gm, '       '));
  });

  check('the framework-free client and openmedia-widget/testing work in Node', () => {
    writeFileSync(join(host, 'client.mjs'), CLIENT_MJS);
    console.log(run(process.execPath, ['client.mjs'], host).trim().replace(/^/gm, '       '));
  });

  check('the embed entry imports in Node without a DOM', () => {
    writeFileSync(join(host, 'embed.mjs'), EMBED_MJS);
    run(process.execPath, ['embed.mjs'], host);
  });

  check('the connection-worker entry serves a port in Node, reporting that CometD cannot open there', () => {
    writeFileSync(join(host, 'worker.mjs'), WORKER_MJS);
    run(process.execPath, ['worker.mjs'], host);
  });
} catch (error) {
  results.push({ name: 'setup', ok: false });
  console.log(`  FAIL setup\n${String(error.message ?? error).replace(/^/gm, '       ')}`);
}

const failed = results.filter((r) => !r.ok).length;
const passed = results.length - failed;
if (failed > 0 && work) {
  keep = true;
  console.log(`(kept ${work} for inspection)`);
}
if (work && !keep) rmSync(work, { recursive: true, force: true });
console.log(`pack test: ${passed} passed, ${failed} failed`);
console.log(failed === 0 ? 'PASS' : 'FAIL');
process.exit(failed === 0 ? 0 : 1);
