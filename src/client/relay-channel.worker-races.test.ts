import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MemoryChannel } from '../channel/memory-channel';
import { createFakeBrowser } from '../test-support/fake-tabs';
import { twoWorkerTabs, workerTab } from '../test-support/worker-tabs';

// The races of a leader whose connection Worker relays to the other tabs while its page is held
// by a host's long task (found by a review): a page's stale status answering a newcomer, a
// notification the page relays late overtaken by one the Worker relays, a new leader's Worker
// saying "connected" before anyone asked the tabs to re-read what the hand-over lost.

const settle = (ms = 20) => vi.advanceTimersByTimeAsync(ms);
beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function first(server: readonly MemoryChannel[], index = 0): MemoryChannel {
  const source = server[index];
  if (source === undefined) throw new Error(`no source ${index}`);
  return source;
}

describe('a leader whose Worker relays, its page held', () => {
  it('a tab that joins meanwhile is not told the held page’s stale status after the Worker’s fresh one (Reconnecting for hours)', async () => {
    const { browser, server, a, b } = await twoWorkerTabs(settle);
    expect(a.shared.getTab().role).toBe('leader');
    const source = first(server);
    expect(b.shared.getStatus()).toBe('connected');

    a.page.hold();
    source.setStatus('reconnecting');
    await settle();
    expect(b.shared.getStatus()).toBe('reconnecting');
    const c = workerTab(browser, server);
    c.shared.subscribe(c.listener);
    await settle();
    source.setStatus('connected');
    await settle();
    expect(b.shared.getStatus()).toBe('connected');
    expect(c.shared.getStatus()).toBe('connected');

    a.page.release();
    await settle(100);
    expect(a.shared.getStatus()).toBe('connected');
    expect(b.shared.getStatus()).toBe('connected');
    expect(c.shared.getStatus()).toBe('connected');
  });

  it('nor a stale "connected" after the Worker said reconnecting (Live through an outage)', async () => {
    const { browser, server, a, b } = await twoWorkerTabs(settle);
    const source = first(server);
    a.page.hold();
    const c = workerTab(browser, server);
    c.shared.subscribe(c.listener);
    await settle();
    source.setStatus('reconnecting');
    await settle();
    a.page.release();
    await settle(100);
    for (const tab of [a, b, c]) expect(tab.shared.getStatus()).toBe('reconnecting');
  });

  it('at the hand-over from the page’s relay to the Worker’s, a follower hears the notifications in order', async () => {
    const browser = createFakeBrowser();
    const server: MemoryChannel[] = [];
    const a = workerTab(browser, server);
    a.shared.subscribe(a.listener);
    await settle(100);
    expect(a.shared.getTab().role).toBe('leader');
    const source = first(server);
    // The Worker is busy when B's hello comes: the page hears it first and asks its Worker to relay.
    a.worker.hold();
    const b = workerTab(browser, server);
    b.shared.subscribe(b.listener);
    await settle();
    a.page.hold();
    // The answer the Worker was busy with goes to the page only (before `relaying`).
    source.emit({ n: 1, state: 'Invited' });
    await settle();
    a.worker.release();
    await settle();
    source.emit({ n: 2, state: 'Processing' });
    await settle();
    a.page.release();
    await settle(100);
    expect(b.heard.messages).toEqual([
      { n: 1, state: 'Invited' },
      { n: 2, state: 'Processing' },
    ]);
  });

  it('after a leader change, the tabs are asked to re-read what the gap lost as soon as they hear "connected", the new leader’s page held', async () => {
    const browser = createFakeBrowser();
    const server: MemoryChannel[] = [];
    const options = { startConnecting: true };
    const a = workerTab(browser, server, options);
    const b = workerTab(browser, server, options);
    const c = workerTab(browser, server, options);
    const leaveA = a.shared.subscribe(a.listener);
    await settle();
    b.shared.subscribe(b.listener);
    c.shared.subscribe(c.listener);
    await settle(100);
    first(server).setStatus('connected');
    await settle(100);
    expect(c.shared.getStatus()).toBe('connected');
    const resyncsBefore = c.heard.resyncs;

    leaveA();
    await settle(100);
    expect(b.shared.getTab().role).toBe('leader');
    expect(server).toHaveLength(2);
    b.page.hold();
    first(server, 1).setStatus('connected');
    await settle(3_000);
    expect(c.shared.getStatus()).toBe('connected');
    expect(c.heard.resyncs).toBeGreaterThan(resyncsBefore);
    b.page.release();
    await settle(100);
  });
});
