// The standalone page's watch of `GET /mock/state`, in a Worker: the mock panel reads it every
// 1.5 s, and on the page each read costs a timer task, a task for the answer and the parse. Here
// the page hears only of a read that changes what the panel shows, in one small message.
import { MockRequestError, readMockState } from './mock-api';
import type { MockSummary } from './mock-api';
import type { MockStateReply, MockStateRequest } from './mock-state-protocol';
import { watchMockState } from './mock-state-watch';
import type { MockStateWatch } from './mock-state-watch';

let watch: MockStateWatch | undefined;

async function read(url: string, signal: AbortSignal): Promise<MockSummary> {
  const response = await fetch(url, { credentials: 'include', signal });
  const body: unknown = await response.json().catch(() => undefined);
  const summary = response.ok ? readMockState(body, Date.now()) : undefined;
  if (summary) return summary;
  const error = typeof body === 'object' && body !== null && 'error' in body && typeof body.error === 'string' ? body.error : undefined;
  throw new MockRequestError(error ?? (response.ok ? 'not a mock GWS state' : `HTTP ${response.status}`), response.ok ? 0 : response.status);
}

self.addEventListener('message', (event: MessageEvent<MockStateRequest>) => {
  const message = event.data;
  switch (message.type) {
    case 'watch':
      watch?.close();
      watch = watchMockState((signal) => read(message.url, signal), message.intervalMs, (reply: MockStateReply) => self.postMessage(reply));
      return;
    case 'close':
      watch?.close();
      watch = undefined;
      return;
    default:
      watch?.[message.type]();
  }
});
