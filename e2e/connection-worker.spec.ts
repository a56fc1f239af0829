import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { card, indicator, openWidget, widget } from './support/widget';

/**
 * The standalone page runs its CometD client in a Worker (`connectionWorker`). These check that
 * the long polls really left the page, and that a page whose Worker cannot load still connects.
 */

/** Counts the CometD requests the page's own JavaScript opens (a Worker's are not seen here). */
async function countPageCometd(page: Page): Promise<() => Promise<number>> {
  await page.addInitScript(() => {
    const counter = { cometd: 0 };
    Object.assign(window, { e2eCometdOnPage: counter });
    const open = XMLHttpRequest.prototype.open;
    XMLHttpRequest.prototype.open = function (this: XMLHttpRequest, method: string, url: string | URL, ...rest: unknown[]) {
      if (String(url).includes('/api/v2/notifications')) counter.cometd += 1;
      return (open as (...args: unknown[]) => void).call(this, method, url, ...rest);
    } as typeof XMLHttpRequest.prototype.open;
  });
  return () => page.evaluate(() => (window as unknown as { e2eCometdOnPage: { cometd: number } }).e2eCometdOnPage.cometd);
}

test.describe('the connection Worker', () => {
  test('CometD runs in the Worker: the page opens no long poll, and an offer still arrives by push', async ({ page, mock }) => {
    const pageCometd = await countPageCometd(page);
    const workerRequests: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/api/v2/notifications/')) workerRequests.push(request.url());
    });
    const workerStarted = page.waitForEvent('worker', (worker) => worker.url().includes('connection-worker'));
    await openWidget(page);
    await workerStarted;

    await mock.offer({ id: 'E2E-WORKER-1', mediaType: 'workitem', userData: { Subject: 'E2E offered through the Worker' } });
    await expect(card(page, 'E2E offered through the Worker')).toBeVisible();
    expect(await pageCometd()).toBe(0);
    // The long polls went out all the same, from the Worker.
    expect(workerRequests.some((url) => url.endsWith('/handshake'))).toBe(true);
    expect(workerRequests.some((url) => url.endsWith('/connect'))).toBe(true);
  });

  test('a Worker that cannot load leaves the connection on the page, with nothing lost', async ({ page, mock }) => {
    const pageCometd = await countPageCometd(page);
    let refused = 0;
    await page.route('**/connection-worker*', async (route) => {
      refused += 1;
      await route.abort();
    });
    await openWidget(page);
    await expect.poll(() => refused).toBeGreaterThan(0);
    await expect(indicator(widget(page), 'Live')).toBeVisible();
    await expect.poll(pageCometd).toBeGreaterThan(0);

    await mock.offer({ id: 'E2E-WORKER-2', mediaType: 'promotion', userData: { Subject: 'E2E offered without the Worker' } });
    await expect(card(page, 'E2E offered without the Worker')).toBeVisible();
  });
});
