import { test as base, expect } from '@playwright/test';
import { MockGws } from './mock-gws';
import { CROSS_ORIGIN_MOCK, PAGE_ORIGIN } from './origins';

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
  mock: async ({ request }, provide) => {
    const mock = new MockGws(request, PAGE_ORIGIN);
    await mock.reset();
    await provide(mock);
    // Leave no traffic, burst or fault running into the next test, even when this one failed.
    await mock.reset();
  },

  remoteMock: async ({ request }, provide) => {
    const mock = new MockGws(request, CROSS_ORIGIN_MOCK);
    await mock.reset();
    await provide(mock);
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
