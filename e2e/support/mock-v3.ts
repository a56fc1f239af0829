import { expect, type APIRequestContext, type Locator } from '@playwright/test';
import type { FailNextSpec, MockStateView, RequestLogEntry } from '../../src/mock-gws/types';
import { test as base } from './fixtures';
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
 * `/mock/*`). Every call checks the HTTP status, so a refused setup fails at the line that made it.
 */
export class MockV3 {
  constructor(
    private readonly request: APIRequestContext,
    readonly base: string,
  ) {}

  private async post<T>(route: string, body: unknown = {}): Promise<T> {
    const response = await this.request.post(`${this.base}/mock/v3/${route}`, { data: body });
    expect(response.status(), `POST /mock/v3/${route} → ${await response.text()}`).toBe(200);
    return (await response.json()) as T;
  }

  async state(): Promise<MockStateView<V3InteractionWire>> {
    const response = await this.request.get(`${this.base}/mock/v3/state`);
    expect(response.status()).toBe(200);
    return (await response.json()) as MockStateView<V3InteractionWire>;
  }

  async log(): Promise<RequestLogEntry[]> {
    const response = await this.request.get(`${this.base}/mock/v3/log`);
    expect(response.status()).toBe(200);
    return ((await response.json()) as { requests: RequestLogEntry[] }).requests;
  }

  async interaction(id: string): Promise<V3InteractionWire | undefined> {
    return (await this.state()).interactions.find((i) => i.id === id);
  }

  reset(): Promise<unknown> {
    return this.post('reset');
  }

  /** An Invited offer, fields in v3 names (`mediatype`, `subject`, KV `userData`); returns its id. */
  async offer(overrides: Partial<Omit<V3InteractionWire, 'userData'>> & Record<string, unknown> = {}): Promise<string> {
    return (await this.post<{ id: string }>('offer', { overrides })).id;
  }

  failNext(spec: Partial<FailNextSpec> & Pick<FailNextSpec, 'mode'>): Promise<unknown> {
    return this.post('fail-next', spec);
  }

  dropSessions(): Promise<{ dropped: number }> {
    return this.post('drop-sessions');
  }

  expireSession(): Promise<{ expired: number }> {
    return this.post('expire-session');
  }

  restoreSession(): Promise<unknown> {
    return this.post('restore-session');
  }

  raw(data: unknown): Promise<unknown> {
    return this.post('raw', { data });
  }
}

/** `test` with the v3 mock reset before and after each test (and what it saw attached on failure). */
export const test = base.extend<{ mockV3: MockV3 }>({
  mockV3: async ({ request }, provide, testInfo) => {
    const mock = new MockV3(request, PAGE_ORIGIN);
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
