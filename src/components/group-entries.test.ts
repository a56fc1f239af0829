import { describe, expect, it } from 'vitest';
import type { ActionError, InteractionEntry } from '../core/types';
import { interaction } from '../test-support/builders';
import { sameFrame } from './group-entries';

function entry(id: string, state: string, userData: Record<string, string> = {}, error?: ActionError): InteractionEntry {
  return {
    interaction: interaction({ id, state, userData: { Subject: `Subject ${id}`, ...userData } }),
    stateSince: 0,
    endedAt: state === 'Completed' ? 1 : undefined,
    gone: false,
    pending: undefined,
    error,
  };
}

const failure = (message: string): ActionError => ({ operation: 'Accept', message, code: 1, kind: 'status-code', referenceId: 3, at: 5 });

describe('sameFrame: whether the widget frame would draw and announce the same', () => {
  const frame = [entry('a', 'Invited'), entry('b', 'Processing'), entry('c', 'Completed')];

  it('is true when only what a card shows by itself changed (user data of a card in progress)', () => {
    const next = [frame[0]!, entry('b', 'Processing', { Priority: '3' }), frame[2]!];
    expect(sameFrame(frame, next)).toBe(true);
  });

  it('is false when an interaction changes group, is added, removed or moved', () => {
    expect(sameFrame(frame, [entry('a', 'Processing'), frame[1]!, frame[2]!])).toBe(false);
    expect(sameFrame(frame, [frame[0]!, entry('b', 'Completed'), frame[2]!])).toBe(false);
    expect(sameFrame(frame, [...frame, entry('d', 'Invited')])).toBe(false);
    expect(sameFrame(frame, frame.slice(1))).toBe(false);
    expect(sameFrame(frame, [frame[1]!, frame[0]!, frame[2]!])).toBe(false);
  });

  it('is false when an error appears, goes or is replaced (the failure announcements read them)', () => {
    const failed = [frame[0]!, entry('b', 'Processing', {}, failure('Refused')), frame[2]!];
    expect(sameFrame(frame, failed)).toBe(false);
    expect(sameFrame(failed, frame)).toBe(false);
    expect(sameFrame(failed, [frame[0]!, entry('b', 'Processing', {}, failure('Refused again')), frame[2]!])).toBe(false);
  });

  it("is false when an offer's subject changes (the offer announcement reads it), not an active one's", () => {
    expect(sameFrame(frame, [entry('a', 'Invited', { Subject: 'Renamed' }), frame[1]!, frame[2]!])).toBe(false);
    expect(sameFrame(frame, [frame[0]!, entry('b', 'Processing', { Subject: 'Renamed' }), frame[2]!])).toBe(true);
  });
});
