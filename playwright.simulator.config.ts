import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, resolveChromium } from './e2e/browser';
import { SIM_PAGE_ORIGIN, SIM_PAGE_PORT, SIM_PROXY_PORT } from './e2e/simulator/ports';

// The Workspace API v3 suite against Genesys's own agent-api-simulator (e2e/simulator/). Each file
// starts a fresh simulator (../shared/third_party/agent-api-simulator.sh) and a TCP proxy in front
// of it; the page's dev server proxies /workspace, /auth and /sim to that proxy, so the session
// cookie is same-site and a test can cut the network. One file at a time: one simulator port.
export default defineConfig({
  testDir: './e2e/simulator',
  testMatch: '**/*.sim.ts',
  outputDir: 'test-results/e2e-simulator-artifacts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright-simulator.json' }]],
  use: {
    baseURL: SIM_PAGE_ORIGIN,
    browserName: 'chromium',
    headless: true,
    launchOptions: { executablePath: resolveChromium(), args: CHROMIUM_ARGS },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    actionTimeout: 10_000,
    navigationTimeout: 30_000,
    colorScheme: 'light',
  },
  webServer: {
    // The dev server (no build needed), without the embedded mock, proxying to the TCP proxy;
    // no watcher or HMR, so no saved file reloads a page a test is watching.
    command: `node_modules/.bin/vite --config e2e/simulator/vite.config.ts --configLoader runner --port ${SIM_PAGE_PORT} --strictPort --host 127.0.0.1`,
    url: SIM_PAGE_ORIGIN,
    env: { AGENT_API_SIMULATOR: `http://127.0.0.1:${SIM_PROXY_PORT}`, MOCK_GWS: '0' },
    reuseExistingServer: process.env.OPENMEDIA_E2E_REUSE === '1',
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
