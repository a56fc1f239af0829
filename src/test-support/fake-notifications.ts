import { vi } from 'vitest';

/** A granted Notification API (stubbed global) that records the titles it was asked to show. Test-only. */
export function stubNotifications(): string[] {
  const titles: string[] = [];
  class FakeNotification {
    static permission = 'granted';
    onclick: (() => void) | null = null;
    constructor(title: string) {
      titles.push(title);
    }
    close() {}
  }
  vi.stubGlobal('Notification', FakeNotification);
  return titles;
}
