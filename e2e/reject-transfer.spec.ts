import type { Page, Request } from '@playwright/test';
import { expect, test } from './support/fixtures';
import type { MockGws } from './support/mock-gws';
import { PAGE_ORIGIN } from './support/origins';
import { card, openWidget } from './support/widget';

/** The operation the page POSTs for interaction `id` (the mock does not record transfer targets). */
function operationRequest(page: Page, id: string, operationName: string): Promise<Request> {
  return page.waitForRequest(
    (request) =>
      request.method() === 'POST' &&
      request.url().endsWith(`/api/v2/me/openmedia/promotion/${id}`) &&
      (request.postDataJSON() as { operationName?: string } | null)?.operationName === operationName,
  );
}

async function acceptedOffer(page: Page, mock: MockGws, id: string, subject: string) {
  await mock.offer({ id, mediaType: 'promotion', userData: { Subject: subject } });
  const item = card(page, subject);
  await item.getByRole('button', { name: 'Accept' }).click();
  await expect(item.getByRole('button', { name: 'Transfer' })).toBeEnabled();
  return item;
}

test.describe('Reject and Transfer', () => {
  test('Reject ends the offer on the page and on the server', async ({ page, mock }) => {
    await openWidget(page);
    const id = await mock.offer({ id: 'E2E-REJ-1', mediaType: 'promotion', userData: { Subject: 'E2E reject me' } });
    const offer = card(page, 'E2E reject me');
    const sent = operationRequest(page, id, 'Reject');
    await offer.getByRole('button', { name: 'Reject' }).click();
    await sent;
    await expect(offer.getByText('Completed', { exact: true })).toBeVisible();
    await expect(offer.getByRole('button')).toHaveCount(0);
    expect((await mock.interaction(id))?.state).toBe('Completed');
  });

  test('Transfer to a queue picked in the dialog', async ({ page, mock }) => {
    await openWidget(page);
    const item = await acceptedOffer(page, mock, 'E2E-XFER-Q', 'E2E transfer to a queue');

    await item.getByRole('button', { name: 'Transfer' }).click();
    const dialog = page.getByRole('dialog', { name: 'Transfer “E2E transfer to a queue”' });
    await expect(dialog).toBeVisible();
    // Confirming with nothing chosen explains what is missing instead of sending.
    await dialog.getByRole('button', { name: 'Confirm transfer' }).click();
    await expect(dialog.getByText('Choose a target or type its URI.')).toBeVisible();
    await expect(dialog.getByRole('textbox', { name: 'Target URI' })).toBeFocused();

    await dialog.getByRole('radio', { name: 'Retention' }).check();
    await expect(dialog.getByRole('textbox', { name: 'Target URI' })).toHaveValue(`${PAGE_ORIGIN}/api/v2/queues/retention`);
    const sent = operationRequest(page, 'E2E-XFER-Q', 'Transfer');
    await dialog.getByRole('button', { name: 'Confirm transfer' }).click();
    expect((await sent).postDataJSON()).toMatchObject({ targetUri: `${PAGE_ORIGIN}/api/v2/queues/retention` });

    await expect(dialog).toBeHidden();
    await expect(item.getByText('Completed', { exact: true })).toBeVisible();
    expect((await mock.interaction('E2E-XFER-Q'))?.state).toBe('Completed');
  });

  test('Transfer to an agent found with the filter', async ({ page, mock }) => {
    await openWidget(page);
    const item = await acceptedOffer(page, mock, 'E2E-XFER-A', 'E2E transfer to an agent');

    await item.getByRole('button', { name: 'Transfer' }).click();
    const dialog = page.getByRole('dialog', { name: 'Transfer “E2E transfer to an agent”' });
    await dialog.getByRole('searchbox', { name: 'Filter agents and queues' }).fill('marco');
    await expect(dialog.getByRole('radio')).toHaveCount(1);
    await dialog.getByRole('radio', { name: 'Marco Bianchi' }).check();
    const sent = operationRequest(page, 'E2E-XFER-A', 'Transfer');
    await dialog.getByRole('button', { name: 'Confirm transfer' }).click();
    expect((await sent).postDataJSON()).toMatchObject({ targetUri: `${PAGE_ORIGIN}/api/v2/users/mbianchi` });

    await expect(item.getByText('Completed', { exact: true })).toBeVisible();
    expect((await mock.interaction('E2E-XFER-A'))?.state).toBe('Completed');
  });

  test('Transfer to a typed URI; Cancel sends nothing', async ({ page, mock }) => {
    await openWidget(page);
    const item = await acceptedOffer(page, mock, 'E2E-XFER-U', 'E2E transfer to a typed URI');

    await item.getByRole('button', { name: 'Transfer' }).click();
    let dialog = page.getByRole('dialog', { name: /E2E transfer to a typed URI/ });
    await dialog.getByRole('radio', { name: 'Billing' }).check();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    await expect(item.getByText('Processing', { exact: true })).toBeVisible();
    expect((await mock.log()).filter((r) => r.operationName === 'Transfer')).toEqual([]);

    await item.getByRole('button', { name: 'Transfer' }).click();
    dialog = page.getByRole('dialog', { name: /E2E transfer to a typed URI/ });
    const uri = `${PAGE_ORIGIN}/api/v2/users/someone-else`;
    await dialog.getByRole('textbox', { name: 'Target URI' }).fill(uri);
    const sent = operationRequest(page, 'E2E-XFER-U', 'Transfer');
    await dialog.getByRole('textbox', { name: 'Target URI' }).press('Enter');
    expect((await sent).postDataJSON()).toMatchObject({ targetUri: uri });
    await expect(item.getByText('Completed', { exact: true })).toBeVisible();
  });
});
