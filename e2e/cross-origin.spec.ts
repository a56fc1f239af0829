import { expect, test } from './support/fixtures';
import { CROSS_ORIGIN_MOCK } from './support/origins';
import { card, openWidget } from './support/widget';

test('the page served on one origin works against a GWS on another, with cookies and CSRF', async ({ page, mock, remoteMock }) => {
  await openWidget(page, `?gws=${encodeURIComponent(CROSS_ORIGIN_MOCK)}`);
  await expect(page.getByText(CROSS_ORIGIN_MOCK, { exact: true })).toBeVisible();
  // The seed data of the other mock, read cross-origin.
  await expect(card(page, 'Spring upgrade offer')).toBeVisible();

  const id = await remoteMock.offer({ id: 'E2E-CORS-1', mediaType: 'promotion', userData: { Subject: 'E2E cross-origin offer' } });
  const offer = card(page, 'E2E cross-origin offer');
  await expect(offer).toBeVisible();

  const sent = page.waitForRequest((r) => r.method() === 'POST' && r.url() === `${CROSS_ORIGIN_MOCK}/api/v2/me/openmedia/promotion/${id}`);
  await offer.getByRole('button', { name: 'Accept' }).click();
  const request = await sent;
  const headers = await request.allHeaders();
  expect(headers['x-csrf-token'], 'the CSRF header learnt from a GET').toMatch(/\S+/);
  expect(headers.cookie ?? '', 'the session cookie of the other origin').toMatch(/JSESSIONID=/);
  const response = await request.response();
  expect(response?.status()).toBe(200);
  expect(await response?.json()).toMatchObject({ statusCode: 0 });

  await expect(offer.getByText('Processing', { exact: true })).toBeVisible();
  await expect(offer.getByRole('button', { name: 'Complete' })).toBeEnabled();
  expect((await remoteMock.interaction(id))?.state).toBe('Processing');

  await offer.getByRole('button', { name: 'Complete' }).click();
  await expect(offer.getByText('Completed', { exact: true })).toBeVisible();
  expect((await remoteMock.interaction(id))?.state).toBe('Completed');

  const remoteLog = await remoteMock.log();
  expect(remoteLog.filter((r) => r.operationName !== undefined).map((r) => [r.operationName, r.status])).toEqual([
    ['Accept', 200],
    ['Complete', 200],
  ]);
  // Nothing went to the page's own origin's GWS.
  expect((await mock.log()).filter((r) => r.path.startsWith('/api/v2/'))).toEqual([]);
});
