import type { Page } from '@playwright/test';
import { expectStaysAtMost } from './support/conditions';
import { expect, test } from './support/fixtures';
import { group, tabRole } from './support/tabs';
import { card, indicator, widget } from './support/widget';

async function openLive(page: Page): Promise<void> {
  await page.goto('/');
  await expect(indicator(widget(page), 'Live')).toBeVisible({ timeout: 20_000 });
}

test('three tabs of one browser share one CometD session; a closed leader hands over within 2 s', async ({ page, mock }) => {
  test.setTimeout(120_000);
  const context = page.context();
  const handshakesBefore = (await mock.state()).handshakes;

  const [first, second, third] = [page, await context.newPage(), await context.newPage()];
  await openLive(first);
  await openLive(second);
  await openLive(third);
  const tabs = [first, second, third];

  // One session for three tabs: one handshake at the mock, and one live session once any left
  // over from earlier tests has expired there.
  await expectStaysAtMost('handshakes at the mock', async () => (await mock.state()).handshakes - handshakesBefore, 1, 1_500);
  expect((await mock.state()).handshakes).toBe(handshakesBefore + 1);
  await expect.poll(async () => (await mock.state()).sessions, { timeout: 20_000 }).toBe(1);
  await expect(tabRole(first)).toContainText('Leader');
  for (const tab of [second, third]) await expect(tabRole(tab)).toContainText('Follower');
  for (const tab of tabs) await expect(tabRole(tab)).toContainText('3 tabs');

  // An offer reaches every tab.
  await mock.offer({ id: 'E2E-TABS-1', mediaType: 'promotion', userData: { Subject: 'Shared offer' } });
  for (const tab of tabs) await expect(card(tab, 'Shared offer')).toBeVisible();

  // A follower accepts: it performs the action over REST itself; the outcome settles everywhere.
  await card(second, 'Shared offer').getByRole('button', { name: 'Accept' }).click();
  for (const tab of tabs) await expect(card(tab, 'Shared offer').getByRole('button', { name: 'Complete' })).toBeEnabled();
  expect((await mock.interaction('E2E-TABS-1'))?.state).toBe('Processing');

  // The leader closes; during the hand-over a new offer arrives and a follower completes a card.
  const handshakesBeforeHandOver = (await mock.state()).handshakes;
  const closedAt = Date.now();
  await first.close();
  // Watched while the offer and the completion go on: a new session at the mock within 2 s.
  const handOver = expect
    .poll(async () => (await mock.state()).handshakes, { timeout: 2_000 - (Date.now() - closedAt), intervals: [50] })
    .toBe(handshakesBeforeHandOver + 1)
    .then(() => Date.now() - closedAt);
  await Promise.all([
    mock.offer({ id: 'E2E-TABS-2', mediaType: 'promotion', userData: { Subject: 'Offer during hand-over' } }),
    card(third, 'Shared offer').getByRole('button', { name: 'Complete' }).click(),
  ]);
  expect(await handOver, 'hand-over time (ms)').toBeLessThan(2_000);
  const survivors = [second, third];
  await expect.poll(async () => (await Promise.all(survivors.map((tab) => tabRole(tab).textContent()))).filter((t) => t?.includes('Leader')).length).toBe(1);

  // A click that lands while this tab's connection is being restored is not sent: its outcome
  // could not be confirmed, and the card says so. Which side of that moment the click falls on
  // depends on the machine's speed (a loaded machine stretches the hand-over), so both are
  // accepted here, and in the second the agent does what the card asks: tries again once Live.
  await expect(indicator(widget(third), 'Live')).toBeVisible();
  const completing = card(third, 'Shared offer');
  if (await completing.getByText('Complete was not sent').isVisible()) {
    test.info().annotations.push({ type: 'hand-over', description: 'Complete refused while the connection was being restored; tried again once Live' });
    await expect(completing.getByText(/the connection is being restored/)).toBeVisible();
    expect((await mock.interaction('E2E-TABS-1'))?.state, 'a refused Complete reached the server').toBe('Processing');
    await completing.getByRole('button', { name: 'Dismiss' }).click();
    await completing.getByRole('button', { name: 'Complete' }).click();
  }

  for (const tab of survivors) {
    await expect(indicator(widget(tab), 'Live')).toBeVisible();
    await expect(group(tab, 'Offers').getByRole('article', { name: 'Offer during hand-over', exact: true })).toBeVisible();
    await expect(group(tab, 'Recently ended').getByRole('article', { name: 'Shared offer', exact: true })).toBeVisible();
    await expect(tabRole(tab)).toContainText('2 tabs');
  }
  expect((await mock.interaction('E2E-TABS-1'))?.state).toBe('Completed');
  // The closed leader's session expires at the mock; the new one stays alone.
  await expect.poll(async () => (await mock.state()).sessions, { timeout: 20_000 }).toBe(1);

  // A tab opened later follows, shows what is there, and opens no session of its own.
  const fourth = await context.newPage();
  await openLive(fourth);
  await expect(tabRole(fourth)).toContainText('Follower');
  await expect(card(fourth, 'Offer during hand-over')).toBeVisible();
  for (const tab of [...survivors, fourth]) await expect(tabRole(tab)).toContainText('3 tabs');
  expect((await mock.state()).handshakes).toBe(handshakesBeforeHandOver + 1);
});

