import { describe, expect, it, vi } from 'vitest';
import { createMemoryChannel } from './memory-channel';

describe('createMemoryChannel: the controls a host or test drives', () => {
  it('a status set before anyone listens is kept when the first listener comes', () => {
    const channel = createMemoryChannel();
    channel.setStatus('unauthorized');
    const onStatus = vi.fn();
    channel.subscribe({ onMessage: vi.fn(), onStatus });
    expect(channel.getStatus()).toBe('unauthorized');
    expect(onStatus).not.toHaveBeenCalled();
  });

  it('requestSessionCheck tells every listener that has the callback', () => {
    const channel = createMemoryChannel();
    const onSessionCheckNeeded = vi.fn();
    channel.subscribe({ onMessage: vi.fn(), onSessionCheckNeeded });
    channel.requestSessionCheck();
    expect(onSessionCheckNeeded).toHaveBeenCalledTimes(1);
  });

  it('sessionEnded turns a listened channel unauthorized, and does nothing without listeners', () => {
    const idle = createMemoryChannel();
    idle.sessionEnded?.();
    expect(idle.getStatus()).toBe('disconnected');

    const channel = createMemoryChannel();
    const onStatus = vi.fn();
    channel.subscribe({ onMessage: vi.fn(), onStatus });
    channel.sessionEnded?.();
    expect(channel.getStatus()).toBe('unauthorized');
    expect(onStatus).toHaveBeenLastCalledWith('unauthorized');
  });

  it('reconnect brings an unauthorized channel back and asks for a resync', () => {
    const channel = createMemoryChannel();
    const onResyncNeeded = vi.fn();
    const onStatus = vi.fn();
    channel.subscribe({ onMessage: vi.fn(), onStatus, onResyncNeeded });
    channel.sessionEnded?.();
    channel.reconnect?.();
    expect(channel.getStatus()).toBe('connected');
    expect(onStatus.mock.calls.map(([s]: unknown[]) => s)).toEqual(['connected', 'unauthorized', 'connected']);
    expect(onResyncNeeded).toHaveBeenCalledTimes(1);
  });

  it('reconnect does nothing unless the channel is unauthorized and listened to', () => {
    const live = createMemoryChannel();
    const onResyncNeeded = vi.fn();
    live.subscribe({ onMessage: vi.fn(), onResyncNeeded });
    live.setStatus('reconnecting');
    live.reconnect?.();
    expect(live.getStatus()).toBe('reconnecting');
    expect(onResyncNeeded).not.toHaveBeenCalled();

    const unheard = createMemoryChannel();
    unheard.setStatus('unauthorized');
    unheard.reconnect?.();
    expect(unheard.getStatus()).toBe('unauthorized');
  });

  it('retryNow brings a reconnecting channel back with a resync, and does nothing in any other status', () => {
    const channel = createMemoryChannel();
    const onResyncNeeded = vi.fn();
    channel.subscribe({ onMessage: vi.fn(), onResyncNeeded });
    channel.retryNow?.();
    channel.sessionEnded?.();
    channel.retryNow?.();
    expect(channel.getStatus()).toBe('unauthorized');
    expect(onResyncNeeded).not.toHaveBeenCalled();
    channel.setStatus('reconnecting');
    channel.retryNow?.();
    expect(channel.getStatus()).toBe('connected');
    expect(onResyncNeeded).toHaveBeenCalledTimes(1);
  });
});

describe('listeners without the optional callbacks', () => {
  it('are skipped silently: no error is reported for a callback they do not have', () => {
    const reported: (() => void)[] = [];
    vi.stubGlobal('queueMicrotask', (callback: () => void) => reported.push(callback));
    try {
      const channel = createMemoryChannel();
      channel.subscribe({ onMessage: vi.fn() });
      channel.requestResync();
      channel.requestSessionCheck();
      channel.setStatus('reconnecting');
      expect(reported).toEqual([]);
      // Whereas a listener that throws is reported (on its own stack), so the check above can fail.
      channel.subscribe({
        onMessage: vi.fn(),
        onResyncNeeded: () => {
          throw new Error('host bug');
        },
      });
      channel.requestResync();
      expect(reported).toHaveLength(1);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
