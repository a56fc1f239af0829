import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMockGws } from '../mock-gws/server';
import type { RunningMockGws } from '../mock-gws/server';
import { waitFor } from '../test-support/wait-for';
import type { MockStateView, RequestLogEntry } from '../mock-gws/types';
import { mockControl, mockRead, startHeadlessWidget } from '../test-support/headless-widget';

// Its own file: the widget here ends unauthorized, and cometd-nodejs-client is process-wide.

let mock: RunningMockGws;

beforeAll(async () => {
  mock = await createMockGws({ outcomeDelayMs: 20, longPollTimeoutMs: 5_000 });
});

afterAll(async () => {
  await mock.close();
});

describe('headless widget ↔ mock GWS: the HTTP session ends', () => {
  it('reports unauthorized, stops, and does not loop on the handshake', async () => {
    const widget = await startHeadlessWidget({ mockUrl: mock.url });
    try {
      await waitFor(() => widget.openmedia.getSnapshot().status === 'connected', 'connected');
      await mockControl(mock.url, 'expire-session');
      await waitFor(() => widget.openmedia.getSnapshot().status === 'unauthorized', 'unauthorized', 10_000);

      const handshakes = (await mockRead<MockStateView>(mock.url, 'state')).handshakes;
      const refusedCometd = async () =>
        (await mockRead<{ requests: RequestLogEntry[] }>(mock.url, 'log')).requests.filter(
          (r) => r.path.startsWith('/api/v2/notifications') && r.status === 401,
        ).length;
      const refusedBefore = await refusedCometd();
      // Long enough for several back-off rounds (100 ms steps, 500 ms cap) had the channel kept trying.
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      expect((await mockRead<MockStateView>(mock.url, 'state')).handshakes).toBe(handshakes);
      expect(await refusedCometd()).toBe(refusedBefore);
      expect(widget.openmedia.getSnapshot().status).toBe('unauthorized');
      expect(widget.statuses.map((s) => s.status).filter((s) => s === 'unauthorized')).toHaveLength(1);

      // A snapshot read now fails visibly too.
      await widget.gws.getSnapshot('promotion').then(
        () => expect.unreachable('the snapshot read should fail'),
        (error: unknown) => expect(error).toMatchObject({ kind: 'unauthorized', status: 401 }),
      );
    } finally {
      widget.stop();
    }
  });
});
