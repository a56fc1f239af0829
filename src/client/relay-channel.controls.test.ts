import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryChannel } from '../channel/memory-channel';
import type { MemoryChannel } from '../channel/memory-channel';
import type { ChannelListener, ConnectionStatus } from '../channel/types';
import { OPENMEDIA_CHANNEL } from '../protocol/parse';
import { createFakeBrowser } from '../test-support/fake-tabs';
import type { FakeBrowser } from '../test-support/fake-tabs';
import { LEADER_HELD_MS, LEADER_PING_MS, createSharedChannel } from './relay-channel';

// Two tabs sharing one connection, driven with fake timers: what a follower's Reconnect and
// session end reach, what the leader's source tells every tab, alert announcements, goodbyes.

const NAME = 'openmedia-widget gws-v2 http://gws.test/api/v2/notifications';

function tab(browser: FakeBrowser) {
  const fake = browser.tab();
  const sources: (MemoryChannel & { reconnects: number; ends: number; retries: number })[] = [];
  const shared = createSharedChannel({
    name: NAME,
    descriptor: OPENMEDIA_CHANNEL,
    environment: fake.environment,
    recountMs: 1_000,
    createSource: () => {
      const memory = createMemoryChannel();
      const source = Object.assign(memory, {
        reconnects: 0,
        ends: 0,
        retries: 0,
        retryNow() {
          source.retries += 1;
        },
        reconnect() {
          source.reconnects += 1;
        },
        sessionEnded() {
          source.ends += 1;
        },
      });
      sources.push(source);
      return source;
    },
  });
  const heard = { statuses: [] as ConnectionStatus[], resyncs: 0, checks: 0, messages: [] as unknown[], alerted: [] as (readonly string[])[] };
  const listener: ChannelListener = {
    onMessage: (data) => heard.messages.push(data),
    onStatus: (status) => heard.statuses.push(status),
    onResyncNeeded: () => (heard.resyncs += 1),
    onSessionCheckNeeded: () => (heard.checks += 1),
  };
  shared.subscribeAlerted((ids) => heard.alerted.push(ids));
  return { fake, shared, sources, heard, listener, source: () => sources.at(-1) };
}

const settle = (ms = 20) => vi.advanceTimersByTimeAsync(ms);

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

async function twoTabs() {
  const browser = createFakeBrowser();
  const a = tab(browser);
  const b = tab(browser);
  const offA = a.shared.subscribe(a.listener);
  await settle();
  const offB = b.shared.subscribe(b.listener);
  await settle();
  return { browser, a, b, offA, offB };
}

