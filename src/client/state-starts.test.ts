import { describe, expect, it } from 'vitest';
import type { StorageLike } from './seen-offers';
import { CONFIRMED_WITHIN_MS, CONFIRM_EVERY_MS, WRITE_AFTER_MS, createStateStarts } from './state-starts';

const KEY = 'openmedia-widget:state-starts test';

function memoryStorage(initial: Record<string, string> = {}): StorageLike & { readonly items: Map<string, string>; writes: number } {
  const items = new Map(Object.entries(initial));
  const storage = {
    items,
    writes: 0,
    getItem: (key: string) => items.get(key) ?? null,
    setItem(key: string, value: string) {
      storage.writes += 1;
      items.set(key, value);
    },
  };
  return storage;
}

/** A page's starts on `storage`, with its own clock and the delayed writes run by the test. */
function page(storage: StorageLike | undefined, clock: { now: number }) {
  const due: { write: () => void; at: number }[] = [];
  const starts = createStateStarts(storage, KEY, () => clock.now, (write, ms) => due.push({ write, at: clock.now + ms }));
  /** Runs the delayed writes that are due by now. */
  const runDue = () => {
    for (const item of due.splice(0)) {
      if (item.at <= clock.now) item.write();
      else due.push(item);
    }
  };
  return { starts, runDue, pending: () => due.length };
}

