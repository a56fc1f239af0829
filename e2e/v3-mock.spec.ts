import type { Locator } from '@playwright/test';
import { expect, expectNothingRejected, test } from './support/mock-v3';
import { banner, card, indicator, openWidget, term, userDataValue, widget } from './support/widget';

// The regular widget behaviours against the embedded mock speaking the Workspace API v3
// (src/mock-gws/workspace-v3), on the standalone page in v3 mode. The same behaviours against
// Genesys's own simulator are in e2e/simulator/.
const V3_PAGE = '?dialect=v3';
const COMETD = '**/workspace/v3/notifications/**';

function completedList(root: Locator): Locator {
  return root.getByRole('list', { name: /^Recently ended/ });
}

/** A card's failure box: a live alert, or a group named by its title when several came at once. */
function failure(item: Locator, title: string): Locator {
  return item.getByRole('alert').or(item.getByRole('group', { name: title }));
}

/** An offered workitem with the simulator's own user data (Segment, Priority typed "interger", CallType). */
async function offerWorkitem(mockV3: { offer(o: Record<string, unknown>): Promise<string> }, subject: string): Promise<string> {
  return mockV3.offer({
    mediatype: 'workitem',
    subject,
    userData: [
      { key: 'Segment', type: 'str', value: 'Gold' },
      { key: 'Priority', type: 'interger', value: 8 },
      { key: 'CallType', type: 'str', value: 'Inbound' },
      { key: 'Subject', type: 'str', value: subject },
    ],
  });
}

async function accepted(root: Locator, subject: string): Promise<Locator> {
  const item = card(root, subject);
  await item.getByRole('button', { name: 'Accept' }).click();
  await expect(item.getByRole('button', { name: 'Complete' })).toBeEnabled();
  return item;
}

test('an offered workitem: Accept, edit and delete user data, Complete', async ({ page, mockV3 }) => {
  const root = await openWidget(page, V3_PAGE);
  const id = await offerWorkitem(mockV3, 'V3 mock workitem');
  const item = card(root, 'V3 mock workitem');
  await expect(item.getByRole('button', { name: 'Accept' })).toBeEnabled();
  await expect(item.getByRole('button', { name: 'Reject' })).toBeEnabled();
  await expect(userDataValue(item, 'Segment')).toHaveText('Gold');

  await item.getByRole('button', { name: 'Accept' }).click();
  await expect(item.getByRole('button', { name: 'Complete' })).toBeEnabled();
  await expect(item.getByText('Processing', { exact: true })).toBeVisible();
  await expect(item.getByRole('button', { name: 'Accept' })).toHaveCount(0);
  expect((await mockV3.interaction(id))?.state).toBe('Processing');

  await item.getByRole('button', { name: 'Edit Segment' }).click();
  const edit = item.getByRole('textbox', { name: 'New value for Segment' });
  await edit.fill('Platinum');
  await edit.press('Enter');
  await expect(userDataValue(item, 'Segment')).toHaveText('Platinum');
  // Edited back as a KV pair keeping its type; the server holds the new value.
  await expect.poll(async () => (await mockV3.interaction(id))?.userData.find((kv) => kv.key === 'Segment')).toEqual({ key: 'Segment', type: 'str', value: 'Platinum' });

  await item.getByRole('button', { name: 'Edit Priority' }).click();
  const priority = item.getByRole('textbox', { name: 'New value for Priority' });
  await priority.fill('9');
  await priority.press('Enter');
  await expect(userDataValue(item, 'Priority')).toHaveText('9');
  await expect.poll(async () => (await mockV3.interaction(id))?.userData.find((kv) => kv.key === 'Priority')).toEqual({ key: 'Priority', type: 'interger', value: 9 });

  await item.getByRole('button', { name: 'Delete CallType' }).click();
  await item.getByRole('group', { name: 'Delete “CallType”?' }).getByRole('button', { name: 'Yes, delete' }).click();
  await expect(term(item, 'CallType')).toHaveCount(0);
  await expect.poll(async () => (await mockV3.interaction(id))?.userData.map((kv) => kv.key)).not.toContain('CallType');

  await item.getByRole('button', { name: 'Complete' }).click();
  await expect(completedList(root).getByRole('article', { name: 'V3 mock workitem' }).getByText('Completed', { exact: true })).toBeVisible();
  expect((await mockV3.interaction(id))?.state).toBe('Completed');
  await expect(item.getByRole('alert')).toHaveCount(0);
  await expectNothingRejected(root);
});

