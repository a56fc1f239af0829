import { describe, expect, it, vi } from 'vitest';
import { OPENMEDIA_CHANNEL } from '../protocol/parse';
import { createMemoryChannel } from './memory-channel';

describe('createMemoryChannel', () => {
  it('uses the Open Media descriptor unless given another', () => {
    expect(createMemoryChannel().descriptor).toBe(OPENMEDIA_CHANNEL);
    const workitems = { channel: '/v2/me/workitems', messageType: 'WorkitemStateChangeMessage', resourceKey: 'workitem' };
    expect(createMemoryChannel(workitems).descriptor).toBe(workitems);
  });

  it('connects with the first listener and disconnects with the last', () => {
    const channel = createMemoryChannel();
    expect(channel.getStatus()).toBe('disconnected');
    const onStatus = vi.fn();
    const off1 = channel.subscribe({ onMessage: vi.fn(), onStatus });
    expect(channel.getStatus()).toBe('connected');
    expect(onStatus).toHaveBeenCalledWith('connected');
    const off2 = channel.subscribe({ onMessage: vi.fn() });
    expect(channel.listenerCount()).toBe(2);
    off1();
    expect(channel.getStatus()).toBe('connected');
    off2();
    expect(channel.listenerCount()).toBe(0);
    expect(channel.getStatus()).toBe('disconnected');
  });

  it('delivers every emit to every listener, in order', () => {
    const channel = createMemoryChannel();
    const a: unknown[] = [];
    const b: unknown[] = [];
    channel.subscribe({ onMessage: (d) => a.push(d) });
    channel.subscribe({ onMessage: (d) => b.push(d) });
    for (let i = 0; i < 100; i++) channel.emit({ i });
    expect(a).toHaveLength(100);
    expect(b).toEqual(a);
    expect(a[99]).toEqual({ i: 99 });
  });

  it('never calls a listener after its unsubscribe, even from inside a delivery', () => {
    const channel = createMemoryChannel();
    const late = vi.fn();
    let offLate = (): void => undefined;
    channel.subscribe({ onMessage: () => offLate() });
    offLate = channel.subscribe({ onMessage: late });
    channel.emit('x');
    expect(late).not.toHaveBeenCalled();
    offLate();
    offLate();
    expect(channel.listenerCount()).toBe(1);
  });

  it('passes status changes and resync requests, and keeps a status set before anyone listens', () => {
    const channel = createMemoryChannel();
    channel.setStatus('unauthorized');
    const onStatus = vi.fn();
    const onResyncNeeded = vi.fn();
    channel.subscribe({ onMessage: vi.fn(), onStatus, onResyncNeeded });
    expect(channel.getStatus()).toBe('unauthorized');
    channel.setStatus('reconnecting');
    channel.setStatus('reconnecting');
    expect(onStatus).toHaveBeenCalledTimes(1);
    channel.requestResync();
    expect(onResyncNeeded).toHaveBeenCalledTimes(1);
  });

  it('keeps delivering to the others when a listener throws, and surfaces the error', async () => {
    const channel = createMemoryChannel();
    const good = vi.fn();
    channel.subscribe({
      onMessage: () => {
        throw new Error('listener bug');
      },
    });
    channel.subscribe({ onMessage: good });
    const surfaced = new Promise<unknown>((resolve) => {
      process.once('uncaughtException', resolve);
    });
    channel.emit('x');
    expect(good).toHaveBeenCalledWith('x', undefined);
    await expect(surfaced).resolves.toMatchObject({ message: 'listener bug' });
  });
});
