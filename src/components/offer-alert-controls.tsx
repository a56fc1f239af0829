import { useOfferAlerts } from '../hooks/use-offer-alerts';
import { OfferAlertToggle } from './offer-alert-toggle';

/**
 * The offer-alert switches wired to the provider's client (see {@link OfferAlertToggle}). Place it
 * where the agent sets up their desktop; the alerts themselves need `alerts` on the provider.
 * Inside `<OpenmediaProvider>`.
 */
export function OfferAlertControls() {
  const { settings, permission, setNotifications, setSound, setMuted } = useOfferAlerts();
  return (
    <OfferAlertToggle
      permission={permission}
      notifications={settings.notifications}
      sound={settings.sound}
      muted={settings.muted}
      onNotificationsChange={(on) => void setNotifications(on)}
      onSoundChange={setSound}
      onMutedChange={setMuted}
    />
  );
}
