import { SIM_SERVER_PORT } from './ports';
import { AGENT, expect, openV3Page, test, withSimulator } from './sim-test';
import { startSimulator, stopSimulator } from './simulator';
import { banner, card, indicator } from '../support/widget';

withSimulator();

// A restarted simulator forgets every signed-in agent: the page's WWE_CODE cookie names nobody.
// It still accepts each CometD handshake, then disconnects that session and refuses the
// subscription, and current-session answers 403. The page must end as Signed out (the dialect's
// session check: two 403s on current-session), not Reconnecting for ever, and without a reload.
// The bound: the restart itself (~1-5 s), three handshake cycles with back-off (≤ ~4 s), the
// second current-session read 2.5 s after the first; 45 s leaves room for a loaded machine.
const SIGNED_OUT_WITHIN_MS = 45_000;

test('the simulator restarts under the page: Signed out in the status region, no reload; Reconnect after a new sign-in', async ({ page, sim }) => {
  const root = await openV3Page(page, sim.code);
  await sim.api.workitem(AGENT, 'Sim before the restart');
  await expect(card(root, 'Sim before the restart').getByRole('button', { name: 'Accept' })).toBeEnabled();
  // A mark on the page's window: still there at the end means the page was never reloaded.
  await page.evaluate(() => {
    (window as unknown as { sessionLostMark?: string }).sessionLostMark = 'same page';
  });

  await stopSimulator(SIM_SERVER_PORT);
  await startSimulator(SIM_SERVER_PORT);

  const status = banner(root);
  await expect(status).toContainText('Signed out', { timeout: SIGNED_OUT_WITHIN_MS });
  await expect(status).toHaveAttribute('aria-live', 'assertive');
  await expect(status.getByRole('button', { name: 'Reconnect' })).toBeVisible();
  await expect(status).not.toContainText('Reconnecting');
  expect(await page.evaluate(() => (window as unknown as { sessionLostMark?: string }).sessionLostMark)).toBe('same page');

  // The agent signs in again (a new code on the new server): Reconnect brings the page back, live.
  const code = await sim.api.signIn(AGENT);
  const init = await page.request.get(`/workspace/v3/initialize-workspace?code=${code}`);
  expect(init.ok()).toBe(true);
  await status.getByRole('button', { name: 'Reconnect' }).click();
  await expect(indicator(root, 'Live')).toBeVisible({ timeout: 30_000 });
  await expect(status).not.toContainText('Signed out');
  expect(await page.evaluate(() => (window as unknown as { sessionLostMark?: string }).sessionLostMark)).toBe('same page');
});
