import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChannelListener } from '../channel/types';
import { createReplayChannel } from './replay-channel';
import type { Recording } from './recording';

const offer = (id: string, state = 'Invited', mediaType = 'workitem') => ({
  messageType: 'OpenmediaStateChangeMessage',
  notificationType: 'StatusChange',
  openmedia: { id, mediaType, state, capabilities: state === 'Invited' ? ['Accept', 'Reject'] : [] },
});

const RECORDING: Recording = {
  version: 1,
  events: [
    { at: 1_000, data: offer('a') },
    { at: 3_000, data: offer('b') },
    { at: 3_000, data: 'malformed' },
    { at: 10_000, status: 'reconnecting' },
    { at: 12_000, status: 'connected' },
    { at: 20_000, data: offer('a', 'Completed') },
  ],
};

function listen() {
  const messages: unknown[] = [];
  const log: string[] = [];
  const listener: ChannelListener = {
    onMessage: (data) => {
      messages.push(data);
      log.push('message');
    },
    onStatus: (status) => log.push(`status:${status}`),
    onResyncNeeded: () => log.push('resync'),
  };
  return { listener, messages, log };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('createReplayChannel', () => {
  it('starts paused and connected with its first listener; plays in real time at 1×', () => {
    const replay = createReplayChannel(RECORDING);
    expect(replay.getStatus()).toBe('disconnected');
    const heard = listen();
    replay.subscribe(heard.listener);
    expect(replay.getStatus()).toBe('connected');
    expect(replay.getReplayState()).toMatchObject({ playing: false, position: 0, total: 6, durationMs: 20_000, finished: false });
    vi.advanceTimersByTime(5_000);
    expect(heard.messages).toEqual([]);

    replay.play();
    vi.advanceTimersByTime(999);
    expect(heard.messages).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(heard.messages).toEqual([offer('a')]);
    vi.advanceTimersByTime(2_000);
    // Both events of the same instant arrive together.
    expect(heard.messages).toEqual([offer('a'), offer('b'), 'malformed']);
    expect(replay.getReplayState()).toMatchObject({ playing: true, position: 3, elapsedMs: 3_000 });
  });

  it('plays ten times faster at 10×, and finishes', () => {
    const replay = createReplayChannel(RECORDING, { speed: 10 });
    const heard = listen();
    replay.subscribe(heard.listener);
    replay.play();
    vi.advanceTimersByTime(300);
    expect(heard.messages).toHaveLength(3);
    vi.advanceTimersByTime(1_700);
    expect(heard.messages).toHaveLength(4);
    expect(replay.getReplayState()).toMatchObject({ playing: false, finished: true, position: 6, elapsedMs: 20_000 });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('replays status changes, and asks for a resync when the connection comes back', () => {
    const replay = createReplayChannel(RECORDING, { speed: 10 });
    const heard = listen();
    replay.subscribe(heard.listener);
    heard.log.length = 0;
    replay.play();
    vi.advanceTimersByTime(1_000);
    expect(replay.getStatus()).toBe('reconnecting');
    vi.advanceTimersByTime(200);
    expect(replay.getStatus()).toBe('connected');
    expect(heard.log).toEqual(['message', 'message', 'message', 'status:reconnecting', 'status:connected', 'resync']);
  });

  it('replays a recorded refusal of the subscription with its status, and forgets it on restart', () => {
    const replay = createReplayChannel(
      { version: 1, events: [{ at: 1_000, status: 'reconnecting', refusal: '403::subscribe_failed' }, { at: 2_000, status: 'reconnecting' }] },
      { speed: 1 },
    );
    const heard: [string, string | undefined][] = [];
    replay.subscribe({ onMessage: () => undefined, onStatus: (status, refusal) => heard.push([status, refusal]) });
    replay.play();
    vi.advanceTimersByTime(1_000);
    expect(replay.getRefusal?.()).toBe('403::subscribe_failed');
    vi.advanceTimersByTime(1_000);
    expect(replay.getRefusal?.()).toBeUndefined();
    replay.play();
    replay.restart();
    expect(heard).toEqual([
      ['connected', undefined],
      ['reconnecting', '403::subscribe_failed'],
      ['reconnecting', undefined],
      ['connected', undefined],
    ]);
  });

  it('pauses where it is and resumes from there', () => {
    const replay = createReplayChannel(RECORDING);
    const heard = listen();
    replay.subscribe(heard.listener);
    replay.play();
    vi.advanceTimersByTime(2_000);
    replay.pause();
    expect(replay.getReplayState()).toMatchObject({ playing: false, elapsedMs: 2_000, position: 1 });
    vi.advanceTimersByTime(60_000);
    expect(heard.messages).toHaveLength(1);
    replay.play();
    vi.advanceTimersByTime(999);
    expect(heard.messages).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(heard.messages).toHaveLength(3);
  });

  it('steps one event at a time, pausing first, and reports the end', () => {
    const replay = createReplayChannel(RECORDING);
    const heard = listen();
    replay.subscribe(heard.listener);
    replay.play();
    expect(replay.step()).toBe(true);
    expect(replay.getReplayState()).toMatchObject({ playing: false, position: 1, elapsedMs: 1_000 });
    expect(heard.messages).toEqual([offer('a')]);
    vi.advanceTimersByTime(60_000);
    expect(heard.messages).toHaveLength(1);
    expect(replay.step()).toBe(true);
    expect(heard.messages).toEqual([offer('a'), offer('b')]);
    while (replay.step());
    expect(replay.getReplayState()).toMatchObject({ finished: true, position: 6 });
    expect(replay.step()).toBe(false);
    replay.play();
    expect(replay.getReplayState().playing).toBe(false);
  });

  it('changes speed mid-way without losing its place', () => {
    const replay = createReplayChannel(RECORDING);
    const heard = listen();
    replay.subscribe(heard.listener);
    replay.play();
    vi.advanceTimersByTime(2_000); // at 2 s; b is due at 3 s
    replay.setSpeed(10);
    vi.advanceTimersByTime(99);
    expect(heard.messages).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(heard.messages).toHaveLength(3);
    expect(() => replay.setSpeed(0)).toThrow(/positive/);
    expect(() => replay.setSpeed(Number.NaN)).toThrow(/positive/);
  });

  it('notifies state subscribers with a new object on each change', () => {
    const replay = createReplayChannel(RECORDING);
    replay.subscribe(listen().listener);
    const states: unknown[] = [];
    const stop = replay.subscribeReplay(() => states.push(replay.getReplayState()));
    const before = replay.getReplayState();
    replay.play();
    replay.setSpeed(10);
    replay.pause();
    expect(states).toHaveLength(3);
    expect(new Set(states).size).toBe(3);
    expect(states).not.toContain(before);
    stop();
    replay.play();
    expect(states).toHaveLength(3);
  });

  it('restarts from the beginning and asks listeners to resync', () => {
    const replay = createReplayChannel(RECORDING);
    const heard = listen();
    replay.subscribe(heard.listener);
    while (replay.step());
    heard.log.length = 0;
    replay.restart();
    expect(replay.getReplayState()).toMatchObject({ position: 0, elapsedMs: 0, finished: false, playing: false });
    expect(heard.log).toEqual(['resync']);
    expect(replay.currentInteractions()).toEqual([]);
  });

  it('autoplays with its first listener, and stops the clock when the last one leaves', async () => {
    const replay = createReplayChannel(RECORDING, { autoplay: true });
    const heard = listen();
    const stop = replay.subscribe(heard.listener);
    await Promise.resolve();
    expect(replay.getReplayState().playing).toBe(true);
    vi.advanceTimersByTime(1_000);
    expect(heard.messages).toHaveLength(1);
    stop();
    expect(replay.getStatus()).toBe('disconnected');
    expect(replay.getReplayState().playing).toBe(false);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('knows the interactions delivered so far, latest version, without the completed ones', () => {
    const replay = createReplayChannel(RECORDING);
    replay.subscribe(listen().listener);
    replay.step();
    replay.step();
    replay.step();
    expect(replay.currentInteractions().map((i) => [i.id, i.state])).toEqual([
      ['a', 'Invited'],
      ['b', 'Invited'],
    ]);
    expect(replay.currentInteractions('promotion')).toEqual([]);
    while (replay.step());
    expect(replay.currentInteractions().map((i) => i.id)).toEqual(['b']);
  });

  it('keeps the user data a later StatusChange left out (GWS sends none with it)', () => {
    const withData = { ...offer('c'), openmedia: { ...offer('c').openmedia, userData: { Subject: 'Kept' } } };
    const replay = createReplayChannel({ version: 1, events: [{ at: 1_000, data: withData }, { at: 2_000, data: offer('c', 'Processing') }] });
    replay.subscribe(listen().listener);
    while (replay.step());
    expect(replay.currentInteractions()).toEqual([expect.objectContaining({ id: 'c', state: 'Processing', userData: { Subject: 'Kept' } })]);
    expect(replay.currentInteractions()[0]).not.toHaveProperty('omitted');
  });
});
