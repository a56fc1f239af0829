import { callHost } from '../core/host-callback';
import { selectDisplayOrder } from '../core/selectors';
import type { OpenmediaState } from '../core/types';
import { subjectOf } from '../protocol/interaction';
import type { OpenmediaInteraction } from '../protocol/types';
import type { AlertEffects } from './alert-effects';
import type { TabRole } from './relay-channel';
import { lazyStorage } from './seen-offers';
import type { SeenOffers, StorageLike, StorageSource } from './seen-offers';

/** The agent's own choices, kept across reloads (localStorage). */
export interface OfferAlertPreferences {
  /** A desktop notification per offer (shown only once the browser granted the permission). */
  readonly notifications: boolean;
  /** A short sound per offer. */
  readonly sound: boolean;
  /** Silence the sound for now without forgetting the choice. */
  readonly muted: boolean;
}

/** What the host decides (`alerts` option / attribute); `true` = the title badge, with notifications and sound left to the agent. */
export interface OfferAlertOptions {
  /** The `(n) Title` badge while offers wait. Default true. */
  readonly titleBadge?: boolean;
  /** Desktop notifications until the agent chooses otherwise. Default false. */
  readonly notifications?: boolean;
  /** Sound until the agent chooses otherwise. Default false. */
  readonly sound?: boolean;
  /** The desktop notification's text. Default `New offer: <Subject>` / `<media type>`. */
  readonly notificationText?: (interaction: OpenmediaInteraction) => { readonly title: string; readonly body: string };
}

/** Where alerts stand now, for the toggle. */
export interface OfferAlertSettings extends OfferAlertPreferences {
  /** The host turned alerts on (badge, and the agent's notifications and sound). */
  readonly enabled: boolean;
  readonly titleBadge: boolean;
}

/**
 * Draws the agent to new offers, once per offer per browser: `onOffer` listeners, the title
 * badge, a desktop notification, a sound. Only a tab that leads (or does not share) alerts; the
 * badge, being the state of every tab, shows in all.
 */
export interface OfferAlerts {
  getSettings(): OfferAlertSettings;
  /** The host's options; `undefined`/`false` turns alerts off (`onOffer` listeners still hear offers). */
  configure(options: boolean | OfferAlertOptions | undefined): void;
  /** The agent's choices (from the toggles). Turning the sound on primes it: call from the click. */
  setPreferences(patch: Partial<OfferAlertPreferences>): void;
  /** Called after each change of {@link getSettings}. */
  subscribe(listener: () => void): () => void;
  /** Called once per new offer (in the leading tab only when tabs share a connection). */
  onOffer(listener: (interaction: OpenmediaInteraction) => void): () => void;
}

export interface OfferAlertsEngine extends OfferAlerts {
  /** Look at the published state: alert the offers not alerted yet, update the badge. */
  update(state: OpenmediaState, role: TabRole): void;
  /** Offers another tab alerted: never alert them here. */
  markAlerted(ids: readonly string[]): void;
  /** Restore the title; later updates do nothing until {@link resume}. */
  pause(): void;
  resume(): void;
}

export interface OfferAlertsDeps {
  readonly effects: AlertEffects;
  readonly seen: SeenOffers;
  /**
   * Where the agent's preferences are kept (localStorage); none in Node. Read when the settings
   * are first needed (alerts on, the toggle shown, a preference set), not when the engine is made.
   */
  readonly preferences?: StorageSource;
  /** Tell the other tabs what this one alerted. */
  readonly announce: (ids: readonly string[]) => void;
}

export const PREFERENCES_KEY = 'openmedia-widget:alert-preferences';

function titleOf(interaction: OpenmediaInteraction): string {
  return subjectOf(interaction) ?? interaction.id;
}

function defaultText(interaction: OpenmediaInteraction): { title: string; body: string } {
  return { title: `New offer: ${titleOf(interaction)}`, body: interaction.mediaType };
}

function readPreferences(storage: StorageLike | undefined): Partial<OfferAlertPreferences> {
  try {
    const value: unknown = JSON.parse(storage?.getItem(PREFERENCES_KEY) ?? '{}');
    if (typeof value !== 'object' || value === null) return {};
    const record = value as Record<string, unknown>;
    const read = (key: keyof OfferAlertPreferences) => (typeof record[key] === 'boolean' ? { [key]: record[key] } : {});
    return { ...read('notifications'), ...read('sound'), ...read('muted') };
  } catch {
    return {};
  }
}

