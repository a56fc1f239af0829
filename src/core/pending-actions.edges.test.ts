import { describe, expect, it } from 'vitest';
import { acceptAction, applyLateOutcome, failAction, requestAction, resolveAction } from './pending-actions';
import { openmediaReducer } from './reducer';
import { SEED, accepted, errorNotification, interaction, requested, run, statusChange } from '../test-support/builders';
import type { ActionError, InteractionEntry, LogEntry, OpenmediaEvent, OpenmediaState } from './types';

// The edges of the request lifecycle: what each step writes to the log, which maps it touches,
// and where an error lands when the interaction it belongs to is no longer shown.

const ID = SEED.id;
const OTHER = 'OTHER0000000001';
const processing = interaction();
const other = interaction({ id: OTHER });

function entry(state: OpenmediaState, id = ID): InteractionEntry {
  const found = state.byId.get(id);
  if (found === undefined) throw new Error(`no entry ${id}`);
  return found;
}

function lastLog(state: OpenmediaState): LogEntry | undefined {
  return state.diagnostics.log.at(-1);
}

/** The state with `id` no longer shown (its card evicted) while its request is still known. */
function without(state: OpenmediaState, id: string): OpenmediaState {
  return { ...state, byId: state.byId.delete(id) };
}

const shown = run([statusChange(processing, 1000), statusChange(other, 1000)]);

describe('requestAction', () => {
  it('an unknown interaction: nothing pending, one log line that says so', () => {
    const state = requestAction(shown, 'r1', 'NOPE', 'Accept', 2000);
    expect(state.pending.size).toBe(0);
    expect(state.byId).toBe(shown.byId);
    expect(lastLog(state)).toEqual({ at: 2000, kind: 'action-requested', interactionId: 'NOPE', referenceId: undefined, detail: 'Accept ignored: unknown interaction' });
  });

  it('a requestId already pending: the first request stays, the second is logged as ignored', () => {
    const first = requestAction(shown, 'r1', ID, 'Complete', 2000);
    const second = requestAction(first, 'r1', OTHER, 'Transfer', 2100);
    expect(second.pending.get('r1')).toMatchObject({ interactionId: ID, operation: 'Complete', startedAt: 2000 });
    expect(entry(second, OTHER).pending).toBeUndefined();
    expect(lastLog(second)).toEqual({
      at: 2100,
      kind: 'action-requested',
      interactionId: OTHER,
      referenceId: undefined,
      detail: 'Transfer ignored: request r1 already pending',
    });
  });

  it('records what the request sets or removes, and nothing when it carries neither', () => {
    const withData = requestAction(shown, 'r1', ID, 'UpdateUserData', 2000, { userData: { A: '1' } });
    expect(withData.pending.get('r1')).toStrictEqual({
      requestId: 'r1',
      interactionId: ID,
      operation: 'UpdateUserData',
      startedAt: 2000,
      referenceId: undefined,
      userData: { A: '1' },
    });
    const withKeys = requestAction(shown, 'r2', ID, 'DeleteUserData', 2000, { keys: ['A'] });
    expect(withKeys.pending.get('r2')).toStrictEqual({
      requestId: 'r2',
      interactionId: ID,
      operation: 'DeleteUserData',
      startedAt: 2000,
      referenceId: undefined,
      keys: ['A'],
    });
    const plain = requestAction(shown, 'r3', ID, 'Complete', 2000);
    expect(Object.keys(plain.pending.get('r3') ?? {}).sort()).toEqual(['interactionId', 'operation', 'referenceId', 'requestId', 'startedAt']);
    expect(lastLog(plain)?.detail).toBe('Complete');
  });

  it('the reducer passes userData and keys through to the pending action', () => {
    const events: OpenmediaEvent[] = [
      { type: 'actionRequested', requestId: 'r1', interactionId: ID, operation: 'AttachUserData', userData: { B: 2 }, at: 2000 },
      { type: 'actionRequested', requestId: 'r2', interactionId: OTHER, operation: 'DeleteUserData', keys: ['C'], at: 2000 },
    ];
    const state = run(events, undefined, shown);
    expect(state.pending.get('r1')?.userData).toEqual({ B: 2 });
    expect(state.pending.get('r2')?.keys).toEqual(['C']);
    expect('keys' in (state.pending.get('r1') ?? {})).toBe(false);
    expect('userData' in (state.pending.get('r2') ?? {})).toBe(false);
  });
});

