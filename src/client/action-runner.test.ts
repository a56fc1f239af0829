import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { GwsClient } from '../api/client';
import { GwsRequestError, networkError } from '../api/errors';
import type { ConnectionStatus } from '../channel/types';
import { createOpenmediaStore } from '../core/store';
import { parseNotification, parseOpenmediaResource } from '../protocol/parse';
import type { OperationRequest, RestAnswer } from '../protocol/types';
import { errorNotification, resource, statusChange } from '../testing/scripted-gws';
import { DONE_AT_ONCE_READ_AFTER_MS, NOT_CONNECTED_MESSAGES, THAW_GRACE_MS, createActionRunner } from './action-runner';
import type { ActionRunnerOptions } from './action-runner';

type Answer = (request: OperationRequest, signal: AbortSignal | undefined) => Promise<RestAnswer>;

function setup(answer: Answer, extra: Partial<ActionRunnerOptions> = {}) {
  const store = createOpenmediaStore({ schedule: (flush) => flush() });
  const sent: { request: OperationRequest; signal: AbortSignal | undefined; mediaType: string; id: string }[] = [];
  const client: GwsClient = {
    gwsBase: '',
    getMe: () => Promise.resolve({}),
    getSnapshot: () => Promise.reject(new Error('not used')),
    performOperation: (mediaType, id, request, opts) => {
      sent.push({ request, signal: opts?.signal, mediaType, id });
      return answer(request, opts?.signal);
    },
  };
  const holds = { taken: 0, released: 0 };
  const runner = createActionRunner({
    store,
    client,
    timeoutMs: 1_000,
    now: () => Date.now(),
    hold: () => {
      holds.taken += 1;
      return () => (holds.released += 1);
    },
    ...extra,
  });
  /** One snapshot listing these interactions (a snapshot ends the ones it does not list). */
  const add = (ids: readonly string[], capabilities = ['Complete', 'Transfer', 'AttachUserData', 'UpdateUserData', 'DeleteUserData']) => {
    const interactions = ids.map((id) => {
      const parsed = parseOpenmediaResource({ ...resource(id, 'Processing'), capabilities });
      if (!parsed.ok) throw new Error(parsed.reason);
      return parsed.interaction;
    });
    store.dispatch({ type: 'snapshotLoaded', mediaTypes: ['workitem'], interactions, at: Date.now() });
  };
  const notify = (wire: object) => {
    const parsed = parseNotification({ channel: '/v2/me/openmedia', data: wire });
    if (!parsed.ok) throw new Error(parsed.reason);
    store.dispatch({ type: 'notificationReceived', notification: parsed.notification, at: Date.now() });
  };
  const entry = (id: string) => store.getState().byId.get(id);
  return { store, runner, sent, holds, add, notify, entry };
}