describe('createStateStarts', () => {
  it('a page opened within moments on the same storage gets the starts the earlier page saw', () => {
    const storage = memoryStorage();
    const clock = { now: 10_000 };
    const first = page(storage, clock);
    first.starts.set('a', 'Invited', 9_000);
    first.starts.set('b', 'Processing', 9_500);
    // Written once, a moment after the changes.
    expect(storage.writes).toBe(0);
    clock.now += WRITE_AFTER_MS;
    first.runDue();
    expect(storage.writes).toBe(1);

    clock.now += 30_000;
    const later = page(storage, clock);
    expect(later.starts.lookup(['a', 'b', 'c'], clock.now)).toEqual({ a: { state: 'Invited', since: 9_000 }, b: { state: 'Processing', since: 9_500 } });
    expect(later.starts.lookup(['c'], clock.now)).toBeUndefined();
  });

  it('keeps ids named like Object properties ("__proto__", "constructor") as any other, and finds none it was not given', () => {
    const storage = memoryStorage();
    const clock = { now: 10_000 };
    const first = page(storage, clock);
    first.starts.set('__proto__', 'Processing', 9_000);
    first.starts.flush();
    const later = page(storage, clock);
    expect(later.starts.lookup(['__proto__'], clock.now)).toEqual({ ['__proto__']: { state: 'Processing', since: 9_000 } });
    expect(later.starts.lookup(['constructor', 'toString'], clock.now)).toBeUndefined();
  });

  it('forgets a start when its interaction ends, leaves or changes state unseen, and replaces it on a change seen', () => {
    const storage = memoryStorage();
    const clock = { now: 10_000 };
    const p = page(storage, clock);
    p.starts.set('a', 'Invited', 9_000);
    p.starts.set('b', 'Invited', 9_100);
    p.starts.flush();
    p.starts.set('a', 'Processing', 9_900);
    p.starts.set('b', undefined, 0);
    // The page's own read sees what it knows at once, before the write.
    expect(p.starts.lookup(['a', 'b'], clock.now)).toEqual({ a: { state: 'Processing', since: 9_900 } });
    p.starts.flush();
    expect(page(storage, clock).starts.lookup(['a', 'b'], clock.now)).toEqual({ a: { state: 'Processing', since: 9_900 } });
  });

  it('writes nothing for a start it holds already, and nothing at all until something changes', () => {
    const storage = memoryStorage();
    const clock = { now: 10_000 };
    const p = page(storage, clock);
    p.starts.set('gone', undefined, 0);
    expect(p.pending()).toBe(0);
    p.starts.set('a', 'Invited', 9_000);
    p.starts.set('a', 'Invited', 9_000);
    p.starts.set('b', 'Invited', 9_000);
    expect(p.pending()).toBe(1);
    clock.now += WRITE_AFTER_MS;
    p.runDue();
    expect(storage.writes).toBe(1);
  });

  it('uses a start only if a page confirmed it shortly before the read; a page that stays confirms once a minute', () => {
    const storage = memoryStorage();
    const clock = { now: 10_000 };
    const p = page(storage, clock);
    p.starts.set('a', 'Processing', 9_000);
    p.starts.flush();
    // The browser was closed for a while: the interaction may have left the state and come back.
    expect(page(storage, clock).starts.lookup(['a'], clock.now + CONFIRMED_WITHIN_MS + 1)).toBeUndefined();

    // A page that stays open keeps it confirmed.
    for (let t = 0; t < 5; t++) {
      clock.now += CONFIRM_EVERY_MS / 2;
      p.starts.tick();
    }
    expect(storage.writes).toBe(3);
    // 150 s after the start was written, 30 s after its last confirmation: a reload now gets it.
    expect(page(storage, clock).starts.lookup(['a'], clock.now)).toEqual({ a: { state: 'Processing', since: 9_000 } });
  });

  it('keeps what another tab wrote, and what it forgot stays forgotten', () => {
    const storage = memoryStorage();
    const clock = { now: 10_000 };
    const tabA = page(storage, clock);
    const tabB = page(storage, clock);
    tabA.starts.set('a', 'Invited', 9_000);
    tabA.starts.flush();
    tabB.starts.set('b', 'Invited', 9_100);
    tabB.starts.flush();
    expect(tabA.starts.lookup(['a', 'b'], clock.now)).toEqual({ a: { state: 'Invited', since: 9_000 }, b: { state: 'Invited', since: 9_100 } });
    // Tab B saw 'a' end (it had not held it): its write removes it.
    tabB.starts.set('a', 'Invited', 9_000);
    tabB.starts.set('a', undefined, 0);
    tabB.starts.flush();
    expect(page(storage, clock).starts.lookup(['a', 'b'], clock.now)).toEqual({ b: { state: 'Invited', since: 9_100 } });
  });

  it('ignores malformed storage and starts after the read', () => {
    const now = 1_000_000;
    const stored = {
      bad: { state: 3, since: 'x', confirmedAt: now },
      future: { state: 'Invited', since: now + 5, confirmedAt: now },
      ok: { state: 'Invited', since: now - 1, confirmedAt: now },
    };
    const p = page(memoryStorage({ [KEY]: JSON.stringify(stored) }), { now });
    expect(p.starts.lookup(['bad', 'future', 'ok'], now)).toEqual({ ok: { state: 'Invited', since: now - 1 } });
    for (const text of ['not json', '[1,2]', 'null']) {
      expect(page(memoryStorage({ [KEY]: text }), { now }).starts.lookup(['ok'], now)).toBeUndefined();
    }
  });

  it('keeps the most recently confirmed 500', () => {
    const storage = memoryStorage();
    const clock = { now: 1_000_000 };
    const older = page(storage, clock);
    for (let i = 0; i < 10; i++) older.starts.set(`old${i}`, 'Invited', 1_000);
    older.starts.flush();
    clock.now += 1;
    const newer = page(storage, clock);
    for (let i = 0; i < 500; i++) newer.starts.set(`new${i}`, 'Invited', 1_000);
    newer.starts.flush();
    const kept = JSON.parse(storage.items.get(KEY) ?? '{}') as Record<string, unknown>;
    expect(Object.keys(kept)).toHaveLength(500);
    expect(kept.old0).toBeUndefined();
    expect(kept.new499).toBeDefined();
  });

  it('goes on without storage, or when storage refuses', () => {
    const clock = { now: 10_000 };
    const none = page(undefined, clock);
    none.starts.set('a', 'Invited', 9_000);
    none.starts.flush();
    // The page itself still knows what it saw; a page opened later cannot.
    expect(none.starts.lookup(['a'], clock.now)).toEqual({ a: { state: 'Invited', since: 9_000 } });
    expect(page(undefined, clock).starts.lookup(['a'], clock.now)).toBeUndefined();
    const refusing: StorageLike = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    const p = page(refusing, clock);
    p.starts.set('a', 'Invited', 9_000);
    expect(() => p.starts.flush()).not.toThrow();
    expect(page(refusing, clock).starts.lookup(['a'], clock.now)).toBeUndefined();
  });
});
