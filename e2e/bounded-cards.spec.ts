import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { card, openWidget } from './support/widget';

/** The card's rendered height, and the viewport's: "about one screen" is the viewport. */
async function heights(page: Page, item: Locator): Promise<{ card: number; screen: number }> {
  const box = await item.boundingBox();
  const viewport = page.viewportSize();
  if (box === null || viewport === null) throw new Error('The card is not rendered, or the page has no viewport.');
  return { card: box.height, screen: viewport.height };
}

/** The card's last control is on screen once the card is scrolled into view: it is in reach. */
async function expectActionInReach(page: Page, item: Locator, name: string): Promise<void> {
  await item.scrollIntoViewIfNeeded();
  const button = item.getByRole('button', { name, exact: true });
  await expect(button).toBeInViewport();
  await button.focus();
  await expect(button).toBeFocused();
}

test.describe('bounded cards: huge user data (GWS does not bound it)', () => {
  test('a card with 2,000 keys is no taller than a screen, collapsed or with all keys shown', async ({ page, mock }) => {
    await openWidget(page);
    const userData: Record<string, string> = { Subject: 'E2E two thousand keys' };
    for (let i = 1; i < 2_000; i += 1) userData[`Key${String(i).padStart(4, '0')}`] = `value ${i}`;
    await mock.offer({ id: 'E2E-BIG-KEYS', mediaType: 'promotion', userData });
    const item = card(page, 'E2E two thousand keys');
    await expect(item).toBeVisible();
    await expect(item.getByText('Showing 8 of 2,000 keys')).toBeVisible();

    const collapsed = await heights(page, item);
    expect(collapsed.card, `collapsed card height ${collapsed.card}px`).toBeLessThanOrEqual(collapsed.screen);
    await expectActionInReach(page, item, 'Accept');
    await item.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/bounded-keys-collapsed.png' });

    await item.getByRole('searchbox', { name: 'Filter user data' }).fill('Key199');
    await expect(item.getByText('Showing 8 of 10 keys')).toBeVisible();
    await item.getByRole('searchbox', { name: 'Filter user data' }).fill('');

    await item.getByRole('button', { name: 'Show all 2,000 keys' }).click();
    const region = item.getByRole('region', { name: 'User data, 2,000 keys' });
    await expect(region.getByRole('term')).toHaveCount(2_000);
    const expanded = await heights(page, item);
    expect(expanded.card, `card height with every key shown ${expanded.card}px`).toBeLessThanOrEqual(expanded.screen);
    await expectActionInReach(page, item, 'Accept');
    await item.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/bounded-keys-all.png' });
  });

  test('a card with a 200,000-character value is no taller than a screen, even expanded; the whole value is copyable', async ({ page, mock, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await openWidget(page);
    const transcript = `Transcript start ${'lorem ipsum '.repeat(16_666)}transcript end`;
    expect(transcript.length).toBeGreaterThanOrEqual(200_000);
    await mock.offer({ id: 'E2E-BIG-VALUE', mediaType: 'promotion', userData: { Subject: 'E2E one long value', Transcript: transcript, Priority: '2' } });
    const item = card(page, 'E2E one long value');
    await expect(item).toBeVisible();

    const clamped = await heights(page, item);
    expect(clamped.card, `clamped card height ${clamped.card}px`).toBeLessThanOrEqual(clamped.screen);
    await expect(item.getByText('transcript end')).toHaveCount(0);
    await expectActionInReach(page, item, 'Accept');
    await item.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/bounded-value-clamped.png' });

    await item.getByRole('button', { name: 'Copy Transcript' }).click();
    await expect(item.getByText('Copied', { exact: true })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(transcript);

    await item.getByRole('button', { name: 'Show more of Transcript' }).click();
    const full = item.getByRole('region', { name: 'Transcript' });
    await expect(full).toContainText('transcript end');
    const expanded = await heights(page, item);
    expect(expanded.card, `card height with the value shown whole ${expanded.card}px`).toBeLessThanOrEqual(expanded.screen);
    await expectActionInReach(page, item, 'Accept');
    await item.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/bounded-value-expanded.png' });
  });
});
