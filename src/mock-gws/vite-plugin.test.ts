import { mkdtemp, writeFile } from 'node:fs/promises';
import { createServer as createHttpServer } from 'node:http';
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
  await expectV3Mounted(base);
  // Anything else is still Vite's: the page itself.
  const page = await fetch(`${base}/`);
  expect(await page.text()).toContain('<title>page</title>');
}

/** The v3 mock on the same origin: a session on first contact, current-session, its own control routes. */
async function expectV3Mounted(base: string): Promise<void> {
  const session = await fetch(`${base}/workspace/v3/current-session`);
  expect(session.status).toBe(200);
  expect(session.headers.get('set-cookie')).toMatch(/^WWE_CODE=[0-9a-f]{4}; Path=\/; HttpOnly; SameSite=Lax$/);
  const state = (await (await fetch(`${base}/mock/v3/state`)).json()) as { interactions: { mediatype: string }[] };
  expect(state.interactions.map((i) => i.mediatype)).toContain('email');
}

/** A stand-in for the agent-api-simulator behind AGENT_API_SIMULATOR's proxy. */
async function startFakeSimulator(): Promise<{ url: string; close(): Promise<void> }> {
  const server = createHttpServer((req, res) => {
    res.setHeader('Content-Type', 'text/plain');
    res.end(`simulator ${req.url ?? ''}`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
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

  it('leaves proxied paths to the proxy (AGENT_API_SIMULATOR): no v3 mock, v2 still mounted', async () => {
    const simulator = await startFakeSimulator();
    const proxy = Object.fromEntries(['/workspace', '/auth', '/sim'].map((path) => [path, { target: simulator.url }]));
    const proxied = await createServer({
      configFile: false,
      root,
      logLevel: 'silent',
      plugins: [mockGwsPlugin()],
      server: { host: '127.0.0.1', port: 0, ws: false, proxy },
    });
    const proxiedPreview = await preview({
      configFile: false,
      root,
      logLevel: 'silent',
      plugins: [mockGwsPlugin()],
      build: { outDir: root },
      preview: { host: '127.0.0.1', port: 0, proxy },
    });
    try {
      await proxied.listen();
      for (const base of [urlOf(proxied), urlOf(proxiedPreview)]) {
        expect(await (await fetch(`${base}/workspace/v3/current-session`)).text()).toBe('simulator /workspace/v3/current-session');
        expect(await (await fetch(`${base}/auth/v3/sign-in`, { method: 'POST' })).text()).toBe('simulator /auth/v3/sign-in');
        expect((await fetch(`${base}/mock/v3/state`)).status).not.toBe(200);
        expect((await fetch(`${base}/api/v2/me`)).status).toBe(200);
      }
    } finally {
      await proxied.close();
      await proxiedPreview.close();
      await simulator.close();
    }
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
