import { AGENT, expect, expectNothingRejected, openV3Page, test, withSimulator } from './sim-test';
import { banner, card, indicator } from '../support/widget';

withSimulator();

test('an email offer: Accept and Reject, then Processing', async ({ page, sim }) => {
  const root = await openV3Page(page, sim.code);
  await sim.api.email(AGENT, 'Sim email');
  const item = card(root, 'Sim email');
  await expect(item.getByRole('button', { name: 'Accept' })).toBeEnabled();
  await expect(item.getByRole('button', { name: 'Reject' })).toBeEnabled();
  await expect(item.getByText('email', { exact: true })).toBeVisible();
  await item.getByRole('button', { name: 'Accept' }).click();
  await expect(item.getByText('Processing', { exact: true })).toBeVisible();
  await expect(item.getByRole('button', { name: 'Complete' })).toBeEnabled();
  await expect(item.getByRole('alert')).toHaveCount(0);
  await expectNothingRejected(root);
});

// Longer than the simulator's 10 s CometD session timeout: the session is gone when the network
// comes back, nothing is replayed, and the page must re-handshake, re-subscribe and re-read.
const CUT_MS = 13_000;

test('a network cut longer than the session timeout: the page converges without a reload', async ({ page, sim }) => {
  const root = await openV3Page(page, sim.code);
  await sim.api.workitem(AGENT, 'Sim before the cut');
  const before = card(root, 'Sim before the cut');
  await before.getByRole('button', { name: 'Accept' }).click();
  await expect(before.getByRole('button', { name: 'Complete' })).toBeEnabled();
  const id = (await sim.api.interactions(sim.code)).find((i) => i.subject === 'Sim before the cut')?.id;
  expect(id).toBeDefined();

  sim.proxy.cut(CUT_MS);
  // During the cut, another desktop completes one interaction and a new one is offered.
  await sim.api.complete(sim.code, 'workitem', id ?? '');
  await sim.api.workitem(AGENT, 'Sim offered during the cut');
  await expect(banner(root)).toContainText('Reconnecting', { timeout: 20_000 });

  // Back: Live again, the completed one shown ended, the new offer shown with its buttons.
  await expect(indicator(root, 'Live')).toBeVisible({ timeout: 45_000 });
  const offered = card(root, 'Sim offered during the cut');
  await expect(offered.getByRole('button', { name: 'Accept' })).toBeEnabled({ timeout: 20_000 });
  await expect(before.getByRole('button', { name: 'Complete' })).toHaveCount(0);
  await expect(root.getByRole('list', { name: /^Recently ended/ }).getByRole('article', { name: 'Sim before the cut' })).toBeVisible();

  // And it works on: the offer made during the cut can be accepted.
  await offered.getByRole('button', { name: 'Accept' }).click();
  await expect(offered.getByRole('button', { name: 'Complete' })).toBeEnabled();
  await expectNothingRejected(root);
});
