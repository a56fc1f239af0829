import { describe, expect, it, vi } from 'vitest';
import { createOpenmediaStore } from '../core/store';
import { parseOpenmediaResource } from '../protocol/parse';
import { resource } from '../testing/scripted-gws';
import type { AlertEffects } from './alert-effects';
import { PREFERENCES_KEY, createOfferAlerts } from './offer-alerts';
import { createSeenOffers } from './seen-offers';
import type { StorageLike } from './seen-offers';

// The alert engine on its own, fed states directly: preferences, settings, notification text,
// which entries count as waiting offers, priming the sound.

function effectsRecorder() {
  const calls = { badges: [] as number[], notified: [] as { title: string; body: string }[], primed: 0, primedOnGesture: 0, played: 0, focused: [] as string[] };
  const clicks: (() => void)[] = [];
  const effects: AlertEffects = {
    setBadge: (count) => calls.badges.push(count),
    notify: (_i, text, onClick) => {
      calls.notified.push(text);
      clicks.push(onClick);
    },
    primeSound: () => (calls.primed += 1),
    primeSoundOnGesture: () => (calls.primedOnGesture += 1),
    playSound: () => (calls.played += 1),
    focusOffer: (id) => calls.focused.push(id),
  };
  return { effects, calls, clicks };
}

function storage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  const store: StorageLike = { getItem: (k) => items.get(k) ?? null, setItem: (k, v) => void items.set(k, v) };
  return { store, items };
}

function engine(preferences?: StorageLike) {
  const rec = effectsRecorder();
  const alerts = createOfferAlerts({ effects: rec.effects, seen: createSeenOffers(undefined, 'k'), preferences, announce: vi.fn() });
  return { alerts, ...rec };
}

function stateWith(...wires: ReturnType<typeof resource>[]) {
  const store = createOpenmediaStore({ schedule: (flush) => flush() });
  const interactions = wires.map((wire) => {
    const parsed = parseOpenmediaResource(wire);
    if (!parsed.ok) throw new Error(parsed.reason);
    return parsed.interaction;
  });
  store.dispatch({ type: 'snapshotLoaded', mediaTypes: ['workitem', 'promotion'], interactions, at: 1 });
  return store.getState();
}

describe('offer alerts: the agent preferences kept in storage', () => {
  it('reads the boolean choices stored under its key, ignoring anything else', () => {
    const { store } = storage({ [PREFERENCES_KEY]: JSON.stringify({ notifications: true, sound: 'yes', muted: true }), other: '{"sound":true}' });
    const { alerts } = engine(store);
    alerts.configure(true);
    expect(alerts.getSettings()).toEqual({ enabled: true, titleBadge: true, notifications: true, sound: false, muted: true });
  });

  it.each([['not JSON', '{oops'], ['null', 'null'], ['a number', '7']])('starts from the defaults when the stored value is %s', (_, stored) => {
    const { alerts } = engine(storage({ [PREFERENCES_KEY]: stored }).store);
    alerts.configure({ sound: true });
    expect(alerts.getSettings()).toEqual({ enabled: true, titleBadge: true, notifications: false, sound: true, muted: false });
  });

  it('writes the choices back under its key; without storage they still apply', () => {
    const { store, items } = storage();
    const { alerts } = engine(store);
    alerts.setPreferences({ notifications: true });
    expect(JSON.parse(items.get(PREFERENCES_KEY) ?? 'null')).toEqual({ notifications: true });
    const bare = engine();
    bare.alerts.setPreferences({ sound: true });
    expect(bare.alerts.getSettings().sound).toBe(true);
  });

  it('primes the sound only when the agent turns it on or unmutes it', () => {
    const { alerts, calls } = engine();
    alerts.setPreferences({ notifications: true });
    alerts.setPreferences({ sound: false });
    alerts.setPreferences({ muted: true });
    expect(calls.primed).toBe(0);
    alerts.setPreferences({ sound: true });
    expect(calls.primed).toBe(1);
    alerts.setPreferences({ muted: false });
    expect(calls.primed).toBe(2);
  });
});

