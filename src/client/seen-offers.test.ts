import { describe, expect, it } from 'vitest';
import { browserSessionStorage, createSeenOffers } from './seen-offers';
import type { StorageLike } from './seen-offers';

function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  let writes = 0;
  const storage: StorageLike = {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => {
      writes += 1;
      items.set(key, value);
    },
  };
  return { storage, items, writes: () => writes };
}

describe('createSeenOffers', () => {
  it('starts from the string ids stored under its key, skipping anything else', () => {
    const { storage } = memoryStorage({ seen: JSON.stringify(['a', 7, null, 'b']), other: JSON.stringify(['c']) });
    const seen = createSeenOffers(storage, 'seen');
    expect(seen.has('a')).toBe(true);
    expect(seen.has('b')).toBe(true);
    expect(seen.has('7')).toBe(false);
    expect(seen.has('c')).toBe(false);
  });

  it('two sets on one key (two widgets of a tab that do not share a connection) see each other’s ids, and neither overwrites the other’s', () => {
    const { storage, items } = memoryStorage();
    const first = createSeenOffers(storage, 'seen');
    const second = createSeenOffers(storage, 'seen');
    expect(second.has('x')).toBe(false);
    first.add(['x']);
    expect(second.has('x')).toBe(true);
    second.add(['y']);
    first.add(['z']);
    expect(JSON.parse(items.get('seen') ?? '[]')).toEqual(['x', 'y', 'z']);
    expect(first.has('y')).toBe(true);
  });

  it.each([
    ['not JSON', '{oops'],
    ['not a list', JSON.stringify({ a: true })],
  ])('starts empty when the stored value is %s', (_, stored) => {
    const { storage } = memoryStorage({ seen: stored });
    const seen = createSeenOffers(storage, 'seen');
    expect(seen.has('a')).toBe(false);
    seen.add(['a']);
    expect(seen.has('a')).toBe(true);
  });

  it('starts empty when reading the storage throws (storage disabled)', () => {
    const storage: StorageLike = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => undefined,
    };
    expect(createSeenOffers(storage, 'seen').has('a')).toBe(false);
  });

  it('writes the set back under its key, only when something new was added', () => {
    const mem = memoryStorage();
    const seen = createSeenOffers(mem.storage, 'seen');
    seen.add(['a', 'b']);
    expect(JSON.parse(mem.items.get('seen') ?? 'null')).toEqual(['a', 'b']);
    expect(mem.writes()).toBe(1);
    seen.add(['a']);
    seen.add([]);
    expect(mem.writes()).toBe(1);
    seen.add(['a', 'c']);
    expect(JSON.parse(mem.items.get('seen') ?? 'null')).toEqual(['a', 'b', 'c']);
  });

  it('keeps the newest 500 ids, forgetting the oldest first', () => {
    const mem = memoryStorage();
    const seen = createSeenOffers(mem.storage, 'seen');
    const ids = Array.from({ length: 501 }, (_, i) => `id-${i}`);
    seen.add(ids.slice(0, 500));
    expect(seen.has('id-0')).toBe(true);
    seen.add(['id-500']);
    expect(seen.has('id-0')).toBe(false);
    expect(seen.has('id-1')).toBe(true);
    expect(seen.has('id-500')).toBe(true);
    const stored = JSON.parse(mem.items.get('seen') ?? '[]') as string[];
    expect(stored).toHaveLength(500);
    expect(stored[0]).toBe('id-1');
  });

  it('still remembers in memory when writing throws (quota) or there is no storage', () => {
    const full: StorageLike = {
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    const seen = createSeenOffers(full, 'seen');
    seen.add(['a']);
    expect(seen.has('a')).toBe(true);
    const none = createSeenOffers(undefined, 'seen');
    none.add(['b']);
    expect(none.has('b')).toBe(true);
  });
});

describe('browserSessionStorage', () => {
  it('is undefined in Node, where there is no sessionStorage', () => {
    expect(browserSessionStorage()).toBeUndefined();
  });
});
