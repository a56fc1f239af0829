// `npm run test:storybook` (after `build-storybook`): serves storybook-static on 127.0.0.1 (a
// random port), opens EVERY story of index.json in Chromium (iframe.html?id=…&viewMode=story),
// waits until Storybook reports it finished (render + play function), and fails a story on any
// console error, page error, failed play function or empty root. Writes
// test-results/storybook.json as {"passed": N, "failed": M}. Run with `node --import tsx` (it
// shares e2e/browser.ts with the Playwright suite).
import { createReadStream, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, resolveChromium } from '../e2e/browser.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const staticDir = join(root, 'storybook-static');
const resultFile = join(root, 'test-results', 'storybook.json');
const STORY_TIMEOUT_MS = 20_000;

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

function writeResult(passed, failed) {
  mkdirSync(dirname(resultFile), { recursive: true });
  writeFileSync(resultFile, `${JSON.stringify({ passed, failed })}\n`);
}

/** A static file server for storybook-static, loopback only; nothing outside the folder is served. */
function serve() {
  const server = createServer((req, res) => {
    let pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    // Chromium asks every new origin for /favicon.ico; its 404 would read as a story's console error.
    if (pathname === '/favicon.ico') pathname = '/favicon.svg';
    const file = normalize(join(staticDir, pathname.endsWith('/') ? `${pathname}index.html` : pathname));
    if (!file.startsWith(staticDir + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolveServer, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolveServer(server));
  });
}

/**
 * Installed before Storybook's preview runs: hears the preview channel's verdict for the story
 * (STORY_FINISHED carries success or error once render and play are done) and any exception.
 */
function listenToPreview() {
  const smoke = { finished: undefined, errors: [] };
  window.__smoke = smoke;
  let channel;
  Object.defineProperty(globalThis, '__STORYBOOK_ADDONS_CHANNEL__', {
    configurable: true,
    get: () => channel,
    set(value) {
      channel = value;
      value.on('storyFinished', (event) => {
        smoke.finished = event.status;
      });
      for (const name of ['storyErrored', 'storyThrewException', 'playFunctionThrewException', 'storyMissing', 'unhandledErrorsWhilePlaying']) {
        value.on(name, (detail) => smoke.errors.push(`${name}: ${detail?.message ?? JSON.stringify(detail)}`));
      }
    },
  });
}

async function runStory(context, baseUrl, story) {
  const page = await context.newPage();
  const problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  try {
    await page.goto(`${baseUrl}/iframe.html?id=${encodeURIComponent(story.id)}&viewMode=story`, { waitUntil: 'load' });
    const handle = await page.waitForFunction(() => window.__smoke?.finished ?? (window.__smoke?.errors.length ? 'error' : undefined), null, {
      timeout: STORY_TIMEOUT_MS,
      polling: 50,
    });
    const status = await handle.jsonValue();
    const errors = await page.evaluate(() => window.__smoke.errors);
    problems.push(...errors);
    if (status !== 'success') problems.push(`Storybook reported the story as ${status}`);
    const rendered = await page.evaluate(() => (document.querySelector('#storybook-root')?.childElementCount ?? 0) > 0);
    if (!rendered) problems.push('the story root is empty');
  } catch (error) {
    problems.push(`did not finish: ${error.message.split('\n')[0]}`);
  } finally {
    await page.close();
  }
  return problems;
}

let passed = 0;
let failed = 0;
let server;
let browser;
try {
  const indexFile = join(staticDir, 'index.json');
  if (!existsSync(indexFile)) throw new Error(`${indexFile} not found: run \`npm run build-storybook\` first.`);
  const stories = Object.values(JSON.parse(readFileSync(indexFile, 'utf8')).entries).filter((entry) => entry.type === 'story');
  if (stories.length === 0) throw new Error('index.json lists no story.');

  server = await serve();
  const baseUrl = `http://127.0.0.1:${server.address().port}`;
  browser = await chromium.launch({ executablePath: resolveChromium(), args: CHROMIUM_ARGS });
  const context = await browser.newContext({ viewport: { width: 1024, height: 800 } });
  await context.addInitScript(listenToPreview);
  console.log(`== ${stories.length} stories from ${baseUrl}`);

  for (const story of stories) {
    const problems = await runStory(context, baseUrl, story);
    if (problems.length === 0) {
      passed += 1;
      console.log(`  ok   ${story.id}`);
    } else {
      failed += 1;
      console.log(`  FAIL ${story.id}\n${problems.map((p) => `       ${p}`).join('\n')}`);
    }
  }
} catch (error) {
  failed += 1;
  console.log(`  FAIL setup: ${error.message}`);
} finally {
  await browser?.close();
  server?.close();
}

writeResult(passed, failed);
console.log(`storybook: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
