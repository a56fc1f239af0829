import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import type { MockGws } from './support/mock-gws';
import { card, openWidget, term, userDataValue, widget } from './support/widget';

/**
 * The widget in the narrow side column of an agent desktop (320–420 px), zoomed, and under the
 * WCAG 1.4.12 text-spacing overrides a user's bookmarklet or extension injects. The standalone
 * page stands in for the host: the widget is given the column's width.
 */

/** The text-spacing bookmarklet's rules (WCAG 1.4.12), as users apply them. */
const TEXT_SPACING = `* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }`;

const KEY_80 = 'CustomerPreferredContactChannelForFollowUpNotificationsAfterCaseResolution_Extra';

const SUBJECT = 'Narrow column check';
const ARABIC_SUBJECT = 'طلب استرداد رقم 4521 للعميل Ahmed (50%)؟';
const USER_DATA = { Subject: SUBJECT, CustomerName: 'Amélie Laurent', CustomerSegment: 'gold', [KEY_80]: 'email', Amount: 1234.5 };

/** The widget as wide as a side column, optionally with the text-spacing overrides. */
async function inColumn(page: Page, width: number, textSpacing = false): Promise<Locator> {
  const root = await openWidget(page);
  await page.addStyleTag({ content: `.dev-main > .omw-root { width: ${width}px; }${textSpacing ? TEXT_SPACING : ''}` });
  await expect.poll(async () => Math.round((await root.boundingBox())?.width ?? 0)).toBe(width);
  return root;
}

/** An interaction in progress (Edit and Delete on its keys), with a long key among common ones. */
async function acceptedOffer(page: Page, mock: MockGws, userData: Record<string, string | number> = USER_DATA): Promise<Locator> {
  await mock.offer({ mediaType: 'workitem', userData });
  const item = card(page, String(userData.Subject));
  await item.getByRole('button', { name: 'Accept' }).click();
  await expect(item.getByRole('button', { name: 'Complete' })).toBeEnabled();
  return item;
}

async function box(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  const b = await locator.boundingBox();
  if (b === null) throw new Error('The element is not rendered.');
  return b;
}

