import type { NotificationChannel } from '../channel/types';
import type { OpenmediaStore } from '../core/store';
import { createBrowserAlertEffects } from './alert-effects';
import type { AlertEffects } from './alert-effects';
import { createOfferAlerts } from './offer-alerts';
import type { OfferAlertOptions, OfferAlertsEngine } from './offer-alerts';
import { SOLO_TAB, isSharedChannel } from './relay-channel';
import type { TabInfo } from './relay-channel';
import { browserLocalStorage, browserSessionStorage, createSeenOffers } from './seen-offers';

export interface ClientAlertsOptions {
  readonly channel: NotificationChannel;
  readonly store: OpenmediaStore;
  /** Names the session's record of alerted offers (one per GWS). */
  readonly key: string;
  readonly alerts?: boolean | OfferAlertOptions | undefined;
  readonly effects?: AlertEffects | undefined;
  /** Called after each change of the tab's role or of the number of tabs. */
  readonly onTabChange: () => void;
}

export interface ClientAlerts {
  readonly engine: OfferAlertsEngine;
  getTab(): TabInfo;
  /**
   * Start alerting (the client connected). Reads the offers this session alerted from storage a
   * task later: call it when the first snapshot request has been asked for.
   */
  resume(): void;
  /** Stop alerting and restore the title (the client closed). */
  pause(): void;
}

/**
 * The client's offer alerts, fed by the store's publishes (so they fire in a hidden tab too: the
 * store does not wait for frames there) and by the shared connection's role: only the leader
 * alerts, and what it alerted is told to the other tabs.
 */
export function createClientAlerts(options: ClientAlertsOptions): ClientAlerts {
  const { channel, store } = options;
  const shared = isSharedChannel(channel) ? channel : undefined;
  const getTab = (): TabInfo => shared?.getTab() ?? SOLO_TAB;
  // Storage is found and read when first needed, not here: the client is made in the render before
  // its first snapshot request (see resume).
  const seen = createSeenOffers(browserSessionStorage, `openmedia-widget:alerted ${options.key}`);
  const engine = createOfferAlerts({
    effects: options.effects ?? createBrowserAlertEffects(),
    seen,
    preferences: browserLocalStorage,
    announce: (ids) => shared?.announceAlerted(ids),
  });
  engine.configure(options.alerts);
  let active = false;
  const update = () => {
    if (active) engine.update(store.getSnapshot(), getTab().role);
  };
  store.subscribe(update);
  shared?.subscribeAlerted((ids) => engine.markAlerted(ids));
  shared?.subscribeTab(() => {
    options.onTabChange();
    update();
  });
  return {
    engine,
    getTab,
    resume() {
      active = true;
      engine.resume();
      update();
      // A task later, when the first snapshot request is out (it leaves after a few promise
      // steps), and before its answer, whose offers would otherwise wait for this read on their
      // way to the screen. An answer that comes first reads it itself.
      setTimeout(() => seen.load(), 0);
    },
    pause() {
      active = false;
      engine.pause();
    },
  };
}
