import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import type { MockGws } from './support/mock-gws';
import { card, indicator, openWidget, widget } from './support/widget';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** Runs axe on the whole page and fails with a readable list of what it found. */
async function expectNoViolations(page: Page, state: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const found = results.violations.map(
    (v) => `${v.id} (${v.impact ?? '?'}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`,
  );
  expect(found, `axe violations with ${state}`).toEqual([]);
}

async function acceptOne(page: Page, mock: MockGws, subject: string) {
  await mock.offer({ id: 'E2E-A11Y-1', mediaType: 'promotion', userData: { Subject: subject } });
  const item = card(page, subject);
  await item.getByRole('button', { name: 'Accept' }).click();
  await expect(item.getByRole('button', { name: 'Complete' })).toBeEnabled();
  return item;
}

test.describe('accessibility (axe-core, WCAG 2.2 AA and best practices)', () => {
  // Each test scans the whole page with axe five or six times: 25 s on a quiet 2-core machine, over
  // 60 s when the machine is shared (2026-12-04). The assertions decide, not the clock.
  test.describe.configure({ timeout: 180_000 });
  for (const theme of ['light', 'dark'] as const) {
    test(`the standalone page, ${theme} theme: offers and work in progress, an error, a form, the transfer dialog, diagnostics`, async ({ page, mock }) => {
      await openWidget(page);
      const darkToggle = page.getByRole('button', { name: 'Dark theme' });
      if (theme === 'dark') await darkToggle.click();
      await expect(darkToggle).toHaveAttribute('aria-pressed', String(theme === 'dark'));
      // The seed data has offers and interactions in progress side by side.
      await expect(page.getByRole('list', { name: /^Offers/ })).toBeVisible();
      await expect(page.getByRole('list', { name: /^In progress/ })).toBeVisible();
      await expectNoViolations(page, 'offers and work in progress');

      const item = await acceptOne(page, mock, 'E2E accessible offer');
      await mock.failNext({ mode: 'status-code', statusCode: 2, message: 'Not valid in the current state' });
      await item.getByRole('button', { name: 'Complete' }).click();
      await expect(item.getByRole('alert')).toBeVisible();
      await item.getByRole('button', { name: 'Add data' }).click();
      await item.getByRole('button', { name: 'Save' }).click();
      await expect(item.getByText('Enter a key.')).toBeVisible();
      await expectNoViolations(page, 'an error alert and the add-data form with a validation error');
      await item.getByRole('button', { name: 'Cancel' }).click();

      await item.getByRole('button', { name: 'Transfer' }).click();
      await expect(page.getByRole('dialog')).toBeVisible();
      await expectNoViolations(page, 'the transfer dialog open');
      await page.keyboard.press('Escape');
      await expect(page.getByRole('dialog')).toHaveCount(0);

      await page.getByRole('region', { name: 'My interactions' }).getByText('Diagnostics', { exact: true }).click();
      await expect(page.getByRole('region', { name: 'Recent events' })).toBeVisible();
      await expectNoViolations(page, 'diagnostics open');
    });
  }

  test('bounded cards: a collapsed long key list with its filter, every key shown in its region, a long value clamped and shown whole', async ({ page, mock }) => {
    await openWidget(page);
    const userData: Record<string, string> = { Subject: 'E2E bounded a11y', Transcript: `Start ${'lorem ipsum '.repeat(2_000)}end` };
    for (let i = 1; i <= 40; i += 1) userData[`Key${i}`] = `value ${i}`;
    await mock.offer({ id: 'E2E-A11Y-BIG', mediaType: 'promotion', userData });
    const item = card(page, 'E2E bounded a11y');
    await expect(item.getByRole('searchbox', { name: 'Filter user data' })).toBeVisible();
    await expectNoViolations(page, 'a collapsed long key list');
    await item.getByRole('button', { name: 'Show all 42 keys' }).click();
    await item.getByRole('button', { name: 'Show more of Transcript' }).click();
    await expect(item.getByRole('region', { name: 'Transcript' })).toBeVisible();
    await expectNoViolations(page, 'every key shown and a long value shown whole');
  });

  test('the example desktop with two widgets', async ({ page, mock }) => {
    await page.goto('/desktop.html');
    await expect(indicator(widget(page), 'Live')).toBeVisible({ timeout: 20_000 });
    await expectNoViolations(page, 'the desktop');
    await mock.offer({ id: 'E2E-A11Y-D', mediaType: 'promotion', userData: { Subject: 'E2E desktop a11y' } });
    const item = card(page, 'E2E desktop a11y');
    await item.getByRole('button', { name: 'Accept' }).click();
    await item.getByRole('button', { name: 'Set in focus' }).click();
    await expect(card(page, 'E2E desktop a11y', 'Focused interaction')).toBeVisible();
    await page.getByRole('button', { name: 'Dark theme' }).click();
    await expectNoViolations(page, 'the desktop in the dark theme with an interaction in focus');
  });
});