describe('acceptAction', () => {
  const requestedOnce = run([requested('r1', ID, 'Complete', 2000)], undefined, shown);

  it('a request no longer pending: logged with its referenceId, nothing else changes', () => {
    const state = acceptAction(requestedOnce, 'gone', 9, 2100);
    expect(state.pending).toBe(requestedOnce.pending);
    expect(state.pendingByReferenceId.size).toBe(0);
    expect(lastLog(state)).toEqual({ at: 2100, kind: 'action-accepted', interactionId: undefined, referenceId: 9, detail: 'request gone is no longer pending' });
  });

  it('accepted twice with the same referenceId: the entry and the maps stay as they were', () => {
    const once = acceptAction(requestedOnce, 'r1', 5, 2100);
    const twice = acceptAction(once, 'r1', 5, 2200);
    expect(twice.byId).toBe(once.byId);
    expect(twice.pending).toBe(once.pending);
    expect(twice.pendingByReferenceId).toBe(once.pendingByReferenceId);
    expect(lastLog(twice)).toEqual({ at: 2200, kind: 'action-accepted', interactionId: ID, referenceId: 5, detail: 'Complete' });
  });

  it('accepted again with another referenceId: the old number no longer names it', () => {
    const once = acceptAction(requestedOnce, 'r1', 5, 2100);
    const again = acceptAction(once, 'r1', 6, 2200);
    expect(again.pendingByReferenceId.has(5)).toBe(false);
    expect(again.pendingByReferenceId.get(6)).toBe('r1');
    expect(entry(again).pending?.referenceId).toBe(6);
  });

  it('a re-accept leaves the index of another request that took the old number alone', () => {
    let state = run([requested('r2', OTHER, 'Complete', 2000)], undefined, requestedOnce);
    state = acceptAction(state, 'r1', 5, 2100);
    state = acceptAction(state, 'r2', 5, 2150); // the server restarted its numbering
    state = acceptAction(state, 'r1', 6, 2200);
    expect(state.pendingByReferenceId.get(5)).toBe('r2');
    expect(state.pendingByReferenceId.get(6)).toBe('r1');
  });

  it('updates the entry only when the entry shows this request', () => {
    // r2 superseded r1 on the card, then settled: the card shows no request, r1 is still pending.
    let state = run([requested('r2', ID, 'SetInFocus', 2050), accepted('r2', 8, 2060), statusChange(processing, 2070, 8)], undefined, requestedOnce);
    expect(entry(state).pending).toBeUndefined();
    expect(state.pending.has('r1')).toBe(true);
    const before = state.byId;
    state = acceptAction(state, 'r1', 5, 2100);
    expect(state.byId).toBe(before);
    expect(state.pending.get('r1')?.referenceId).toBe(5);
  });

  it('works when the interaction is no longer shown', () => {
    const state = acceptAction(without(requestedOnce, ID), 'r1', 5, 2100);
    expect(state.pendingByReferenceId.get(5)).toBe('r1');
    expect(state.byId.has(ID)).toBe(false);
  });
});

