import { expect, type Locator, type Page } from '@playwright/test';

/** The widget's heading on the standalone page (src/dev/dev-app.tsx passes title="My interactions"). */
export const WIDGET_TITLE = 'My interactions';

/** The widget region (a <section> named by its heading). */
export function widget(page: Page, title = WIDGET_TITLE): Locator {
  return page.getByRole('region', { name: title, exact: true });
}

/** One interaction card, named by its Subject (or its id when it has none). */
export function card(scope: Page | Locator, subject: string, title = WIDGET_TITLE): Locator {
  const root = 'goto' in scope ? widget(scope, title) : scope;
  return root.getByRole('article', { name: subject, exact: true });
}

/**
 * The connection-status live region with its banners. It is always mounted and in the
 * accessibility tree; while all is well it holds only the screen-reader text "Live" (visually
 * hidden, hence includeHidden), so `toHaveText('Live')` means "no banner". The first status region
 * of the widget (above the list): a long card's filter count and an open dialog have their own.
 */
export function banner(scope: Page | Locator): Locator {
  const root = 'goto' in scope ? widget(scope) : scope;
  return root.getByRole('status', { includeHidden: true }).first();
}

/** The connection word beside the widget's title ("Live", "Not connected", …). */
export function indicator(scope: Page | Locator, text: string): Locator {
  const root = 'goto' in scope ? widget(scope) : scope;
  return root.locator('header').getByText(text, { exact: true });
}

/** Opens the standalone page and waits until the widget is connected. */
export async function openWidget(page: Page, search = ''): Promise<Locator> {
  await page.goto(`/${search}`);
  const root = widget(page);
  await expect(indicator(root, 'Live')).toBeVisible({ timeout: 20_000 });
  return root;
}

function exactly(text: string): RegExp {
  return new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
}

/** The term of a user-data key (or a meta label) on a card. */
export function term(cardLocator: Locator, key: string): Locator {
  return cardLocator.getByRole('term').filter({ hasText: exactly(key) });
}

/** The value shown for a user-data key of a card: the definition that follows its term. */
export function userDataValue(cardLocator: Locator, key: string): Locator {
  return term(cardLocator, key).locator('xpath=following-sibling::*[1]');
}