test("a long task on the leader's page (a heavy CRM) does not hold the other tab: its offer, Live, its Accept", async ({ page, mock }) => {
  test.setTimeout(60_000);
  const other = await page.context().newPage();
  await openLive(page);
  await openLive(other);
  await expect(tabRole(page)).toContainText('Leader');
  await expect(tabRole(other)).toContainText('2 tabs');
  // The leader's page is held 8 s: longer than a follower waits before it takes the leader for held.
  const longTask = page.evaluate(() => {
    const end = Date.now() + 8_000;
    while (Date.now() < end) {
      // The host's work.
    }
  });
  await mock.offer({ id: 'E2E-TABS-HELD', mediaType: 'promotion', userData: { Subject: 'Offered while the leader is busy' } });
  const there = card(other, 'Offered while the leader is busy');
  await expect(there).toBeVisible({ timeout: 3_000 });
  await there.getByRole('button', { name: 'Accept' }).click();
  await expect(there.getByRole('button', { name: 'Complete' })).toBeEnabled({ timeout: 3_000 });
  expect((await mock.interaction('E2E-TABS-HELD'))?.state).toBe('Processing');
  await expect(indicator(widget(other), 'Live')).toBeVisible();
  await expectStaysAtMost('follower shown reconnecting (0 / 1)', async () => ((await indicator(widget(other), 'Reconnecting…').count()) > 0 ? 1 : 0), 0, 3_000);
  await longTask;
  // The leader's page, free again, shows it as it is, and its Accept done.
  await expect(card(page, 'Offered while the leader is busy').getByRole('button', { name: 'Complete' })).toBeEnabled();
  await expect(card(other, 'Offered while the leader is busy').getByRole('alert')).toHaveCount(0);
});