describe('resolveAction', () => {
  const waiting = run([requested('r1', ID, 'Complete', 2000), accepted('r1', 5, 2100)], undefined, shown);

  it('an unknown request: the same state', () => {
    expect(resolveAction(waiting, 'nope', 3000)).toBe(waiting);
  });

  it('logs "<operation> done" with no note by default', () => {
    expect(lastLog(resolveAction(waiting, 'r1', 3000))).toEqual({ at: 3000, kind: 'action-resolved', interactionId: ID, referenceId: 5, detail: 'Complete done' });
  });

  it('settling one of two requests that hold one referenceId keeps the index of the other', () => {
    let state = run([requested('r2', OTHER, 'Complete', 2000), accepted('r2', 5, 2150)], undefined, waiting);
    expect(state.pendingByReferenceId.get(5)).toBe('r2');
    state = resolveAction(state, 'r1', 3000);
    expect(state.pendingByReferenceId.get(5)).toBe('r2');
    expect(state.pending.has('r1')).toBe(false);
  });

  it('settling a request that no card shows any more leaves the cards alone', () => {
    let state = run([requested('r2', ID, 'Transfer', 2200)], undefined, waiting);
    state = resolveAction(state, 'r2', 2300); // the card shows no request now, r1 still pending
    const byId = state.byId;
    state = resolveAction(state, 'r1', 3000);
    expect(state.byId).toBe(byId);
    expect(state.pending.size).toBe(0);
  });

  it('a SetInFocus whose card is gone does not focus anything', () => {
    const focus = run([requested('f1', ID, 'SetInFocus', 2000), accepted('f1', 5, 2100)], undefined, shown);
    expect(resolveAction(without(focus, ID), 'f1', 3000).focusedId).toBeUndefined();
    expect(resolveAction(focus, 'f1', 3000).focusedId).toBe(ID);
  });
});

describe('failAction', () => {
  const waiting = run([requested('r1', ID, 'Complete', 2000), accepted('r1', 5, 2100)], undefined, shown);
  const http = { kind: 'http', message: 'Bad gateway', code: 502 } as const;

  it('an unknown request: the same state', () => {
    expect(failAction(waiting, 'nope', http, 3000)).toBe(waiting);
  });

  it('an http failure: the error on the card, logged as action-failed, nothing kept as unsettled', () => {
    const state = failAction(waiting, 'r1', http, 3000);
    expect(entry(state).error).toStrictEqual({ kind: 'http', message: 'Bad gateway', code: 502, operation: 'Complete', referenceId: 5, at: 3000, requestId: 'r1' });
    expect(state.unsettled.size).toBe(0);
    expect(lastLog(state)).toEqual({ at: 3000, kind: 'action-failed', interactionId: ID, referenceId: 5, detail: 'Complete: Bad gateway' });
  });

  it('an error notification is an outcome: nothing kept as unsettled', () => {
    expect(failAction(waiting, 'r1', { kind: 'error-notification', message: 'no', code: 1 }, 3000).unsettled.size).toBe(0);
  });

  it('a timeout before the REST answer: kept as unsettled by request (only a read can show it done)', () => {
    const sent = run([requested('r1', ID, 'Complete', 2000)], undefined, shown);
    const state = failAction(sent, 'r1', { kind: 'timeout', message: 'No answer', code: undefined }, 3000);
    expect(state.unsettled.get('request:r1')).toStrictEqual({ requestId: 'r1', interactionId: ID, operation: 'Complete', at: 3000, late: undefined });
    expect(state.unsettled.size).toBe(1);
    expect(lastLog(state)).toMatchObject({ kind: 'action-timed-out', referenceId: undefined, detail: 'Complete: No answer' });
  });

  it('a timeout after it: kept as unsettled with what it set, and no keys it did not have', () => {
    const edit = run(
      [{ type: 'actionRequested', requestId: 'u1', interactionId: ID, operation: 'UpdateUserData', userData: { A: '1' }, at: 2000 }, accepted('u1', 7, 2100)],
      undefined,
      shown,
    );
    const state = failAction(edit, 'u1', { kind: 'timeout', message: 'No answer', code: undefined }, 3000);
    expect(state.unsettled.get(7)).toStrictEqual({ requestId: 'u1', interactionId: ID, operation: 'UpdateUserData', userData: { A: '1' }, at: 3000, late: undefined });
    const plain = failAction(waiting, 'r1', { kind: 'outcome-unknown', message: 'lost', code: undefined }, 3000);
    expect(plain.unsettled.get(5)).toStrictEqual({ requestId: 'r1', interactionId: ID, operation: 'Complete', at: 3000, late: undefined });
    expect(lastLog(plain)).toMatchObject({ kind: 'action-failed', detail: 'Complete: lost' });
  });

  it('a timeout of a DeleteUserData keeps its keys', () => {
    const del = run(
      [{ type: 'actionRequested', requestId: 'd1', interactionId: ID, operation: 'DeleteUserData', keys: ['A'], at: 2000 }, accepted('d1', 7, 2100)],
      undefined,
      shown,
    );
    expect(failAction(del, 'd1', { kind: 'timeout', message: 'x', code: undefined }, 3000).unsettled.get(7)).toStrictEqual({
      requestId: 'd1',
      interactionId: ID,
      operation: 'DeleteUserData',
      keys: ['A'],
      at: 3000,
      late: undefined,
    });
  });

  it('the card is gone: the error goes to the fallback interaction, and the log names it', () => {
    const state = failAction(without(waiting, ID), 'r1', http, 3000, OTHER);
    expect(entry(state, OTHER).error).toMatchObject({ message: 'Bad gateway', requestId: 'r1' });
    expect(lastLog(state)?.interactionId).toBe(OTHER);
  });

  it('the card is gone and there is no fallback: no card changes, the log names the request’s interaction', () => {
    const gone = without(waiting, ID);
    const state = failAction(gone, 'r1', http, 3000);
    expect(state.byId).toBe(gone.byId);
    expect(lastLog(state)?.interactionId).toBe(ID);
  });

  it('a fallback id that is not shown either changes no card', () => {
    const gone = without(waiting, ID);
    const state = failAction(gone, 'r1', http, 3000, 'NOT-SHOWN');
    expect(state.byId).toBe(gone.byId);
    expect(lastLog(state)?.interactionId).toBe('NOT-SHOWN');
  });
});

