/**
 * Whether this page may show desktop notifications: the browser's `Notification.permission`, or
 * `unsupported` where there is no Notification API (an embedded webview, an old browser, Node).
 * `denied` is the browser's "blocked" (the user or a policy said no; only the site settings undo it).
 */
export type NotificationPermissionState = 'default' | 'granted' | 'denied' | 'unsupported';

interface NotificationApi {
  readonly permission: NotificationPermission;
  requestPermission(): Promise<NotificationPermission>;
}

function notificationApi(): NotificationApi | undefined {
  const api = (globalThis as { Notification?: NotificationApi }).Notification;
  return api !== undefined && typeof api.requestPermission === 'function' ? api : undefined;
}

export function readNotificationPermission(): NotificationPermissionState {
  return notificationApi()?.permission ?? 'unsupported';
}

/**
 * Ask for the permission. Browsers only show the prompt from a user gesture (a click on the
 * "Notify me of new offers" toggle), so call this from the click handler, never on load.
 */
export async function requestNotificationPermission(): Promise<NotificationPermissionState> {
  const api = notificationApi();
  if (api === undefined) return 'unsupported';
  if (api.permission !== 'default') return api.permission;
  try {
    return await api.requestPermission();
  } catch {
    return api.permission;
  }
}
