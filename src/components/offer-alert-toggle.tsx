import { useId } from 'react';
import type { NotificationPermissionState } from '../client/notification-permission';
import { langOf, type Messages } from './messages';
import { useMessages } from './messages-context';
import './offer-alerts.css';

export interface OfferAlertToggleProps {
  /** The browser's notification permission; `denied` (blocked) and `unsupported` make the switch unavailable (`aria-disabled`, still focusable). */
  readonly permission: NotificationPermissionState;
  /** The agent turned desktop notifications on (shown on only once the permission is granted). */
  readonly notifications: boolean;
  readonly sound: boolean;
  readonly muted: boolean;
  /**
   * The page has had no click or key press since it loaded: the browser plays no sound before
   * one, so the sound switch says so (it would otherwise claim a sound that will not play).
   */
  readonly soundWaitsForGesture?: boolean;
  /** Called from the click: turning notifications on may ask the browser for permission there. */
  readonly onNotificationsChange: (on: boolean) => void;
  readonly onSoundChange: (on: boolean) => void;
  readonly onMutedChange: (muted: boolean) => void;
}

function permissionText(messages: Messages, permission: NotificationPermissionState): string {
  switch (permission) {
    case 'default':
      return messages.alertsPermissionDefault;
    case 'granted':
      return messages.alertsPermissionGranted;
    case 'denied':
      return messages.alertsPermissionDenied;
    case 'unsupported':
      return messages.alertsPermissionUnsupported;
  }
}

/**
 * The agent's offer-alert switches: "Notify me of new offers" with the browser's permission
 * beside it (including "Blocked by the browser"), a sound, and a mute.
 */
export function OfferAlertToggle(props: OfferAlertToggleProps) {
  const { permission, notifications, sound, muted, soundWaitsForGesture = false } = props;
  const messages = useMessages();
  const hintId = useId();
  const soundHintId = useId();
  const soundWaits = sound && !muted && soundWaitsForGesture;
  const unavailable = permission === 'denied' || permission === 'unsupported';
  return (
    <fieldset className="omw-alerts" lang={langOf(messages)}>
      <legend className="omw-alerts__legend">{messages.alertsTitle}</legend>
      <label className="omw-alerts__switch">
        <input
          type="checkbox"
          checked={notifications && permission === 'granted'}
          // Not `disabled`: the browser's refusal comes while the switch has focus (the agent just
          // pressed it), and a disabled control loses focus to the page. It stays focusable and
          // says it is unavailable; a press changes nothing.
          aria-disabled={unavailable ? 'true' : undefined}
          aria-describedby={hintId}
          // Controlled: a press the handler ignores is put back by React.
          onChange={(event) => {
            if (!unavailable) props.onNotificationsChange(event.currentTarget.checked);
          }}
        />
        <span>{messages.alertsNotify}</span>
      </label>
      {/* Live: the browser's answer to the agent's press ("Blocked by the browser…") is said where they are. */}
      <p id={hintId} className={`omw-alerts__hint omw-alerts__hint--${permission}`} aria-live="polite">
        {permissionText(messages, permission)}
      </p>
      <div className="omw-alerts__sound">
        <label className="omw-alerts__switch">
          <input
            type="checkbox"
            checked={sound}
            aria-describedby={soundWaits ? soundHintId : undefined}
            onChange={(event) => props.onSoundChange(event.currentTarget.checked)}
          />
          <span>{messages.alertsSound}</span>
        </label>
        <button
          type="button"
          className="omw-alerts__mute"
          aria-pressed={muted}
          disabled={!sound}
          onClick={() => props.onMutedChange(!muted)}
        >
          {messages.alertsMute}
        </button>
      </div>
      {soundWaits ? (
        <p id={soundHintId} className="omw-alerts__hint">
          {messages.alertsSoundWaitsForGesture}
        </p>
      ) : null}
    </fieldset>
  );
}
