import { mkdtemp, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, preview, type PreviewServer, type ViteDevServer } from 'vite';
import { mockGwsPlugin } from './vite-plugin';

let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'mock-gws-vite-'));
  await writeFile(join(root, 'index.html'), '<!doctype html><title>page</title>');
});

function urlOf(server: { httpServer: { address(): unknown } | null }): string {
  const address = server.httpServer?.address() as AddressInfo;
  return `http://127.0.0.1:${address.port}`;
}

async function expectMockMounted(base: string): Promise<void> {
  const me = await fetch(`${base}/api/v2/me`);
  expect(me.status).toBe(200);
  expect(me.headers.get('X-CSRF-HEADER')).toBe('X-CSRF-TOKEN');
  const state = (await (await fetch(`${base}/mock/state`)).json()) as { interactions: unknown[] };
  expect(state.interactions.length).toBeGreaterThan(0);
  // Anything else is still Vite's: the page itself.
  const page = await fetch(`${base}/`);
  expect(await page.text()).toContain('<title>page</title>');
}

describe('mockGwsPlugin', () => {
  let dev: ViteDevServer | undefined;
  let prev: PreviewServer | undefined;

  afterAll(async () => {
    await dev?.close();
    await prev?.close();
  });

  it('mounts the mock in the dev server, ahead of the page fallback', async () => {
    dev = await createServer({
      configFile: false,
      root,
      logLevel: 'silent',
      plugins: [mockGwsPlugin({ outcomeDelayMs: 0 })],
      server: { host: '127.0.0.1', port: 0, ws: false },
    });
    await dev.listen();
    await expectMockMounted(urlOf(dev));
  });

  it('mounts the mock in the preview server', async () => {
    prev = await preview({
      configFile: false,
      root,
      logLevel: 'silent',
      plugins: [mockGwsPlugin()],
      build: { outDir: root },
      preview: { host: '127.0.0.1', port: 0 },
    });
    await expectMockMounted(urlOf(prev));
  });
});