describe('applyLateOutcome', () => {
  /** r1 (an operation of choice) accepted as 7 and timed out: an error on the card, kept as unsettled. */
  function timedOut(operation: 'Complete' | 'SetInFocus' = 'Complete'): OpenmediaState {
    return run(
      [requested('r1', ID, operation, 2000), accepted('r1', 7, 2100), { type: 'actionTimedOut', requestId: 'r1', at: 17_000 }],
      undefined,
      shown,
    );
  }

  it('nothing unsettled under that referenceId: the same state', () => {
    const state = timedOut();
    expect(applyLateOutcome(state, 99, { kind: 'resolved' }, 20_000)).toBe(state);
  });

  it('only the first late outcome counts', () => {
    const once = applyLateOutcome(timedOut(), 7, { kind: 'resolved' }, 20_000);
    expect(applyLateOutcome(once, 7, { kind: 'failed', message: 'no', code: 1 }, 21_000)).toBe(once);
  });

  it('a late success clears our timeout error, logs "done (late)" by default', () => {
    const state = applyLateOutcome(timedOut(), 7, { kind: 'resolved' }, 20_000);
    expect(entry(state).error).toBeUndefined();
    expect(state.unsettled.get(7)?.late).toBe('succeeded');
    expect(state.focusedId).toBeUndefined();
    expect(lastLog(state)).toEqual({ at: 20_000, kind: 'action-resolved', interactionId: ID, referenceId: 7, detail: 'Complete done (late)' });
  });

  it('a late failure replaces our error with the server’s words', () => {
    const state = applyLateOutcome(timedOut(), 7, { kind: 'failed', message: 'Agent not ready', code: 12 }, 20_000, undefined, ' (later)');
    expect(entry(state).error).toStrictEqual({
      kind: 'error-notification',
      message: 'Agent not ready',
      code: 12,
      operation: 'Complete',
      referenceId: 7,
      at: 20_000,
      requestId: 'r1',
    });
    expect(state.unsettled.get(7)?.late).toBe('failed');
    expect(lastLog(state)).toEqual({ at: 20_000, kind: 'action-failed', interactionId: ID, referenceId: 7, detail: 'Complete (later): Agent not ready' });
  });

  it('a late success on a card with no error keeps the card object', () => {
    const cleared = openmediaReducer(timedOut(), { type: 'errorDismissed', interactionId: ID });
    const state = applyLateOutcome(cleared, 7, { kind: 'resolved' }, 20_000);
    expect(state.byId).toBe(cleared.byId);
  });

  it('an error another request left is not ours: a late outcome leaves it', () => {
    const theirs: ActionError = { kind: 'http', message: 'theirs', code: 500, operation: 'Transfer', referenceId: undefined, at: 18_000, requestId: 'r2' };
    const base = timedOut();
    const state0 = { ...base, byId: base.byId.set(ID, { ...entry(base), error: theirs }) };
    expect(entry(applyLateOutcome(state0, 7, { kind: 'resolved' }, 20_000)).error).toBe(theirs);
    expect(entry(applyLateOutcome(state0, 7, { kind: 'failed', message: 'no', code: 1 }, 20_000)).error).toBe(theirs);
  });

  it('an unsolicited error (no request) is not ours either', () => {
    const unsolicited: ActionError = { kind: 'error-notification', message: 'x', code: undefined, operation: undefined, referenceId: undefined, at: 18_000 };
    const base = timedOut();
    const state0 = { ...base, byId: base.byId.set(ID, { ...entry(base), error: unsolicited }) };
    expect(entry(applyLateOutcome(state0, 7, { kind: 'resolved' }, 20_000)).error).toBe(unsolicited);
  });

  it('a late SetInFocus success focuses the card; a late failure does not', () => {
    expect(applyLateOutcome(timedOut('SetInFocus'), 7, { kind: 'resolved' }, 20_000).focusedId).toBe(ID);
    expect(applyLateOutcome(timedOut('SetInFocus'), 7, { kind: 'failed', message: 'no', code: 1 }, 20_000).focusedId).toBeUndefined();
  });

  it('the card is gone: the outcome goes to the fallback and the log names it', () => {
    const gone = without(timedOut(), ID);
    const failed = applyLateOutcome(gone, 7, { kind: 'failed', message: 'no', code: 1 }, 20_000, OTHER);
    expect(entry(failed, OTHER).error).toMatchObject({ message: 'no', requestId: 'r1' });
    expect(lastLog(failed)?.interactionId).toBe(OTHER);
    const focus = applyLateOutcome(without(timedOut('SetInFocus'), ID), 7, { kind: 'resolved' }, 20_000, OTHER);
    expect(focus.focusedId).toBe(OTHER);
  });

  it('the card is gone and no fallback: no card changes, the log names the request’s interaction', () => {
    const gone = without(timedOut(), ID);
    const state = applyLateOutcome(gone, 7, { kind: 'failed', message: 'no', code: 1 }, 20_000);
    expect(state.byId).toBe(gone.byId);
    expect(state.unsettled.get(7)?.late).toBe('failed');
    expect(lastLog(state)?.interactionId).toBe(ID);
  });
});

