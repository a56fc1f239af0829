import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { twoWorkerTabs } from '../test-support/worker-tabs';
import { LEADER_HELD_MS, LEADER_PING_MS } from './relay-channel';

// The leader tab's connection runs in a Worker; its page is held by a host's long task (a heavy
// CRM). The Worker relays to the other tabs itself: they go on hearing the news and the answers to
// their pings, stay Live and can act, where they used to stall and say "Reconnecting…" until the
// leader's page was free. The real page side (createWorkerChannel) and Worker side
// (serveConnection) talk through an in-memory Worker (src/test-support/worker-tabs.ts).

const settle = (ms = 20) => vi.advanceTimersByTimeAsync(ms);

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the leader’s connection Worker relays to the other tabs', () => {
  it('a follower hears the news and stays Live while the leader’s page is held, and hears each once', async () => {
    const { server, a, b } = await twoWorkerTabs(settle);
    expect(a.shared.getTab().role).toBe('leader');
    expect(server).toHaveLength(1);
    const [source] = server;
    source?.emit({ n: 1 });
    await settle();
    expect(b.heard.messages).toEqual([{ n: 1 }]);
    expect(b.shared.getStatus()).toBe('connected');

    a.page.hold();
    const secondAt = Date.now();
    source?.emit({ n: 2 });
    await settle(LEADER_HELD_MS + 2 * LEADER_PING_MS);
    source?.emit({ n: 3 });
    await settle();
    // The leader's page has heard nothing of it yet; the follower has, and is still Live.
    expect(b.heard.messages).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    expect(b.shared.getStatus()).toBe('connected');
    expect(b.heard.statuses).not.toContain('reconnecting');
    expect(b.shared.leaderHeld?.()).toBe(false);
    // With when the leader's Worker received it.
    expect(b.heard.times[1]).toBe(secondAt);

    a.page.release();
    await settle(100);
    expect(a.heard.messages).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    // The leader's page relays none of it again.
    expect(b.heard.messages).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    expect(b.heard.resyncs).toBe(0);
  });
});
