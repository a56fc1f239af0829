import { afterEach, describe, expect, it, vi } from 'vitest';
import { capture } from '../../protocol/workspace-v3/fixtures';
import { createWorkspaceV3Session } from '../../protocol/workspace-v3/session';
import { createFakeFetch, json } from '../../testing/fake-fetch';
import type { FakeRoute } from '../../testing/fake-fetch';
import { GwsRequestError } from '../errors';
import { createWorkspaceV3Client } from './client';
import { SNAPSHOT_RETRY_DELAYS_MS } from './current-session';

const invited = capture('v3-01-current-session-invited');

afterEach(() => {
  vi.useRealTimers();
});

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  );
}

function client(route: FakeRoute, snapshotRetryDelaysMs?: readonly number[]) {
  const fake = createFakeFetch(route);
  const session = createWorkspaceV3Session({ referenceBase: 0, instanceId: 'abcd' });
  return { fake, client: createWorkspaceV3Client({ fetch: fake.fetch, session, snapshotRetryDelaysMs }) };
}

/** Fails the first read with `first`, then answers the invited session. */
function failingOnce(first: () => Response | Promise<Response>): FakeRoute {
  let calls = 0;
  return () => (++calls === 1 ? first() : json(invited));
}

describe('current-session reads: what is retried', () => {
  it.each([
    ['HTTP 403 (the simulator right after a handshake)', () => new Response('', { status: 403 })],
    ['HTTP 429', () => new Response('', { status: 429 })],
    ['HTTP 500', () => new Response('', { status: 500 })],
    ['HTTP 503', () => new Response('', { status: 503 })],
    // The spec: non-2xx answers carry {status: {code, message}}; a real server's "not ready yet".
    ['HTTP 403 with its {status} body', () => json({ status: { code: 9, message: 'Session is not initialized yet' } }, { status: 403 })],
    ['HTTP 503 with its {status} body', () => json({ status: { code: 5, message: 'Try later' } }, { status: 503 })],
    ['no answer', () => Promise.reject(new TypeError('Failed to fetch'))],
    // A 200 without the session's channels carries no HTTP status to judge by: worth another try.
    ['an unreadable answer', () => json({ data: {} })],
  ])('%s is retried after the first wait', async (_, first) => {
    vi.useFakeTimers();
    const { fake, client: v3 } = client(failingOnce(first), [100]);
    const result = v3.getSnapshot('workitem');
    await vi.advanceTimersByTimeAsync(99);
    expect(fake.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect((await result).interactions).toHaveLength(1);
    expect(fake.requests).toHaveLength(2);
  });

  it.each([
    ['HTTP 404', () => new Response('', { status: 404 }), { kind: 'http', status: 404 }],
    ['HTTP 499', () => new Response('', { status: 499 }), { kind: 'http', status: 499 }],
    ['HTTP 401', () => new Response('', { status: 401 }), { kind: 'unauthorized' }],
    ['a status-code refusal in a 400', () => json({ status: { code: 5, message: 'No' } }, { status: 400 }), { kind: 'status-code', statusCode: 5 }],
    ['a status-code refusal in a 200', () => json({ status: { code: 7, message: 'Refused' } }), { kind: 'status-code', statusCode: 7, message: 'Refused' }],
  ])('%s is not retried', async (_, first, expected) => {
    vi.useFakeTimers();
    const { fake, client: v3 } = client(failingOnce(first), [100]);
    const error = await rejection(v3.getSnapshot('workitem'));
    expect(error).toBeInstanceOf(GwsRequestError);
    expect(error).toMatchObject(expected);
    expect(fake.requests).toHaveLength(1);
  });

  it('by default waits 250 ms before the second attempt', async () => {
    vi.useFakeTimers();
    expect(SNAPSHOT_RETRY_DELAYS_MS).toEqual([250, 500, 1_000, 2_000, 4_000]);
    const { fake, client: v3 } = client(failingOnce(() => new Response('', { status: 403 })));
    const result = v3.getSnapshot('workitem');
    await vi.advanceTimersByTimeAsync(249);
    expect(fake.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect((await result).interactions).toHaveLength(1);
  });
});

describe('current-session reads: what an unreadable answer says', () => {
  it('a refusal without a message names its code; an unreadable answer names the reason', async () => {
    const refused = client(() => json({ status: { code: 9 } }), []);
    expect(await rejection(refused.client.getSnapshot('workitem'))).toMatchObject({
      kind: 'status-code',
      statusCode: 9,
      message: 'The Workspace API refused current-session (status code 9).',
    });
    const unreadable = client(() => json([]), []);
    expect(await rejection(unreadable.client.getSnapshot('workitem'))).toMatchObject({
      kind: 'http',
      message: 'The Workspace API sent a current-session the widget cannot read (not-an-object).',
    });
  });
});

describe('current-session reads: sharing and aborts', () => {
  it('a read that starts after the previous one ended reads again', async () => {
    const { fake, client: v3 } = client(() => json(invited), []);
    await v3.getSnapshot('workitem');
    await v3.getSnapshot('workitem');
    expect(fake.requests).toHaveLength(2);
  });

  it('an already aborted caller gets its abort reason and sends nothing', async () => {
    const { fake, client: v3 } = client(() => json(invited), []);
    const abort = new AbortController();
    abort.abort(new Error('replaced'));
    expect(await rejection(v3.getSnapshot('workitem', { signal: abort.signal }))).toEqual(new Error('replaced'));
    expect(fake.requests).toHaveLength(0);
  });

  it('a caller aborting while the shared read runs gets its own abort reason', async () => {
    const { client: v3 } = client(() => new Promise<Response>(() => undefined), []);
    const abort = new AbortController();
    const pending = rejection(v3.getSnapshot('workitem', { signal: abort.signal }));
    abort.abort(new Error('replaced by a newer read'));
    expect(await pending).toEqual(new Error('replaced by a newer read'));
  });

  it('an item it cannot read is still listed (unreadableIds, by media type): its card is not taken for gone', async () => {
    const item = (id: string, mediatype: unknown, extra: Record<string, unknown> = {}) => ({ id, mediatype, state: 'Processing', capabilities: [], ...extra });
    const body = {
      data: {
        user: {
          activeSession: {
            media: {
              channels: [{ interactions: [item('w1', 'workitem', { userData: { a: 1 } }), item('e1', 'email', { state: 5 }), item('x1', 7), item('w2', 'workitem')] }],
            },
          },
        },
      },
    };
    const { client: v3 } = client(() => json(body), []);
    const workitems = await v3.getSnapshot('workitem');
    expect(workitems.interactions.map((i) => i.id)).toEqual(['w2']);
    expect(workitems.unreadableIds).toEqual(['w1', 'x1']);
    expect((await v3.getSnapshot('email')).unreadableIds).toEqual(['e1', 'x1']);
    expect((await v3.getSnapshot('chat')).unreadableIds).toEqual(['x1']);
  });

  it('a read every caller gave up on stops retrying (in the 403 window it read ~180 kB again and again beside its successor)', async () => {
    vi.useFakeTimers();
    const { fake, client: v3 } = client(() => new Response('', { status: 403 }), [100, 100, 100, 100]);
    const gone = new AbortController();
    const abandoned = rejection(v3.getSnapshot('workitem', { signal: gone.signal }));
    await vi.advanceTimersByTimeAsync(0);
    expect(fake.requests).toHaveLength(1);
    gone.abort(new Error('replaced'));
    expect(await abandoned).toEqual(new Error('replaced'));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(fake.requests).toHaveLength(1);
    // Its successor retries as it should.
    const next = rejection(v3.getSnapshot('workitem'));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(fake.requests).toHaveLength(6);
    expect(await next).toMatchObject({ status: 403 });
  });

  it('a caller joins the read still out while another waits for it; once every caller gave up, the next one reads afresh', async () => {
    const answers: ((response: Response) => void)[] = [];
    const { fake, client: v3 } = client(() => new Promise<Response>((resolve) => answers.push(resolve)), []);
    const first = new AbortController();
    const stale = rejection(v3.getSnapshot('workitem', { signal: first.signal }));
    const other = v3.getSnapshot('email');
    await vi.waitFor(() => expect(fake.requests).toHaveLength(1));
    // One of two gives up: the other still waits, so a newcomer shares the read.
    first.abort(new Error('replaced'));
    expect(await stale).toEqual(new Error('replaced'));
    const joined = v3.getSnapshot('workitem');
    answers[0]?.(json(invited));
    expect((await joined).interactions).toHaveLength(1);
    await other;
    expect(fake.requests).toHaveLength(1);

    // Every caller of a read gives up (the widget replaced its reads after a gap): the next caller
    // does not take that read's answer, sent before the gap, but reads again.
    const gone = new AbortController();
    const before = rejection(v3.getSnapshot('workitem', { signal: gone.signal }));
    await vi.waitFor(() => expect(fake.requests).toHaveLength(2));
    gone.abort(new Error('replaced after a gap'));
    await before;
    const after = v3.getSnapshot('workitem');
    await vi.waitFor(() => expect(fake.requests).toHaveLength(3));
    // The abandoned read answering late changes nothing for the new caller.
    answers[1]?.(json({ data: {} }));
    answers[2]?.(json(invited));
    expect((await after).interactions).toHaveLength(1);
  });
});
