import type { DialectName } from '../client/dialects';

/** What the control panel shows of `GET /mock/state`, read tolerantly (the mock may be another version). */
export interface MockSummary {
  readonly interactions: readonly { readonly id: string; readonly state: string; readonly subject: string }[];
  readonly sessions: number | undefined;
  readonly handshakes: number | undefined;
  readonly published: number | undefined;
  readonly trafficRunning: boolean;
  readonly trafficRate: number;
  readonly failNextRemaining: number;
  readonly failNextMode: string | undefined;
  readonly duplicateNext: number;
  readonly reorderNext: number;
  readonly networkCutUntil: number | undefined;
  readonly expiredSessions: number;
  /** Every CometD subscription is refused (`refuse-subscriptions`). */
  readonly refuseSubscriptions: boolean;
  /** When this summary was read (client clock), to show countdowns without reading the clock in render. */
  readonly readAt: number;
}

type Obj = Record<string, unknown>;

function obj(value: unknown): Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Obj) : {};
}

function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** The subject of a GWS v2 resource (`userData.Subject`) or a v3 one (`subject`, or the KV pair). */
function subjectOf(r: Obj): string {
  if (typeof r.subject === 'string') return r.subject;
  if (Array.isArray(r.userData)) {
    const pair = r.userData.map(obj).findLast((p) => p.key === 'Subject');
    return typeof pair?.value === 'string' ? pair.value : '';
  }
  const subject = obj(r.userData).Subject;
  return typeof subject === 'string' ? subject : '';
}

export function readMockState(body: unknown, readAt: number): MockSummary | undefined {
  const b = obj(body);
  if (!Array.isArray(b.interactions)) return undefined;
  const traffic = obj(b.traffic);
  const faults = obj(b.faults);
  const failNext = obj(faults.failNext);
  return {
    interactions: b.interactions.map((raw) => {
      const r = obj(raw);
      return {
        id: typeof r.id === 'string' ? r.id : String(r.id),
        state: typeof r.state === 'string' ? r.state : '?',
        subject: subjectOf(r),
      };
    }),
    sessions: num(b.sessions),
    handshakes: num(b.handshakes),
    published: num(b.published),
    trafficRunning: traffic.running === true,
    trafficRate: num(traffic.rate) ?? 0,
    failNextRemaining: num(failNext.remaining) ?? 0,
    failNextMode: typeof failNext.mode === 'string' ? failNext.mode : undefined,
    duplicateNext: num(faults.duplicateNext) ?? 0,
    reorderNext: num(faults.reorderNext) ?? 0,
    networkCutUntil: num(faults.networkCutUntil),
    expiredSessions: num(faults.expiredSessions) ?? 0,
    refuseSubscriptions: faults.refuseSubscriptions === true,
    readAt,
  };
}

/**
 * `next`, or as much of `previous` as says the same: the whole of it when nothing the panel shows
 * changed (then a poll renders nothing), else its interaction list when that is unchanged. The
 * time of the read counts only while a network cut counts down from it.
 */
export function keepUnchanged(previous: MockSummary | undefined, next: MockSummary): MockSummary {
  if (previous === undefined) return next;
  const a = previous.interactions;
  const b = next.interactions;
  const sameList = a.length === b.length && a.every((item, i) => item.id === b[i]?.id && item.state === b[i]?.state && item.subject === b[i]?.subject);
  const interactions = sameList ? a : b;
  const same =
    sameList &&
    (Object.keys(next) as (keyof MockSummary)[]).every(
      (key) => key === 'interactions' || (key === 'readAt' ? next.networkCutUntil === undefined : Object.is(previous[key], next[key])),
    );
  if (same) return previous;
  return interactions === b ? next : { ...next, interactions };
}

/**
 * Whether `next` differs from `previous` only in what traffic moves on its own (the published
 * counter, the interactions' states and subjects, the sessions and handshakes) while no network
 * cut counts down: a change the page's own next news will draw anyway, so it may wait for it.
 */
export function onlyTrafficMoved(previous: MockSummary, next: MockSummary): boolean {
  if (previous.networkCutUntil !== undefined || next.networkCutUntil !== undefined) return false;
  const moving = new Set<keyof MockSummary>(['interactions', 'published', 'sessions', 'handshakes', 'readAt']);
  return (Object.keys(next) as (keyof MockSummary)[]).every((key) => moving.has(key) || Object.is(previous[key], next[key]));
}

export class MockRequestError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'MockRequestError';
  }
}

/**
 * Where the mock's control routes live for a dialect: `/mock` for GWS v2, `/mock/v3` for the
 * Workspace API v3 (both mocks share the page's origin in vite).
 */
export function mockControlBase(gwsBase: string, dialect: DialectName): string {
  return `${gwsBase}${dialect === 'workspace-v3' ? '/mock/v3' : '/mock'}`;
}

/** The mock GWS control API at `base` (`mockControlBase`: `/mock` or `/mock/v3`, on the page's origin or another). */
export interface MockApi {
  state(signal?: AbortSignal): Promise<MockSummary>;
  post(route: string, body?: unknown): Promise<unknown>;
}

export function createMockApi(base: string, fetchImpl: typeof fetch = (...args) => fetch(...args)): MockApi {
  async function request(path: string, init: RequestInit): Promise<unknown> {
    const response = await fetchImpl(`${base}/${path}`, { credentials: 'include', ...init });
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      body = undefined;
    }
    if (!response.ok) {
      const error = obj(body).error;
      throw new MockRequestError(typeof error === 'string' ? error : `HTTP ${response.status}`, response.status);
    }
    return body;
  }
  return {
    async state(signal) {
      const body = await request('state', { method: 'GET', ...(signal ? { signal } : {}) });
      const summary = readMockState(body, Date.now());
      if (!summary) throw new MockRequestError('not a mock GWS state', 0);
      return summary;
    },
    post(route, body = {}) {
      return request(route, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
    },
  };
}
