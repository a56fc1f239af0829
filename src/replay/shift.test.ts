import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createOpenmediaClient } from '../client/openmedia-client';
import shiftJson from './fixtures/shift.json';
import { parseRecording } from './recording';
import type { Recording } from './recording';
import { createReplayChannel } from './replay-channel';
import { createReplayClient } from './replay-client';
import { generateShift } from './shift-generator';

function loadShift(): Recording {
  const parsed = parseRecording(shiftJson);
  if (!parsed.ok) throw new Error(parsed.message);
  expect(parsed.skipped).toBe(0);
  return parsed.recording;
}

/** The widget without React (the client over the replay). */
function startWidget(recording: Recording, speed: number) {
  const replay = createReplayChannel(recording, { speed });
  const client = createOpenmediaClient({
    channel: replay,
    gwsClient: createReplayClient(replay),
    lingerMs: 60 * 60_000,
    recordLimit: 0,
    schedule: (flush) => queueMicrotask(flush),
  });
  client.start();
  return {
    replay,
    store: client.store,
    client,
    stop() {
      client.dispose();
    },
  };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the bundled shift recording', () => {
  it('is what the generator writes (regenerate with `npx tsx scripts/generate-shift.ts`)', () => {
    expect(shiftJson).toEqual(JSON.parse(JSON.stringify(generateShift())));
  });

  it('is a realistic shift: 100+ events over ~11 minutes, with every kind of trouble', () => {
    const { events } = loadShift();
    expect(events.length).toBeGreaterThanOrEqual(100);
    expect(events.at(-1)?.at).toBeGreaterThan(10 * 60_000);
    const text = JSON.stringify(events);
    for (const needle of ['"Invited"', '"Processing"', '"Completed"', '"PropertiesUpdated"', '"Error"', '"Suspended"', '<img src=x onerror', '"reconnecting"', '"heartbeat"']) {
      expect(text).toContain(needle);
    }
  });

  it('plays through the widget core at 10× and ends in the recorded state', async () => {
    const recording = loadShift();
    const widget = startWidget(recording, 10);
    await vi.advanceTimersByTimeAsync(0);
    expect(widget.client.getSnapshot().status).toBe('connected');
    widget.replay.play();
    await vi.advanceTimersByTimeAsync(Math.ceil(recording.events.at(-1)!.at / 10) + 1_000);

    expect(widget.replay.getReplayState()).toMatchObject({ finished: true, playing: false });
    const state = widget.store.getState();
    expect(state.diagnostics.received).toBe(103);
    expect(state.diagnostics.rejected).toEqual({
      'unknown-message-type': 1,
      'missing-id': 1,
      'not-an-object': 1,
      'unknown-notification-type': 1,
    });
    // Outcomes of requests made in the recorded session match nothing pending here.
    expect(state.diagnostics.unmatchedReferenceIds).toBeGreaterThan(50);
    expect(state.byId.size).toBe(23);
    const entries = [...state.byId.values()];
    expect(entries.find((e) => e.interaction.state === 'Suspended')?.interaction.capabilities).toEqual([]);
    // Everything else was completed by the end of the recording.
    expect(entries.filter((e) => e.interaction.state !== 'Completed' && e.interaction.state !== 'Suspended')).toEqual([]);
    widget.stop();
  });

  it('shows the unsolicited Error on its interaction, and rides out the recorded reconnect', async () => {
    const recording = loadShift();
    const widget = startWidget(recording, 1);
    await vi.advanceTimersByTimeAsync(0);
    const statuses: string[] = [];
    widget.client.subscribe(() => statuses.push(widget.client.getSnapshot().status));

    const errorIndex = recording.events.findIndex((e) => 'data' in e && JSON.stringify(e.data).includes('read-only for this campaign'));
    while (widget.replay.getReplayState().position <= errorIndex) widget.replay.step();
    await vi.advanceTimersByTimeAsync(0);
    const errored = [...widget.store.getState().byId.values()].find((e) => e.error !== undefined);
    expect(errored?.error).toMatchObject({ kind: 'error-notification', message: 'User data key "Outcome" is read-only for this campaign', code: 4 });

    const snapshotsRead = () => widget.store.getState().diagnostics.log.filter((line) => line.kind === 'snapshot').length;
    const before = snapshotsRead();
    const gapEnd = recording.events.findIndex((e) => 'status' in e && e.status === 'connected');
    while (widget.replay.getReplayState().position <= gapEnd) widget.replay.step();
    await vi.advanceTimersByTimeAsync(0);
    expect(statuses).toEqual(expect.arrayContaining(['reconnecting', 'connected']));
    // The resync after the gap read the replay's snapshot (one per media type) and applied it.
    expect(snapshotsRead()).toBe(before + 2);
    expect(widget.client.getSnapshot().snapshotError).toBeUndefined();
    widget.stop();
  });
});