describe('a timeout after GWS gave a reason that named no request', () => {
  it('keeps the reason GWS gave meanwhile (its text and code) in the timeout, rather than replacing it', () => {
    const waiting = run([requested('r1', ID, 'Accept', 2000), accepted('r1', 7, 2100)], undefined, shown);
    const told = openmediaReducer(waiting, errorNotification(3000, { openmedia: processing, errorMessage: 'Agent is not ready', errorCode: 'X42' }));
    expect(entry(told).error).toMatchObject({ message: 'Agent is not ready', kind: 'error-notification' });
    expect(entry(told).error?.requestId).toBeUndefined();
    const timedOut = openmediaReducer(told, { type: 'actionTimedOut', requestId: 'r1', at: 17_100 });
    expect(entry(timedOut).error).toMatchObject({
      kind: 'timeout',
      requestId: 'r1',
      code: 'X42',
      message: 'The server took Accept, but its outcome never came. Meanwhile the server reported: Agent is not ready',
    });
  });

  it('not a reason given before the request was sent (it was about something else)', () => {
    const told = openmediaReducer(shown, errorNotification(1500, { openmedia: processing, errorMessage: 'Old news', errorCode: 'X1' }));
    const waiting = run([requested('r1', ID, 'Accept', 2000), accepted('r1', 7, 2100)], undefined, told);
    const timedOut = openmediaReducer(waiting, { type: 'actionTimedOut', requestId: 'r1', at: 17_100 });
    expect(entry(timedOut).error).toMatchObject({ kind: 'timeout', message: 'The server took Accept, but its outcome never came.', code: undefined });
  });
});
