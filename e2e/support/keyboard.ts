import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Presses Tab (or Shift+Tab) until `target` has focus, as a keyboard user would walk the page.
 * Fails if it is not reached within `max` presses: that is a focus-order or reachability bug.
 */
export async function tabTo(page: Page, target: Locator, options: { max?: number; backwards?: boolean } = {}): Promise<number> {
  const max = options.max ?? 200;
  const key = options.backwards ? 'Shift+Tab' : 'Tab';
  await expect(target).toBeVisible();
  for (let presses = 0; presses <= max; presses += 1) {
    if (await target.evaluate((el) => el === el.ownerDocument.activeElement)) return presses;
    await page.keyboard.press(key);
  }
  throw new Error(`${target} not reached with ${max} × ${key}`);
}

/** A short description of the focused element, for assertions and failure messages. */
export function focusedDescription(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'body';
    const label = el.getAttribute('aria-label') ?? (el.textContent ?? '').trim().slice(0, 40);
    return `${el.tagName.toLowerCase()} "${label}"`;
  });
}