test('an Accept sent from one tab shows in flight in the other, which offers neither Accept nor Reject meanwhile', async ({ page, mock }) => {
  const other = await page.context().newPage();
  await openLive(page);
  await openLive(other);
  await mock.offer({ id: 'E2E-TABS-PENDING', mediaType: 'promotion', userData: { Subject: 'Accepted elsewhere' } });
  const here = card(page, 'Accepted elsewhere');
  const there = card(other, 'Accepted elsewhere');
  await expect(there.getByRole('button', { name: 'Accept' })).toBeEnabled();

  // GWS does the Accept, but its StatusChange is held back for now.
  await mock.reorderNext(2);
  await here.getByRole('button', { name: 'Accept' }).click();
  await expect.poll(async () => (await mock.interaction('E2E-TABS-PENDING'))?.state).toBe('Processing');
  await expect(there.getByText('Accept sent from another tab, waiting for the server…')).toBeVisible();
  await expect(there.getByRole('button', { name: 'Accept' })).toHaveAttribute('aria-busy', 'true');
  await expect(there.getByRole('button', { name: 'Reject' })).toBeDisabled();

  // The outcome arrives: both tabs show the interaction in progress, and no line about the other tab.
  await mock.reorderNext(0);
  for (const item of [here, there]) await expect(item.getByRole('button', { name: 'Complete' })).toBeEnabled();
  await expect(there.getByText(/sent from another tab/)).toHaveCount(0);
  await expect(there.getByRole('alert')).toHaveCount(0);
  expect((await mock.log()).filter((request) => request.operationName === 'Accept')).toHaveLength(1);
});

test("an editor open in one tab keeps what was typed and holds Save while the other tab's action is in flight", async ({ page, mock }) => {
  const other = await page.context().newPage();
  await openLive(page);
  await openLive(other);
  await mock.offer({ id: 'E2E-TABS-EDIT', mediaType: 'promotion', userData: { Subject: 'Edited while held', Segment: 'silver' } });
  const here = card(page, 'Edited while held');
  const there = card(other, 'Edited while held');
  await here.getByRole('button', { name: 'Accept' }).click();
  await expect(there.getByRole('button', { name: 'Complete' })).toBeEnabled();

  await there.getByRole('button', { name: 'Edit Segment' }).click();
  const input = there.getByRole('textbox', { name: 'New value for Segment' });
  await input.fill('gold');
  // GWS does the other tab's Set in focus, but its notifications are held back for now.
  await mock.reorderNext(5);
  await here.getByRole('button', { name: 'Set in focus' }).click();
  const held = there.getByText('Set in focus sent from another tab, waiting for the server…');
  await expect(held).toBeVisible();
  await expect(input).toHaveValue('gold');
  await expect(there.getByRole('button', { name: 'Save' })).toBeDisabled();
  await input.press('Enter');
  expect((await mock.log()).filter((request) => request.operationName === 'UpdateUserData')).toHaveLength(0);

  await mock.reorderNext(0);
  await expect(held).toHaveCount(0);
  await there.getByRole('button', { name: 'Save' }).click();
  await expect(here.getByText('gold', { exact: true })).toBeVisible();
  expect((await mock.interaction('E2E-TABS-EDIT'))?.userData?.Segment).toBe('gold');
});

test('the example desktop shows the offer-alert switch and this tab’s role', async ({ page }) => {
  await page.goto('/desktop.html');
  const panel = page.getByRole('region', { name: 'Alerts and tabs' });
  await expect(panel.getByRole('checkbox', { name: 'Notify me of new offers' })).toBeVisible({ timeout: 20_000 });
  await expect(panel.getByText(/^This tab:/)).toContainText('Leader');
});

test("a subscription the server refuses is said in every tab, in its words, until the leader's session is Live again", async ({ page, mock }) => {
  test.setTimeout(90_000);
  const context = page.context();
  const [leader, follower] = [page, await context.newPage()];
  await openLive(leader);
  await openLive(follower);
  await expect(tabRole(follower)).toContainText('Follower');

  await mock.refuseSubscriptions(true);
  await mock.dropSessions();
  const words = 'The server refused to send the notifications (403::subscribe_denied); the widget keeps asking.';
  for (const tab of [leader, follower]) await expect(widget(tab).getByRole('status').first()).toContainText(words, { timeout: 15_000 });

  await mock.refuseSubscriptions(false);
  for (const tab of [leader, follower]) {
    await expect(indicator(widget(tab), 'Live')).toBeVisible({ timeout: 30_000 });
    await expect(widget(tab).getByText(words)).toHaveCount(0);
  }
});
