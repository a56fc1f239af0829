import { expect, test } from './support/fixtures';
import { indicator, openWidget, widget } from './support/widget';

/**
 * Issue 12, point 10: CometD 9 starts a Web Worker (from a blob URL) for its timers each time a
 * client is configured, and never stops it. Every restart of the connection (the session lost and
 * Reconnect, CometD giving up) must not leave one more behind.
 */
const RESTARTS = 20;

interface Counts {
  workersCreated: number;
  workersTerminated: number;
  blobUrlsCreated: number;
  blobUrlsRevoked: number;
}

/**
 * The standalone page runs CometD in its connection Worker (no timer Worker inside: a Worker's
 * timers are not throttled); with that Worker's script refused, CometD runs on the page with its
 * timer Worker, as in a host without `connectionWorker`. Both must survive the restarts.
 */
const MODES = [
  { name: 'in the connection Worker', refuseWorker: false, workers: 1, workersAlive: 1, blobUrls: 0 },
  // The refused connection Worker is made and terminated; CometD then makes its timer Worker, once.
  { name: 'on the page (the Worker refused)', refuseWorker: true, workers: 2, workersAlive: 1, blobUrls: 1 },
] as const;

test.describe('CometD restarts', () => {
  for (const mode of MODES) {
    test(`${RESTARTS} restarts leave at most one Worker and blob URL alive: CometD ${mode.name}`, async ({ page, mock }) => {
      test.setTimeout(240_000);
      if (mode.refuseWorker) await page.route('**/connection-worker*', (route) => route.abort());
      // Count every Worker and blob URL the page makes and ends, before any page script runs; the
      // mock panel's reader of /mock/state (its own Worker, named 'mock-state') is not the connection's.
      await page.addInitScript(() => {
        const counts = { workersCreated: 0, workersTerminated: 0, blobUrlsCreated: 0, blobUrlsRevoked: 0 };
        Object.assign(window, { e2eCounts: counts });
        const NativeWorker = window.Worker;
        window.Worker = class CountedWorker extends NativeWorker {
          readonly #counted: boolean;
          constructor(url: string | URL, options?: WorkerOptions) {
            super(url, options);
            this.#counted = options?.name !== 'mock-state';
            if (this.#counted) counts.workersCreated += 1;
          }
          override terminate(): void {
            if (this.#counted) counts.workersTerminated += 1;
            super.terminate();
          }
        };
        const create = URL.createObjectURL.bind(URL);
        const revoke = URL.revokeObjectURL.bind(URL);
        URL.createObjectURL = (object: Blob | MediaSource) => {
          counts.blobUrlsCreated += 1;
          return create(object);
        };
        URL.revokeObjectURL = (url: string) => {
          counts.blobUrlsRevoked += 1;
          revoke(url);
        };
      });
      const counts = () => page.evaluate(() => (window as unknown as { e2eCounts: Counts }).e2eCounts);

      const root = await openWidget(page);
      await expect.poll(async () => (await counts()).workersCreated, 'the Workers the connection starts').toBe(mode.workers);
      expect((await counts()).blobUrlsCreated).toBe(mode.blobUrls);

      const reconnect = root.getByRole('button', { name: 'Reconnect' });
      for (let i = 0; i < RESTARTS; i++) {
        expect((await mock.expireSession()).expired).toBeGreaterThanOrEqual(1);
        await expect(reconnect).toBeVisible({ timeout: 20_000 });
        await mock.restoreSession();
        await reconnect.click();
        await expect(indicator(widget(page), 'Live')).toBeVisible({ timeout: 20_000 });
      }

      const after = await counts();
      expect(after.workersCreated - after.workersTerminated, 'Workers alive').toBeLessThanOrEqual(mode.workersAlive);
      expect(after.blobUrlsCreated - after.blobUrlsRevoked, 'blob URLs alive').toBeLessThanOrEqual(1);
      // One CometD client re-handshaken, not one per restart.
      expect(after.workersCreated).toBe(mode.workers);
      expect(after.blobUrlsCreated).toBe(mode.blobUrls);
    });
  }
});
