import { expectStaysAtMost } from './support/conditions';
import { expect, test } from './support/fixtures';
import { PAGE_ORIGIN } from './support/origins';
import { BACKGROUND_TAB_SCRIPT, group } from './support/tabs';
import type { BackgroundTabWindow } from './support/tabs';
import { openWidget } from './support/widget';

const TITLE = 'Open media — agent desktop';

test('an offer made while the page is hidden fires onOffer, badges the title and notifies exactly once', async ({ page, mock }) => {
  test.setTimeout(90_000);
  await page.context().grantPermissions(['notifications'], { origin: PAGE_ORIGIN });
  await page.addInitScript(BACKGROUND_TAB_SCRIPT);
  // The mock starts with a few offers waiting: the title counts them.
  const waiting = (await mock.state()).interactions.filter((i) => i.state === 'Invited').length;
  await openWidget(page);
  await expect(page).toHaveTitle(`(${waiting}) ${TITLE}`);

  // The agent turns notifications on (a click: the permission is already granted here).
  const notify = page.getByRole('checkbox', { name: 'Notify me of new offers' });
  await expect(notify).toHaveAccessibleDescription('Allowed by the browser.');
  await notify.check();
  await expect(notify).toBeChecked();

  // The agent switches to another tab: no more animation frames.
  await page.evaluate(() => (window as unknown as BackgroundTabWindow).__setHidden(true));
  await mock.offer({ id: 'E2E-HIDDEN-1', mediaType: 'promotion', userData: { Subject: 'While you were away' } });

  // Within a second, without a frame: the title badge and the host's onOffer (logged on the page).
  await expect(page).toHaveTitle(`(${waiting + 1}) ${TITLE}`, { timeout: 1_000 });
  await expect(page.getByRole('list', { name: 'Recent callbacks' })).toContainText('offer · E2E-HIDDEN-1 · While you were away', { timeout: 1_000 });
  const notifications = () => page.evaluate(() => (window as unknown as BackgroundTabWindow).__notifications.map((n) => `${n.title} | ${n.body}`));
  await expect.poll(notifications, { timeout: 1_000 }).toEqual(['New offer: While you were away | promotion']);
  expect(await page.evaluate(() => document.visibilityState)).toBe('hidden');

  // A forced re-handshake: the session is dropped, the client handshakes again and re-reads the
  // snapshot, which lists the same offer. Still one notification.
  const handshakes = (await mock.state()).handshakes;
  const snapshotRead = page.waitForResponse((r) => r.url().includes('/api/v2/me/openmedia/promotion') && r.request().method() === 'GET');
  await mock.dropSessions();
  await expect.poll(async () => (await mock.state()).handshakes, { timeout: 15_000 }).toBeGreaterThan(handshakes);
  await snapshotRead;
  await expectStaysAtMost('desktop notifications', async () => (await notifications()).length, 1, 3_000, 500);
  await expect(page).toHaveTitle(`(${waiting + 1}) ${TITLE}`);

  // Shown again: the frames withheld meanwhile run, nothing is alerted twice.
  await page.evaluate(() => (window as unknown as BackgroundTabWindow).__setHidden(false));
  await expectStaysAtMost('desktop notifications after showing the page', async () => (await notifications()).length, 1, 3_000, 500);

  // A reload within the session does not alert the offer again.
  await page.reload();
  await expect(page.getByRole('article', { name: 'While you were away' })).toBeVisible({ timeout: 20_000 });
  await expect(page).toHaveTitle(`(${waiting + 1}) ${TITLE}`);
  await expectStaysAtMost('desktop notifications after a reload', async () => (await notifications()).length, 0, 3_000, 500);

  // Every offer answered: the title is exactly what it was.
  const offers = group(page, 'Offers').getByRole('article');
  for (let left = waiting + 1; left > 0; left -= 1) {
    await offers.first().getByRole('button', { name: 'Accept' }).click();
    await expect(offers).toHaveCount(left - 1);
  }
  await expect(page).toHaveTitle(TITLE);
});
