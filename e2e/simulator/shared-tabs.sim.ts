import { expectStaysAtMost } from '../support/conditions';
import { tabRole } from '../support/tabs';
import { card, indicator, widget } from '../support/widget';
import { AGENT, expect, expectNothingRejected, openV3Page, test, withSimulator } from './sim-test';

withSimulator();

test('two v3 tabs of one browser share one CometD session: one handshake; the offer and a follower’s Accept in both', async ({ page, sim }) => {
  const before = await sim.handshakes();
  const first = await openV3Page(page, sim.code);
  const other = await page.context().newPage();
  await other.goto('/?dialect=v3&mock=0');
  const second = widget(other);
  await expect(indicator(second, 'Live')).toBeVisible({ timeout: 30_000 });

  // One session for both tabs: one handshake at the simulator (its request log), and it stays so.
  await expectStaysAtMost('handshakes at the simulator', async () => (await sim.handshakes()) - before, 1, 1_500);
  expect((await sim.handshakes()) - before).toBe(1);
  await expect(tabRole(page)).toContainText('Leader');
  await expect(tabRole(other)).toContainText('Follower');
  for (const tab of [page, other]) await expect(tabRole(tab)).toContainText('2 tabs');

  // An offer reaches both; the follower accepts over REST with its own operationId, and the
  // notification the leader relays settles it there and shows Processing in both.
  await sim.api.workitem(AGENT, 'Sim shared offer');
  for (const root of [first, second]) await expect(card(root, 'Sim shared offer').getByRole('button', { name: 'Accept' })).toBeEnabled();
  await card(second, 'Sim shared offer').getByRole('button', { name: 'Accept' }).click();
  for (const root of [first, second]) await expect(card(root, 'Sim shared offer').getByRole('button', { name: 'Complete' })).toBeEnabled();
  await expect(card(second, 'Sim shared offer').getByRole('alert')).toHaveCount(0);
  expect((await sim.api.interactions(sim.code)).find((i) => i.subject === 'Sim shared offer')?.state).toBe('Processing');
  await expectNothingRejected(first);
  await expectNothingRejected(second);
});
