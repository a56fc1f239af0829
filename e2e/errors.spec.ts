import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import type { MockGws } from './support/mock-gws';
import { expectStaysAtMost } from './support/conditions';
import { card, openWidget } from './support/widget';

/** Two accepted interactions: the one the failure hits and a bystander that must stay clean. */
async function twoInProgress(page: Page, mock: MockGws): Promise<{ target: Locator; bystander: Locator }> {
  for (const [id, subject] of [
    ['E2E-ERR-T', 'E2E failure target'],
    ['E2E-ERR-B', 'E2E bystander'],
  ] as const) {
    await mock.offer({ id, mediaType: 'promotion', userData: { Subject: subject } });
    await card(page, subject).getByRole('button', { name: 'Accept' }).click();
    await expect(card(page, subject).getByRole('button', { name: 'Complete' })).toBeEnabled();
  }
  return { target: card(page, 'E2E failure target'), bystander: card(page, 'E2E bystander') };
}

test.describe('failed operations show on their own card', () => {
  test('an Error notification', async ({ page, mock }) => {
    await openWidget(page);
    const { target, bystander } = await twoInProgress(page, mock);
    await mock.failNext({ mode: 'error-notification', statusCode: 14, message: 'Media server unavailable' });

    await target.getByRole('button', { name: 'Complete' }).click();
    const alert = target.getByRole('alert');
    await expect(alert).toContainText('Complete failed');
    await expect(alert).toContainText('Media server unavailable');
    await expect(alert).toContainText('Code 14');
    await expect(alert).toContainText(/Reference \d+/);
    await expect(bystander.getByRole('alert')).toHaveCount(0);
    await expect(page.getByRole('alert')).toHaveCount(1);
    // Nothing changed on the server, and the agent can try again.
    expect((await mock.interaction('E2E-ERR-T'))?.state).toBe('Processing');
    await expect(target.getByRole('button', { name: 'Complete' })).toBeEnabled();

    await alert.getByRole('button', { name: 'Dismiss' }).click();
    await expect(target.getByRole('alert')).toHaveCount(0);
    await target.getByRole('button', { name: 'Complete' }).click();
    await expect(target.getByText('Completed', { exact: true })).toBeVisible();
    await expect(target.getByRole('alert')).toHaveCount(0);
  });

  test('a statusCode refusal', async ({ page, mock }) => {
    await openWidget(page);
    const { target, bystander } = await twoInProgress(page, mock);
    await mock.failNext({ mode: 'status-code', statusCode: 5, message: 'No permission to complete this promotion' });

    await target.getByRole('button', { name: 'Complete' }).click();
    const alert = target.getByRole('alert');
    await expect(alert).toContainText('Complete was refused');
    await expect(alert).toContainText('No permission to complete this promotion');
    await expect(bystander.getByRole('alert')).toHaveCount(0);
    await expect(page.getByRole('alert')).toHaveCount(1);
    expect((await mock.interaction('E2E-ERR-T'))?.state).toBe('Processing');
    await expect(target.getByRole('button', { name: 'Complete' })).toBeEnabled();
  });

  test('a 403 "forbidden" refusal is retried once with a fresh CSRF token, then shown', async ({ page, mock }) => {
    await openWidget(page);
    const { target, bystander } = await twoInProgress(page, mock);
    // statusCode 3 comes with HTTP 403, which is also how GWS refuses a stale CSRF token: the client
    // refreshes the token and retries once (src/api/csrf.ts), so a real prohibition must fail twice.
    await mock.failNext({ mode: 'status-code', count: 2, statusCode: 3, message: 'Forbidden for this agent' });

    await target.getByRole('button', { name: 'Complete' }).click();
    await expect(target.getByRole('alert')).toContainText('Forbidden for this agent');
    await expect(bystander.getByRole('alert')).toHaveCount(0);
    const attempts = (await mock.log()).filter((r) => r.operationName === 'Complete');
    expect(attempts.map((r) => r.status)).toEqual([403, 403]);
    expect((await mock.interaction('E2E-ERR-T'))?.state).toBe('Processing');
  });

  test('an operation that never gets an outcome times out visibly', async ({ page, mock }) => {
    // The clock flows in real time; fastForward skips the 15 s action timeout (the default).
    await page.clock.install();
    await openWidget(page);
    const { target, bystander } = await twoInProgress(page, mock);
    await mock.failNext({ mode: 'no-answer' });

    const complete = target.getByRole('button', { name: 'Complete' });
    await complete.click();
    await expect(complete).toHaveAttribute('aria-busy', 'true');
    // While one request is in flight, nothing else can be sent on that card; the other card is free.
    await expect(target.getByRole('button', { name: 'Transfer' })).toBeDisabled();
    await expect(bystander.getByRole('button', { name: 'Complete' })).toBeEnabled();

    await page.clock.fastForward(13_000);
    await expect(complete).toHaveAttribute('aria-busy', 'true');
    await expect(target.getByRole('alert')).toHaveCount(0);

    await page.clock.fastForward(3_000);
    const alert = target.getByRole('alert');
    await expect(alert).toContainText('Complete timed out');
    await expect(complete).not.toHaveAttribute('aria-busy', 'true');
    await expect(complete).toBeEnabled();
    await expect(bystander.getByRole('alert')).toHaveCount(0);
    expect((await mock.interaction('E2E-ERR-T'))?.state).toBe('Processing');
  });

  test('an action clicked just before a host long task longer than its deadline is not reported timed out', async ({ page, mock }) => {
    await openWidget(page);
    await mock.offer({ id: 'E2E-ERR-HELD', mediaType: 'promotion', userData: { Subject: 'E2E held page' } });
    const offer = card(page, 'E2E held page');
    const accept = offer.getByRole('button', { name: 'Accept' });
    await expect(accept).toBeEnabled();

    // The click, then in the next task a host's long task of 17 s (the deadline is 15 s): GWS does
    // the Accept meanwhile, its answer and notification wait behind the deadline's timer.
    await accept.evaluate((button: HTMLButtonElement) => {
      button.click();
      setTimeout(() => {
        const end = Date.now() + 17_000;
        while (Date.now() < end) {
          // The host's work.
        }
      }, 0);
    });
    await expect(offer.getByRole('button', { name: 'Complete' })).toBeEnabled({ timeout: 30_000 });
    await expect(offer.getByText('Processing', { exact: true })).toBeVisible();
    await expectStaysAtMost('alerts on the card', () => offer.getByRole('alert').count(), 0, 3_000);
  });

  test('an action whose notification is lost: after its timeout the card reads the server again and shows what it did', async ({ page, mock }) => {
    await page.clock.install();
    await openWidget(page);
    await mock.offer({ id: 'E2E-ERR-L', mediaType: 'promotion', userData: { Subject: 'E2E lost outcome' } });
    const item = card(page, 'E2E lost outcome');
    await expect(item.getByRole('button', { name: 'Accept' })).toBeEnabled();
    // GWS does the Accept, but its StatusChange is held back (it never arrives in time).
    await mock.reorderNext(2);
    await item.getByRole('button', { name: 'Accept' }).click();
    await expect.poll(async () => (await mock.interaction('E2E-ERR-L'))?.state).toBe('Processing');

    await page.clock.fastForward(16_000);
    // Not "Accept timed out" next to an Accept button the server would refuse: the read after
    // the timeout shows the interaction in progress, and the Accept as done.
    await expect(item.getByRole('button', { name: 'Complete' })).toBeEnabled();
    await expect(item.getByRole('button', { name: 'Accept' })).toHaveCount(0);
    await expect(item.getByRole('alert')).toHaveCount(0);
    await mock.reorderNext(0);
  });

  test('an action whose answer the network cut off: "outcome unknown" until the read after it shows it done, then nothing', async ({ page, mock }) => {
    await openWidget(page);
    await mock.offer({ id: 'E2E-ERR-CUT', mediaType: 'promotion', userData: { Subject: 'E2E answer cut off' } });
    const item = card(page, 'E2E answer cut off');
    await expect(item.getByRole('button', { name: 'Accept' })).toBeEnabled();
    // The POST reaches GWS, which does it; its answer is lost (and so is the notification).
    await mock.reorderNext(5);
    await page.route('**/api/v2/me/openmedia/*/E2E-ERR-CUT', async (route) => {
      if (route.request().method() !== 'POST') return route.fallback();
      await route.fetch();
      await route.abort('failed');
    });
    await item.getByRole('button', { name: 'Accept' }).click();
    await expect.poll(async () => (await mock.interaction('E2E-ERR-CUT'))?.state).toBe('Processing');
    // The read after the failure shows the Accept done: in progress, and no doubt left on the card.
    await expect(item.getByRole('button', { name: 'Complete' })).toBeEnabled();
    await expect(item.getByRole('alert')).toHaveCount(0);
    await mock.reorderNext(0);
    await expect(item.getByRole('alert')).toHaveCount(0);
  });

  test('an action cut off before it reached GWS stays "outcome unknown", with the buttons the read allows', async ({ page, mock }) => {
    await openWidget(page);
    await mock.offer({ id: 'E2E-ERR-LOST', mediaType: 'promotion', userData: { Subject: 'E2E request lost' } });
    const item = card(page, 'E2E request lost');
    await expect(item.getByRole('button', { name: 'Accept' })).toBeEnabled();
    await page.route('**/api/v2/me/openmedia/*/E2E-ERR-LOST', (route) =>
      route.request().method() === 'POST' ? route.abort('failed') : route.fallback(),
    );
    await item.getByRole('button', { name: 'Accept' }).click();
    const alert = item.getByRole('alert');
    await expect(alert).toContainText('outcome unknown');
    await expect(alert).toContainText('check the card before trying again');
    await expect(item.getByRole('button', { name: 'Accept' })).toBeEnabled();
    expect((await mock.interaction('E2E-ERR-LOST'))?.state).toBe('Invited');
  });
});
