import { describe, expect, it } from 'vitest';
import type { StorageLike } from './seen-offers';
import { STATE_START_MAX_AGE_MS, createStateStarts } from './state-starts';

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

describe('createStateStarts', () => {
  it('remembers the starts a page saw, for a page opened later on the same storage', () => {
    const storage = memoryStorage();
    const first = createStateStarts(storage, KEY, () => 10_000);
    first.note([
      { id: 'a', state: 'Invited', since: 9_000 },
      { id: 'b', state: 'Processing', since: 9_500 },
    ]);
    const later = createStateStarts(storage, KEY, () => 20_000);
    expect(later.lookup(['a', 'b', 'c'])).toEqual({ a: { state: 'Invited', since: 9_000 }, b: { state: 'Processing', since: 9_500 } });
    expect(later.lookup(['c'])).toBeUndefined();
  });

  it('writes once per note, and not again for a start it noted already', () => {
    const storage = memoryStorage();
    const starts = createStateStarts(storage, KEY, () => 10_000);
    starts.note([{ id: 'a', state: 'Invited', since: 9_000 }]);
    starts.note([{ id: 'a', state: 'Invited', since: 9_000 }]);
    expect(storage.writes).toBe(1);
    starts.note([{ id: 'a', state: 'Processing', since: 9_900 }]);
    expect(storage.writes).toBe(2);
    expect(starts.lookup(['a'])).toEqual({ a: { state: 'Processing', since: 9_900 } });
  });

  it('keeps what another tab wrote meanwhile', () => {
    const storage = memoryStorage();
    const tabA = createStateStarts(storage, KEY, () => 10_000);
    const tabB = createStateStarts(storage, KEY, () => 10_000);
    tabA.note([{ id: 'a', state: 'Invited', since: 9_000 }]);
    tabB.note([{ id: 'b', state: 'Invited', since: 9_100 }]);
    expect(tabA.lookup(['a', 'b'])).toEqual({ a: { state: 'Invited', since: 9_000 }, b: { state: 'Invited', since: 9_100 } });
  });

  it('forgets starts older than a day, and ignores unreadable or malformed storage', () => {
    const now = 100 * STATE_START_MAX_AGE_MS;
    const stored = { old: { state: 'Processing', since: now - STATE_START_MAX_AGE_MS - 1 }, bad: { state: 3, since: 'x' }, future: { state: 'Invited', since: now + 5 }, ok: { state: 'Invited', since: now - 1 } };
    const starts = createStateStarts(memoryStorage({ [KEY]: JSON.stringify(stored) }), KEY, () => now);
    expect(starts.lookup(['old', 'bad', 'future', 'ok'])).toEqual({ ok: { state: 'Invited', since: now - 1 } });
    for (const text of ['not json', '[1,2]', 'null']) {
      expect(createStateStarts(memoryStorage({ [KEY]: text }), KEY, () => now).lookup(['ok'])).toBeUndefined();
    }
  });

  it('keeps the most recent 500', () => {
    const storage = memoryStorage();
    const starts = createStateStarts(storage, KEY, () => 1_000_000);
    starts.note(Array.from({ length: 510 }, (_, i) => ({ id: `i${i}`, state: 'Invited', since: 1_000 + i })));
    const kept = JSON.parse(storage.items.get(KEY) ?? '{}') as Record<string, unknown>;
    expect(Object.keys(kept)).toHaveLength(500);
    expect(kept.i509).toBeDefined();
    expect(kept.i9).toBeUndefined();
  });

  it('goes on without storage, or when storage refuses', () => {
    const none = createStateStarts(undefined, KEY, () => 10_000);
    none.note([{ id: 'a', state: 'Invited', since: 9_000 }]);
    expect(none.lookup(['a'])).toBeUndefined();
    const refusing: StorageLike = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    const starts = createStateStarts(refusing, KEY, () => 10_000);
    expect(() => starts.note([{ id: 'a', state: 'Invited', since: 9_000 }])).not.toThrow();
    expect(starts.lookup(['a'])).toBeUndefined();
  });
});
