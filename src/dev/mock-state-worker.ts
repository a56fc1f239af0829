// The standalone page's reader of `GET /mock/state`, in a Worker: the mock panel reads it every
// 1.5 s, and a fetch on the page's thread costs it a task for the request, another for the answer
// and the parse. Here the page gets one small message with the summary instead.
import { readMockState } from './mock-api';
import type { MockStateReply, MockStateRequest } from './mock-state-protocol';

const reads = new Map<number, AbortController>();

function reply(message: MockStateReply): void {
  self.postMessage(message);
}

async function read(id: number, url: string): Promise<void> {
  const abort = new AbortController();
  reads.set(id, abort);
  try {
    const response = await fetch(url, { credentials: 'include', signal: abort.signal });
    const body: unknown = await response.json().catch(() => undefined);
    if (abort.signal.aborted) return;
    const summary = response.ok ? readMockState(body, Date.now()) : undefined;
    if (summary) reply({ id, summary });
    else {
      const error = typeof body === 'object' && body !== null && 'error' in body && typeof body.error === 'string' ? body.error : undefined;
      reply({ id, error: error ?? (response.ok ? 'not a mock GWS state' : `HTTP ${response.status}`), status: response.ok ? 0 : response.status });
    }
  } catch (error) {
    if (!abort.signal.aborted) reply({ id, error: error instanceof Error ? error.message : String(error), status: 0 });
  } finally {
    reads.delete(id);
  }
}

self.addEventListener('message', (event: MessageEvent<MockStateRequest>) => {
  const message = event.data;
  if (message.type === 'read') void read(message.id, message.url);
  else reads.get(message.id)?.abort();
});
