import { AGENT, expect, expectNothingRejected, openV3Page, test, withSimulator } from './sim-test';
import { card, term, userDataValue } from '../support/widget';

withSimulator();

test('an injected workitem: Accept, edit and delete user data, Complete', async ({ page, sim }) => {
  const root = await openV3Page(page, sim.code);
  await sim.api.workitem(AGENT, 'Sim workitem 1');
  const item = card(root, 'Sim workitem 1');
  await expect(item.getByRole('button', { name: 'Accept' })).toBeEnabled();
  await expect(item.getByRole('button', { name: 'Reject' })).toBeEnabled();
  await expect(userDataValue(item, 'Segment')).toHaveText('Gold');

  await item.getByRole('button', { name: 'Accept' }).click();
  await expect(item.getByRole('button', { name: 'Complete' })).toBeEnabled();
  await expect(item.getByText('Processing', { exact: true })).toBeVisible();
  await expect(item.getByRole('button', { name: 'Accept' })).toHaveCount(0);

  // Update: the simulator merges by key and notifies PropertiesUpdated with our operationId.
  await item.getByRole('button', { name: 'Edit Segment' }).click();
  const edit = item.getByRole('textbox', { name: 'New value for Segment' });
  await edit.fill('Platinum');
  await edit.press('Enter');
  await expect(userDataValue(item, 'Segment')).toHaveText('Platinum');
  await expect(item.getByRole('button', { name: 'Edit Segment' })).toBeEnabled();

  // Delete: gone from the card, and from the server.
  await item.getByRole('button', { name: 'Delete CallType' }).click();
  await item.getByRole('group', { name: 'Delete “CallType”?' }).getByRole('button', { name: 'Yes, delete' }).click();
  await expect(term(item, 'CallType')).toHaveCount(0);
  await expect
    .poll(async () => (await sim.api.interactions(sim.code)).find((i) => i.subject === 'Sim workitem 1')?.userData?.map((kv) => kv.key))
    .not.toContain('CallType');

  await item.getByRole('button', { name: 'Complete' }).click();
  const ended = root.getByRole('list', { name: /^Recently ended/ }).getByRole('article', { name: 'Sim workitem 1' });
  await expect(ended.getByText('Completed', { exact: true })).toBeVisible();
  await expect(item.getByRole('alert')).toHaveCount(0);
  await expectNothingRejected(root);
});

test('Reject ends the offer', async ({ page, sim }) => {
  const root = await openV3Page(page, sim.code);
  await sim.api.workitem(AGENT, 'Sim workitem to reject');
  const item = card(root, 'Sim workitem to reject');
  await item.getByRole('button', { name: 'Reject' }).click();
  await expect(root.getByRole('list', { name: /^Recently ended/ }).getByRole('article', { name: 'Sim workitem to reject' })).toBeVisible();
  await expect(item.getByRole('button', { name: 'Accept' })).toHaveCount(0);
  await expect(item.getByRole('alert')).toHaveCount(0);
  await expectNothingRejected(root);
});
