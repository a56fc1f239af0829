import { describe, expect, it } from 'vitest';
import { errorNotification, resource, statusChange } from '../testing/scripted-gws';
import { parseRecording } from './recording';
import type { Recording } from './recording';
import { REDACTED, redactRecording } from './redact';

describe('redactRecording', () => {
  it('keeps ids, states, types, referenceIds and user-data keys, and replaces every user-data value', () => {
    // GWS KV lists may nest (the wire type says flat): the walk must not care.
    const offer = { ...resource('IX-1', 'Processing', 'workitem'), userData: { Subject: 'Refund for Jane Doe', Email: 'jane@example.com', Priority: 5, Order: { Card: '4111 1111', Items: ['A', 2] } } };
    const message = { ...statusChange(resource('IX-1', 'Processing', 'workitem'), 7), openmedia: offer };
    const recording: Recording = {
      version: 1,
      events: [
        { at: 0, status: 'connected' },
        { at: 5, data: message },
        { at: 9, data: errorNotification(8, 'Not valid in the current state') },
        { at: 12, data: { broken: { UserData: { Secret: 'leak' } } } },
        { at: 15, data: 'not an object' },
      ],
    };

    const redacted = redactRecording(recording);
    const text = JSON.stringify(redacted);
    for (const secret of ['Jane Doe', 'jane@example.com', '4111', 'leak']) expect(text).not.toContain(secret);

    expect(redacted.events[0]).toEqual({ at: 0, status: 'connected' });
    expect(redacted.events[1]).toEqual({
      at: 5,
      data: {
        ...message,
        openmedia: {
          ...offer,
          userData: { Subject: REDACTED, Email: REDACTED, Priority: 0, Order: { Card: REDACTED, Items: [REDACTED, 0] } },
        },
      },
    });
    expect(redacted.events[2]).toEqual({ at: 9, data: errorNotification(8, 'Not valid in the current state') });
    expect(redacted.events[3]).toEqual({ at: 12, data: { broken: { UserData: { Secret: REDACTED } } } });
    expect(redacted.events[4]).toEqual({ at: 15, data: 'not an object' });
    // The original is untouched, and the copy still replays.
    expect(JSON.stringify(recording)).toContain('Jane Doe');
    const parsed = parseRecording(JSON.parse(text));
    expect(parsed.ok && parsed.recording.events).toHaveLength(5);
  });
});
