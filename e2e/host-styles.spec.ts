import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { card, openWidget } from './support/widget';

/**
 * A host page's global element rules, the kind agent desktops and CRMs carry (resets, frameworks,
 * old site CSS). The widget renders in the host's DOM (no shadow root), so they match its elements
 * unless its stylesheet takes them back (openmedia-widget.css, "Host page styles").
 */
const HOST_CSS = `
  body { text-transform: uppercase; letter-spacing: 2px; text-align: center; line-height: 3; }
  * { box-sizing: content-box; }
  button { text-transform: uppercase; letter-spacing: 3px; background: hotpink; border: 4px solid red; min-width: 200px; }
  h2, h3, h4 { color: green; text-transform: uppercase; font-family: serif; text-align: center; }
  ul { padding: 40px; }
  li { list-style: square; margin: 20px; }
  p { margin: 30px; color: purple; }
  a { color: orange; text-decoration: underline wavy; }
  dd { margin-left: 80px; }
  input { border-radius: 0; background: yellow; }
  label { display: block; font-weight: bold; margin-bottom: 9px; }
  input[type='text'], input[type='search'] { height: 40px; box-sizing: content-box; }
  a:visited, a:hover { color: purple; }
  tr:nth-child(even) { background: #eee; }
  dialog { padding: 50px; border: 6px dashed blue; }
  span { letter-spacing: 1px; }
  svg { fill: currentColor; }
  section { margin: 25px 0; border: 3px solid lime; box-shadow: 0 0 0 8px red; max-width: 300px; }
  html { font-size: 10px; }
`;

/** The properties a host's element rules typically set, read from every element of the widget. */
const PROPERTIES = [
  'display', 'position', 'float', 'box-sizing',
  'margin-top', 'margin-right', 'margin-bottom', 'margin-left',
  'padding-top', 'padding-right', 'padding-bottom', 'padding-left',
  'border-top-width', 'border-top-style', 'border-top-color', 'border-left-width', 'border-left-style', 'border-left-color',
  'border-top-left-radius', 'background-color', 'background-image', 'box-shadow',
  'min-width', 'min-height', 'max-width',
  'color', 'font-family', 'font-size', 'font-weight', 'font-style', 'line-height',
  'letter-spacing', 'word-spacing', 'text-transform', 'text-align', 'text-indent',
  'text-decoration-line', 'text-decoration-style', 'white-space', 'list-style-type', 'fill', 'appearance',
] as const;

interface ElementStyle {
  readonly path: string;
  readonly values: Readonly<Record<string, string>>;
}

/** Computed styles of the root and every element inside it (the modal dialog renders inside it too). */
function readStyles(root: Locator): Promise<ElementStyle[]> {
  return root.evaluate((element, properties) => {
    const describe = (el: Element): string => {
      const classes = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
      return `${el.tagName.toLowerCase()}${classes}`;
    };
    return [element, ...element.querySelectorAll('*')].map((el, index) => {
      const style = getComputedStyle(el);
      const values: Record<string, string> = {};
      for (const property of properties) values[property] = style.getPropertyValue(property);
      return { path: `#${index} ${describe(el)}`, values };
    });
  }, PROPERTIES);
}

/** One line per property that differs from the clean page: readable when the test fails. */
function differences(clean: readonly ElementStyle[], hosted: readonly ElementStyle[]): string[] {
  expect(hosted.map((e) => e.path), 'the same elements with and without the host CSS').toEqual(clean.map((e) => e.path));
  return clean.flatMap((element, i) =>
    PROPERTIES.filter((p) => hosted[i]?.values[p] !== element.values[p]).map(
      (p) => `${element.path} ${p}: ${element.values[p]} on a clean page, ${hosted[i]?.values[p]} under the host CSS`,
    ),
  );
}

const OFFERED = 'E2E host styles offer';
const ACTIVE = 'E2E host styles in progress';

/** The widget with an offer, a card in progress (user data, a resource link), diagnostics open and the transfer dialog open. */
async function openBusyWidget(page: Page, mock: { offer(o: Record<string, unknown>): Promise<string> }): Promise<Locator> {
  const root = await openWidget(page);
  await mock.offer({ id: 'E2E-HOST-1', mediaType: 'promotion', userData: { Subject: OFFERED, Customer: 'Ada' } });
  await mock.offer({ id: 'E2E-HOST-2', mediaType: 'promotion', userData: { Subject: ACTIVE, Customer: 'Grace', Priority: '2' } });
  const active = card(page, ACTIVE);
  await active.getByRole('button', { name: 'Accept' }).click();
  await expect(active.getByRole('button', { name: 'Complete' })).toBeEnabled();
  await expect(card(page, OFFERED).getByRole('button', { name: 'Accept' })).toBeVisible();
  await root.getByText('Diagnostics', { exact: true }).click();
  await expect(page.getByRole('region', { name: 'Recent events' })).toBeVisible();
  await active.getByRole('button', { name: 'Transfer' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.getByRole('dialog').getByRole('radio').first().check();
  await page.mouse.move(0, 0);
  return root;
}

/** What a host's button rule would change on the Accept button. */
function buttonLook(button: Locator): Promise<string> {
  return button.evaluate((el) => {
    const s = getComputedStyle(el);
    return [s.backgroundColor, s.borderTopWidth, s.borderTopStyle, s.borderTopColor, s.minWidth, s.letterSpacing].join(' ');
  });
}

test.describe('host page styles', () => {
  test("a host's global element rules do not restyle the widget", async ({ page, mock }, testInfo) => {
    const root = await openBusyWidget(page, mock);
    const accept = card(page, OFFERED).getByRole('button', { name: 'Accept' });
    const title = root.getByRole('heading', { name: 'My interactions' });
    const clean = await readStyles(root);
    const cleanButton = await buttonLook(accept);
    const cleanTitle = await title.evaluate((el) => [getComputedStyle(el).color, getComputedStyle(el).fontFamily]);
    await testInfo.attach('widget-clean.png', { body: await root.screenshot({ animations: 'disabled' }), contentType: 'image/png' });

    await page.addStyleTag({ content: HOST_CSS });
    // The host CSS is live: it restyles the page's own button beside the widget.
    await expect(page.getByRole('button', { name: 'Dark theme' })).toHaveCSS('text-transform', 'uppercase');
    await testInfo.attach('widget-under-host-css.png', { body: await root.screenshot({ animations: 'disabled' }), contentType: 'image/png' });

    // Every element, every property read: as on the clean page (soft, so the named checks below report too).
    expect.soft(differences(clean, await readStyles(root))).toEqual([]);
    await expect(accept).toHaveCSS('text-transform', 'none');
    expect(await buttonLook(accept)).toBe(cleanButton);
    await expect(title).toHaveCSS('text-transform', 'none');
    expect(await title.evaluate((el) => [getComputedStyle(el).color, getComputedStyle(el).fontFamily])).toEqual(cleanTitle);
    await expect(root.getByRole('listitem').first()).toHaveCSS('list-style-type', 'none');
    await expect(root).toHaveCSS('text-align', 'start');
    await expect(root).toHaveCSS('letter-spacing', 'normal');
  });
});
