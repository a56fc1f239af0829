import { describe, expect, it } from 'vitest';
import { accepted, errorNotification, interaction, requested, run, statusChange } from '../test-support/builders';

// Two pending requests can hold one referenceId when the server restarts its numbering while an
// older request still waits (found by the reducer's property test). Whichever the index points
// at, the outcome with that referenceId ends each request it can be the outcome of: a notification
// about one interaction ends the request on it (the other waits for its own outcome, or its
// timeout); an Error without its resource ends both.

const b = interaction({ id: 'b', state: 'Invited' });
const d = interaction({ id: 'd', state: 'Invited' });
const bothAccepted = [
  statusChange(b, 1000),
  statusChange(d, 1000),
  requested('r4', 'd', 'Accept', 1001),
  requested('r1', 'b', 'Accept', 1002),
  accepted('r1', 4, 1003),
  accepted('r4', 4, 1004),
];

describe('two pending requests with one referenceId', () => {
  it('a success about one ends the request on it, not the other', () => {
    const state = run([...bothAccepted, statusChange(interaction({ id: 'd', state: 'Processing' }), 1005, 4)]);
    expect(state.byId.get('d')?.pending).toBeUndefined();
    expect(state.byId.get('b')?.pending).toMatchObject({ requestId: 'r1', referenceId: 4 });
    // The other's own outcome ends it.
    const both = run([statusChange(interaction({ id: 'b', state: 'Processing' }), 1006, 4)], undefined, state);
    expect(both.pending.size).toBe(0);
    expect(both.byId.get('b')?.pending).toBeUndefined();
  });

  it('an Error ends both, each card showing it', () => {
    const state = run([...bothAccepted, errorNotification(1005, { referenceId: 4, errorMessage: 'Not allowed' })]);
    expect(state.pending.size).toBe(0);
    expect(state.byId.get('b')?.error).toMatchObject({ kind: 'error-notification', message: 'Not allowed', requestId: 'r1' });
    expect(state.byId.get('d')?.error).toMatchObject({ kind: 'error-notification', message: 'Not allowed', requestId: 'r4' });
  });
});

