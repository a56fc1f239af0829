import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createGwsClient } from '../api/client';
import { createOpenmediaStore } from '../core/store';
import { parseNotification, parseOpenmediaResource } from '../protocol/parse';
import { resource, statusChange } from '../testing/scripted-gws';
import { createFakeFetch, csrfHeaders, json } from '../testing/fake-fetch';
import type { ActionOutcome } from '../core/types';
import { createActionRunner } from './action-runner';

// A server or proxy that answers an operation 204 (or 202, or 200 with no body) took the request.
// The card must not say it failed ("cannot read"), and the news that shows it done must end it,
// rather than a "No answer from the server" once the deadline passes.

const TIMEOUT_MS = 5_000;

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function setup() {
  const fake = createFakeFetch((request) => (request.method === 'POST' ? new Response(null, { status: 204 }) : json({ statusCode: 0 }, { headers: csrfHeaders('t') })));
  const store = createOpenmediaStore({ schedule: (flush) => flush() });
  const runner = createActionRunner({ store, client: createGwsClient({ gwsBase: 'http://gws.test', fetch: fake.fetch }), timeoutMs: TIMEOUT_MS, now: () => Date.now() });
  const listed = parseOpenmediaResource({ ...resource('a', 'Processing'), capabilities: ['Complete'] });
  if (!listed.ok) throw new Error(listed.reason);
  store.dispatch({ type: 'snapshotLoaded', mediaTypes: ['workitem'], interactions: [listed.interaction], at: Date.now() });
  const notify = (wire: object) => {
    const parsed = parseNotification({ channel: '/v2/me/openmedia', data: wire });
    if (!parsed.ok) throw new Error(parsed.reason);
    store.dispatch({ type: 'notificationReceived', notification: parsed.notification, at: Date.now() });
  };
  return { fake, store, runner, notify, entry: () => store.getState().byId.get('a') };
}

describe('an operation answered 204', () => {
  it('is in flight, not failed, once answered', async () => {
    const t = setup();
    let outcome: ActionOutcome | undefined;
    void t.runner.perform('a', { operationName: 'Complete' }).then((o) => (outcome = o));
    await vi.advanceTimersByTimeAsync(10);
    expect(t.fake.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
    expect(outcome).toBeUndefined();
    expect(t.entry()?.error).toBeUndefined();
    expect(t.entry()?.pending).toMatchObject({ operation: 'Complete', unnumbered: true });
  });

  it('succeeds on the notification that shows it done, and no timeout follows', async () => {
    const t = setup();
    let outcome: ActionOutcome | undefined;
    void t.runner.perform('a', { operationName: 'Complete' }).then((o) => (outcome = o));
    await vi.advanceTimersByTimeAsync(10);
    t.notify(statusChange({ ...resource('a', 'Completed'), capabilities: [] }, 12));
    await vi.advanceTimersByTimeAsync(0);
    expect(outcome).toEqual({ status: 'succeeded' });
    expect(t.entry()?.pending).toBeUndefined();
    await vi.advanceTimersByTimeAsync(TIMEOUT_MS * 2);
    expect(t.entry()?.error).toBeUndefined();
  });

  it('times out visibly when no news shows it done', async () => {
    const t = setup();
    let outcome: ActionOutcome | undefined;
    void t.runner.perform('a', { operationName: 'Complete' }).then((o) => (outcome = o));
    await vi.advanceTimersByTimeAsync(TIMEOUT_MS);
    expect(outcome).toMatchObject({ status: 'failed', error: { kind: 'timeout', operation: 'Complete' } });
  });
});
