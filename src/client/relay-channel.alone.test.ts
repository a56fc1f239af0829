import { describe, expect, it } from 'vitest';
import { createMemoryChannel } from '../channel/memory-channel';
import type { ChannelListener } from '../channel/types';
import { OPENMEDIA_CHANNEL } from '../protocol/parse';
import type { TabEnvironment } from './tab-leadership';
import { createFakeBrowser } from '../test-support/fake-tabs';
import { waitFor } from '../test-support/wait-for';
import { readRelayMessage } from './relay-protocol';
import { createSharedChannel } from './relay-channel';

const NAME = 'openmedia-widget http://gws.test/api/v2/notifications';

/** The tab's environment, with every message it posts on the bus recorded (by kind). */
function recording(environment: TabEnvironment): { readonly environment: TabEnvironment; readonly posted: string[] } {
  const posted: string[] = [];
  return {
    posted,
    environment: {
      ...environment,
      openChannel(name) {
        const channel = environment.openChannel(name);
        return {
          ...channel,
          postMessage(message: unknown) {
            posted.push(readRelayMessage(message)?.kind ?? 'unreadable');
            channel.postMessage(message);
          },
          addEventListener: channel.addEventListener.bind(channel),
          removeEventListener: channel.removeEventListener.bind(channel),
          close: channel.close.bind(channel),
        };
      },
    },
  };
}

const notification = (n: number) => ({ messageType: 'OpenmediaStateChangeMessage', notificationType: 'StatusChange', n });

describe('a leader with no other tab relays nothing', () => {
  it('posts no notification while alone, and every one once a second tab has said hello', async () => {
    const browser = createFakeBrowser();
    const source = createMemoryChannel();
    const first = recording(browser.tab().environment);
    const leader = createSharedChannel({ name: NAME, descriptor: OPENMEDIA_CHANNEL, environment: first.environment, createSource: () => source });
    const heardByLeader: unknown[] = [];
    const leaderListener: ChannelListener = { onMessage: (data) => heardByLeader.push(data) };
    const stopLeader = leader.subscribe(leaderListener);
    await waitFor(() => leader.getTab().role === 'leader', 'the first tab leads');
    source.setStatus('connected');

    for (let n = 1; n <= 50; n += 1) source.emit(notification(n));
    // The tab itself still gets all of them; the bus carries none (nor the status changes).
    expect(heardByLeader).toHaveLength(50);
    expect(first.posted.filter((kind) => kind === 'message' || kind === 'status' || kind === 'resync')).toEqual([]);

    // A second tab joins: it says hello, the leader answers with its status, then relays.
    const second = browser.tab();
    const follower = createSharedChannel({
      name: NAME,
      descriptor: OPENMEDIA_CHANNEL,
      environment: second.environment,
      createSource: () => createMemoryChannel(),
    });
    const heardByFollower: unknown[] = [];
    const stopFollower = follower.subscribe({ onMessage: (data) => heardByFollower.push(data) });
    await waitFor(() => follower.getStatus() === 'connected', 'the follower hears the leader is connected');
    expect(follower.getTab().role).toBe('follower');

    for (let n = 51; n <= 60; n += 1) source.emit(notification(n));
    await waitFor(() => heardByFollower.length === 10, 'the follower hears every later notification');
    expect(heardByFollower).toEqual(Array.from({ length: 10 }, (_, i) => notification(51 + i)));
    expect(first.posted.filter((kind) => kind === 'message')).toHaveLength(10);

    stopFollower();
    stopLeader();
  });

  it('answers a joining tab with "connected" only after it has started relaying, so the joiner\'s snapshot read misses nothing', async () => {
    const browser = createFakeBrowser();
    const source = createMemoryChannel();
    const first = recording(browser.tab().environment);
    const leader = createSharedChannel({ name: NAME, descriptor: OPENMEDIA_CHANNEL, environment: first.environment, createSource: () => source });
    const stopLeader = leader.subscribe({ onMessage: () => undefined });
    await waitFor(() => leader.getTab().role === 'leader', 'the first tab leads');
    source.setStatus('connected');

    const follower = createSharedChannel({
      name: NAME,
      descriptor: OPENMEDIA_CHANNEL,
      environment: browser.tab().environment,
      createSource: () => createMemoryChannel(),
    });
    const heard: unknown[] = [];
    // The moment the follower learns the leader is connected (when a client reads its snapshot),
    // the server changes something: that change must reach the follower.
    const stopFollower = follower.subscribe({
      onStatus: (status) => {
        if (status === 'connected') source.emit(notification(1));
      },
      onMessage: (data) => heard.push(data),
    });
    await waitFor(() => heard.length === 1, 'the change made right after "connected" reaches the follower');
    expect(first.posted).toContain('status');

    stopFollower();
    stopLeader();
  });
});
