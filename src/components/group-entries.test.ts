import { describe, expect, it } from 'vitest';
import type { ActionError, InteractionEntry } from '../core/types';
import { createInitialState, openmediaReducer } from '../core/reducer';
import type { OpenmediaState } from '../core/types';
import { interaction, statusChange } from '../test-support/builders';
import { createFrameSelector, sameFrame } from './group-entries';

function entry(id: string, state: string, userData: Record<string, string> = {}, error?: ActionError): InteractionEntry {
  return {
    interaction: interaction({ id, state, userData: { Subject: `Subject ${id}`, ...userData } }),
    stateSince: 0,
    stateSinceExact: true,
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

  it('is false when an action of this tab is done on a card, whatever else stayed (its "done" is announced)', () => {
    const saved = { ...entry('b', 'Processing', { Note: 'new' }), lastDone: { requestId: 'r1', operation: 'UpdateUserData' as const, userData: { Note: 'new' }, at: 5 } };
    expect(sameFrame(frame, [frame[0]!, saved, frame[2]!])).toBe(false);
    expect(sameFrame([frame[0]!, saved, frame[2]!], [frame[0]!, { ...saved, interaction: interaction({ id: 'b', state: 'Processing', userData: { Subject: 'Subject b', Note: 'x' } }) }, frame[2]!])).toBe(true);
  });

  it("is false when the subject of an offer or of an interaction in progress changes (the announcements read it), not an ended one's", () => {
    expect(sameFrame(frame, [entry('a', 'Invited', { Subject: 'Renamed' }), frame[1]!, frame[2]!])).toBe(false);
    expect(sameFrame(frame, [frame[0]!, entry('b', 'Processing', { Subject: 'Renamed' }), frame[2]!])).toBe(false);
    expect(sameFrame(frame, [frame[0]!, frame[1]!, entry('c', 'Completed', { Subject: 'Renamed' })])).toBe(true);
  });
});

describe('createFrameSelector: the frame’s entries, state after state', () => {
  const apply = (state: OpenmediaState, id: string, state_: string, userData: Record<string, string> = {}) =>
    openmediaReducer(state, statusChange(interaction({ id, state: state_, userData: { Subject: `Subject ${id}`, ...userData } }), 1));
  const ids = (entries: readonly InteractionEntry[]) => entries.map((e) => `${e.interaction.id}:${e.interaction.state}`);

  function start() {
    let state = createInitialState();
    state = apply(state, 'a', 'Invited');
    state = apply(state, 'b', 'Processing');
    state = apply(state, 'c', 'Processing');
    const frameOf = createFrameSelector();
    return { state, frameOf, first: frameOf(state) };
  }

  it('draws offers first, then work in progress, newest first within each group', () => {
    const { first } = start();
    expect(ids(first)).toEqual(['a:Invited', 'c:Processing', 'b:Processing']);
  });

  it('keeps the same array while only what a card shows by itself changes, and for the same state', () => {
    const { state, frameOf, first } = start();
    expect(frameOf(state)).toBe(first);
    const next = apply(state, 'b', 'Processing', { Priority: '3' });
    expect(next.byId).not.toBe(state.byId);
    expect(frameOf(next)).toBe(first);
    // An active card's subject is not: "Ended: <subject>" reads it.
    expect(frameOf(apply(next, 'c', 'Processing', { Subject: 'Renamed' }))).not.toBe(first);
  });

  it('gives a new array when an entry changes group, comes, or an offer’s subject changes', () => {
    const { state, frameOf, first } = start();
    const accepted = apply(state, 'a', 'Processing');
    const afterAccept = frameOf(accepted);
    expect(afterAccept).not.toBe(first);
    expect(ids(afterAccept)).toEqual(['c:Processing', 'b:Processing', 'a:Processing']);
    const offered = apply(accepted, 'd', 'Invited');
    expect(ids(frameOf(offered))).toEqual(['d:Invited', 'c:Processing', 'b:Processing', 'a:Processing']);
    const renamed = apply(offered, 'd', 'Invited', { Subject: 'New subject' });
    const afterRename = frameOf(renamed);
    expect(afterRename[0]?.interaction.userData.Subject).toBe('New subject');
  });

  it('gives a new array when an error appears on a card (the failure announcements read it)', () => {
    const { state, frameOf, first } = start();
    const requested = openmediaReducer(state, { type: 'actionRequested', requestId: 'r1', interactionId: 'b', operation: 'Complete', at: 2 });
    // Whether an action is pending is read too (an end while it is out is the agent's own doing).
    const pending = frameOf(requested);
    expect(pending).not.toBe(first);
    const failed = openmediaReducer(requested, { type: 'actionFailed', requestId: 'r1', message: 'Refused', code: 2, kind: 'status-code', at: 3 });
    const frame = frameOf(failed);
    expect(frame).not.toBe(pending);
    expect(frame.find((e) => e.interaction.id === 'b')?.error?.message).toBe('Refused');
  });
});
