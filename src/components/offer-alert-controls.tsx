import { useEffect, useState } from 'react';
import { ACTIVATION_EVENTS } from '../client/alert-effects';
import { useOfferAlerts } from '../hooks/use-offer-alerts';
import { OfferAlertToggle } from './offer-alert-toggle';

/**
 * Whether the page has had a click or key press since it loaded (the browser's sticky user
 * activation, without which no audio starts); true where the browser does not say.
 */
function hasBeenActive(): boolean {
  return typeof navigator === 'undefined' ? true : ((navigator as { userActivation?: { hasBeenActive: boolean } }).userActivation?.hasBeenActive ?? true);
}

function useHadGesture(): boolean {
  const [had, setHad] = useState(hasBeenActive);
  useEffect(() => {
    if (had || typeof document === 'undefined') return undefined;
    // The browser's word after each: Escape, or a touch's start, activates nothing.
    const seen = () => {
      if (hasBeenActive()) setHad(true);
    };
    for (const type of ACTIVATION_EVENTS) document.addEventListener(type, seen, { capture: true, passive: true });
    return () => {
      for (const type of ACTIVATION_EVENTS) document.removeEventListener(type, seen, { capture: true });
    };
  }, [had]);
  return had;
}

/**
 * The offer-alert switches wired to the provider's client (see {@link OfferAlertToggle}). Place it
 * where the agent sets up their desktop; the alerts themselves need `alerts` on the provider.
 * Inside `<OpenmediaProvider>`.
 */
export function OfferAlertControls() {
  const { settings, permission, setNotifications, setSound, setMuted } = useOfferAlerts();
  const hadGesture = useHadGesture();
  return (
    <OfferAlertToggle
      permission={permission}
      notifications={settings.notifications}
      sound={settings.sound}
      muted={settings.muted}
      soundWaitsForGesture={!hadGesture}
      onNotificationsChange={(on) => void setNotifications(on)}
      onSoundChange={setSound}
      onMutedChange={setMuted}
    />
  );
}
