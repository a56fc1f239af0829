import { describe, expect, it } from 'vitest';
import { createMemoryChannel } from '../channel/memory-channel';
import type { ChannelListener } from '../channel/types';
import { createRecordingChannel } from './recording-channel';
import { createReplayChannel } from './replay-channel';

function collector() {
  const messages: unknown[] = [];
  const statuses: string[] = [];
  const listener: ChannelListener = { onMessage: (d) => messages.push(d), onStatus: (s) => statuses.push(s) };
  return { listener, messages, statuses };
}

describe('createRecordingChannel', () => {
  it('passes everything through and records each message once, however many listen', () => {
    let clock = 1_000;
    const inner = createMemoryChannel();
    const recorder = createRecordingChannel(inner, { now: () => clock });
    const a = collector();
    const b = collector();
    const stopA = recorder.subscribe(a.listener);
    recorder.subscribe(b.listener);
    expect(inner.listenerCount()).toBe(1);
    expect(recorder.getStatus()).toBe('connected');

    clock = 1_250;
    inner.emit({ n: 1 });
    clock = 1_900;
    inner.setStatus('reconnecting');
    clock = 2_000;
    inner.emit('garbage');
    expect(a.messages).toEqual([{ n: 1 }, 'garbage']);
    expect(b.messages).toEqual([{ n: 1 }, 'garbage']);
    expect(b.statuses).toEqual(['reconnecting']);
    expect(recorder.getRecording()).toEqual({
      version: 1,
      events: [
        // The inner channel connected when the recorder subscribed.
        { at: 0, status: 'connected' },
        { at: 250, data: { n: 1 } },
        { at: 900, status: 'reconnecting' },
        { at: 1_000, data: 'garbage' },
      ],
    });

    stopA();
    expect(inner.listenerCount()).toBe(1);
  });

  it('lets go of the inner channel with its last listener, and keeps at most maxEvents', () => {
    const inner = createMemoryChannel();
    const recorder = createRecordingChannel(inner, { maxEvents: 2, now: () => 0 });
    const stop = recorder.subscribe(collector().listener);
    inner.emit(1);
    inner.emit(2);
    inner.emit(3);
    expect(recorder.getRecording().events).toEqual([
      { at: 0, data: 2 },
      { at: 0, data: 3 },
    ]);
    stop();
    stop();
    expect(inner.listenerCount()).toBe(0);
    recorder.clear();
    expect(recorder.getRecording().events).toEqual([]);
  });

  it('keeps the latest maxEvents over a long stream, times counted from the first kept', () => {
    const inner = createMemoryChannel();
    let clock = 1_000;
    const recorder = createRecordingChannel(inner, { maxEvents: 3, now: () => clock });
    recorder.subscribe(collector().listener);
    for (let i = 1; i <= 1_000; i += 1) {
      clock += 10;
      inner.emit(i);
      if (i === 4 || i === 5 || i === 999) expect(recorder.getRecording().events.map((e) => ('data' in e ? e.data : e))).toEqual([i - 2, i - 1, i]);
    }
    expect(recorder.getRecording().events).toEqual([
      { at: 0, data: 998 },
      { at: 10, data: 999 },
      { at: 20, data: 1_000 },
    ]);
  });

  it('clear() forgets what the full ring held, and keeps recording in order after it', () => {
    const inner = createMemoryChannel();
    const recorder = createRecordingChannel(inner, { maxEvents: 3, now: () => 0 });
    recorder.subscribe(collector().listener);
    for (let i = 1; i <= 5; i += 1) inner.emit(i);
    recorder.clear();
    expect(recorder.getRecording().events).toEqual([]);
    for (let i = 6; i <= 9; i += 1) inner.emit(i);
    expect(recorder.getRecording().events.map((e) => ('data' in e ? e.data : e))).toEqual([7, 8, 9]);
  });

  it('passes a reconnect after a lost session through to the real channel', () => {
    const inner = createMemoryChannel();
    const recorder = createRecordingChannel(inner, { now: () => 0 });
    const heard = collector();
    recorder.subscribe(heard.listener);
    inner.setStatus('unauthorized');
    expect(recorder.reconnect).toBeTypeOf('function');
    recorder.reconnect?.();
    expect(inner.getStatus()).toBe('connected');
    expect(heard.statuses).toEqual(['connected', 'unauthorized', 'connected']);
  });

  it('records what a replay channel plays back identically', () => {
    let clock = 0;
    const inner = createMemoryChannel();
    const recorder = createRecordingChannel(inner, { now: () => clock });
    recorder.subscribe(collector().listener);
    for (const [at, data] of [[0, { a: 1 }], [40, { b: 2 }], [90, null]] as const) {
      clock = at;
      inner.emit(data);
    }
    const replay = createReplayChannel(recorder.getRecording());
    const heard = collector();
    replay.subscribe(heard.listener);
    while (replay.step());
    expect(heard.messages).toEqual([{ a: 1 }, { b: 2 }, null]);
  });

  it('passes every payload on and records it with its values unchanged, whatever its shape', () => {
    const inner = createMemoryChannel();
    const recorder = createRecordingChannel(inner, { now: () => 0 });
    const seen = collector();
    recorder.subscribe(seen.listener);
    const message = (n: number) => ({
      messageType: 'OpenmediaStateChangeMessage',
      notificationType: 'PropertiesUpdated',
      openmedia: {
        id: `0MK${n}`,
        state: 'Processing',
        capabilities: ['Complete', 'SetInFocus', 'AttachUserData'],
        userData: { Subject: 'Hello', list: [{ key: 'a', value: 'x'.repeat(600) }], deep: { a: { b: { c: { d: { e: { f: { g: { h: 'bottom' } } } } } } } } },
      },
    });
    const frozen = Object.freeze({ messageType: 'OpenmediaStateChangeMessage', openmedia: Object.freeze({ state: 'Processing' }) });
    const readOnly = Object.defineProperty({ state: 'Processing', other: 'x' }, 'fixed', { value: 'Processing', enumerable: true, writable: false });
    class Custom {
      state = 'Processing';
    }
    const custom = new Custom();
    const payloads: unknown[] = [message(1), message(2), frozen, readOnly, custom, 'text', 42, null, ['Processing', ['Processing']]];
    const expected = payloads.map((p) => (p instanceof Custom ? p : structuredClone(p)));

    for (const payload of payloads) expect(() => inner.emit(payload)).not.toThrow();

    // The same objects reach the listeners, their values as they were.
    expect(seen.messages).toHaveLength(payloads.length);
    seen.messages.forEach((received, i) => {
      expect(received).toBe(payloads[i]);
      expect(received).toEqual(expected[i]);
    });
    const data = recorder.getRecording().events.filter((event) => 'data' in event).map((event) => (event as { data: unknown }).data);
    expect(data).toEqual(expected);
    expect(custom).toBeInstanceOf(Custom);
  });

  it('keeps one copy of equal capability lists across recorded payloads, their values unchanged', () => {
    const inner = createMemoryChannel();
    const recorder = createRecordingChannel(inner, { now: () => 0 });
    recorder.subscribe(collector().listener);
    const message = (id: string, capabilities: unknown[]) => ({ messageType: 'OpenmediaStateChangeMessage', openmedia: { id, state: 'Processing', capabilities } });
    const payloads = [
      message('a', ['Complete', 'SetInFocus']),
      message('b', ['Complete', 'SetInFocus']),
      message('c', ['Complete']),
      message('d', ['Complete', 'SetInFocus', 'Transfer']),
      message('e', ['Complete', 1]),
      message('f', ['Complete', 1]),
      message('g', ['1:a', '']),
      message('h', ['1', ':a']),
    ];
    const expected = structuredClone(payloads);
    for (const payload of payloads) inner.emit(payload);
    const data = recorder.getRecording().events.filter((event) => 'data' in event).map((event) => (event as { data: ReturnType<typeof message> }).data);
    expect(data).toEqual(expected);
    const lists = data.map((payload) => payload.openmedia.capabilities);
    expect(lists[1]).toBe(lists[0]);
    expect(lists[2]).not.toBe(lists[0]);
    expect(lists[3]).not.toBe(lists[0]);
    // Only lists of strings are shared; items that only read alike when joined are told apart.
    expect(lists[5]).not.toBe(lists[4]);
    expect(lists[7]).not.toBe(lists[6]);
  });

  it('keeps status changes and payloads apart, even a payload shaped like a status', () => {
    let clock = 0;
    const inner = createMemoryChannel();
    const recorder = createRecordingChannel(inner, { maxEvents: 3, now: () => clock });
    recorder.subscribe(collector().listener);
    clock = 10;
    inner.emit({ status: 'connected' });
    clock = 20;
    inner.setStatus('reconnecting');
    clock = 30;
    inner.emit(undefined);
    expect(recorder.getRecording().events).toEqual([
      { at: 0, data: { status: 'connected' } },
      { at: 10, status: 'reconnecting' },
      { at: 20, data: undefined },
    ]);
  });

  it('records the server’s refusal of the subscription with its status, and passes it on', () => {
    let clock = 0;
    const inner = createMemoryChannel();
    const recorder = createRecordingChannel(inner, { now: () => clock });
    const heard: [string, string | undefined][] = [];
    recorder.subscribe({ onMessage: () => undefined, onStatus: (status, refusal) => heard.push([status, refusal]) });
    clock = 10;
    inner.setStatus('reconnecting', '403::subscribe_failed');
    clock = 20;
    inner.setStatus('connected');
    expect(recorder.getRefusal?.()).toBeUndefined();
    expect(heard).toEqual([
      ['connected', undefined],
      ['reconnecting', '403::subscribe_failed'],
      ['connected', undefined],
    ]);
    expect(recorder.getRecording().events).toEqual([
      { at: 0, status: 'connected' },
      { at: 10, status: 'reconnecting', refusal: '403::subscribe_failed' },
      { at: 20, status: 'connected' },
    ]);
  });
});
