import { describe, expect, it } from 'vitest';
import { OUTCOME_UNKNOWN_MESSAGE } from './apply-snapshot';
import { openmediaReducer } from './reducer';
import { SEED, accepted, interaction, requested, run, statusChange } from '../test-support/builders';
import type { OpenmediaEvent, OpenmediaState } from './types';
import type { OpenmediaInteraction, Operation } from '../protocol/types';

// Issue 12, point 2: an outcome lost in a gap is settled from the snapshot read after it.

const ID = SEED.id;
const invited = interaction({ state: 'Invited' });
const processing = interaction({ userData: { Priority: 5, Note: 'x' } });
const completed = interaction({ state: 'Completed' });

function resync(listed: readonly OpenmediaInteraction[], at = 5000, afterGap = true): OpenmediaEvent {
  return { type: 'snapshotLoaded', mediaTypes: ['promotion'], interactions: listed, afterGap, at };
}

function sent(start: OpenmediaInteraction, operation: Operation, extra: { userData?: Record<string, string | number>; keys?: string[] } = {}) {
  return run([
    statusChange(start, 1000),
    { ...requested('r1', ID, operation, 1100), ...extra },
    accepted('r1', 7, 1200),
  ]);
}

function settled(state: OpenmediaState) {
  return { pending: state.pending.size, entry: state.byId.get(ID) };
}

