// @vitest-environment jsdom
import { QueryClient } from '@tanstack/query-core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createGwsClient } from '../api/client';
import { createMemoryChannel } from '../channel/memory-channel';
import { openmediaReducer } from '../core/reducer';
import { parseNotification } from '../protocol/parse';
import { createFakeFetch, csrfHeaders, json } from '../testing/fake-fetch';
import { resource, statusChange } from '../testing/scripted-gws';
import { run } from '../test-support/builders';
import { HEARD_LATE_WITHIN_MS, watchFreezes } from './freeze-watch';
import { createOpenmediaClient } from './openmedia-client';

// Chrome freezes a background tab (its Worker too): what the network brought meanwhile is handled
// when the page resumes, stamped with that moment. An offer that had waited a minute read 00:01,
// as if exact. Its time in state is "at least" now.

beforeEach(() => {
  vi.useFakeTimers({ now: 1_000_000 });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('watchFreezes', () => {
  it('news heard from the freeze until a moment after the resume may be late; before and after, not', () => {
    const page = new EventTarget();
    const watch = watchFreezes(page, () => Date.now());
    expect(watch.heardLate(Date.now())).toBe(false);
    const before = Date.now();
    vi.advanceTimersByTime(10);
    page.dispatchEvent(new Event('freeze'));
    expect(watch.heardLate(before)).toBe(false);
    vi.advanceTimersByTime(60_000);
    expect(watch.heardLate(Date.now())).toBe(true);
    page.dispatchEvent(new Event('resume'));
    vi.advanceTimersByTime(HEARD_LATE_WITHIN_MS);
    expect(watch.heardLate(Date.now())).toBe(true);
    vi.advanceTimersByTime(1);
    expect(watch.heardLate(Date.now())).toBe(false);
    watch.stop();
    page.dispatchEvent(new Event('freeze'));
    expect(watch.heardLate(Date.now())).toBe(false);
  });
});

describe('watchFreezes, stamps made elsewhere', () => {
  it('a stamp from while this page was frozen was made by something that was not (the leader tab): on time', () => {
    const page = new EventTarget();
    const watch = watchFreezes(page, () => Date.now());
    page.dispatchEvent(new Event('freeze'));
    const frozenAt = Date.now();
    vi.advanceTimersByTime(60_000);
    page.dispatchEvent(new Event('resume'));
    expect(watch.heardLate(frozenAt + 30_000)).toBe(false);
    expect(watch.heardLate(Date.now())).toBe(true);
  });
});

describe('the reducer, news heard late', () => {
  const offer = (() => {
    const parsed = parseNotification(statusChange(resource('o', 'Invited')));
    if (!parsed.ok) throw new Error(parsed.reason);
    return parsed.notification;
  })();
  const accepted = (() => {
    const parsed = parseNotification(statusChange(resource('o', 'Processing')));
    if (!parsed.ok) throw new Error(parsed.reason);
    return parsed.notification;
  })();

  it('an offer or a change of state heard late is timed "at least"; on time, exactly', () => {
    const late = openmediaReducer(run([]), { type: 'notificationReceived', notification: offer, at: 5_000, heardLate: true });
    expect(late.byId.get('o')).toMatchObject({ stateSince: 5_000, stateSinceExact: false });
    const onTime = openmediaReducer(run([]), { type: 'notificationReceived', notification: offer, at: 5_000 });
    expect(onTime.byId.get('o')).toMatchObject({ stateSince: 5_000, stateSinceExact: true });
    const changedLate = openmediaReducer(onTime, { type: 'notificationReceived', notification: accepted, at: 9_000, heardLate: true });
    expect(changedLate.byId.get('o')).toMatchObject({ stateSince: 9_000, stateSinceExact: false });
  });
});

describe('the client on a page that Chrome froze', () => {
  it('an offer handled as the page resumes is timed "at least"; one that comes later, exactly', async () => {
    const channel = createMemoryChannel();
    const fake = createFakeFetch((request) => {
      const path = new URL(request.url, 'http://gws.test').pathname;
      if (path === '/api/v2/me') return json({ userName: 'agent' }, { headers: csrfHeaders('token-1') });
      return json({ statusCode: 0, openmedia: [] });
    });
    const client = createOpenmediaClient({
      channel,
      gwsBase: 'http://gws.test',
      gwsClient: createGwsClient({ fetch: fake.fetch }),
      queryClient: new QueryClient(),
      mediaTypes: ['workitem'],
      recordLimit: 0,
      schedule: (flush) => queueMicrotask(flush),
    });
    client.start();
    await vi.advanceTimersByTimeAsync(0);
    document.dispatchEvent(new Event('freeze'));
    await vi.advanceTimersByTimeAsync(60_000);
    // Handled as the page resumes (what the network brought while it was frozen).
    channel.emit(statusChange(resource('late', 'Invited')));
    document.dispatchEvent(new Event('resume'));
    await vi.advanceTimersByTimeAsync(HEARD_LATE_WITHIN_MS + 1);
    channel.emit(statusChange(resource('fresh', 'Invited')));
    await vi.advanceTimersByTimeAsync(0);
    const entry = (id: string) => client.getSnapshot().state.byId.get(id);
    expect(entry('late')?.stateSinceExact).toBe(false);
    expect(entry('fresh')?.stateSinceExact).toBe(true);
    client.dispose();
  });
});
