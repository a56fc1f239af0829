import { expect, test } from './support/fixtures';
import { card, openWidget, widget } from './support/widget';

const SUBJECT = 'E2E lifecycle: fibre upgrade';

test.describe('an offer through its whole life', () => {
  test('offer → Accept → Processing → Complete → Completed, then evicted after the linger', async ({ page, mock }) => {
    // A fake clock that still flows in real time, so the one-minute linger can be skipped at the end.
    await page.clock.install();
    const root = await openWidget(page);

    const id = await mock.offer({ id: 'E2E-LIFE-1', mediaType: 'promotion', userData: { Subject: SUBJECT } });
    const offer = card(page, SUBJECT);
    await expect(root.getByRole('list', { name: /^Offers/ }).getByRole('article', { name: SUBJECT })).toBeVisible();
    await expect(offer.getByText('Invited', { exact: true })).toBeVisible();
    await expect(offer.getByRole('button', { name: 'Complete' })).toHaveCount(0);

    await offer.getByRole('button', { name: 'Accept' }).click();
    await expect(root.getByRole('list', { name: /^In progress/ }).getByRole('article', { name: SUBJECT })).toBeVisible();
    await expect(offer.getByText('Processing', { exact: true })).toBeVisible();
    // The buttons follow the capabilities the server now lists.
    for (const name of ['Transfer', 'Add data', 'Set in focus', 'Complete']) {
      await expect(offer.getByRole('button', { name })).toBeEnabled();
    }
    await expect(offer.getByRole('button', { name: 'Accept' })).toHaveCount(0);
    expect((await mock.interaction(id))?.state).toBe('Processing');

    await offer.getByRole('button', { name: 'Complete' }).click();
    const ended = root.getByRole('list', { name: /^Recently ended/ }).getByRole('article', { name: SUBJECT });
    await expect(ended).toBeVisible();
    await expect(ended.getByText('Completed', { exact: true })).toBeVisible();
    await expect(ended.getByText('This interaction has ended')).toBeVisible();
    await expect(ended.getByRole('button')).toHaveCount(0);
    expect((await mock.interaction(id))?.state).toBe('Completed');

    // Still there just before the default 60 s linger ends, gone after it.
    await page.clock.fastForward(50_000);
    await expect(ended).toBeVisible();
    await page.clock.fastForward(15_000);
    await expect(card(page, SUBJECT)).toHaveCount(0);
    await expect(widget(page).getByRole('list', { name: /^Recently ended/ })).toHaveCount(0);
  });
});

test.describe('time in state across a reload', () => {
  test('a state the page saw begin keeps its time after a reload; one it never saw says "at least"', async ({ page, mock }) => {
    await page.clock.install();
    await openWidget(page);
    const subject = 'E2E timer: seen beginning';
    await mock.offer({ id: 'E2E-TIMER-1', mediaType: 'workitem', userData: { Subject: subject } });
    const offer = card(page, subject);
    const exactTimer = offer.getByTitle('Time in state', { exact: true });
    await expect(exactTimer).toBeVisible();
    // The seed interactions were in their states before the page read them.
    await expect(card(page, 'Spring upgrade offer').getByTitle(/^Time in state: at least/)).toBeVisible();

    await page.clock.fastForward(125_000);
    await expect(exactTimer.locator('time')).toHaveText(/^02:0\d$/);
    await page.reload();
    await expect(offer).toBeVisible();
    // Still exact, and still counting from the offer, not from the reload.
    await expect(exactTimer.locator('time')).toHaveText(/^02:\d\d$/);
    await expect(offer.getByTitle(/^Time in state: at least/)).toHaveCount(0);
    await expect(card(page, 'Spring upgrade offer').getByTitle(/^Time in state: at least/)).toBeVisible();
  });
});