describe('a resync settles the pending actions from the snapshot', () => {
  it.each<{ name: string; start: OpenmediaInteraction; op: Operation; extra?: { userData?: Record<string, string | number>; keys?: string[] }; listed: OpenmediaInteraction[] }>([
    { name: 'Accept → Processing', start: invited, op: 'Accept', listed: [processing] },
    { name: 'Complete → no longer listed', start: processing, op: 'Complete', listed: [] },
    { name: 'Complete → Completed', start: processing, op: 'Complete', listed: [completed] },
    { name: 'Reject → no longer listed', start: invited, op: 'Reject', listed: [] },
    { name: 'Transfer → no longer listed', start: processing, op: 'Transfer', listed: [] },
    {
      name: 'UpdateUserData → the value is there',
      start: processing,
      op: 'UpdateUserData',
      extra: { userData: { Priority: 7 } },
      listed: [interaction({ userData: { Priority: 7, Note: 'x' } })],
    },
    {
      // A server that stores every value as text lists the number sent as its text.
      name: 'UpdateUserData → the number 7 listed as the text "7"',
      start: processing,
      op: 'UpdateUserData',
      extra: { userData: { Priority: 7 } },
      listed: [interaction({ userData: { Priority: '7' } })],
    },
    { name: 'DeleteUserData → the key is gone', start: processing, op: 'DeleteUserData', extra: { keys: ['Note'] }, listed: [interaction({ userData: { Priority: 5 } })] },
  ])('$name: succeeded, no error, no timeout later', ({ start, op, extra, listed }) => {
    const state = openmediaReducer(sent(start, op, extra), resync(listed));
    const { pending, entry } = settled(state);
    expect(pending).toBe(0);
    expect(entry?.pending).toBeUndefined();
    expect(entry?.error).toBeUndefined();
    expect(state.diagnostics.log.at(-1)).toMatchObject({ kind: 'action-resolved', detail: `${op} done (seen in the snapshot)` });
    // The runner's timer firing later finds nothing pending.
    expect(openmediaReducer(state, { type: 'actionTimedOut', requestId: 'r1', at: 16_100 })).toBe(state);
  });

  it.each<{ name: string; start: OpenmediaInteraction; op: Operation; extra?: { userData?: Record<string, string | number> }; listed: OpenmediaInteraction[] }>([
    { name: 'Accept, still Invited', start: invited, op: 'Accept', listed: [invited] },
    { name: 'Complete, still Processing', start: processing, op: 'Complete', listed: [processing] },
    { name: 'UpdateUserData, old value', start: processing, op: 'UpdateUserData', extra: { userData: { Priority: 7 } }, listed: [processing] },
    { name: 'UpdateUserData, the string "7.0" is not the number 7', start: processing, op: 'UpdateUserData', extra: { userData: { Priority: 7 } }, listed: [interaction({ userData: { Priority: '7.0' } })] },
    { name: 'SetInFocus (leaves no trace)', start: processing, op: 'SetInFocus', listed: [processing] },
  ])('$name: outcome unknown, never a plain timeout', ({ start, op, extra, listed }) => {
    const state = openmediaReducer(sent(start, op, extra), resync(listed));
    expect(state.pending.size).toBe(0);
    expect(state.byId.get(ID)?.error).toMatchObject({ kind: 'outcome-unknown', message: OUTCOME_UNKNOWN_MESSAGE, operation: op, requestId: 'r1' });
    // And if the outcome does come after all, it is still shown.
    expect(state.unsettled.get(7)).toMatchObject({ requestId: 'r1', late: undefined });
  });

  it.each<Operation>(['Complete', 'Reject', 'Transfer'])(
    "%s no longer listed: the card ends as the agent's action ended it (Completed), not as taken away (gone, last known)",
    (op) => {
      const state = openmediaReducer(sent(op === 'Reject' ? invited : processing, op), resync([]));
      const entry = state.byId.get(ID);
      expect(entry?.gone).toBe(false);
      expect(entry?.interaction.state).toBe('Completed');
      expect(entry?.interaction.capabilities).toEqual([]);
      expect(entry?.endedAt).toBe(5000);
      // Begun some time before the read: when exactly, the read does not say.
      expect(entry?.stateSinceExact).toBe(false);
    },
  );

  it('a request given up on (timed out) whose interaction is no longer listed ends it the same way, late', () => {
    const timedOut = run([{ type: 'actionTimedOut', requestId: 'r1', at: 4000 }], undefined, sent(processing, 'Complete'));
    const state = openmediaReducer(timedOut, resync([], 5000, false));
    expect(state.byId.get(ID)).toMatchObject({ gone: false, interaction: { state: 'Completed' }, error: undefined });
  });

  it('an interaction no longer listed while a request that does not end it was pending is gone (taken away)', () => {
    const state = openmediaReducer(sent(processing, 'UpdateUserData', { userData: { Priority: 7 } }), resync([]));
    expect(state.byId.get(ID)).toMatchObject({ gone: true, interaction: { state: 'Processing' } });
  });

  it('a snapshot read without a gap (start-up, Retry) leaves pending actions to their notification', () => {
    const before = sent(invited, 'Accept');
    const state = openmediaReducer(before, resync([invited], 5000, false));
    expect(state.pending.size).toBe(1);
    expect(state.byId.get(ID)?.pending?.requestId).toBe('r1');
  });

  it('a request whose POST is still travelling (no referenceId yet) is left to its answer', () => {
    const before = run([statusChange(invited, 1000), requested('r1', ID, 'Accept', 1100)]);
    const state = openmediaReducer(before, resync([invited]));
    expect(state.pending.size).toBe(1);
  });

  it('a request that already timed out during the gap is settled late when the snapshot shows it worked', () => {
    const timedOut = run([{ type: 'actionTimedOut', requestId: 'r1', at: 4000 }], undefined, sent(processing, 'Complete'));
    expect(timedOut.byId.get(ID)?.error?.kind).toBe('timeout');
    const state = openmediaReducer(timedOut, resync([]));
    expect(state.byId.get(ID)?.error).toBeUndefined();
    expect(state.unsettled.get(7)?.late).toBe('succeeded');
  });

  it('any read settles a timed-out request late where it shows it worked (the read a timeout asks for), and leaves a pending one alone', () => {
    const timedOut = run([{ type: 'actionTimedOut', requestId: 'r1', at: 4000 }], undefined, sent(invited, 'Accept'));
    const stillPending = run([{ ...requested('r2', ID, 'SetInFocus', 4100) }, accepted('r2', 8, 4200)], undefined, timedOut);
    const state = openmediaReducer(stillPending, resync([processing], 5000, false));
    expect(state.byId.get(ID)?.interaction.state).toBe('Processing');
    expect(state.byId.get(ID)?.error).toBeUndefined();
    expect(state.unsettled.get(7)?.late).toBe('succeeded');
    expect(state.diagnostics.log.some((line) => line.detail === 'Accept done (late, seen in the snapshot)')).toBe(true);
    expect(state.pending.has('r2')).toBe(true);
  });

  it('a read that does not show the timed-out request worked leaves its timeout on the card', () => {
    const timedOut = run([{ type: 'actionTimedOut', requestId: 'r1', at: 4000 }], undefined, sent(invited, 'Accept'));
    const state = openmediaReducer(timedOut, resync([invited], 5000, false));
    expect(state.byId.get(ID)?.error?.kind).toBe('timeout');
    expect(state.unsettled.get(7)?.late).toBeUndefined();
  });
});