test('Reject ends the offer', async ({ page, mockV3 }) => {
  const root = await openWidget(page, V3_PAGE);
  const id = await offerWorkitem(mockV3, 'V3 mock workitem to reject');
  const item = card(root, 'V3 mock workitem to reject');
  await item.getByRole('button', { name: 'Reject' }).click();
  await expect(completedList(root).getByRole('article', { name: 'V3 mock workitem to reject' })).toBeVisible();
  await expect(item.getByRole('button', { name: 'Accept' })).toHaveCount(0);
  await expect(item.getByRole('alert')).toHaveCount(0);
  expect((await mockV3.interaction(id))?.state).toBe('Completed');
  await expectNothingRejected(root);
});

test('Transfer to an agent (transfer-agent) and to a workbin (place-in-queue) ends each card', async ({ page, mockV3 }) => {
  const root = await openWidget(page, V3_PAGE);
  const toAgent = await offerWorkitem(mockV3, 'V3 to Kate');
  const toWorkbin = await offerWorkitem(mockV3, 'V3 to the workbin');
  for (const [subject, target] of [
    ['V3 to Kate', 'Kate London'],
    ['V3 to the workbin', 'Email drafts workbin'],
  ] as const) {
    const item = await accepted(root, subject);
    await item.getByRole('button', { name: 'Transfer' }).click();
    const dialog = page.getByRole('dialog', { name: `Transfer “${subject}”` });
    await dialog.getByRole('radio', { name: target }).check();
    await dialog.getByRole('button', { name: 'Confirm transfer' }).click();
    await expect(completedList(root).getByRole('article', { name: subject })).toBeVisible();
    await expect(item.getByRole('alert')).toHaveCount(0);
  }
  expect((await mockV3.interaction(toAgent))?.state).toBe('Completed');
  // The simulator's workbin quirk: InWorkbin with the old capabilities still listed; the card offers nothing.
  const workbin = await mockV3.interaction(toWorkbin);
  expect(workbin?.state).toBe('InWorkbin');
  expect(workbin?.capabilities).toContain('complete');
  await expect(completedList(root).getByRole('article', { name: 'V3 to the workbin' }).getByRole('button', { name: 'Complete' })).toHaveCount(0);
  // Its state as sent, among the ended ones (not relabelled "Completed").
  await expect(completedList(root).getByRole('article', { name: 'V3 to the workbin' }).getByText('InWorkbin', { exact: true })).toBeVisible();
  await expectNothingRejected(root);
});

test('an email offer from the built-in data and one offered now: Accept → Processing', async ({ page, mockV3 }) => {
  const root = await openWidget(page, V3_PAGE);
  // The built-in v3 data set has an invited email: read from current-session at start.
  await expect(card(root, 'Question about my invoice').getByRole('button', { name: 'Accept' })).toBeEnabled();

  await mockV3.offer({ mediatype: 'email', subject: 'V3 mock email' });
  const item = card(root, 'V3 mock email');
  await expect(item.getByRole('button', { name: 'Reject' })).toBeEnabled();
  await item.getByRole('button', { name: 'Accept' }).click();
  await expect(item.getByText('Processing', { exact: true })).toBeVisible();
  await expect(item.getByRole('button', { name: 'Complete' })).toBeEnabled();
  await expectNothingRejected(root);
});

test('dropped CometD sessions: an offer made during the gap appears without a reload', async ({ page, mockV3 }) => {
  const root = await openWidget(page, V3_PAGE);
  await page.evaluate(() => Object.assign(window, { e2eNoReload: true }));
  const before = (await mockV3.state()).handshakes;

  // Hold the page's next CometD requests, so the offer below surely happens while it has no session.
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  let held = 0;
  await page.route(COMETD, async (route) => {
    held += 1;
    await gate;
    await route.continue();
  });
  expect((await mockV3.dropSessions()).dropped).toBeGreaterThanOrEqual(1);
  await expect.poll(() => held).toBeGreaterThan(0);
  await offerWorkitem(mockV3, 'V3 offered during the gap');
  await expect(card(root, 'V3 offered during the gap')).toHaveCount(0);
  release();

  // v3 replays nothing after a gap: the widget re-reads current-session.
  await expect(card(root, 'V3 offered during the gap')).toBeVisible();
  await expect(indicator(root, 'Live')).toBeVisible();
  await expect(banner(page)).toHaveText('Live');
  await expect.poll(async () => (await mockV3.state()).handshakes).toBeGreaterThan(before);
  expect(await page.evaluate(() => (window as { e2eNoReload?: boolean }).e2eNoReload)).toBe(true);

  await offerWorkitem(mockV3, 'V3 offered after the gap');
  await expect(card(root, 'V3 offered after the gap')).toBeVisible();
  await expectNothingRejected(root);
});

