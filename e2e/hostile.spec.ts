import { expect, test } from './support/fixtures';
import { card, openWidget, term, userDataValue, widget } from './support/widget';

const OM = { messageType: 'OpenmediaStateChangeMessage' } as const;
const GOOD = { id: 'E2E-BAD-X', mediaType: 'promotion', state: 'Processing', capabilities: ['Complete'] } as const;

/** Each must be rejected by the parser: none may crash the page or show up as a card. */
const MALFORMED: readonly unknown[] = [
  'garbage <b>text</b>',
  42,
  [1, 2, 3],
  { ...OM, notificationType: 'StatusChange', openmedia: { ...GOOD, id: undefined } },
  { ...OM, notificationType: 'StatusChange', openmedia: { ...GOOD, id: 4.5 } },
  { ...OM, notificationType: 'StatusChange', openmedia: { ...GOOD, capabilities: 'Accept' } },
  { ...OM, notificationType: 'StatusChange', openmedia: { ...GOOD, state: { html: '<img src=x onerror=alert(1)>' } } },
  { ...OM, notificationType: 'StatusChange', openmedia: 'not an object' },
  { ...OM, notificationType: 'StatusChange' },
  { ...OM, notificationType: 'Exploded', openmedia: GOOD },
  { messageType: 'ChatStateChangeMessage', notificationType: 'StatusChange', openmedia: GOOD },
];

// Every payload both sets a flag and opens an alert if it ever runs; the fixture fails the test on any dialog.
const IMG = '<img src=x onerror="window.e2eXss=1;alert(1)">';
const SCRIPT = '<script>window.e2eXss=2;alert(2)</script>';
const SVG = '"><svg onload="window.e2eXss=3;alert(3)">';

test('malformed and hostile messages are ignored or shown as text; later valid messages apply', async ({ page, mock }) => {
  const root = await openWidget(page);
  // "Live" can show before the first snapshot has been drawn: wait for the server's live set.
  const cardsBefore = (await mock.state()).interactions.filter((i) => i.state !== 'Completed').length;
  await expect(root.getByRole('article')).toHaveCount(cardsBefore);

  for (const data of MALFORMED) await mock.raw(data);

  // A well-formed notification whose every string is hostile, published raw (the mock has no such
  // interaction), and a hostile offer through the mock's normal path.
  await mock.raw({
    ...OM,
    notificationType: 'StatusChange',
    openmedia: {
      id: 'E2E-HOSTILE-RAW',
      mediaType: 'promotion',
      state: '<b>Processing</b>',
      capabilities: ['Complete', '<script>alert(4)</script>'],
      uri: 'javascript:window.e2eXss=4;alert(4)',
      userData: { Subject: SCRIPT, Nested: { deep: IMG } },
    },
  });
  await mock.offer({
    id: 'E2E-HOSTILE-OFFER',
    mediaType: 'promotion',
    uri: 'javascript:window.e2eXss=5;alert(5)',
    userData: { Subject: IMG, CustomerName: SCRIPT, [SVG]: SVG, Link: 'javascript:alert(6)' },
  });

  const rawCard = card(page, SCRIPT);
  await expect(rawCard).toBeVisible();
  await expect(rawCard.getByText('<b>Processing</b>', { exact: true })).toBeVisible();
  await expect(rawCard.getByText('javascript:window.e2eXss=4;alert(4)', { exact: true })).toBeVisible();
  await expect(rawCard.getByRole('link')).toHaveCount(0);
  await expect(rawCard.getByRole('button', { name: 'Complete' })).toBeVisible();
  await expect(rawCard.getByText(/Other capabilities: <script>alert\(4\)<\/script>/)).toBeVisible();

  const offer = card(page, IMG);
  await expect(offer).toBeVisible();
  await expect(userDataValue(offer, 'CustomerName')).toHaveText(SCRIPT);
  await expect(term(offer, SVG)).toBeVisible();
  await expect(userDataValue(offer, SVG)).toHaveText(SVG);
  await expect(userDataValue(offer, 'Link')).toHaveText('javascript:alert(6)');
  await expect(offer.getByRole('link')).toHaveCount(0);

  // Nothing the server sent became markup.
  await expect(widget(page).locator('img, script, svg[onload], b, iframe')).toHaveCount(0);
  expect(await page.evaluate(() => (window as { e2eXss?: unknown }).e2eXss)).toBeUndefined();

  // Every malformed message reached the page and was counted as rejected; none became a card.
  await expect(root.getByRole('article')).toHaveCount(cardsBefore + 2);
  await root.getByText('Diagnostics', { exact: true }).click();
  await expect(userDataValue(root, 'Messages rejected')).toHaveText(String(MALFORMED.length));

  // The page still works: a valid offer and a valid server-side change apply.
  await mock.offer({ id: 'E2E-AFTER-BAD', mediaType: 'workitem', userData: { Subject: 'E2E valid after the bad ones' } });
  await expect(card(page, 'E2E valid after the bad ones')).toBeVisible();
  await mock.userData('03W0GH2KD56YV000', { CustomerSegment: 'after-hostile' });
  await expect(userDataValue(card(page, 'Spring upgrade offer'), 'CustomerSegment')).toHaveText('after-hostile');
  await offer.getByRole('button', { name: 'Accept' }).click();
  await expect(offer.getByText('Processing', { exact: true })).toBeVisible();
  expect(await page.evaluate(() => (window as { e2eXss?: unknown }).e2eXss)).toBeUndefined();
});
