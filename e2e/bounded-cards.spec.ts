import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { card, openWidget, widget } from './support/widget';

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

  test('a 10,000-character Subject and key and a 2,000-character state are clamped: the card fits a screen, the timer stays on it, the texts stay whole for screen readers', async ({ page, mock }) => {
    await openWidget(page);
    const subject = `Subject start ${'many words of a subject '.repeat(416)}subject end`;
    // One unbroken word: the worst case for the key column (and the state has no break at all).
    const key = `Key${'k'.repeat(9_994)}end`;
    const state = `State${'s'.repeat(1_992)}end`;
    expect([subject.length >= 10_000, key.length, state.length]).toEqual([true, 10_000, 2_000]);
    await mock.raw({
      messageType: 'OpenmediaStateChangeMessage',
      notificationType: 'StatusChange',
      openmedia: { id: 'E2E-LONG-TEXTS', mediaType: 'promotion', state, capabilities: ['Complete'], userData: { Subject: subject, [key]: 'value', Priority: '2' } },
    });
    // The card's accessible name is still the whole Subject, and so is its heading's.
    const item = card(page, subject);
    await expect(item).toBeVisible();
    const heading = item.getByRole('heading', { name: subject, exact: true });
    await expect(heading).toBeVisible();
    await expect(heading).toHaveAttribute('title', subject);
    await expect(item.getByRole('term').filter({ hasText: key })).toHaveAttribute('title', key);
    await expect(item.getByText(state, { exact: true })).toHaveAttribute('title', state);

    // Soft, so a failure reports every bound that does not hold.
    const { card: height, screen } = await heights(page, item);
    expect.soft(height, `card height ${height}px`).toBeLessThanOrEqual(screen);

    // The time in state is on the card, beside the (ellipsised) state, not pushed off its edge; and
    // the unbroken key does not widen the card past the widget.
    const timer = item.getByTitle(/^Time in state/);
    await expect(timer).toBeVisible();
    const [cardBox, timerBox, widgetBox] = await Promise.all([item.boundingBox(), timer.boundingBox(), widget(page).boundingBox()]);
    if (cardBox === null || timerBox === null || widgetBox === null) throw new Error('The widget, the card or its timer is not rendered.');
    expect.soft(timerBox.x, 'timer left edge').toBeGreaterThanOrEqual(cardBox.x);
    expect.soft(timerBox.x + timerBox.width, 'timer right edge').toBeLessThanOrEqual(cardBox.x + cardBox.width);
    expect.soft(timerBox.y, 'timer top edge').toBeGreaterThanOrEqual(cardBox.y);
    expect.soft(timerBox.y + timerBox.height, 'timer bottom edge').toBeLessThanOrEqual(cardBox.y + cardBox.height);
    expect.soft(cardBox.x + cardBox.width, 'card right edge').toBeLessThanOrEqual(widgetBox.x + widgetBox.width);

    await expectActionInReach(page, item, 'Complete');
    await item.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/bounded-long-texts.png' });
  });

  test('the Transfer dialog of an interaction with a 10,000-character Subject clamps its title, so the form is in reach', async ({ page, mock }) => {
    await openWidget(page);
    const subject = `Subject start ${'many words of a subject '.repeat(416)}subject end`;
    await mock.raw({
      messageType: 'OpenmediaStateChangeMessage',
      notificationType: 'StatusChange',
      openmedia: { id: 'E2E-LONG-TRANSFER', mediaType: 'promotion', state: 'Processing', capabilities: ['Transfer', 'Complete'], userData: { Subject: subject } },
    });
    const item = card(page, subject);
    await item.getByRole('button', { name: 'Transfer', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: `Transfer “${subject}”` });
    await expect(dialog).toBeVisible();
    const title = dialog.getByRole('heading', { level: 2 });
    await expect(title).toHaveAttribute('title', `Transfer “${subject}”`);
    const { height, lineHeight } = await title.evaluate((el) => ({ height: el.getBoundingClientRect().height, lineHeight: parseFloat(getComputedStyle(el).lineHeight) }));
    expect(height, `title height ${height}px, line height ${lineHeight}px`).toBeLessThanOrEqual(3 * lineHeight + 1);
    const cancel = dialog.getByRole('button', { name: 'Cancel' });
    await cancel.scrollIntoViewIfNeeded();
    await expect(cancel).toBeInViewport();
    await page.screenshot({ path: 'test-results/bounded-transfer-dialog.png' });
    await cancel.click();
    await expect(dialog).toBeHidden();
  });
});