test.describe('narrow layout', () => {
  test('user-data values get the card’s width in a 320 px column, and keys are not broken mid-word', async ({ page, mock }) => {
    await inColumn(page, 320);
    const item = await acceptedOffer(page, mock);
    await expect(item.getByRole('button', { name: 'Edit CustomerName' })).toBeVisible();

    // Beside a key column, the values had ~40 px (4 characters a line); the 80-character key took
    // half of every row of its card.
    for (const [key, text] of [['CustomerName', 'Amélie Laurent'], ['Amount', '1234.5']] as const) {
      const value = userDataValue(item, key).getByText(text, { exact: true });
      expect((await box(value)).width, `${key}'s value`).toBeGreaterThanOrEqual(150);
    }
    // "CustomerSegment" on one line: its term is no taller than one line of it.
    const key = term(item, 'CustomerSegment');
    const oneLine = await key.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight));
    expect((await box(key)).height).toBeLessThan(oneLine * 1.5);
  });

  for (const { width, textSpacing } of [
    { width: 320, textSpacing: false },
    { width: 420, textSpacing: true },
  ]) {
    test(`the value editor has a usable field and a whole Cancel at ${width} px${textSpacing ? ' with text spacing' : ''}`, async ({ page, mock }) => {
      await inColumn(page, width, textSpacing);
      const item = await acceptedOffer(page, mock);
      await item.getByRole('button', { name: 'Edit CustomerName' }).click();
      const field = item.getByRole('textbox', { name: 'New value for CustomerName' });
      await expect(field).toBeFocused();

      expect((await box(field)).width).toBeGreaterThanOrEqual(150);
      // Cancel inside the user-data list, which clips (it was cut in half at its right edge).
      const cancel = item.getByRole('button', { name: 'Cancel' });
      const list = await box(item.getByRole('term').filter({ hasText: 'CustomerName' }).locator('xpath=..'));
      const button = await box(cancel);
      expect(button.x).toBeGreaterThanOrEqual(list.x);
      expect(button.x + button.width).toBeLessThanOrEqual(list.x + list.width + 0.5);
    });
  }

  test('a one-line value is edited in a field as wide as its cell, Save and Cancel under it, in a card of the usual width', async ({ page, mock }) => {
    await openWidget(page);
    const item = await acceptedOffer(page, mock, { Subject: 'Spring offer', CustomerSegment: 'gold', OfferCode: 'SPRING-24-GOLD' });
    await item.getByRole('button', { name: 'Edit OfferCode' }).click();
    const field = item.getByRole('textbox', { name: 'New value for OfferCode' });
    await expect(field).toBeFocused();
    // Beside Save and Cancel it was 66 px wide ("-GOLD" of "SPRING-24-GOLD").
    expect((await box(field)).width).toBeGreaterThanOrEqual(150);
    const { scrollWidth, clientWidth } = await field.evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth }));
    expect(scrollWidth, 'the whole value is in view').toBeLessThanOrEqual(clientWidth);
    // Save and Cancel together, under the field.
    const save = await box(item.getByRole('button', { name: 'Save' }));
    const cancel = await box(item.getByRole('button', { name: 'Cancel' }));
    const fieldBox = await box(field);
    expect(Math.abs(save.y - cancel.y)).toBeLessThan(2);
    expect(save.y).toBeGreaterThanOrEqual(fieldBox.y + fieldBox.height);
  });

  test('a value on several lines is edited in a text area as wide as its cell, in a card of the usual width', async ({ page, mock }) => {
    await openWidget(page);
    const item = await acceptedOffer(page, mock, { Subject: 'Address change', Address: '12 Main Street\nApartment 4B' });
    await item.getByRole('button', { name: 'Edit Address' }).click();
    const field = item.getByRole('textbox', { name: 'New value for Address' });
    await expect(field).toBeFocused();
    // Beside Save and Cancel it was 65 px wide ("12 Main" a line).
    expect((await box(field)).width).toBeGreaterThanOrEqual(180);
    await expect(item.getByRole('button', { name: 'Cancel' })).toBeVisible();
  });

  for (const textSpacing of [false, true]) {
    test(`the state word stays whole in a 320 px column${textSpacing ? ' with text spacing' : ''}`, async ({ page }) => {
      const root = await inColumn(page, 320, textSpacing);
      // The cards read from the snapshot: their timers say "≥ 00:12", the widest (the chip gave way to them).
      const states = root.getByRole('article').getByText('Processing', { exact: true });
      await expect(states.first()).toBeVisible();
      for (const state of await states.all()) {
        const { scrollWidth, clientWidth } = await state.evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth }));
        expect(scrollWidth, '"Processing" is not cut to "Process…"').toBeLessThanOrEqual(clientWidth);
      }
    });
  }

  test('the Resource link’s focus ring is not clipped', async ({ page, mock }) => {
    await inColumn(page, 320);
    const item = await acceptedOffer(page, mock);
    const link = item.getByRole('link');
    // From the heading's neighbourhood by keyboard, so the ring is the keyboard one (:focus-visible).
    await item.getByRole('button', { name: 'Edit Subject' }).focus();
    for (let i = 0; i < 10 && !(await link.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Shift+Tab');
    await expect(link).toBeFocused();

    const cut = await link.evaluate((el) => {
      const style = getComputedStyle(el);
      if (!el.matches(':focus-visible') || style.outlineStyle === 'none') return ['no focus ring'];
      const grow = parseFloat(style.outlineOffset) + parseFloat(style.outlineWidth);
      const r = el.getBoundingClientRect();
      const ring = { left: r.left - grow, top: r.top - grow, right: r.right + grow, bottom: r.bottom + grow };
      const clipped: string[] = [];
      for (let p = el.parentElement; p !== null; p = p.parentElement) {
        const s = getComputedStyle(p);
        const clips = s.overflowX !== 'visible' || s.overflowY !== 'visible' || s.contentVisibility === 'auto' || /paint|strict|content/.test(s.contain);
        if (!clips) continue;
        const pr = p.getBoundingClientRect();
        const left = pr.left + p.clientLeft;
        const top = pr.top + p.clientTop;
        const inside = ring.left >= left - 0.5 && ring.top >= top - 0.5 && ring.right <= left + p.clientWidth + 0.5 && ring.bottom <= top + p.clientHeight + 0.5;
        if (!inside) clipped.push(`${p.tagName.toLowerCase()}.${p.className}`);
      }
      return clipped;
    });
    expect(cut, 'ancestors that cut the ring').toEqual([]);
  });

  test('server text keeps its own direction: an Arabic Subject reads right to left, Latin text left to right', async ({ page, mock }) => {
    await inColumn(page, 420);
    const item = await acceptedOffer(page, mock, { Subject: ARABIC_SUBJECT, 'اسم العميل': 'Ahmed 55', Phone: '+972-3-555-1234' });
    const direction = (locator: Locator) => locator.evaluate((el) => getComputedStyle(el).direction);

    await expect(item.getByRole('heading', { name: ARABIC_SUBJECT })).toHaveAttribute('dir', 'auto');
    expect(await direction(item.getByRole('heading', { name: ARABIC_SUBJECT }))).toBe('rtl');
    expect(await direction(term(item, 'اسم العميل'))).toBe('rtl');
    expect(await direction(userDataValue(item, 'اسم العميل').getByText('Ahmed 55', { exact: true }))).toBe('ltr');
    expect(await direction(userDataValue(item, 'Phone').getByText('+972-3-555-1234', { exact: true }))).toBe('ltr');

    // In the Transfer dialog, the Subject is isolated inside the (left-to-right) English title.
    await item.getByRole('button', { name: 'Transfer' }).click();
    const dialog = page.getByRole('dialog', { name: `Transfer “${ARABIC_SUBJECT}”` });
    await expect(dialog).toBeVisible();
    expect(await direction(dialog.getByRole('heading'))).toBe('ltr');
    expect(await direction(dialog.getByRole('heading').getByText(ARABIC_SUBJECT, { exact: true }))).toBe('rtl');
  });

  test('in a right-to-left host page the card mirrors: its state strip and wider padding on the right, Complete at the left end; a URL keeps its start', async ({ page, mock }) => {
    await inColumn(page, 420);
    await page.evaluate(() => {
      document.documentElement.dir = 'rtl';
    });
    const item = await acceptedOffer(page, mock);
    const look = await item.evaluate((el) => {
      const card = getComputedStyle(el);
      const strip = getComputedStyle(el, '::before');
      return { paddingLeft: card.paddingLeft, paddingRight: card.paddingRight, stripRight: strip.right, stripRadius: strip.borderTopRightRadius };
    });
    expect(look).toEqual({ paddingLeft: '16px', paddingRight: '19px', stripRight: '-1px', stripRadius: expect.stringMatching(/^[1-9]\d*px$/) });
    // The bar's end is the left in a right-to-left page: Complete sits there, apart from the others.
    const complete = await box(item.getByRole('button', { name: 'Complete' }));
    const transfer = await box(item.getByRole('button', { name: 'Transfer' }));
    expect(complete.x).toBeLessThan(transfer.x);
    // The Resource link's text is a URL: left to right, its scheme shown, its end cut if it must be.
    const linkText = item.getByRole('link').locator('span').first();
    expect(await linkText.evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');
  });

  test('in a right-to-left host page a Resource that is not a link reads left to right, at the start of its cell (the right)', async ({ page, mock }) => {
    await inColumn(page, 420);
    await page.evaluate(() => {
      document.documentElement.dir = 'rtl';
    });
    const subject = 'URN resource check';
    await mock.offer({ mediaType: 'workitem', uri: 'urn:genesys:wi:7', userData: { Subject: subject } });
    const text = card(page, subject).getByText('urn:genesys:wi:7', { exact: true });
    const look = await text.evaluate((el) => {
      const own = el.getBoundingClientRect();
      const parent = el.parentElement as HTMLElement;
      const cell = parent.getBoundingClientRect();
      const contentRight = cell.right - parseFloat(getComputedStyle(parent).paddingRight) - parseFloat(getComputedStyle(parent).borderRightWidth);
      return { direction: getComputedStyle(el).direction, gapAtRight: Math.round(contentRight - own.right), shorterThanCell: own.width < cell.width - 50 };
    });
    // Not stretched across the cell with its text pushed to the left: it sits where a link would.
    expect(look).toEqual({ direction: 'ltr', gapAtRight: 0, shorterThanCell: true });
  });

  test('the open-interactions count stays in a 320 px column with text spacing', async ({ page }) => {
    const root = await inColumn(page, 320, true);
    const count = root.getByText(/open interactions?$/);
    await expect(count).toBeVisible();
    const column = await box(root);
    const spill = await box(count);
    expect(spill.x + spill.width).toBeLessThanOrEqual(column.x + column.width);
  });

  test('"Edit ‹key› instead" for an 80-character key wraps inside the Add form', async ({ page, mock }) => {
    await inColumn(page, 320);
    const item = await acceptedOffer(page, mock);
    await item.getByRole('button', { name: 'Add data' }).click();
    const form = item.getByRole('form', { name: 'Add user data' });
    await form.getByRole('textbox', { name: 'Key' }).fill(KEY_80);
    await form.getByRole('textbox', { name: 'Value' }).fill('sms');
    await form.getByRole('button', { name: 'Save' }).click();
    const instead = form.getByRole('button', { name: `Edit ${KEY_80} instead` });
    await expect(instead).toBeVisible();
    const formBox = await box(form);
    const button = await box(instead);
    expect(button.x + button.width).toBeLessThanOrEqual(formBox.x + formBox.width);
  });
});

test.describe('narrow layout: the standalone page at 400 % zoom', () => {
  // 1280 × 1024 at 400 %.
  test.use({ viewport: { width: 320, height: 256 } });

  test('a focused control is never hidden under the page header', async ({ page }) => {
    await openWidget(page);
    const root = widget(page);
    await expect(root.getByRole('article').first()).toBeVisible();
    // Upwards through the cards, as the QA run did (Shift+Tab from a card's last button).
    await root.getByRole('button', { name: 'Complete' }).first().focus();
    const hidden: string[] = [];
    for (let i = 0; i < 20; i++) {
      await page.keyboard.press('Shift+Tab');
      const stop = await page.evaluate(() => {
        const active = document.activeElement;
        const header = document.querySelector('header');
        if (active === null || header === null || header.contains(active)) return null;
        const a = active.getBoundingClientRect();
        const h = header.getBoundingClientRect();
        return { name: active.getAttribute('aria-label') ?? active.textContent?.trim().slice(0, 30) ?? '', covered: a.top < h.bottom && a.bottom > h.top };
      });
      if (stop?.covered) hidden.push(stop.name);
    }
    expect(hidden, 'focus stops under the header').toEqual([]);
  });
});
