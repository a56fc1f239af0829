import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, resolveChromium } from './e2e/browser';
import { CROSS_ORIGIN_MOCK_PORT, PAGE_ORIGIN, PAGE_PORT } from './e2e/support/origins';

// A server already listening on a port is reused only when asked (OPENMEDIA_E2E_REUSE=1, e.g. a
// preview you keep running while editing specs): otherwise a stale build could be tested.
// The specs share one mock GWS (each starts with POST /mock/reset), so they run one at a time, and
// without retries: a test that passes only on its second try is a bug to find, not to hide.
export default defineConfig({
  testDir: './e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results/e2e-artifacts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  // Two slow cores shared with other work: generous, but a hung test still ends.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  use: {
    baseURL: PAGE_ORIGIN,
    browserName: 'chromium',
    headless: true,
    launchOptions: { executablePath: resolveChromium(), args: CHROMIUM_ARGS },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    actionTimeout: 10_000,
    navigationTimeout: 20_000,
    colorScheme: 'light',
  },
  webServer: [
    {
      // The built page with the mock GWS mounted by the Vite plugin (same origin: /api/v2, /mock).
      // vite is started directly, not through npx, so stopping it stops the server (TOOLCHAIN pitfall 8).
      command: `npm run build && node_modules/.bin/vite preview --configLoader runner --port ${PAGE_PORT} --strictPort --host 127.0.0.1`,
      url: PAGE_ORIGIN,
      reuseExistingServer: process.env.OPENMEDIA_E2E_REUSE === '1',
      timeout: 180_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      // A second, standalone mock on another port, for the page served cross-origin.
      command: `node_modules/.bin/tsx src/mock-gws/cli.ts --port ${CROSS_ORIGIN_MOCK_PORT} --allow-origin ${PAGE_ORIGIN}`,
      url: `http://127.0.0.1:${CROSS_ORIGIN_MOCK_PORT}/mock/state`,
      reuseExistingServer: process.env.OPENMEDIA_E2E_REUSE === '1',
      timeout: 60_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
});
