import { describe, expect, it } from 'vitest';
import { assertNever } from './assert-never';
import { logEvent } from './diagnostics';
import { putEntry, withIdFirst } from './entry';
import { createInitialState, openmediaReducer } from './reducer';
import { isEnded } from './selectors';
import { SEED, accepted, errorNotification, interaction, propertiesUpdated, requested, run, statusChange } from '../test-support/builders';
import type { ActionError, InteractionEntry, LogEntry, OpenmediaEvent, OpenmediaState } from './types';

// The reducer's smaller edges: the exact log lines, unsolicited errors, session changes, the
// linger's focus rule, the identity an unchanged step keeps, and a bounded log of size zero.

const ID = SEED.id;
const processing = interaction();
const invited = interaction({ state: 'Invited' });
const completed = interaction({ state: 'Completed' });

function entry(state: OpenmediaState, id = ID): InteractionEntry {
  const found = state.byId.get(id);
  if (found === undefined) throw new Error(`no entry ${id}`);
  return found;
}

function lastLog(state: OpenmediaState): LogEntry | undefined {
  return state.diagnostics.log.at(-1);
}

function withError(state: OpenmediaState, error: ActionError, id = ID): OpenmediaState {
  return { ...state, byId: state.byId.set(id, { ...entry(state, id), error }) };
}

describe('the notification log line', () => {
  it.each<[string, OpenmediaEvent[], string]>([
    ['a new interaction', [statusChange(processing, 1)], 'StatusChange Processing (new)'],
    ['an update', [statusChange(invited, 1), statusChange(processing, 2)], 'StatusChange Processing'],
    ['an unchanged resource', [statusChange(processing, 1), propertiesUpdated(processing, 2)], 'PropertiesUpdated Processing (unchanged)'],
    ['an offer of an ended interaction', [statusChange(completed, 1), statusChange(invited, 2)], 'StatusChange Invited (offered again)'],
    ['news of an ended interaction', [statusChange(completed, 1), statusChange(processing, 2)], 'StatusChange Processing (ignored: already ended)'],
    ['an Error without resource or code', [errorNotification(1, { errorMessage: 'Boom' })], 'Error: Boom'],
    ['an Error without message', [errorNotification(1, {})], 'Error: The server reported an error.'],
    ['an Error with a code', [errorNotification(1, { errorMessage: 'Boom', errorCode: 42 })], 'Error: Boom (42)'],
    ['an Error with a resource', [statusChange(processing, 1), errorNotification(2, { openmedia: processing, errorMessage: 'Boom' })], 'Error Processing (unchanged): Boom'],
  ])('%s', (_name, events, detail) => {
    expect(lastLog(run(events))?.detail).toBe(detail);
  });
});

describe('Error notifications', () => {
  const shown = run([statusChange(processing, 1000)]);

  it('an unmatched Error keeps its outcome, whole, for the REST answer still to come', () => {
    const state = openmediaReducer(shown, errorNotification(2000, { referenceId: 9, errorMessage: 'No', errorCode: 3 }));
    expect(state.earlyOutcomes.get(9)).toStrictEqual({ kind: 'failed', message: 'No', code: 3, at: 2000 });
    const matched = run([requested('r1', ID, 'Complete', 2100), accepted('r1', 9, 2200)], undefined, state);
    expect(entry(matched).error).toMatchObject({ kind: 'error-notification', message: 'No', code: 3, requestId: 'r1' });
  });

  it('an Error with neither referenceId nor resource only counts and logs', () => {
    const state = openmediaReducer(shown, errorNotification(2000, { errorMessage: 'x' }));
    expect(state.byId).toBe(shown.byId);
    expect(state.diagnostics.received).toBe(2);
  });

  it('an unsolicited Error for an evicted interaction does not bring it back', () => {
    const evicted = run([statusChange(completed, 1000), { type: 'clockTicked', at: 100_000 }]);
    const state = openmediaReducer(evicted, errorNotification(100_001, { openmedia: processing, errorMessage: 'x' }));
    expect(state.byId.has(ID)).toBe(false);
  });

  it('the same unsolicited Error twice keeps the entry', () => {
    const once = openmediaReducer(shown, errorNotification(2000, { openmedia: processing, errorMessage: 'x', errorCode: 1 }));
    const twice = openmediaReducer(once, errorNotification(3000, { openmedia: processing, errorMessage: 'x', errorCode: 1 }));
    expect(twice.byId).toBe(once.byId);
    expect(entry(twice).error?.at).toBe(2000);
  });

  const unsolicited: ActionError = { kind: 'error-notification', message: 'x', code: 1, operation: undefined, referenceId: undefined, at: 1500 };
  it.each<[string, Partial<ActionError>]>([
    ['another kind', { kind: 'http' }],
    ['another message', { message: 'y' }],
    ['another code', { code: 2 }],
    ['an operation', { operation: 'Complete' }],
    ['a referenceId', { referenceId: 4 }],
  ])('an unsolicited Error replaces an error with %s', (_name, difference) => {
    const before = withError(shown, { ...unsolicited, ...difference });
    const state = openmediaReducer(before, errorNotification(2000, { openmedia: processing, errorMessage: 'x', errorCode: 1 }));
    expect(entry(state).error).toStrictEqual({ ...unsolicited, at: 2000 });
  });
});

