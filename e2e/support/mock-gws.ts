import { expect, type APIRequestContext } from '@playwright/test';
import type { OpenmediaResourceWire, UserDataValue } from '../../src/protocol/types';
import type { BurstSpec, FailNextSpec, MockStateView, RequestLogEntry } from '../../src/mock-gws/types';

/**
 * The mock GWS's `/mock/*` control API, as a test drives it: set up scenarios and faults, read the
 * server's state. Every call checks the HTTP status, so a refused setup fails the test at the line
 * that made it rather than as a confusing UI assertion later.
 */
export class MockGws<Interaction extends { readonly id: string } = OpenmediaResourceWire> {
  constructor(
    private readonly request: APIRequestContext,
    /** The mock's origin (the page's own origin when mounted in vite preview). */
    readonly base: string,
    /** Where its control routes are: `/mock` for GWS v2, `/mock/v3` for the Workspace API v3. */
    private readonly routes: string = '/mock',
  ) {}

  private async post<T>(route: string, body: unknown = {}): Promise<T> {
    const response = await this.request.post(`${this.base}${this.routes}/${route}`, { data: body });
    expect(response.status(), `POST ${this.routes}/${route} → ${await response.text()}`).toBe(200);
    return (await response.json()) as T;
  }

  async state(): Promise<MockStateView<Interaction>> {
    const response = await this.request.get(`${this.base}${this.routes}/state`);
    expect(response.status()).toBe(200);
    return (await response.json()) as MockStateView<Interaction>;
  }

  async log(): Promise<RequestLogEntry[]> {
    const response = await this.request.get(`${this.base}${this.routes}/log`);
    expect(response.status()).toBe(200);
    return ((await response.json()) as { requests: RequestLogEntry[] }).requests;
  }

  /** One interaction as the server holds it now. */
  async interaction(id: string): Promise<Interaction | undefined> {
    return (await this.state()).interactions.find((i) => i.id === id);
  }

  reset(): Promise<unknown> {
    return this.post('reset');
  }

  /** Adds an Invited offer (unsolicited StatusChange), fields in the dialect's names; returns its id. */
  async offer(overrides: Partial<Interaction> & Record<string, unknown> = {}): Promise<string> {
    return (await this.post<{ id: string }>('offer', { overrides })).id;
  }

  userData(id: string, userData: Record<string, UserDataValue>, remove: readonly string[] = []): Promise<unknown> {
    return this.post('user-data', { id, userData, ...(remove.length > 0 ? { delete: remove } : {}) });
  }

  failNext(spec: Partial<FailNextSpec> & Pick<FailNextSpec, 'mode'>): Promise<unknown> {
    return this.post('fail-next', spec);
  }

  raw(data: unknown): Promise<unknown> {
    return this.post('raw', { data });
  }

  dropSessions(): Promise<{ dropped: number }> {
    return this.post('drop-sessions');
  }

  refuseSubscriptions(on: boolean): Promise<unknown> {
    return this.post('refuse-subscriptions', { on });
  }

  expireSession(): Promise<{ expired: number }> {
    return this.post('expire-session');
  }

  restoreSession(): Promise<unknown> {
    return this.post('restore-session');
  }

  networkCut(seconds: number): Promise<{ until: number }> {
    return this.post('network-cut', { seconds });
  }

  burst(spec: BurstSpec): Promise<{ ids: string[] }> {
    return this.post('burst', spec);
  }

  /** The next `count` notifications are held (then sent newest first); 0 sends what is held at once. */
  reorderNext(count: number): Promise<unknown> {
    return this.post('reorder-next', { count });
  }

  traffic(rate: number, seed?: number): Promise<unknown> {
    return this.post('traffic', { rate, ...(seed === undefined ? {} : { seed }) });
  }
}
