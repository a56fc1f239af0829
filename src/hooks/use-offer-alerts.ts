import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { readNotificationPermission, requestNotificationPermission } from '../client/notification-permission';
import type { NotificationPermissionState } from '../client/notification-permission';
import type { OfferAlertSettings } from '../client/offer-alerts';
import { useProvidedClient } from './openmedia-context';

/** What {@link useOfferAlerts} returns. */
export interface UseOfferAlertsResult {
  readonly settings: OfferAlertSettings;
  /** The browser's notification permission (`denied`: blocked by the browser). */
  readonly permission: NotificationPermissionState;
  /**
   * Turn desktop notifications on or off. Turning them on asks the browser for permission first
   * when it has not been asked: call it from the click (a user gesture), never from an effect.
   */
  readonly setNotifications: (on: boolean) => Promise<void>;
  readonly setSound: (on: boolean) => void;
  readonly setMuted: (muted: boolean) => void;
}

/**
 * The provider's offer alerts, for a toggle: the settings, the notification permission and the
 * agent's switches. Must be used inside `<OpenmediaProvider>`.
 */
export function useOfferAlerts(): UseOfferAlertsResult {
  const { alerts } = useProvidedClient('useOfferAlerts');
  const settings = useSyncExternalStore(alerts.subscribe, alerts.getSettings, alerts.getSettings);
  const [permission, setPermission] = useState<NotificationPermissionState>(readNotificationPermission);

  // The agent may change the permission in the browser's site settings meanwhile: read it again
  // whenever the page comes back into view.
  useEffect(() => {
    const reread = () => setPermission(readNotificationPermission());
    window.addEventListener('focus', reread);
    document.addEventListener('visibilitychange', reread);
    return () => {
      window.removeEventListener('focus', reread);
      document.removeEventListener('visibilitychange', reread);
    };
  }, []);

  const setNotifications = useCallback(
    async (on: boolean) => {
      if (!on) {
        alerts.setPreferences({ notifications: false });
        return;
      }
      const granted = await requestNotificationPermission();
      setPermission(granted);
      alerts.setPreferences({ notifications: granted === 'granted' });
    },
    [alerts],
  );
  const setSound = useCallback((on: boolean) => alerts.setPreferences({ sound: on }), [alerts]);
  const setMuted = useCallback((muted: boolean) => alerts.setPreferences({ muted }), [alerts]);
  return { settings, permission, setNotifications, setSound, setMuted };
}