test('an expired session (403, CometD sessions unknown at once) ends as Signed out; restored, Reconnect brings it back', async ({ page, mockV3 }) => {
  const root = await openWidget(page, V3_PAGE);
  await page.evaluate(() => Object.assign(window, { e2eNoReload: true }));
  expect((await mockV3.expireSession()).expired).toBeGreaterThanOrEqual(1);

  // The simulator's unknown session: handshakes succeed, then 402 — not "Reconnecting…" for ever.
  await expect(banner(page)).toContainText('Signed out', { timeout: 30_000 });
  await expect(indicator(root, 'Not connected')).toBeVisible();

  await mockV3.restoreSession();
  await offerWorkitem(mockV3, 'V3 offered while signed out');
  await banner(page).getByRole('button', { name: 'Reconnect' }).click();
  await expect(indicator(root, 'Live')).toBeVisible({ timeout: 20_000 });
  await expect(card(root, 'V3 offered while signed out')).toBeVisible();
  expect(await page.evaluate(() => (window as { e2eNoReload?: boolean }).e2eNoReload)).toBe(true);
});

test('a never-answered operation fails visibly on its card as a timeout', async ({ page, mockV3 }) => {
  const root = await openWidget(page, V3_PAGE);
  await offerWorkitem(mockV3, 'V3 never answered');
  await offerWorkitem(mockV3, 'V3 bystander');
  const item = await accepted(root, 'V3 never answered');
  const bystander = await accepted(root, 'V3 bystander');
  const id = (await mockV3.state()).interactions.find((i) => i.subject === 'V3 never answered')?.id ?? '';

  await mockV3.failNext({ mode: 'no-answer' });
  await item.getByRole('button', { name: 'Complete' }).click();
  await expect(item.getByRole('button', { name: 'Complete' })).toBeDisabled();
  // Real time: the page's action deadline (15 s).
  await expect(failure(item, 'Complete timed out')).toContainText('Complete timed out', { timeout: 30_000 });
  await expect(bystander.getByRole('alert')).toHaveCount(0);
  await expect(item.getByRole('button', { name: 'Complete' })).toBeEnabled();
  expect((await mockV3.interaction(id))?.state).toBe('Processing');
  await expectNothingRejected(root);
});

test('a refused operation shows the status.message on its card; an EventError shows its errorMessage', async ({ page, mockV3 }) => {
  const root = await openWidget(page, V3_PAGE);
  await offerWorkitem(mockV3, 'V3 refused');
  await offerWorkitem(mockV3, 'V3 bystander');
  const item = await accepted(root, 'V3 refused');
  const bystander = await accepted(root, 'V3 bystander');

  await mockV3.failNext({ mode: 'status-code', statusCode: 12, message: 'Interaction is locked by a supervisor' });
  await item.getByRole('button', { name: 'Complete' }).click();
  const alert = item.getByRole('alert');
  await expect(alert).toContainText('Complete was refused');
  await expect(alert).toContainText('Interaction is locked by a supervisor');
  await expect(bystander.getByRole('alert')).toHaveCount(0);
  await alert.getByRole('button', { name: 'Dismiss' }).click();
  await expect(item.getByRole('alert')).toHaveCount(0);

  await mockV3.failNext({ mode: 'error-notification', statusCode: 415, message: 'Media server unavailable' });
  await item.getByRole('button', { name: 'Complete' }).click();
  // The second failure within 2 s is a box named by its title, not a second live alert.
  await expect(failure(item, 'Complete failed')).toContainText('Media server unavailable');
  await expect(failure(item, 'Complete failed')).toContainText('Code 415');
  await expect(bystander.getByRole('alert')).toHaveCount(0);
  await expect(item.getByRole('button', { name: 'Complete' })).toBeEnabled();
  await expectNothingRejected(root);
});

test('the mock panel drives the v3 mock: an email offer, and a malformed message counted as rejected', async ({ page, mockV3 }) => {
  const root = await openWidget(page, V3_PAGE);
  const panel = page.getByRole('region', { name: 'Mock Workspace API v3' });
  await panel.getByRole('combobox', { name: 'Media type' }).selectOption('email');
  await panel.getByRole('textbox', { name: 'Subject' }).fill('V3 offered from the panel');
  await panel.getByRole('button', { name: 'Offer interaction' }).click();
  await expect(card(root, 'V3 offered from the panel').getByRole('button', { name: 'Accept' })).toBeEnabled();
  expect((await mockV3.state()).interactions.find((i) => i.subject === 'V3 offered from the panel')?.mediatype).toBe('email');

  await panel.getByRole('combobox', { name: 'Malformed message' }).selectOption({ label: 'User data not a KV list' });
  await panel.getByRole('button', { name: 'Publish' }).click();
  await root.getByText('Diagnostics', { exact: true }).click();
  await expect(userDataValue(widget(page), 'Messages rejected')).toHaveText('1');
});