describe('shared connection: controls', () => {
  it('starts disconnected as a follower; the first tab leads, the second follows its status', async () => {
    const browser = createFakeBrowser();
    const lone = tab(browser);
    expect(lone.shared.getStatus()).toBe('disconnected');
    expect(lone.shared.getTab()).toEqual({ role: 'follower', tabs: undefined });
    const { a, b } = await twoTabs();
    expect(a.shared.getTab().role).toBe('leader');
    expect(b.shared.getTab().role).toBe('follower');
    expect(a.shared.getStatus()).toBe('connected');
    expect(b.shared.getStatus()).toBe('connected');
    expect(b.heard.statuses).toEqual(['connecting', 'connected']);
    expect(b.sources).toHaveLength(0);
  });

  it("the server's refusal of the leader's subscription reaches the follower with the status, and goes with it", async () => {
    const { a, b } = await twoTabs();
    const heardB: [ConnectionStatus, string | undefined][] = [];
    b.shared.subscribe({ onMessage: () => undefined, onStatus: (status, refusal) => heardB.push([status, refusal]) });
    a.source()?.setStatus('reconnecting', '403::subscribe_failed');
    await settle();
    expect(a.shared.getRefusal?.()).toBe('403::subscribe_failed');
    expect(b.shared.getStatus()).toBe('reconnecting');
    expect(b.shared.getRefusal?.()).toBe('403::subscribe_failed');
    a.source()?.setStatus('connected');
    await settle();
    expect(b.shared.getRefusal?.()).toBeUndefined();
    expect(heardB).toEqual([
      ['reconnecting', '403::subscribe_failed'],
      ['connected', undefined],
    ]);
  });

  it("a follower's Reconnect and session end reach the leader's connection; the leader's act on its own", async () => {
    const { a, b } = await twoTabs();
    b.shared.reconnect?.();
    b.shared.sessionEnded?.();
    await settle();
    expect(a.source()?.reconnects).toBe(1);
    expect(a.source()?.ends).toBe(1);
    a.shared.reconnect?.();
    a.shared.sessionEnded?.();
    expect(a.source()?.reconnects).toBe(2);
    expect(a.source()?.ends).toBe(2);
  });

  it("retryNow (the network is back) reaches only the leader's own connection: every tab hears `online` itself", async () => {
    const { a, b } = await twoTabs();
    b.shared.retryNow?.();
    await settle();
    expect(a.source()?.retries).toBe(0);
    a.shared.retryNow?.();
    expect(a.source()?.retries).toBe(1);
  });

  it('Reconnect and session end do nothing on a tab that is not sharing', () => {
    const lone = tab(createFakeBrowser());
    expect(() => {
      lone.shared.reconnect?.();
      lone.shared.sessionEnded?.();
    }).not.toThrow();
  });

  it("the leader's resync reaches every tab; its session check stays with the leader", async () => {
    const { a, b } = await twoTabs();
    const resyncsA = a.heard.resyncs;
    const resyncsB = b.heard.resyncs;
    a.source()?.requestResync();
    a.source()?.requestSessionCheck();
    await settle();
    expect(a.heard.resyncs).toBe(resyncsA + 1);
    expect(b.heard.resyncs).toBe(resyncsB + 1);
    expect(a.heard.checks).toBe(1);
    expect(b.heard.checks).toBe(0);
  });

  it('messages reach the leader once and the followers once', async () => {
    const { a, b } = await twoTabs();
    a.source()?.emit({ n: 1 });
    await settle();
    expect(a.heard.messages).toEqual([{ n: 1 }]);
    expect(b.heard.messages).toEqual([{ n: 1 }]);
  });

  it('announced offers reach the other tabs, nothing is sent for none, and a tab that joins later hears them', async () => {
    const { browser, a, b } = await twoTabs();
    a.shared.announceAlerted([]);
    await settle();
    expect(b.heard.alerted).toEqual([]);
    a.shared.announceAlerted(['x', 'y']);
    await settle();
    expect(b.heard.alerted).toEqual([['x', 'y']]);
    const c = tab(browser);
    c.shared.subscribe(c.listener);
    await settle();
    expect(c.heard.alerted).toEqual([['x', 'y']]);
  });

  it('when the leader leaves, the follower shows reconnecting, takes the lead and asks for a resync', async () => {
    const { b, offA } = await twoTabs();
    const resyncs = b.heard.resyncs;
    offA();
    await settle();
    expect(b.heard.statuses).toContain('reconnecting');
    await settle(600);
    expect(b.shared.getTab().role).toBe('leader');
    expect(b.sources).toHaveLength(1);
    expect(b.shared.getStatus()).toBe('connected');
    expect(b.heard.resyncs).toBe(resyncs + 1);
  });

  it('when a follower leaves, the leader stays connected and counts one tab', async () => {
    const { a, offB } = await twoTabs();
    await settle(1_000);
    expect(a.shared.getTab()).toEqual({ role: 'leader', tabs: 2 });
    offB();
    offB();
    await settle(1_000);
    expect(a.shared.getStatus()).toBe('connected');
    expect(a.shared.getTab()).toEqual({ role: 'leader', tabs: 1 });
  });

  it('a tab that has never heard from another does not re-read the count every few seconds; one that has does, and sees a crashed tab gone', async () => {
    const browser = createFakeBrowser();
    const a = tab(browser);
    const queries = vi.spyOn(a.fake.environment.locks, 'query');
    a.shared.subscribe(a.listener);
    await settle(1_000);
    expect(a.shared.getTab()).toEqual({ role: 'leader', tabs: 1 });
    const alone = queries.mock.calls.length;
    await settle(10_000);
    expect(queries.mock.calls.length).toBe(alone);
    // A second tab says hello: the count is read at once, and from then on every second.
    const b = tab(browser);
    b.shared.subscribe(b.listener);
    await settle(100);
    expect(a.shared.getTab()).toEqual({ role: 'leader', tabs: 2 });
    const together = queries.mock.calls.length;
    await settle(3_000);
    expect(queries.mock.calls.length).toBeGreaterThanOrEqual(together + 3);
    // It crashes (no goodbye): the periodic count notices.
    b.fake.crash();
    await settle(1_000);
    expect(a.shared.getTab()).toEqual({ role: 'leader', tabs: 1 });
  });

  it('a hello read before the newcomer’s lock request shows in the count is corrected half a second later, not at the next periodic count', async () => {
    const browser = createFakeBrowser();
    const a = tab(browser);
    a.shared.subscribe(a.listener);
    await settle(1_000);
    expect(a.shared.getTab()).toEqual({ role: 'leader', tabs: 1 });
    // The leader's count, read when the hello arrives, does not see the newcomer yet.
    const { locks } = a.fake.environment;
    const query = locks.query?.bind(locks);
    if (query === undefined) throw new Error('the fake browser reads the lock queue');
    let stale = true;
    vi.spyOn(locks, 'query').mockImplementation(async () => {
      const snapshot = await query();
      if (!stale) return snapshot;
      stale = false;
      return { held: snapshot.held, pending: [] };
    });
    const b = tab(browser);
    b.shared.subscribe(b.listener);
    await settle(100);
    expect(a.shared.getTab()).toEqual({ role: 'leader', tabs: 1 });
    // The periodic count (every 1 s here, 5 s by default) is not due before 2 s.
    await settle(500);
    expect(a.shared.getTab()).toEqual({ role: 'leader', tabs: 2 });
  });

  it('the last listener leaving stops sharing: disconnected, follower, count unknown, the source closed', async () => {
    const { a, offA } = await twoTabs();
    const source = a.source();
    offA();
    await settle();
    expect(a.shared.getStatus()).toBe('disconnected');
    expect(a.shared.getTab()).toEqual({ role: 'follower', tabs: undefined });
    expect(source?.listenerCount()).toBe(0);
  });

  it('a page being hidden for good says goodbye as leader, so the follower takes over', async () => {
    const pageHide: (() => void)[] = [];
    vi.stubGlobal('addEventListener', (type: string, listener: () => void) => {
      if (type === 'pagehide') pageHide.push(listener);
    });
    vi.stubGlobal('removeEventListener', () => undefined);
    try {
      const { b } = await twoTabs();
      // The first tab (the leader) is being closed.
      pageHide[0]?.();
      await settle();
      expect(b.heard.statuses).toContain('reconnecting');
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it("a follower says so when the leader's page is held (a host's long task), and shows Live again, with nothing lost, once it speaks", async () => {
    const { a, b } = await twoTabs();
    a.source()?.setStatus('connected');
    await settle();
    expect(b.heard.statuses.at(-1)).toBe('connected');
    // A's page is held: its connection goes on (in its Worker), but nothing reaches B.
    const release = a.fake.hold();
    await settle(LEADER_HELD_MS - 100);
    expect(b.shared.getStatus(), 'a short long task changes nothing').toBe('connected');
    await settle(LEADER_PING_MS + 100);
    expect(b.shared.getStatus()).toBe('reconnecting');
    expect(b.shared.leaderHeld?.()).toBe(true);
    expect(a.shared.leaderHeld?.()).toBe(false);
    expect(b.heard.resyncs).toBe(0);
    // Once free, A relays what its connection heard meanwhile, in order.
    release();
    a.source()?.emit({ n: 1 });
    await settle();
    expect(b.heard.messages).toEqual([{ n: 1 }]);
    expect(b.shared.getStatus()).toBe('connected');
    expect(b.shared.leaderHeld?.()).toBe(false);
    expect(b.heard.statuses.slice(-2)).toEqual(['reconnecting', 'connected']);
    // No re-read: nothing was lost, only late.
    expect(b.heard.resyncs).toBe(0);
  });

  it("a follower whose own page was held does not take the leader's queued answer for silence", async () => {
    const { a, b } = await twoTabs();
    a.source()?.setStatus('connected');
    await settle(LEADER_PING_MS * 2);
    // B's page is held 20 s: the leader's answers wait in its queue, the clock moves on.
    const release = b.fake.hold();
    await settle(LEADER_PING_MS); // B's last ping before its page stops
    vi.setSystemTime(Date.now() + 20_000);
    // Its first tick after: the leader's answers are still queued behind it.
    await settle(LEADER_PING_MS);
    release();
    await settle(LEADER_PING_MS * 3);
    expect(b.heard.statuses).not.toContain('reconnecting');
    expect(b.shared.getStatus()).toBe('connected');
  });

  it('a leader that answers its pings is never taken for held, even with no notifications for minutes', async () => {
    const { a, b } = await twoTabs();
    a.source()?.setStatus('connected');
    await settle();
    await settle(5 * 60_000);
    expect(b.heard.statuses).not.toContain('reconnecting');
    expect(b.shared.getStatus()).toBe('connected');
    expect(a.shared.getStatus()).toBe('connected');
  });
});