export function createOfferAlerts(deps: OfferAlertsDeps): OfferAlertsEngine {
  const { effects, seen } = deps;
  const preferencesStorage = lazyStorage(deps.preferences);
  let chosenRead: Partial<OfferAlertPreferences> | undefined;
  // The agent's choices, read from storage when first needed: a widget with alerts off whose
  // toggle nobody renders never touches localStorage.
  const chosen = (): Partial<OfferAlertPreferences> => (chosenRead ??= readPreferences(preferencesStorage()));
  let host: OfferAlertOptions = {};
  let enabled = false;
  /** The settings, made on first read after each change. */
  let settings: OfferAlertSettings | undefined;
  let paused = false;
  let lastById: OpenmediaState['byId'] | undefined;
  let lastRole: TabRole | undefined;
  /** The last state and role `update` was given: the badge follows a change of settings at once. */
  let latest: { readonly state: OpenmediaState; readonly role: TabRole | undefined } | undefined;
  const listeners = new Set<{ readonly listener: () => void }>();
  const offerListeners = new Set<{ readonly listener: (interaction: OpenmediaInteraction) => void }>();

  const showsBadge = () => enabled && host.titleBadge !== false;

  function current(): OfferAlertSettings {
    if (settings !== undefined) return settings;
    const preferences = chosen();
    settings = {
      enabled,
      titleBadge: showsBadge(),
      notifications: preferences.notifications ?? host.notifications ?? false,
      sound: preferences.sound ?? host.sound ?? false,
      muted: preferences.muted ?? false,
    };
    return settings;
  }

  function changed(nextEnabled: boolean): void {
    const before = settings;
    enabled = nextEnabled;
    settings = undefined;
    if (!showsBadge()) effects.setBadge(0);
    // The badge with the new settings now (alerts switched back on while offers wait), not at the
    // next change of the list.
    lastById = undefined;
    if (latest !== undefined) update(latest.state, latest.role);
    // A sound on (the agent's choice kept from an earlier visit, or the host's default) cannot
    // start before a gesture in this page: it is readied at the first one.
    if (enabled) {
      const now = current();
      if (now.sound && !now.muted) effects.primeSoundOnGesture?.();
    }
    // Settings nobody has read yet (and nobody listens for) changed for no one.
    if (before === undefined && listeners.size === 0) return;
    if (JSON.stringify(before) !== JSON.stringify(current())) for (const { listener } of [...listeners]) listener();
  }

  function alert(offers: readonly OpenmediaInteraction[]): void {
    seen.add(offers.map((offer) => offer.id));
    deps.announce(offers.map((offer) => offer.id));
    for (const offer of offers) {
      for (const { listener } of [...offerListeners]) {
        // A host callback's bug must not stop the other alerts; it is still reported.
        callHost(() => listener(offer), undefined);
      }
    }
    if (!enabled) return;
    const { notifications, sound, muted } = current();
    if (notifications) {
      // The host's text has a bug: the offer is still notified, in the widget's words.
      const text = (offer: OpenmediaInteraction) => {
        const hostText = host.notificationText;
        return hostText === undefined ? defaultText(offer) : callHost(() => hostText(offer), defaultText(offer));
      };
      for (const offer of offers) effects.notify(offer, text(offer), () => effects.focusOffer(offer.id));
    }
    // One sound for a burst of offers, not a drum roll.
    if (sound && !muted) effects.playSound();
  }

  function update(state: OpenmediaState, role: TabRole | undefined): void {
    latest = { state, role };
    if (paused || (state.byId === lastById && role === lastRole)) return;
    lastById = state.byId;
    lastRole = role;
    const waiting: OpenmediaInteraction[] = [];
    for (const id of selectDisplayOrder(state)) {
      const entry = state.byId.get(id);
      // Offers come first in display order: the first entry that is not one ends them.
      if (entry === undefined || entry.endedAt !== undefined || entry.interaction.state !== 'Invited') break;
      waiting.push(entry.interaction);
    }
    if (showsBadge()) effects.setBadge(waiting.length);
    // A follower leaves alerting to the leader; what the leader alerted reaches it by markAlerted.
    if (role === 'follower') return;
    const fresh = waiting.filter((offer) => !seen.has(offer.id));
    if (fresh.length > 0) alert(fresh);
  }

  return {
    getSettings: current,
    configure(options) {
      host = typeof options === 'object' ? options : {};
      changed(options !== undefined && options !== false);
    },
    setPreferences(patch) {
      const preferences = Object.assign(chosen(), patch);
      try {
        preferencesStorage()?.setItem(PREFERENCES_KEY, JSON.stringify({ ...preferences }));
      } catch {
        // Not kept across reloads; still applies now.
      }
      if (patch.sound === true || patch.muted === false) effects.primeSound();
      changed(enabled);
    },
    subscribe(listener) {
      const record = { listener };
      listeners.add(record);
      return () => {
        listeners.delete(record);
      };
    },
    onOffer(listener) {
      const record = { listener };
      offerListeners.add(record);
      return () => {
        offerListeners.delete(record);
      };
    },
    update,
    markAlerted(ids) {
      seen.add(ids);
    },
    pause() {
      paused = true;
      lastById = undefined;
      effects.setBadge(0);
    },
    resume() {
      paused = false;
    },
  };
}
