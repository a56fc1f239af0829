import type { Locator, Page } from '@playwright/test';

/** This tab's role line on the standalone page ("This tab: Leader: holds the connection · 3 tabs"). */
export function tabRole(page: Page): Locator {
  return page.getByRole('region', { name: 'Alerts and tabs' }).getByText(/^This tab:/);
}

/** The cards of one group of the widget ("Offers", "In progress", "Recently ended"). */
export function group(page: Page, title: string): Locator {
  return page.getByRole('list', { name: new RegExp(`^${title}\\b`) });
}

/**
 * What Chrome does to a background tab, which headless Chromium never does (it keeps every page
 * visible): `document.visibilityState` says `hidden`, `visibilitychange` fires, and
 * requestAnimationFrame callbacks wait until the page is shown again. `window.__setHidden(flag)`
 * switches it. Also counts desktop notifications in `window.__notifications` (the real ones are
 * still shown), since a test cannot see the system's notification centre.
 */
export const BACKGROUND_TAB_SCRIPT = `(() => {
  let hidden = false;
  const waiting = [];
  const realRaf = window.requestAnimationFrame.bind(window);
  Object.defineProperty(Document.prototype, 'visibilityState', { configurable: true, get: () => (hidden ? 'hidden' : 'visible') });
  Object.defineProperty(Document.prototype, 'hidden', { configurable: true, get: () => hidden });
  window.requestAnimationFrame = (callback) => {
    if (!hidden) return realRaf(callback);
    waiting.push(callback);
    return 0;
  };
  window.__setHidden = (value) => {
    hidden = value;
    document.dispatchEvent(new Event('visibilitychange'));
    if (!hidden) for (const callback of waiting.splice(0)) realRaf(callback);
  };
  const Real = window.Notification;
  window.__notifications = [];
  if (Real) {
    function CountingNotification(title, options) {
      window.__notifications.push({ title, body: options && options.body });
      return new Real(title, options);
    }
    Object.defineProperty(CountingNotification, 'permission', { get: () => Real.permission });
    CountingNotification.requestPermission = (...args) => Real.requestPermission(...args);
    CountingNotification.prototype = Real.prototype;
    window.Notification = CountingNotification;
  }
})();`;

export interface BackgroundTabWindow {
  __setHidden(hidden: boolean): void;
  readonly __notifications: { readonly title: string; readonly body: string | undefined }[];
}
