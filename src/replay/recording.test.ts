import { describe, expect, it } from 'vitest';
import { parseRecording } from './recording';

describe('parseRecording', () => {
  it('reads data and status events, keeps malformed payloads, and sorts by time (stably)', () => {
    const result = parseRecording({
      version: 1,
      title: 'x',
      events: [
        { at: 20, data: { messageType: 'OpenmediaStateChangeMessage' } },
        { at: 5, data: 'not even an object' },
        { at: 5, data: null },
        { at: 10, status: 'reconnecting' },
      ],
    });
    expect(result).toEqual({
      ok: true,
      skipped: 0,
      recording: {
        version: 1,
        title: 'x',
        events: [
          { at: 5, data: 'not even an object' },
          { at: 5, data: null },
          { at: 10, status: 'reconnecting' },
          { at: 20, data: { messageType: 'OpenmediaStateChangeMessage' } },
        ],
      },
    });
  });

  it('reads the refusal a reconnecting status carries, as text of a banner’s length, and no other', () => {
    const result = parseRecording({
      version: 1,
      events: [
        { at: 1, status: 'reconnecting', refusal: '403::subscribe_failed' },
        { at: 2, status: 'reconnecting', refusal: { html: '<b>' } },
        { at: 3, status: 'connected', refusal: '403::subscribe_failed' },
        { at: 4, status: 'reconnecting', refusal: 'x'.repeat(300) },
      ],
    });
    expect(result.ok && result.recording.events).toEqual([
      { at: 1, status: 'reconnecting', refusal: '403::subscribe_failed' },
      { at: 2, status: 'reconnecting' },
      { at: 3, status: 'connected' },
      { at: 4, status: 'reconnecting', refusal: `${'x'.repeat(199)}…` },
    ]);
  });

  it('skips entries that are neither a data nor a status event, and counts them', () => {
    const result = parseRecording({
      version: 1,
      events: [{ at: -1, data: {} }, { at: 'soon', data: {} }, { at: 3 }, { at: 4, status: 'sleepy' }, 7, { at: 9, data: {} }],
    });
    expect(result.ok && result.skipped).toBe(5);
    expect(result.ok && result.recording.events).toEqual([{ at: 9, data: {} }]);
  });

  it('rejects what is not a version 1 recording, with a message', () => {
    expect(parseRecording('{}')).toMatchObject({ ok: false, reason: 'not-an-object' });
    expect(parseRecording([])).toMatchObject({ ok: false, reason: 'not-an-object' });
    expect(parseRecording({ version: 2, events: [] })).toMatchObject({ ok: false, reason: 'unsupported-version', message: expect.stringContaining('version 2') });
    expect(parseRecording({ version: 1 })).toMatchObject({ ok: false, reason: 'missing-events' });
  });

  it('explains that a diagnostics "Download log" file has no messages to replay', () => {
    const exported = { exportedAt: '2026-03-02T08:00:00.000Z', received: 3, rejected: {}, unmatchedReferenceIds: 0, log: [] };
    const result = parseRecording(exported);
    expect(result).toMatchObject({ ok: false, reason: 'diagnostics-log-without-messages' });
    expect(!result.ok && result.message).toMatch(/cannot be replayed/);
  });

  it('replays the recording a diagnostics export carries', () => {
    const exported = {
      exportedAt: '2026-03-02T08:00:00.000Z',
      log: [],
      recording: { version: 1, events: [{ at: 0, data: { a: 1 } }] },
    };
    expect(parseRecording(exported)).toEqual({ ok: true, skipped: 0, recording: { version: 1, events: [{ at: 0, data: { a: 1 } }] } });
  });
});