describe('offer alerts: settings', () => {
  it('off until configured; the badge only while enabled and not turned off', () => {
    const { alerts, calls } = engine();
    expect(alerts.getSettings()).toEqual({ enabled: false, titleBadge: false, notifications: false, sound: false, muted: false });
    alerts.configure({ titleBadge: false });
    expect(alerts.getSettings()).toMatchObject({ enabled: true, titleBadge: false });
    expect(calls.badges).toEqual([0]);
    alerts.configure(true);
    expect(alerts.getSettings().titleBadge).toBe(true);
    expect(calls.badges).toEqual([0]);
    alerts.configure(false);
    expect(alerts.getSettings()).toMatchObject({ enabled: false, titleBadge: false });
    expect(calls.badges).toEqual([0, 0]);
  });

  it('switched off and on again while offers wait, badges them at once (not at the next change of the list); no offer is alerted twice', () => {
    const { alerts, calls } = engine();
    alerts.configure(true);
    const heard: string[] = [];
    alerts.onOffer((interaction) => heard.push(interaction.id));
    alerts.update(stateWith(resource('o1', 'Invited'), resource('o2', 'Invited'), resource('o3', 'Invited')), 'solo');
    expect(calls.badges.at(-1)).toBe(3);
    alerts.configure(false);
    expect(calls.badges.at(-1)).toBe(0);
    alerts.configure(true);
    expect(calls.badges.at(-1)).toBe(3);
    alerts.configure({ titleBadge: false });
    expect(calls.badges.at(-1)).toBe(0);
    alerts.configure({ titleBadge: true });
    expect(calls.badges.at(-1)).toBe(3);
    expect(heard).toEqual(['o1', 'o2', 'o3']);
  });

  it('tells subscribers when the settings change, not when they stay, and stops after unsubscribe', () => {
    const { alerts } = engine();
    const heard = vi.fn();
    const unsubscribe = alerts.subscribe(heard);
    alerts.configure(true);
    expect(heard).toHaveBeenCalledTimes(1);
    alerts.configure(true);
    expect(heard).toHaveBeenCalledTimes(1);
    unsubscribe();
    alerts.configure(false);
    expect(heard).toHaveBeenCalledTimes(1);
  });
});

describe('offer alerts: what is alerted', () => {
  it('counts only waiting offers: not active or ended interactions', () => {
    const { alerts, calls } = engine();
    alerts.configure(true);
    const heard: string[] = [];
    const off = alerts.onOffer((interaction) => heard.push(interaction.id));
    alerts.update(stateWith(resource('o1', 'Invited'), resource('w1', 'Processing'), resource('c1', 'Completed')), 'solo');
    expect(heard).toEqual(['o1']);
    expect(calls.badges.at(-1)).toBe(1);
    off();
    alerts.update(stateWith(resource('o1', 'Invited'), resource('o2', 'Invited')), 'solo');
    expect(heard).toEqual(['o1']);
  });

  it('the same state and role again changes nothing; a paused engine does nothing until resumed', () => {
    const { alerts, calls } = engine();
    alerts.configure(true);
    const state = stateWith(resource('o1', 'Invited'));
    alerts.update(state, 'solo');
    const badges = calls.badges.length;
    alerts.update(state, 'solo');
    expect(calls.badges).toHaveLength(badges);
    alerts.pause();
    expect(calls.badges.at(-1)).toBe(0);
    alerts.update(stateWith(resource('o2', 'Invited')), 'solo');
    expect(calls.badges.at(-1)).toBe(0);
    alerts.resume();
    alerts.update(stateWith(resource('o2', 'Invited')), 'solo');
    expect(calls.badges.at(-1)).toBe(1);
  });

  it('the notification names the Subject, or the id when the Subject is blank; a click focuses the offer', () => {
    const { alerts, calls, clicks } = engine();
    alerts.configure({ notifications: true });
    alerts.update(
      stateWith(
        resource('with-subject', 'Invited', 'workitem', { Subject: 'Refund 42' }),
        resource('blank', 'Invited', 'promotion', { Subject: '  ' }),
        resource('none', 'Invited', 'workitem'),
      ),
      'leader',
    );
    expect(calls.notified).toEqual(
      expect.arrayContaining([
        { title: 'New offer: Refund 42', body: 'workitem' },
        { title: 'New offer: blank', body: 'promotion' },
        { title: 'New offer: none', body: 'workitem' },
      ]),
    );
    expect(calls.notified).toHaveLength(3);
    clicks[0]?.();
    expect(calls.focused).toHaveLength(1);
  });

  it("a host listener's bug does not stop the alert and is reported on its own stack", () => {
    const reported: (() => void)[] = [];
    vi.stubGlobal('queueMicrotask', (callback: () => void) => reported.push(callback));
    try {
      const { alerts, calls } = engine();
      alerts.configure({ sound: true });
      alerts.onOffer(() => {
        throw new Error('host bug');
      });
      alerts.update(stateWith(resource('o1', 'Invited')), 'solo');
      expect(calls.played).toBe(1);
      expect(reported).toHaveLength(1);
      expect(() => reported[0]?.()).toThrow('host bug');
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe('offer alerts: a sound that is on after a reload', () => {
  it("readies the sound at the page's next gesture when it is on (kept from an earlier visit, or the host's default), not when it is off or muted", () => {
    const kept = engine(storage({ [PREFERENCES_KEY]: JSON.stringify({ sound: true }) }).store);
    kept.alerts.configure(true);
    expect(kept.calls.primedOnGesture).toBe(1);

    const byHost = engine();
    byHost.alerts.configure({ sound: true });
    expect(byHost.calls.primedOnGesture).toBe(1);

    const off = engine();
    off.alerts.configure(true);
    off.alerts.configure(false);
    expect(off.calls.primedOnGesture).toBe(0);

    const muted = engine(storage({ [PREFERENCES_KEY]: JSON.stringify({ sound: true, muted: true }) }).store);
    muted.alerts.configure(true);
    expect(muted.calls.primedOnGesture).toBe(0);
  });
});
