import { describe, expect, it, vi } from 'vitest';
import { MockRequestError, readMockState } from './mock-api';
import type { MockApi, MockSummary } from './mock-api';
import type { MockStateReply, MockStateRequest } from './mock-state-protocol';
import { readStateOffThread } from './mock-state-reader';
import type { MockStateWorker } from './mock-state-reader';

const URL_ = 'http://127.0.0.1:5173/mock/state';
const summary = (published: number) => readMockState({ interactions: [], published }, 1_000) as MockSummary;

/** A Worker stand-in: records what the page asks and answers when the test says. */
function fakeWorker() {
  const sent: MockStateRequest[] = [];
  const listeners: { message: ((event: MessageEvent<MockStateReply>) => void)[]; error: (() => void)[] } = { message: [], error: [] };
  let terminated = false;
  const worker: MockStateWorker = {
    postMessage: (message) => void sent.push(message),
    addEventListener: (type: 'message' | 'error', listener: never) => void listeners[type].push(listener),
    terminate: () => {
      terminated = true;
    },
  };
  return {
    worker,
    sent,
    reply: (message: MockStateReply) => listeners.message.forEach((l) => l({ data: message } as MessageEvent<MockStateReply>)),
    crash: () => listeners.error.forEach((l) => l()),
    get terminated() {
      return terminated;
    },
  };
}

function pageApi(): MockApi & { state: ReturnType<typeof vi.fn> } {
  return { state: vi.fn(() => Promise.resolve(summary(99))), post: vi.fn(() => Promise.resolve({ ok: true })) };
}

describe('readStateOffThread: the mock panel reads /mock/state in a Worker', () => {
  it('asks the Worker for the URL and resolves with its summary, not touching the page’s fetch', async () => {
    const fake = fakeWorker();
    const api = pageApi();
    const reader = readStateOffThread(api, URL_, () => fake.worker);
    const read = reader.state();
    expect(fake.sent).toEqual([{ type: 'read', id: 1, url: URL_ }]);
    fake.reply({ id: 1, summary: summary(5) });
    await expect(read).resolves.toMatchObject({ published: 5 });
    expect(api.state).not.toHaveBeenCalled();
  });

  it('turns the Worker’s error into a MockRequestError with its status', async () => {
    const fake = fakeWorker();
    const reader = readStateOffThread(pageApi(), URL_, () => fake.worker);
    const read = reader.state();
    fake.reply({ id: 1, error: 'HTTP 503', status: 503 });
    await expect(read).rejects.toEqual(new MockRequestError('HTTP 503', 503));
  });

  it('an aborted read rejects at once and tells the Worker; a late answer to it is ignored', async () => {
    const fake = fakeWorker();
    const reader = readStateOffThread(pageApi(), URL_, () => fake.worker);
    const abort = new AbortController();
    const read = reader.state(abort.signal);
    abort.abort();
    await expect(read).rejects.toBeDefined();
    expect(fake.sent.at(-1)).toEqual({ type: 'abort', id: 1 });
    expect(() => fake.reply({ id: 1, summary: summary(1) })).not.toThrow();
  });

  it('reads on the page when no Worker can start', async () => {
    const api = pageApi();
    const reader = readStateOffThread(api, URL_, () => {
      throw new ReferenceError('Worker is not defined');
    });
    await expect(reader.state()).resolves.toMatchObject({ published: 99 });
    await expect(reader.state()).resolves.toMatchObject({ published: 99 });
    expect(api.state).toHaveBeenCalledTimes(2);
  });

  it('a Worker that fails is dropped and the read it had is made on the page, as are the next', async () => {
    const fake = fakeWorker();
    const api = pageApi();
    const start = vi.fn(() => fake.worker);
    const reader = readStateOffThread(api, URL_, start);
    const read = reader.state();
    fake.crash();
    await expect(read).resolves.toMatchObject({ published: 99 });
    expect(fake.terminated).toBe(true);
    await expect(reader.state()).resolves.toMatchObject({ published: 99 });
    expect(start).toHaveBeenCalledTimes(1);
  });

  it('posts go to the page’s API, and close() ends the Worker and its reads (a later read starts a new one)', async () => {
    const first = fakeWorker();
    const second = fakeWorker();
    const start = vi.fn().mockReturnValueOnce(first.worker).mockReturnValueOnce(second.worker);
    const api = pageApi();
    const reader = readStateOffThread(api, URL_, start);
    await expect(reader.post('reset', {})).resolves.toEqual({ ok: true });
    const orphan = reader.state();
    reader.close();
    expect(first.terminated).toBe(true);
    await expect(orphan).rejects.toBeInstanceOf(MockRequestError);
    void reader.state();
    expect(start).toHaveBeenCalledTimes(2);
    expect(second.sent).toEqual([{ type: 'read', id: 2, url: URL_ }]);
  });
});
