import { test as base, expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { SIM_PROXY_PORT, SIM_SERVER_PORT } from './ports';
import { handshakesLogged, simulatorApi, simulatorPresent, startSimulator, stopSimulator } from './simulator';
import { startTcpProxy } from './tcp-proxy';
import type { TcpProxy } from './tcp-proxy';
import { widget, indicator, userDataValue } from '../support/widget';

export const AGENT = 'JohnSmith';
export type SimulatorApi = ReturnType<typeof simulatorApi>;

interface SimulatorWorld {
  readonly api: SimulatorApi;
  readonly proxy: TcpProxy;
  readonly code: string;
  /** CometD handshakes the simulator answered since it started (its request log). */
  handshakes(): Promise<number>;
}

let world: SimulatorWorld | undefined;

/**
 * Every file gets a fresh simulator (it leaks user-data edits between interactions until it
 * restarts) with the agent signed in and warmed up, and a TCP proxy in front of it. Without
 * ../shared/third_party the whole file reports itself skipped, with that reason.
 */
export const test = base.extend<{ sim: SimulatorWorld }>({
  sim: async ({ page: _page }, provide) => {
    if (!world) throw new Error('the simulator did not start (see beforeAll)');
    await provide(world);
  },
});

/**
 * Call at the top of each file (a module is evaluated once per worker, so hooks registered here
 * at import time would belong to the first file only).
 */
export function withSimulator(): void {
  const present = simulatorPresent();
  // The only reason to skip: the suite runs against Genesys's own server, which a clone away from
  // the shared folder does not have. CI has it, so there the suite always runs.
  test.skip(!present, "Genesys's agent-api-simulator is not beside the clone (../shared/third_party/agent-api-simulator.sh)");

  test.beforeAll(async () => {
    if (!present) return;
    // A simulator left over by an interrupted run would answer with old data.
    await stopSimulator(SIM_SERVER_PORT);
    const log = await startSimulator(SIM_SERVER_PORT);
    const api = simulatorApi(SIM_SERVER_PORT);
    const code = await api.signIn(AGENT);
    await api.warmUp(code);
    const proxy = await startTcpProxy(SIM_PROXY_PORT, SIM_SERVER_PORT);
    world = { api, proxy, code, handshakes: () => handshakesLogged(log) };
  });

  test.afterAll(async () => {
    await world?.proxy.close();
    world = undefined;
    if (present) await stopSimulator(SIM_SERVER_PORT);
  });
}

export { expect };

/** Sign the browser in the documented way (initialize-workspace through the page's proxy), open the v3 page. */
export async function openV3Page(page: Page, code: string, query = ''): Promise<Locator> {
  const init = await page.request.get(`/workspace/v3/initialize-workspace?code=${code}`);
  expect(init.ok()).toBe(true);
  await page.goto(`/?dialect=v3&mock=0${query}`);
  const root = widget(page);
  await expect(indicator(root, 'Live')).toBeVisible({ timeout: 30_000 });
  return root;
}

/** The parser rejected nothing the simulator sent (the diagnostics count). */
export async function expectNothingRejected(root: Locator): Promise<void> {
  await root.getByText('Diagnostics', { exact: true }).click();
  await expect(userDataValue(root, 'Messages rejected')).toHaveText('0');
}
