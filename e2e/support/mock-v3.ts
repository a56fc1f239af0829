import { expect, type Locator } from '@playwright/test';
import { test as base } from './fixtures';
import { MockGws } from './mock-gws';
import { PAGE_ORIGIN } from './origins';
import { userDataValue } from './widget';

/** One v3 `interaction` as the mock holds it (the fields a test reads). */
export interface V3InteractionWire {
  readonly id: string;
  readonly mediatype: string;
  readonly state: string;
  readonly subject?: string;
  readonly capabilities: string[];
  readonly userData: { readonly key: string; readonly type: string; readonly value: unknown }[];
}

/**
 * The Workspace API v3 mock's control API (`/mock/v3/*` on the page's origin, beside GWS v2's
 * `/mock/*`): the same calls as {@link MockGws}, over v3 interactions.
 */
export type MockV3 = MockGws<V3InteractionWire>;

/** `test` with the v3 mock reset before and after each test (and what it saw attached on failure). */
export const test = base.extend<{ mockV3: MockV3 }>({
  mockV3: async ({ request }, provide, testInfo) => {
    const mock: MockV3 = new MockGws<V3InteractionWire>(request, PAGE_ORIGIN, '/mock/v3');
    await mock.reset();
    await provide(mock);
    if (testInfo.status !== testInfo.expectedStatus) {
      await testInfo.attach('mock-v3-state.json', { body: JSON.stringify(await mock.state(), null, 2), contentType: 'application/json' });
      await testInfo.attach('mock-v3-log.json', { body: JSON.stringify(await mock.log(), null, 2), contentType: 'application/json' });
    }
    await mock.reset();
  },
});

/** The parser rejected nothing the server sent (the widget's diagnostics count). */
export async function expectNothingRejected(root: Locator): Promise<void> {
  await root.getByText('Diagnostics', { exact: true }).click();
  await expect(userDataValue(root, 'Messages rejected')).toHaveText('0');
}

export { expect } from './fixtures';
