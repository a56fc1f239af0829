import { expect, test } from './support/fixtures';
import { card, openWidget } from './support/widget';

test.describe('what a screen-reader agent hears', () => {
  test('one connection-status region, in the accessibility tree while Live, says "Signed out" assertively', async ({ page, mock }) => {
    const root = await openWidget(page);
    // Not includeHidden: the region must be in the accessibility tree before anything changes in it.
    const region = root.getByRole('status');
    await expect(region).toHaveText('Live');
    await expect(region).toHaveAttribute('aria-live', 'polite');

    await mock.expireSession();
    await expect(region).toContainText('Signed out — your session has ended');
    await expect(region).toHaveAttribute('aria-live', 'assertive');
    await expect(root.getByRole('status')).toHaveCount(1);
  });

  test('a new offer is announced politely, once, by its subject', async ({ page, mock }) => {
    const root = await openWidget(page);
    const polite = root.getByRole('log', { name: 'Announcements', exact: true });
    await expect(polite).toHaveAttribute('aria-live', 'polite');
    // The seed offers of the first snapshot were there before the page: not news. Once the list
    // is shown (the count beside the title waits for the first read), an offer made is.
    await expect(root.locator('header').getByText(/^\d+ open interactions?$/)).toBeVisible();
    await mock.offer({ id: 'E2E-SR-1', mediaType: 'promotion', userData: { Subject: 'E2E announced offer' } });
    await expect(card(page, 'E2E announced offer')).toBeVisible();
    await expect(polite.locator('p')).toHaveText(['New offer: E2E announced offer']);
    // That it is said once, and a burst as one summary, is covered with fake timers in announcements.test.tsx.
  });

  test('the agent’s own Accept is said done once the server confirms it', async ({ page, mock }) => {
    const root = await openWidget(page);
    const polite = root.getByRole('log', { name: 'Announcements', exact: true });
    await expect(root.locator('header').getByText(/^\d+ open interactions?$/)).toBeVisible();
    await mock.offer({ id: 'E2E-SR-ACC', mediaType: 'promotion', userData: { Subject: 'E2E offer to accept' } });
    // Heard first (an offer accepted before it was announced is not announced at all).
    await expect(polite.locator('p')).toHaveText(['New offer: E2E offer to accept']);
    await card(page, 'E2E offer to accept').getByRole('button', { name: 'Accept' }).click();
    await expect(polite.locator('p')).toHaveText(['New offer: E2E offer to accept', 'Accepted: E2E offer to accept']);
    await expect(card(page, 'E2E offer to accept').getByRole('button', { name: 'Complete' })).toBeEnabled();
  });

  test('while the Transfer dialog is open, a region of the dialog says what happens: Chromium leaves the widget’s own out of the accessibility tree', async ({ page, mock }) => {
    const root = await openWidget(page);
    await expect(root.locator('header').getByText(/^\d+ open interactions?$/)).toBeVisible();
    await root.getByRole('button', { name: 'Transfer' }).first().click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toBeVisible();

    await mock.offer({ id: 'E2E-SR-DLG', mediaType: 'promotion', userData: { Subject: 'E2E offer under a dialog' } });
    await expect(dialog.getByRole('log', { name: 'Announcements', exact: true }).locator('p')).toHaveText(['New offer: E2E offer under a dialog']);
    // What a screen reader gets is Chromium's accessibility tree: behind the modal, the widget's
    // regions are ignored; the dialog's are not.
    const cdp = await page.context().newCDPSession(page);
    const ignored = async (selector: string): Promise<boolean | undefined> => {
      const { root: document } = await cdp.send('DOM.getDocument', { depth: -1 });
      const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: document.nodeId, selector });
      const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false });
      return nodes[0]?.ignored;
    };
    expect(await ignored('section.omw-root > .omw-visually-hidden > [role="log"][aria-live="polite"]')).toBe(true);
    expect(await ignored('dialog [role="log"][aria-live="polite"]')).toBe(false);

    await mock.expireSession();
    await expect(dialog.getByRole('status', { name: 'Connection status' })).toHaveText('Signed out — your session has ended');
    expect(await ignored('dialog [role="status"][aria-label="Connection status"]')).toBe(false);
  });

  test('Download log on the dev page carries the recording with user-data values redacted by default', async ({ page, mock }) => {
    const root = await openWidget(page);
    await mock.offer({ id: 'E2E-SR-PRIV', mediaType: 'promotion', userData: { Subject: 'E2E private offer', Email: 'e2e-customer@example.com' } });
    await expect(card(page, 'E2E private offer')).toBeVisible();
    await root.getByText('Diagnostics', { exact: true }).click();
    const redact = root.getByRole('checkbox', { name: 'Redact values' });
    await expect(redact).toBeChecked();

    const [download] = await Promise.all([page.waitForEvent('download'), root.getByRole('button', { name: 'Download log' }).click()]);
    const path = await download.path();
    const { readFile } = await import('node:fs/promises');
    const text = await readFile(path, 'utf8');
    const file = JSON.parse(text) as { redacted: boolean; recording: { events: { data?: { openmedia?: { id: string; state: string; userData: Record<string, unknown> } } }[] } };
    expect(file.redacted).toBe(true);
    expect(text).not.toContain('e2e-customer@example.com');
    expect(text).not.toContain('E2E private offer');
    const offer = file.recording.events.find((event) => event.data?.openmedia?.id === 'E2E-SR-PRIV')?.data?.openmedia;
    expect(offer).toMatchObject({ id: 'E2E-SR-PRIV', state: 'Invited', userData: { Subject: '[redacted]', Email: '[redacted]' } });
  });
});
