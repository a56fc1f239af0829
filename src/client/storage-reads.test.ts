import { afterEach, describe, expect, it, vi } from 'vitest';
import { createGwsClient } from '../api/client';
import { createMemoryChannel } from '../channel/memory-channel';
import { waitFor } from '../test-support/wait-for';
import { createScriptedGws, resource } from '../testing/scripted-gws';
import type { AlertEffects } from './alert-effects';
import { PREFERENCES_KEY, createOfferAlerts } from './offer-alerts';
import { createOpenmediaClient } from './openmedia-client';
import type { OpenmediaClient } from './openmedia-client';
import { createSeenOffers } from './seen-offers';
import type { StorageLike } from './seen-offers';

// The first touch of a page's storage waits for the browser; the client is made in the render
// before its first snapshot request. So storage is found and read when first needed, and the
// record of alerted offers once that request is out.

function countingStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  const reads: string[] = [];
  const storage: StorageLike = {
    getItem: (key) => {
      reads.push(key);
      return items.get(key) ?? null;
    },
    setItem: (key, value) => void items.set(key, value),
  };
  return { storage, reads, items };
}

const quietEffects: AlertEffects = {
  setBadge: () => undefined,
  notify: () => undefined,
  primeSound: () => undefined,
  playSound: () => undefined,
  focusOffer: () => undefined,
};

describe('createSeenOffers with a storage found on first use', () => {
  it('looks for the storage once, on first use; reads it then, and again only for an id it does not hold and before a write (another widget of the tab may have added ids)', () => {
    const { storage, reads } = countingStorage({ seen: JSON.stringify(['a']) });
    const find = vi.fn(() => storage);
    const seen = createSeenOffers(find, 'seen');
    expect(find).not.toHaveBeenCalled();
    expect(seen.has('a')).toBe(true);
    expect(reads).toEqual(['seen']);
    expect(seen.has('a')).toBe(true);
    expect(reads).toEqual(['seen']);
    expect(seen.has('b')).toBe(false);
    seen.add(['b']);
    expect(seen.has('b')).toBe(true);
    expect(find).toHaveBeenCalledTimes(1);
    expect(reads).toEqual(['seen', 'seen', 'seen']);
  });

  it('load() reads now, and only once', () => {
    const { storage, reads } = countingStorage({ seen: JSON.stringify(['a']) });
    const seen = createSeenOffers(() => storage, 'seen');
    seen.load();
    seen.load();
    expect(reads).toEqual(['seen']);
    expect(seen.has('a')).toBe(true);
    expect(reads).toEqual(['seen']);
  });
});

describe('createOfferAlerts with preferences found on first use', () => {
  it('does not read the preferences while alerts are off and nobody reads the settings', () => {
    const { storage, reads } = countingStorage({ [PREFERENCES_KEY]: JSON.stringify({ sound: true }) });
    const find = vi.fn(() => storage);
    const engine = createOfferAlerts({ effects: quietEffects, seen: createSeenOffers(undefined, 'seen'), preferences: find, announce: () => undefined });
    engine.configure(undefined);
    engine.configure(false);
    expect(find).not.toHaveBeenCalled();
    expect(reads).toEqual([]);
  });

  it('reads them when the settings are read, and keeps them', () => {
    const { storage, reads } = countingStorage({ [PREFERENCES_KEY]: JSON.stringify({ sound: true, muted: true }) });
    const engine = createOfferAlerts({ effects: quietEffects, seen: createSeenOffers(undefined, 'seen'), preferences: () => storage, announce: () => undefined });
    engine.configure(true);
    expect(engine.getSettings()).toEqual({ enabled: true, titleBadge: true, notifications: false, sound: true, muted: true });
    engine.configure({ titleBadge: false });
    expect(engine.getSettings()).toMatchObject({ enabled: true, titleBadge: false, sound: true, muted: true });
    expect(reads).toEqual([PREFERENCES_KEY]);
  });

  it('tells a listener that subscribed before any read about the first change', () => {
    const { storage } = countingStorage();
    const engine = createOfferAlerts({ effects: quietEffects, seen: createSeenOffers(undefined, 'seen'), preferences: () => storage, announce: () => undefined });
    const heard = vi.fn();
    engine.subscribe(heard);
    engine.configure(true);
    expect(heard).toHaveBeenCalledTimes(1);
    expect(engine.getSettings().enabled).toBe(true);
  });

  it('keeps a preference set before anything was read, with the stored ones', () => {
    const { storage, items } = countingStorage({ [PREFERENCES_KEY]: JSON.stringify({ notifications: true }) });
    const engine = createOfferAlerts({ effects: quietEffects, seen: createSeenOffers(undefined, 'seen'), preferences: () => storage, announce: () => undefined });
    engine.setPreferences({ sound: true });
    expect(JSON.parse(items.get(PREFERENCES_KEY) ?? '{}')).toEqual({ notifications: true, sound: true });
    engine.configure(true);
    expect(engine.getSettings()).toMatchObject({ notifications: true, sound: true, muted: false });
  });
});

describe('the client and the page storage', () => {
  const clients: OpenmediaClient[] = [];
  afterEach(() => {
    for (const client of clients.splice(0)) client.dispose();
    Reflect.deleteProperty(globalThis, 'sessionStorage');
    Reflect.deleteProperty(globalThis, 'localStorage');
  });

  it('touches no storage when made, and reads the alerted offers only once its first snapshot request is out', async () => {
    const order: string[] = [];
    const session = countingStorage();
    const local = countingStorage();
    Object.defineProperty(globalThis, 'sessionStorage', {
      configurable: true,
      get: () => {
        order.push('sessionStorage');
        return session.storage;
      },
    });
    Object.defineProperty(globalThis, 'localStorage', {
      configurable: true,
      get: () => {
        order.push('localStorage');
        return local.storage;
      },
    });
    const gws = createScriptedGws();
    gws.snapshots.set('workitem', [resource('O1', 'Invited')]);
    const fetchSnapshot: typeof gws.fetch = (input, init) => {
      order.push(`fetch ${String(input).includes('/me/openmedia/workitem') ? 'snapshot' : String(input)}`);
      return gws.fetch(input, init);
    };
    const client = createOpenmediaClient({
      channel: createMemoryChannel(),
      gwsClient: createGwsClient({ fetch: fetchSnapshot }),
      mediaTypes: ['workitem'],
      schedule: queueMicrotask,
      alertEffects: quietEffects,
    });
    clients.push(client);
    expect(order).toEqual([]);

    client.start();
    await waitFor(() => client.getSnapshot().state.byId.has('O1'), 'the snapshot read');
    expect(order.indexOf('fetch snapshot')).toBeGreaterThanOrEqual(0);
    expect(order.indexOf('sessionStorage')).toBeGreaterThan(order.indexOf('fetch snapshot'));
    // The state starts (local storage) are read while the request is out, before its answer.
    expect(order.indexOf('localStorage')).toBeGreaterThan(order.indexOf('fetch snapshot'));
    expect(local.reads[0]).toMatch(/^openmedia-widget:state-starts /);
    // Alerts are off and no toggle read the settings: the preferences were never needed.
    expect(local.reads).not.toContain(PREFERENCES_KEY);
  });
});
