import { describe, expect, it } from 'vitest';
import { createFakeFetch, json } from './fake-fetch';

/** A route whose answer the test releases; `calls` counts how often the "server" saw a request. */
function heldRoute() {
  let release: ((response: Response) => void) | undefined;
  let calls = 0;
  const fake = createFakeFetch(() => {
    calls += 1;
    return new Promise<Response>((resolve) => {
      release = resolve;
    });
  });
  return {
    fake,
    calls: () => calls,
    release: (response: Response) => {
      if (release === undefined) throw new Error('the route was not called');
      release(response);
    },
  };
}

async function settled<T>(promise: Promise<T>): Promise<{ value?: T; error?: unknown }> {
  return promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
}

describe('createFakeFetch: the abort signal, as fetch honours it', () => {
  it('rejects a pending request with an AbortError the moment its signal aborts, and records it', async () => {
    const held = heldRoute();
    const controller = new AbortController();
    const pending = settled(held.fake.fetch('/api/v2/me/openmedia/workitem/x', { method: 'POST', body: '{}', signal: controller.signal }));
    await Promise.resolve();
    await Promise.resolve();
    expect(held.calls()).toBe(1);
    expect(held.fake.requests[0]?.aborted).toBe(false);

    controller.abort();
    const result = await pending; // The route never answers: only the abort can end this.
    expect(result.error).toBeInstanceOf(DOMException);
    expect((result.error as DOMException).name).toBe('AbortError');
    expect(held.fake.requests[0]).toMatchObject({ method: 'POST', aborted: true, signal: controller.signal });
  });

  it('rejects with the reason given to abort(reason), as fetch does', async () => {
    const held = heldRoute();
    const controller = new AbortController();
    const pending = settled(held.fake.fetch('/x', { signal: controller.signal }));
    const reason = new Error('timed out');
    controller.abort(reason);
    expect((await pending).error).toBe(reason);
    expect(held.fake.requests[0]?.aborted).toBe(true);
  });

  it('does not reach the route with an already-aborted signal', async () => {
    const held = heldRoute();
    const controller = new AbortController();
    controller.abort();
    const result = await settled(held.fake.fetch('/x', { method: 'POST', body: '{}', signal: controller.signal }));
    expect((result.error as DOMException).name).toBe('AbortError');
    await Promise.resolve();
    expect(held.calls()).toBe(0);
    expect(held.fake.requests[0]?.aborted).toBe(true);
  });

  it('keeps running the route after an abort: the server is not told', async () => {
    const held = heldRoute();
    const controller = new AbortController();
    const pending = settled(held.fake.fetch('/x', { method: 'POST', body: '{"operationName":"Accept"}', signal: controller.signal }));
    await Promise.resolve();
    await Promise.resolve();
    controller.abort();
    await pending;
    // The answer the server sends after the client gave up goes nowhere, and changes nothing.
    held.release(json({ statusCode: 0, referenceId: 1 }));
    await Promise.resolve();
    expect(held.calls()).toBe(1);
    expect(held.fake.requests[0]?.aborted).toBe(true);
  });

  it('leaves a request answered before the abort alone, its body already read', async () => {
    const fake = createFakeFetch(() => json({ statusCode: 0 }));
    const controller = new AbortController();
    const response = await fake.fetch('/x', { signal: controller.signal });
    expect(await response.json()).toEqual({ statusCode: 0 });
    controller.abort();
    expect(fake.requests[0]?.aborted).toBe(false);
  });

  it('errors a body not yet read when the signal aborts, as fetch does', async () => {
    const fake = createFakeFetch(() => json({ statusCode: 0 }, { status: 202, headers: { 'X-CSRF-TOKEN': 't' } }));
    const controller = new AbortController();
    const response = await fake.fetch('/x', { signal: controller.signal });
    expect(response.status).toBe(202);
    expect(response.headers.get('X-CSRF-TOKEN')).toBe('t');
    controller.abort();
    const result = await settled(response.text());
    expect((result.error as DOMException).name).toBe('AbortError');
    expect(fake.requests[0]?.aborted).toBe(true);
  });

  it('passes a rejection of the route through, and records requests without a signal as not aborted', async () => {
    const failure = new TypeError('Failed to fetch');
    const fake = createFakeFetch(() => Promise.reject(failure));
    expect((await settled(fake.fetch('/x'))).error).toBe(failure);
    expect(fake.requests[0]).toMatchObject({ signal: undefined, aborted: false });
  });
});
