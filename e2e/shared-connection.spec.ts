import { expect, test } from './support/fixtures';
import { card, indicator, userDataValue, widget } from './support/widget';

const LIST = 'My interactions';
const FOCUS = 'Focused interaction';

test('two widgets on the example desktop share one CometD connection', async ({ page, mock }) => {
  const handshakeRequests: string[] = [];
  page.on('request', (request) => {
    if (/\/api\/v2\/notifications\/handshake$/.test(request.url())) handshakeRequests.push(request.url());
  });
  const before = (await mock.state()).handshakes;

  await page.goto('/desktop.html');
  const list = widget(page, LIST);
  const focus = widget(page, FOCUS);
  await expect(indicator(list, 'Live')).toBeVisible({ timeout: 20_000 });
  await expect(indicator(focus, 'Live')).toBeVisible();
  await expect(focus.getByText('Nothing in focus')).toBeVisible();

  // One handshake for the two widgets, on the wire and on the server.
  await expect.poll(async () => (await mock.state()).handshakes).toBe(before + 1);
  expect(handshakeRequests).toHaveLength(1);

  // An offer pushed once shows in the list; put in focus, the second widget shows it too.
  await mock.offer({ id: 'E2E-DESK-1', mediaType: 'promotion', userData: { Subject: 'E2E desktop offer' } });
  const inList = card(list, 'E2E desktop offer', LIST);
  await inList.getByRole('button', { name: 'Accept' }).click();
  await inList.getByRole('button', { name: 'Set in focus' }).click();
  const inFocus = card(focus, 'E2E desktop offer', FOCUS);
  await expect(inFocus).toBeVisible();
  await expect(page.getByRole('textbox', { name: /E2E desktop offer/ })).toBeVisible();

  // One server-side change reaches both views.
  await mock.userData('E2E-DESK-1', { Region: 'EMEA' });
  await expect(userDataValue(inList, 'Region')).toHaveText('EMEA');
  await expect(userDataValue(inFocus, 'Region')).toHaveText('EMEA');

  // An action taken in the focused view settles in the list as well.
  await inFocus.getByRole('button', { name: 'Complete' }).click();
  await expect(inList.getByText('Completed', { exact: true })).toBeVisible();
  await expect(inFocus.getByText('Completed', { exact: true })).toBeVisible();
  expect((await mock.interaction('E2E-DESK-1'))?.state).toBe('Completed');

  // Still one connection after all that.
  expect(handshakeRequests).toHaveLength(1);
  expect((await mock.state()).handshakes).toBe(before + 1);
});
