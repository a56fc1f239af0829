import { AGENT, expect, expectNothingRejected, openV3Page, test, withSimulator } from './sim-test';
import type { Locator } from '@playwright/test';
import { card, userDataValue } from '../support/widget';

/**
 * A card's failure box: a lone failure is a live alert; one of a burst (two timeouts within 2 s
 * here) is a group named by its title, the widget announcing one summary instead.
 */
function failure(item: Locator, title: string): Locator {
  return item.getByRole('alert').or(item.getByRole('group', { name: title }));
}

withSimulator();

// The simulator never answers transfer-agent on a workitem: the widget must end it visibly, on its
// own card, when its action timeout (15 s on the page) runs out — while an Add data on another
// card (update-user-data: the simulator never answers attach-user-data) goes through meanwhile.
test('an operation the simulator never answers fails visibly as a timeout on its card, not on the other', async ({ page, sim }) => {
  const root = await openV3Page(page, sim.code);
  await sim.api.workitem(AGENT, 'Sim attach');
  await sim.api.workitem(AGENT, 'Sim transfer');
  const attach = card(root, 'Sim attach');
  const transfer = card(root, 'Sim transfer');
  for (const item of [attach, transfer]) {
    await item.getByRole('button', { name: 'Accept' }).click();
    await expect(item.getByRole('button', { name: 'Complete' })).toBeEnabled();
  }

  await transfer.getByRole('button', { name: 'Transfer' }).click();
  const dialog = page.getByRole('dialog', { name: 'Transfer “Sim transfer”' });
  await dialog.getByRole('radio', { name: 'Kate London' }).check();
  await dialog.getByRole('button', { name: 'Confirm transfer' }).click();
  await expect(dialog).toBeHidden();

  await expect(transfer.getByRole('button', { name: 'Complete' })).toBeDisabled();

  await attach.getByRole('button', { name: 'Add data' }).click();
  const form = attach.getByRole('form', { name: 'Add user data' });
  await form.getByRole('textbox', { name: 'Key' }).fill('Note');
  await form.getByRole('textbox', { name: 'Value' }).fill('added');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(userDataValue(attach, 'Note')).toHaveText('added');
  await expect
    .poll(async () => (await sim.api.interactions(sim.code)).find((i) => i.subject === 'Sim attach')?.userData?.map((kv) => kv.key))
    .toContain('Note');

  // Real time (the action deadline is the page's 15 s).
  await expect(failure(transfer, 'Transfer timed out')).toContainText('Transfer timed out', { timeout: 30_000 });
  // The error on its own card; the card is usable again.
  await expect(attach.getByRole('alert')).toHaveCount(0);
  await expect(transfer.getByRole('button', { name: 'Complete' })).toBeEnabled();
  await expect(attach.getByRole('button', { name: 'Complete' })).toBeEnabled();
  await expectNothingRejected(root);
});
