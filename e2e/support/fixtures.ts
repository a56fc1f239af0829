import { test as base, expect, type TestInfo } from '@playwright/test';
import { MockGws } from './mock-gws';
import { CROSS_ORIGIN_MOCK, PAGE_ORIGIN } from './origins';

/** On failure, what the server saw (request log, state) goes into the report beside the trace. */
async function attachOnFailure(mock: MockGws, name: string, testInfo: TestInfo): Promise<void> {
  if (testInfo.status === testInfo.expectedStatus) return;
  await testInfo.attach(`${name}-state.json`, { body: JSON.stringify(await mock.state(), null, 2), contentType: 'application/json' });
  await testInfo.attach(`${name}-log.json`, { body: JSON.stringify(await mock.log(), null, 2), contentType: 'application/json' });
}

export interface E2eFixtures {
  /** The mock mounted on the page's origin, reset before the test. */
  mock: MockGws;
  /** The standalone mock on another port (cross-origin), reset before the test. */
  remoteMock: MockGws;
  /** Uncaught page errors and `dialog` openings; the test fails if any happened. */
  pageProblems: string[];
}

/**
 * `test` with the mock reset before each test (the specs share one mock, so none may see another's
 * leftovers), and a guard that fails the test on any uncaught page error or any alert/confirm/prompt:
 * a widget under a hostile message must neither crash nor run the message's script.
 */
export const test = base.extend<E2eFixtures>({
  mock: async ({ request }, provide, testInfo) => {
    const mock = new MockGws(request, PAGE_ORIGIN);
    await mock.reset();
    await provide(mock);
    await attachOnFailure(mock, 'mock', testInfo);
    // Leave no traffic, burst or fault running into the next test, even when this one failed.
    await mock.reset();
  },

  remoteMock: async ({ request }, provide, testInfo) => {
    const mock = new MockGws(request, CROSS_ORIGIN_MOCK);
    await mock.reset();
    await provide(mock);
    await attachOnFailure(mock, 'remote-mock', testInfo);
    await mock.reset();
  },

  pageProblems: [
    async ({ page }, provide) => {
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      page.on('dialog', (dialog) => {
        problems.push(`dialog opened: ${dialog.type()} "${dialog.message()}"`);
        void dialog.dismiss();
      });
      await provide(problems);
      expect(problems, 'uncaught errors or dialogs on the page').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
