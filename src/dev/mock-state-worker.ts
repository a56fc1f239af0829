// The standalone page's watch of `GET /mock/state`, in a Worker: the mock panel reads it every
// 1.5 s, and on the page each read costs a timer task, a task for the answer and the parse. Here
// the page hears only of a read that changes what the panel shows, in one small message.
import { createMockApi } from './mock-api';
import type { MockStateReply, MockStateRequest } from './mock-state-protocol';
import { watchMockState } from './mock-state-watch';
import type { MockStateWatch } from './mock-state-watch';

let watch: MockStateWatch | undefined;

self.addEventListener('message', (event: MessageEvent<MockStateRequest>) => {
  const message = event.data;
  if (message.type === 'watch') {
    watch?.close();
    // The same reading as on the page (its errors too): the mock's control API at `base`.
    const api = createMockApi(message.base);
    watch = watchMockState((signal) => api.state(signal), message.intervalMs, (reply: MockStateReply) => self.postMessage(reply));
  } else watch?.[message.type]();
});
