import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMockGws } from '../mock-gws/server';
import type { RunningMockGws } from '../mock-gws/server';
import { holdsFor, waitFor } from '../test-support/wait-for';
import type { MockStateView, RequestLogEntry } from '../mock-gws/types';
import { HEADLESS_BACKOFF, mockControl, mockRead, startHeadlessWidget } from '../test-support/headless-widget';

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

      const refusedCometd = async () => {
        const { requests } = await mockRead<{ requests: RequestLogEntry[] }>(mock.url, 'log');
        return requests.filter((r) => r.path.startsWith('/api/v2/notifications') && r.status === 401).length;
      };
      const handshakes = (await mockRead<MockStateView>(mock.url, 'state')).handshakes;
      const refusedBefore = await refusedCometd();
      // Nothing more reaches CometD, checked as it goes (a retry fails the test at once), over
      // four rounds of the back-off cap: CometD and the channel both wait at most maxMs between
      // attempts, so a client that kept trying shows within the window. (Made to keep retrying —
      // the CometD session left running on a 401 — this fails at the first retry.)
      await holdsFor(
        async () =>
          (await refusedCometd()) === refusedBefore &&
          (await mockRead<MockStateView>(mock.url, 'state')).handshakes === handshakes &&
          widget.openmedia.getSnapshot().status === 'unauthorized',
        'no CometD retry after unauthorized',
        4 * HEADLESS_BACKOFF.maxMs,
      );
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