const accepted = (referenceId: number | undefined): Answer => () => Promise.resolve({ statusCode: 0, referenceId, statusMessage: undefined });
const never: Answer = () => new Promise(() => undefined);
const COMPLETE = { operationName: 'Complete' } as const;

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('createActionRunner: what is sent', () => {
  it('an unknown interaction, or one with an action pending, is ignored: nothing sent', async () => {
    const t = setup(never);
    expect(await t.runner.perform('nope', COMPLETE)).toEqual({ status: 'ignored' });
    t.add(['a']);
    void t.runner.perform('a', COMPLETE);
    expect(await t.runner.perform('a', COMPLETE)).toEqual({ status: 'ignored' });
    await vi.advanceTimersByTimeAsync(0);
    expect(t.sent).toHaveLength(1);
    expect(t.sent[0]).toMatchObject({ mediaType: 'workitem', id: 'a', request: COMPLETE });
  });

  it('each request has its own id: a UUID, or a counter where crypto.randomUUID is missing', () => {
    const t = setup(never);
    t.add(['a', 'b', 'c']);
    void t.runner.perform('a', COMPLETE);
    expect(t.entry('a')?.pending?.requestId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    vi.stubGlobal('crypto', {});
    try {
      void t.runner.perform('b', COMPLETE);
      void t.runner.perform('c', COMPLETE);
    } finally {
      vi.unstubAllGlobals();
    }
    const b = t.entry('b')?.pending?.requestId ?? '';
    const c = t.entry('c')?.pending?.requestId ?? '';
    expect(b).toMatch(/^request-[0-9a-z]+-\d+$/);
    expect(Number(c.split('-').at(-1))).toBe(Number(b.split('-').at(-1)) + 1);
  });

  it('records user data only for Attach/Update and keys only for Delete', () => {
    const t = setup(never);
    t.add(['a', 'b']);
    void t.runner.perform('a', { operationName: 'AttachUserData', userData: { Subject: 'New' } });
    void t.runner.perform('b', COMPLETE);
    expect(t.entry('a')?.pending).toMatchObject({ operation: 'AttachUserData', userData: { Subject: 'New' } });
    expect(t.entry('a')?.pending).not.toHaveProperty('keys');
    expect(t.entry('b')?.pending).not.toHaveProperty('userData');
    expect(t.entry('b')?.pending).not.toHaveProperty('keys');
  });

  it('a 401 without an onUnauthorized handler still fails the action at once', async () => {
    const t = setup(() => Promise.reject(new GwsRequestError({ kind: 'unauthorized', status: 401, message: 'Signed out' })));
    t.add(['a']);
    expect(await t.runner.perform('a', COMPLETE)).toMatchObject({ status: 'failed', error: { kind: 'http', code: 401 } });
  });

  it('records the user data or keys an action carries, for the card to show', () => {
    const t = setup(never);
    t.add(['a', 'b']);
    void t.runner.perform('a', { operationName: 'UpdateUserData', userData: { Subject: 'New' } });
    void t.runner.perform('b', { operationName: 'DeleteUserData', keys: ['Subject'] });
    expect(t.entry('a')?.pending).toMatchObject({ operation: 'UpdateUserData', userData: { Subject: 'New' } });
    expect(t.entry('b')?.pending).toMatchObject({ operation: 'DeleteUserData', keys: ['Subject'] });
  });

  it.each([
    ['reconnecting', /^Not sent: the connection is being restored/],
    ['unauthorized', /^Not sent: your session has ended/],
  ] as const)('while %s nothing is sent and the card says why', async (status: ConnectionStatus, why) => {
    const t = setup(never, { connectionStatus: () => status });
    t.add(['a']);
    const outcome = await t.runner.perform('a', COMPLETE);
    expect(outcome).toMatchObject({ status: 'failed', error: { kind: 'not-connected', message: NOT_CONNECTED_MESSAGES[status] } });
    expect(NOT_CONNECTED_MESSAGES[status]).toMatch(why);
    expect(t.sent).toHaveLength(0);
    expect(t.holds).toEqual({ taken: 1, released: 1 });
  });

  it('an operation the capabilities do not allow is refused on the card, nothing sent', async () => {
    const t = setup(never);
    t.add(['a'], ['Transfer']);
    const outcome = await t.runner.perform('a', COMPLETE);
    expect(outcome).toMatchObject({ status: 'failed', error: { kind: 'not-available', message: 'Complete is not available for this interaction now.' } });
    expect(t.sent).toHaveLength(0);
  });
});

describe('createActionRunner: how it ends', () => {
  it('accepted, then the notification carrying its referenceId settles it as succeeded', async () => {
    const t = setup(accepted(7));
    t.add(['a']);
    const outcome = t.runner.perform('a', COMPLETE);
    await vi.advanceTimersByTimeAsync(0);
    expect(t.entry('a')?.pending).toBeDefined();
    expect(t.holds).toEqual({ taken: 1, released: 0 });
    t.notify(statusChange(resource('a', 'Completed'), 7));
    expect(await outcome).toEqual({ status: 'succeeded' });
    expect(t.holds).toEqual({ taken: 1, released: 1 });
    // Its timer is gone with it: nothing times out later.
    await vi.advanceTimersByTimeAsync(5_000);
    expect(t.entry('a')?.error).toBeUndefined();
  });

  it('accepted without a referenceId: the timer decides, and the POST is not aborted after its answer', async () => {
    const t = setup(accepted(undefined));
    t.add(['a']);
    const outcome = t.runner.perform('a', COMPLETE);
    await vi.advanceTimersByTimeAsync(999);
    expect(t.entry('a')?.pending).toBeDefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(await outcome).toMatchObject({ status: 'failed', error: { kind: 'timeout' } });
  });

  it('a POST without an answer is aborted at the deadline and the action times out', async () => {
    const t = setup(never);
    t.add(['a']);
    const outcome = t.runner.perform('a', COMPLETE);
    await vi.advanceTimersByTimeAsync(999);
    expect(t.sent[0]?.signal?.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(t.sent[0]?.signal?.aborted).toBe(true);
    expect(await outcome).toMatchObject({ status: 'failed', error: { kind: 'timeout' } });
  });

  it('an answer that arrives after the deadline changes nothing', async () => {
    let answer: (a: RestAnswer) => void = () => undefined;
    const t = setup(() => new Promise((resolve) => (answer = resolve)));
    t.add(['a']);
    const outcome = t.runner.perform('a', COMPLETE);
    await vi.advanceTimersByTimeAsync(1_000);
    answer({ statusCode: 6, referenceId: undefined, statusMessage: 'gone' });
    await vi.advanceTimersByTimeAsync(0);
    expect(await outcome).toMatchObject({ status: 'failed', error: { kind: 'timeout' } });
    expect(t.entry('a')?.error?.kind).toBe('timeout');
  });

  it('a deadline that comes late (the thread was held past it) first lets in what arrived meanwhile', async () => {
    let answer: (a: RestAnswer) => void = () => undefined;
    const t = setup(() => new Promise((resolve) => (answer = resolve)));
    t.add(['a']);
    const outcome = t.runner.perform('a', COMPLETE);
    await vi.advanceTimersByTimeAsync(900);
    // A host's long task holds the thread for 17 s: the clock moves on, no timer runs meanwhile.
    vi.setSystemTime(Date.now() + 17_000);
    await vi.advanceTimersByTimeAsync(100);
    expect(t.entry('a')?.pending, 'not judged while what queued up is not in').toBeDefined();
    expect(t.entry('a')?.error).toBeUndefined();
    // The answer and the notification, queued during the long task, are handled now.
    answer({ statusCode: 0, referenceId: 7, statusMessage: undefined });
    await vi.advanceTimersByTimeAsync(0);
    t.notify(statusChange(resource('a', 'Completed'), 7));
    expect(await outcome).toEqual({ status: 'succeeded' });
    await vi.advanceTimersByTimeAsync(5_000);
    expect(t.entry('a')?.error).toBeUndefined();
    expect(t.sent[0]?.signal?.aborted).toBe(false);
  });

  it('a late deadline with nothing arrived still times out, one grace later', async () => {
    const t = setup(never);
    t.add(['a']);
    const outcome = t.runner.perform('a', COMPLETE);
    await vi.advanceTimersByTimeAsync(900);
    vi.setSystemTime(Date.now() + 17_000);
    await vi.advanceTimersByTimeAsync(100);
    expect(t.entry('a')?.pending).toBeDefined();
    await vi.advanceTimersByTimeAsync(THAW_GRACE_MS);
    expect(t.sent[0]?.signal?.aborted).toBe(true);
    expect(await outcome).toMatchObject({ status: 'failed', error: { kind: 'timeout' } });
  });

  it('a statusCode refusal fails with its code and message, at once, and leaves no timer', async () => {
    const t = setup(() => Promise.resolve({ statusCode: 6, referenceId: undefined, statusMessage: undefined }));
    t.add(['a']);
    expect(await t.runner.perform('a', COMPLETE)).toMatchObject({
      status: 'failed',
      error: { kind: 'status-code', code: 6, message: 'The interaction was not found.' },
    });
    await vi.advanceTimersByTimeAsync(5_000);
    expect(t.entry('a')?.error?.kind).toBe('status-code');
  });

  it('names the server as its client does when the answer was lost (the Workspace API, not GWS)', async () => {
    const failing: GwsClient = {
      gwsBase: '',
      serverName: 'the Workspace API',
      getMe: () => Promise.resolve({}),
      getSnapshot: () => Promise.reject(new Error('not used')),
      performOperation: () => Promise.reject(networkError(new TypeError('Failed to fetch'), 'the Workspace API')),
    };
    const t = setup(() => Promise.reject(new Error('not used')), { client: failing });
    t.add(['a']);
    const outcome = await t.runner.perform('a', COMPLETE);
    expect(outcome.status === 'unknown' && outcome.error.message).toBe(
      'Cannot reach the Workspace API: Failed to fetch. It may have reached the Workspace API before the connection failed: check the card before trying again.',
    );
  });

  it('under "No network" (the browser says it is offline) a press sends nothing and says why', async () => {
    vi.stubGlobal('navigator', { onLine: false });
    const t = setup(accepted(7));
    t.add(['a']);
    expect(await t.runner.perform('a', COMPLETE)).toMatchObject({
      status: 'failed',
      error: { kind: 'not-connected', reason: 'no-network', message: 'Not sent: this computer has no network. Try again once it is back.' },
    });
    expect(t.sent).toHaveLength(0);
    vi.unstubAllGlobals();
  });

  it('a 503 that carries the server’s own status code is its answer, not a gateway’s: failed with its words, not "outcome unknown"', async () => {
    const t = setup(() => Promise.reject(new GwsRequestError({ kind: 'http', status: 503, statusCode: 5, message: 'Service is shutting down' })));
    t.add(['a']);
    expect(await t.runner.perform('a', COMPLETE)).toMatchObject({ status: 'failed', error: { kind: 'http', code: 503, message: 'Service is shutting down' } });
  });

  it('an action done at once (v3 status.code 0) reads the card a moment later unless news showed it done', async () => {
    const doubts: string[] = [];
    const done: Answer = () => Promise.resolve({ statusCode: 0, referenceId: 5, statusMessage: undefined, done: true });
    const t = setup(done, { onDoubt: (id) => doubts.push(id) });
    t.add(['a', 'b']);
    expect(await t.runner.perform('a', COMPLETE)).toEqual({ status: 'succeeded' });
    expect(await t.runner.perform('b', COMPLETE)).toEqual({ status: 'succeeded' });
    // b's news came: it shows Completed.
    t.notify({ messageType: 'OpenmediaStateChangeMessage', notificationType: 'StatusChange', openmedia: { ...resource('b', 'Completed'), capabilities: [] } });
    expect(doubts).toEqual([]);
    await vi.advanceTimersByTimeAsync(DONE_AT_ONCE_READ_AFTER_MS);
    expect(doubts).toEqual(['a']);
  });

  it('a refusal a dialect read as another code shows the server’s own number (v3 partial success: 2, read as 7)', async () => {
    const t = setup(() => Promise.resolve({ statusCode: 7, serverCode: 2, referenceId: undefined, statusMessage: undefined }));
    t.add(['a']);
    const outcome = await t.runner.perform('a', COMPLETE);
    expect(outcome).toMatchObject({
      status: 'failed',
      error: { kind: 'status-code', code: 2, message: 'The operation only partly succeeded.' },
    });
    // Not GWS's code 2 ("not valid in the current state"): a host translating by code must not read it as one.
    expect(outcome.status === 'failed' && outcome.error.reason).toBeUndefined();
  });

  it('a status-code error thrown by the client fails the same way', async () => {
    const t = setup(() => Promise.reject(new GwsRequestError({ kind: 'status-code', status: 400, statusCode: 2, message: 'Invalid state' })));
    t.add(['a']);
    expect(await t.runner.perform('a', COMPLETE)).toMatchObject({ status: 'failed', error: { kind: 'status-code', code: 2, message: 'Invalid state' } });
  });

  it('other failures are http errors with the HTTP status; a 401 reports the lost session', async () => {
    const onUnauthorized = vi.fn();
    const t = setup(
      (request) =>
        Promise.reject(
          request.operationName === 'Complete'
            ? new GwsRequestError({ kind: 'unauthorized', status: 401, message: 'Signed out' })
            : new GwsRequestError({ kind: 'http', status: 400, message: 'Bad Request' }),
        ),
      { onUnauthorized },
    );
    t.add(['a', 'b']);
    expect(await t.runner.perform('a', COMPLETE)).toMatchObject({ status: 'failed', error: { kind: 'http', code: 401, message: 'Signed out' } });
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    expect(await t.runner.perform('b', { operationName: 'Transfer', targetUri: 'x' })).toMatchObject({
      status: 'failed',
      error: { kind: 'http', code: 400, message: 'Bad Request' },
    });
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });

  it('a failure without words says which operation failed', async () => {
    const t = setup((request) => Promise.reject(request.operationName === 'Complete' ? new Error('') : 'boom'));
    t.add(['a', 'b']);
    expect(await t.runner.perform('a', COMPLETE)).toMatchObject({ status: 'failed', error: { kind: 'http', code: undefined, message: 'Complete failed.' } });
    expect(await t.runner.perform('b', { operationName: 'Transfer', targetUri: 'x' })).toMatchObject({ error: { message: 'Transfer failed.' } });
  });

  it('dispose aborts what is in flight and settles it as timed out, once', async () => {
    const t = setup(never);
    t.add(['a']);
    const outcome = t.runner.perform('a', COMPLETE);
    await vi.advanceTimersByTimeAsync(0);
    t.runner.dispose();
    expect(t.sent[0]?.signal?.aborted).toBe(true);
    expect(await outcome).toMatchObject({ status: 'failed', error: { kind: 'timeout' } });
    t.runner.dispose();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(t.holds).toEqual({ taken: 1, released: 1 });
  });
});

describe('createActionRunner: outcomes that leave the card in doubt', () => {
  it('asks for the interaction to be read again after a timeout, a refusal, an Error notification or an HTTP failure', async () => {
    const onDoubt = vi.fn();
    const answers: Record<string, Answer> = {
      a: accepted(1), // accepted, then no notification: times out
      b: () => Promise.resolve({ statusCode: 2, referenceId: undefined, statusMessage: 'Not allowed in state Processing' }),
      c: accepted(3), // accepted, then an Error notification with its referenceId
      d: () => Promise.reject(new GwsRequestError({ kind: 'http', status: 400, message: 'Bad Request' })),
    };
    // The interaction a request is for is the last one sent.
    const t = setup((request, signal) => (answers[t.sent.at(-1)?.id ?? ''] ?? never)(request, signal), { onDoubt });
    t.add(['a', 'b', 'c', 'd']);
    const outcomes = ['a', 'b', 'c', 'd'].map((id) => t.runner.perform(id, COMPLETE));
    await vi.advanceTimersByTimeAsync(0);
    expect(onDoubt.mock.calls.map(([id]) => id).sort()).toEqual(['b', 'd']);
    t.notify(errorNotification(3, 'Refused by the server', resource('c', 'Processing')));
    expect(onDoubt.mock.calls.map(([id]) => id).sort()).toEqual(['b', 'c', 'd']);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(await Promise.all(outcomes)).toMatchObject([
      { error: { kind: 'timeout' } },
      { error: { kind: 'status-code' } },
      { error: { kind: 'error-notification' } },
      { error: { kind: 'http' } },
    ]);
    expect(onDoubt.mock.calls.map(([id]) => id).sort()).toEqual(['a', 'b', 'c', 'd']);
  });

  it('does not ask after a success, a 401 (signed out), or an action that was never sent', async () => {
    const onDoubt = vi.fn();
    const t = setup(
      (request) =>
        request.operationName === 'Complete'
          ? Promise.reject(new GwsRequestError({ kind: 'unauthorized', status: 401, message: 'Signed out' }))
          : accepted(9)(request, undefined),
      { onDoubt },
    );
    t.add(['a', 'b', 'c']);
    expect(await t.runner.perform('a', COMPLETE)).toMatchObject({ error: { kind: 'http', code: 401 } });
    const transfer = t.runner.perform('b', { operationName: 'Transfer', targetUri: 'x' });
    await vi.advanceTimersByTimeAsync(0);
    t.notify(statusChange(resource('b', 'Processing'), 9));
    expect(await transfer).toEqual({ status: 'succeeded' });
    // Accept is not among the capabilities: refused on the card, nothing sent.
    expect(await t.runner.perform('c', { operationName: 'Accept' })).toMatchObject({ error: { kind: 'not-available' } });
    expect(onDoubt).not.toHaveBeenCalled();
  });
});