describe('errorDismissed, sessionChanged, the exhaustive switch', () => {
  it('dismissing keeps everything but the error', () => {
    const failed = run([requested('r1', ID, 'Complete', 1100), { type: 'actionFailed', requestId: 'r1', message: 'no', code: 500, kind: 'http', at: 1200 }], undefined, run([statusChange(processing, 1000)]));
    const state = openmediaReducer(failed, { type: 'errorDismissed', interactionId: ID });
    expect(entry(state)).toStrictEqual({ ...entry(failed), error: undefined });
  });

  it('a session change forgets a lone unsettled request', () => {
    const timedOut = run([statusChange(processing, 1000), requested('r1', ID, 'Complete', 1100), accepted('r1', 4, 1200), { type: 'actionTimedOut', requestId: 'r1', at: 16_200 }]);
    expect(timedOut.unsettled.size).toBe(1);
    expect(timedOut.pendingByReferenceId.size).toBe(0);
    const state = openmediaReducer(timedOut, { type: 'sessionChanged', at: 17_000 });
    expect(state.unsettled.size).toBe(0);
    expect(lastLog(state)).toEqual({ at: 17_000, kind: 'session', interactionId: undefined, referenceId: undefined, detail: 'new session: referenceIds restart' });
  });

  it('a session change forgets a lone referenceId of a request still pending', () => {
    const waiting = run([statusChange(processing, 1000), requested('r1', ID, 'Complete', 1100), accepted('r1', 4, 1200)]);
    const state = openmediaReducer(waiting, { type: 'sessionChanged', at: 2000 });
    expect(state.pendingByReferenceId.size).toBe(0);
    expect(state.pending.has('r1')).toBe(true);
  });

  it('an event of no known type is a programmer error that says the fix', () => {
    expect(() => openmediaReducer(createInitialState(), { type: 'bogus' } as unknown as OpenmediaEvent)).toThrow(
      'Unhandled case: {"type":"bogus"}. Add a branch for it to the switch.',
    );
    expect(() => assertNever('x' as never)).toThrow('Unhandled case: "x". Add a branch for it to the switch.');
  });
});

describe('clockTicked', () => {
  it('evicting another interaction keeps the focus; evicting the focused one clears it', () => {
    const other = interaction({ id: 'OTHER', state: 'Completed' });
    const focused = run([
      statusChange(processing, 1000),
      statusChange(other, 1000),
      requested('f1', ID, 'SetInFocus', 1100),
      accepted('f1', 3, 1200),
      statusChange(processing, 1300, 3),
    ]);
    expect(focused.focusedId).toBe(ID);
    const ticked = openmediaReducer(focused, { type: 'clockTicked', at: 100_000 });
    expect(ticked.byId.has('OTHER')).toBe(false);
    expect(ticked.focusedId).toBe(ID);
    expect(lastLog(ticked)).toEqual({ at: 100_000, kind: 'evicted', interactionId: 'OTHER', referenceId: undefined, detail: 'linger over' });
  });
});

describe('entries', () => {
  it('putEntry of the entry already stored returns the state itself', () => {
    const state = run([statusChange(processing, 1000)]);
    expect(putEntry(state, ID, entry(state))).toBe(state);
  });

  it('withIdFirst keeps an order that already starts with the id', () => {
    const order = ['a', 'b'];
    expect(withIdFirst(order, 'a')).toBe(order);
    expect(withIdFirst(order, 'b')).toEqual(['b', 'a']);
  });

  it('a re-offer of the newest interaction keeps the order array', () => {
    const ended = run([statusChange(completed, 1000)]);
    const state = openmediaReducer(ended, statusChange(invited, 2000));
    expect(state.order).toBe(ended.order);
  });

  it.each<[string, Partial<InteractionEntry>, boolean]>([
    ['active', {}, false],
    ['an end time', { endedAt: 5 }, true],
    ['gone', { gone: true }, true],
    ['Completed', { interaction: completed }, true],
  ])('isEnded: %s → %s', (_name, overrides, ended) => {
    const base: InteractionEntry = { interaction: processing, stateSince: 0, stateSinceExact: true, endedAt: undefined, gone: false, pending: undefined, error: undefined };
    expect(isEnded({ ...base, ...overrides })).toBe(ended);
  });
});

describe('a log of size zero', () => {
  const line: LogEntry = { at: 1, kind: 'session', interactionId: undefined, referenceId: undefined, detail: 'x' };

  it('stays the same empty array', () => {
    const state = createInitialState({ logSize: 0 });
    const after = logEvent(state, line);
    expect(after.diagnostics.log).toBe(state.diagnostics.log);
    expect(after.diagnostics.log).toEqual([]);
  });

  it('drops what a larger log held', () => {
    const full = logEvent(createInitialState(), line);
    const shrunk = logEvent({ ...full, options: { ...full.options, logSize: 0 } }, line);
    expect(shrunk.diagnostics.log).toEqual([]);
  });
});