// referenceIds are numbered per HTTP session: the agent's desktop beside the widget has a session
// of its own, and the outcomes of its requests reach this channel too, with numbers the widget's
// own requests will also get. Only a notification about a request's interaction is its outcome.
describe("another session's outcomes with the widget's referenceIds", () => {
  const x = interaction({ id: 'x', state: 'Processing' });
  const y = interaction({ id: 'y', state: 'Processing' });
  const shown = [statusChange(x, 1000), statusChange(y, 1000)];
  const completedY = interaction({ id: 'y', state: 'Completed' });

  it('a success heard before the answer, about another interaction, does not settle the request', () => {
    // Another session completes x as its request 101; then the widget's Complete of y gets 101 too.
    const state = run([...shown, statusChange(interaction({ id: 'x', state: 'Completed' }), 1100, 101), requested('r1', 'y', 'Complete', 1200), accepted('r1', 101, 1300)]);
    expect(state.byId.get('y')?.pending).toMatchObject({ requestId: 'r1', referenceId: 101 });
    expect(state.earlyOutcomes.has(101)).toBe(false);
    // Its own outcome, the server's refusal, lands on y.
    const refused = run([errorNotification(1400, { referenceId: 101, openmedia: y, errorMessage: 'Cannot complete' })], undefined, state);
    expect(refused.byId.get('y')?.pending).toBeUndefined();
    expect(refused.byId.get('y')?.error).toMatchObject({ kind: 'error-notification', message: 'Cannot complete', requestId: 'r1' });
  });

  it('a failure heard before the answer, about another interaction, does not fail the request', () => {
    const state = run([...shown, errorNotification(1100, { referenceId: 101, openmedia: x, errorMessage: 'Not yours' }), requested('r1', 'y', 'Complete', 1200), accepted('r1', 101, 1300)]);
    expect(state.byId.get('y')?.error).toBeUndefined();
    expect(state.byId.get('y')?.pending).toMatchObject({ requestId: 'r1' });
    const done = run([statusChange(completedY, 1400, 101)], undefined, state);
    expect(done.byId.get('y')?.pending).toBeUndefined();
    expect(done.byId.get('y')?.interaction.state).toBe('Completed');
  });

  it("the widget's own outcome heard before its answer, then another session's of the same number: its own is still claimed", () => {
    const state = run([
      ...shown,
      requested('r1', 'y', 'Complete', 1200),
      statusChange(completedY, 1300, 101),
      statusChange(interaction({ id: 'x', state: 'Completed' }), 1350, 101),
      accepted('r1', 101, 1400),
    ]);
    expect(state.byId.get('y')?.pending).toBeUndefined();
    expect(state.pending.size).toBe(0);
    expect(state.byId.get('y')?.error).toBeUndefined();
    expect(state.earlyOutcomes.has(101)).toBe(false);
    // The same, the other way round (the other session's first), and with a failure of ours.
    const refused = run([
      ...shown,
      requested('r1', 'y', 'Complete', 1200),
      errorNotification(1300, { referenceId: 101, openmedia: y, errorMessage: 'Cannot complete' }),
      statusChange(interaction({ id: 'x', state: 'Completed' }), 1350, 101),
      accepted('r1', 101, 1400),
    ]);
    expect(refused.byId.get('y')?.error).toMatchObject({ kind: 'error-notification', message: 'Cannot complete', requestId: 'r1' });
  });

  it('keeps a few outcomes of one number, each interaction once, the newest first', () => {
    const many = run([
      ...shown,
      ...['p', 'q', 'r', 's', 't'].map((id, i) => statusChange(interaction({ id, state: 'Completed' }), 1100 + i, 101)),
      statusChange(interaction({ id: 'r', state: 'Completed' }), 1200, 101),
    ]);
    const held = many.earlyOutcomes.get(101);
    expect([held?.interactionId, ...(held?.others ?? []).map((o) => o.interactionId)]).toEqual(['t', 's', 'r', 'q']);
  });

  it("while the widget's request waits, another session's outcome of the same number is not its outcome", () => {
    const waiting = run([...shown, requested('r1', 'y', 'Complete', 1200), accepted('r1', 101, 1300)]);
    const foreign = run([statusChange(interaction({ id: 'x', state: 'Completed' }), 1400, 101)], undefined, waiting);
    expect(foreign.byId.get('y')?.pending).toMatchObject({ requestId: 'r1' });
    // Not kept for later either: the number is the widget's, no answer of its own will claim it.
    expect(foreign.earlyOutcomes.has(101)).toBe(false);
    expect(foreign.diagnostics.unmatchedReferenceIds).toBe(waiting.diagnostics.unmatchedReferenceIds + 1);
  });

  it('a request given up on is not settled late by an outcome about another interaction', () => {
    const timedOut = run([...shown, requested('r1', 'x', 'Complete', 1200), accepted('r1', 5, 1300), { type: 'actionTimedOut', requestId: 'r1', at: 20_000 }]);
    expect(timedOut.byId.get('x')?.error).toMatchObject({ kind: 'timeout', requestId: 'r1' });
    // Another request numbered 5 (after a new session) is about y: x's timeout stays, nothing "late".
    const other = run([statusChange(completedY, 21_000, 5)], undefined, timedOut);
    expect(other.byId.get('x')?.error).toMatchObject({ kind: 'timeout', requestId: 'r1' });
    expect(other.unsettled.get(5)?.late).toBeUndefined();
    // x's own late outcome still clears it.
    const late = run([statusChange(interaction({ id: 'x', state: 'Completed' }), 22_000, 5)], undefined, other);
    expect(late.byId.get('x')?.error).toBeUndefined();
    expect(late.unsettled.get(5)?.late).toBe('succeeded');
  });
});
