import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFakeFetch, json } from '../../testing/fake-fetch';
import { createWorkspaceV3Client } from './client';
import { SESSION_RECHECK_DELAY_MS, isV3SessionGone } from './session-check';

/**
 * The answers are the simulator's (see ../shared/fixtures/workspace-v3/v3-07-rest-log.json):
 * `current-session` with a cookie it cannot tie to an agent is `403` with an empty body; the
 * documented API answers `401` for an expired session.
 */
const forbidden = () => new Response('', { status: 403, statusText: 'Forbidden' });
const unauthorized = () => json({ status: { code: 401, message: 'Unauthorized' } }, { status: 401 });
const session = () => json({ status: { code: 0 }, data: { user: { userName: 'JohnSmith' } } });

function check(answers: (() => Response | Promise<Response>)[]) {
  const fake = createFakeFetch(() => {
    const next = answers.shift();
    if (next === undefined) throw new Error('an unexpected extra current-session read');
    return next();
  });
  const client = createWorkspaceV3Client({ gwsBase: 'http://wwe.test', fetch: fake.fetch });
  let verdict: boolean | undefined;
  void isV3SessionGone(() => client.getMe()).then((gone) => {
    verdict = gone;
  });
  return { fake, verdict: () => verdict };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('isV3SessionGone (is the agent still known to the Workspace API?)', () => {
  it('a 401 on current-session: gone at once, one read', async () => {
    const t = check([unauthorized]);
    await vi.advanceTimersByTimeAsync(0);
    expect(t.verdict()).toBe(true);
    expect(t.fake.requests.map((r) => r.url)).toEqual(['http://wwe.test/workspace/v3/current-session']);
  });

  it('403 twice, the second read after the recheck delay: gone', async () => {
    const t = check([forbidden, forbidden]);
    await vi.advanceTimersByTimeAsync(SESSION_RECHECK_DELAY_MS - 1);
    expect(t.fake.requests).toHaveLength(1);
    expect(t.verdict()).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(t.fake.requests).toHaveLength(2);
    expect(t.verdict()).toBe(true);
  });

  it('403, then the session answers (the ~1.75 s window of a session being set up): not gone', async () => {
    const t = check([forbidden, session]);
    await vi.advanceTimersByTimeAsync(SESSION_RECHECK_DELAY_MS);
    expect(t.verdict()).toBe(false);
  });

  it('the session answers: not gone, one read', async () => {
    const t = check([session]);
    await vi.advanceTimersByTimeAsync(0);
    expect(t.verdict()).toBe(false);
    expect(t.fake.requests).toHaveLength(1);
  });

  it('no answer (network) or a server error: not known to be gone', async () => {
    const offline = check([() => Promise.reject(new TypeError('Failed to fetch'))]);
    const failing = check([() => json({ status: { code: 500, message: 'boom' } }, { status: 500 })]);
    await vi.advanceTimersByTimeAsync(0);
    expect(offline.verdict()).toBe(false);
    expect(failing.verdict()).toBe(false);
  });

  it('aborted while waiting for the second read: false, and no second read', async () => {
    const abort = new AbortController();
    const fake = createFakeFetch(forbidden);
    const client = createWorkspaceV3Client({ gwsBase: '', fetch: fake.fetch });
    const verdict = isV3SessionGone(() => client.getMe(), { signal: abort.signal });
    await vi.advanceTimersByTimeAsync(10);
    abort.abort();
    await expect(verdict).resolves.toBe(false);
    await vi.advanceTimersByTimeAsync(SESSION_RECHECK_DELAY_MS);
    expect(fake.requests).toHaveLength(1);
  });
});
