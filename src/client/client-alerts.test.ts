import { describe, expect, it, vi } from 'vitest';
import { createMemoryChannel } from '../channel/memory-channel';
import { createOpenmediaStore } from '../core/store';
import { parseOpenmediaResource } from '../protocol/parse';
import type { OpenmediaInteraction } from '../protocol/types';
import { resource } from '../testing/scripted-gws';
import type { AlertEffects } from './alert-effects';
import { createClientAlerts } from './client-alerts';
import type { SharedChannel, TabInfo } from './relay-channel';

function recordingEffects() {
  const badges: number[] = [];
  const effects: AlertEffects = {
    setBadge: (count) => badges.push(count),
    notify: vi.fn(),
    primeSound: vi.fn(),
    playSound: vi.fn(),
    focusOffer: vi.fn(),
  };
  return { effects, badges };
}

function offer(id: string): OpenmediaInteraction {
  const parsed = parseOpenmediaResource(resource(id, 'Invited'));
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.interaction;
}

function storeWith(...ids: string[]) {
  const store = createOpenmediaStore({ schedule: (flush) => flush() });
  const load = (list: readonly string[]) =>
    store.dispatch({ type: 'snapshotLoaded', mediaTypes: ['workitem'], interactions: list.map(offer), at: Date.now() });
  load(ids);
  return { store, load };
}

/** A shared channel whose tab role and alert announcements the test drives. */
function fakeShared(initial: TabInfo) {
  let tab = initial;
  const tabListeners: (() => void)[] = [];
  const alertedListeners: ((ids: readonly string[]) => void)[] = [];
  const announced: (readonly string[])[] = [];
  const channel: SharedChannel = {
    ...createMemoryChannel(),
    getTab: () => tab,
    subscribeTab: (listener) => {
      tabListeners.push(listener);
      return () => undefined;
    },
    announceAlerted: (ids) => announced.push(ids),
    subscribeAlerted: (listener) => {
      alertedListeners.push(listener);
      return () => undefined;
    },
    announceFocused: () => undefined,
    subscribeFocused: () => () => undefined,
    announceAction: () => undefined,
    announceActionEnded: () => undefined,
    subscribeActions: () => () => undefined,
  };
  return {
    channel,
    announced,
    becomes(next: TabInfo) {
      tab = next;
      for (const listener of tabListeners) listener();
    },
    otherTabAlerted(ids: readonly string[]) {
      for (const listener of alertedListeners) listener(ids);
    },
  };
}

describe('createClientAlerts', () => {
  it('alerts only once resumed, and stops when paused', () => {
    const { store, load } = storeWith('a');
    const { effects, badges } = recordingEffects();
    const alerts = createClientAlerts({ channel: createMemoryChannel(), store, key: 'k1', alerts: true, effects, onTabChange: vi.fn() });
    const heard: string[] = [];
    alerts.engine.onOffer((interaction) => heard.push(interaction.id));
    load(['a', 'b']);
    expect(heard).toEqual([]);
    alerts.resume();
    expect([...heard].sort()).toEqual(['a', 'b']);
    expect(badges.at(-1)).toBe(2);
    load(['a', 'b', 'c']);
    expect(heard.at(-1)).toBe('c');
    expect(heard).toHaveLength(3);
    alerts.pause();
    expect(badges.at(-1)).toBe(0);
    load(['a', 'b', 'c', 'd']);
    expect(heard).toHaveLength(3);
  });

  it("reads the agent's choices from localStorage and remembers alerted offers in sessionStorage under the key", () => {
    const local = new Map([['openmedia-widget:alert-preferences', JSON.stringify({ sound: true })]]);
    const session = new Map<string, string>();
    vi.stubGlobal('localStorage', { getItem: (k: string) => local.get(k) ?? null, setItem: (k: string, v: string) => local.set(k, v) });
    vi.stubGlobal('sessionStorage', { getItem: (k: string) => session.get(k) ?? null, setItem: (k: string, v: string) => session.set(k, v) });
    try {
      const { store } = storeWith('a');
      const alerts = createClientAlerts({ channel: createMemoryChannel(), store, key: 'gws-1', alerts: true, effects: recordingEffects().effects, onTabChange: vi.fn() });
      expect(alerts.engine.getSettings().sound).toBe(true);
      alerts.resume();
      expect(JSON.parse(session.get('openmedia-widget:alerted gws-1') ?? 'null')).toEqual(['a']);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('without a shared connection the tab is solo', () => {
    const { store } = storeWith();
    const alerts = createClientAlerts({ channel: createMemoryChannel(), store, key: 'k2', effects: recordingEffects().effects, onTabChange: vi.fn() });
    expect(alerts.getTab()).toEqual({ role: 'solo', tabs: undefined });
  });

  it('in a shared connection: the leader alerts and announces, offers another tab alerted are not alerted again', () => {
    const shared = fakeShared({ role: 'leader', tabs: 2 });
    const { store, load } = storeWith();
    const onTabChange = vi.fn();
    const alerts = createClientAlerts({ channel: shared.channel, store, key: 'k3', alerts: true, effects: recordingEffects().effects, onTabChange });
    const heard: string[] = [];
    alerts.engine.onOffer((interaction) => heard.push(interaction.id));
    alerts.resume();
    expect(alerts.getTab()).toEqual({ role: 'leader', tabs: 2 });
    shared.otherTabAlerted(['x']);
    load(['x', 'y']);
    expect(heard).toEqual(['y']);
    expect(shared.announced).toEqual([['y']]);

    // Leadership moves to another tab: this one is told, and stops alerting.
    shared.becomes({ role: 'follower', tabs: 2 });
    expect(onTabChange).toHaveBeenCalledTimes(1);
    expect(alerts.getTab().role).toBe('follower');
    load(['x', 'y', 'z']);
    expect(heard).toEqual(['y']);

    // And back: the offer still waiting is alerted by the new leader.
    shared.becomes({ role: 'leader', tabs: 1 });
    expect(onTabChange).toHaveBeenCalledTimes(2);
    expect(heard).toEqual(['y', 'z']);
  });
});
