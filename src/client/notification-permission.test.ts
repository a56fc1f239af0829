import { afterEach, describe, expect, it, vi } from 'vitest';
import { readNotificationPermission, requestNotificationPermission } from './notification-permission';

afterEach(() => {
  vi.unstubAllGlobals();
});

function stubNotification(permission: NotificationPermission, requestPermission: () => Promise<NotificationPermission>) {
  const api = { permission, requestPermission: vi.fn(requestPermission) };
  vi.stubGlobal('Notification', api);
  return api;
}

describe('readNotificationPermission', () => {
  it("is the browser's permission, or unsupported without a usable Notification API", () => {
    expect(readNotificationPermission()).toBe('unsupported');
    vi.stubGlobal('Notification', { permission: 'granted' });
    expect(readNotificationPermission()).toBe('unsupported');
    stubNotification('denied', () => Promise.resolve('denied'));
    expect(readNotificationPermission()).toBe('denied');
  });
});

describe('requestNotificationPermission', () => {
  it('is unsupported without the API', async () => {
    expect(await requestNotificationPermission()).toBe('unsupported');
  });

  it('asks only while the user has not decided', async () => {
    const granted = stubNotification('granted', () => Promise.resolve('denied'));
    expect(await requestNotificationPermission()).toBe('granted');
    expect(granted.requestPermission).not.toHaveBeenCalled();

    const undecided = stubNotification('default', () => Promise.resolve('granted'));
    expect(await requestNotificationPermission()).toBe('granted');
    expect(undecided.requestPermission).toHaveBeenCalledTimes(1);
  });

  it('answers the current permission when the prompt fails', async () => {
    stubNotification('default', () => Promise.reject(new Error('not from a user gesture')));
    expect(await requestNotificationPermission()).toBe('default');
  });
});
