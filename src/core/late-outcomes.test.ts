import { describe, expect, it } from 'vitest';
import { openmediaReducer } from './reducer';
import { UNSETTLED_MAX_AGE_MS } from './unsettled';
import { SEED, accepted, errorNotification, interaction, requested, run, statusChange } from '../test-support/builders';
import type { InteractionEntry, OpenmediaState } from './types';

// Issue 12, point 1: an outcome that comes after the timeout is shown, not lost or contradicted.

const ID = SEED.id;
const invited = interaction({ state: 'Invited' });
const processing = interaction();

function entry(state: OpenmediaState, id = ID): InteractionEntry {
  const found = state.byId.get(id);
  if (found === undefined) throw new Error(`no entry ${id}`);
  return found;
}

/** Accept was sent, GWS accepted it (referenceId 7), then nothing came for the whole timeout. */
const timedOut = run([
  statusChange(invited, 1000),
  requested('r1', ID, 'Accept', 1100),
  accepted('r1', 7, 1200),
  { type: 'actionTimedOut', requestId: 'r1', at: 16_100 },
]);

describe('late outcomes of a timed-out request', () => {
  it('the timed-out request stays recognisable by its referenceId', () => {
    expect(entry(timedOut).error).toMatchObject({ kind: 'timeout', requestId: 'r1' });
    expect(timedOut.unsettled.get(7)).toMatchObject({ requestId: 'r1', operation: 'Accept', late: undefined });
  });

  it('a late success clears the timeout alert of the card that is now Processing, and is not "unmatched"', () => {
    const state = openmediaReducer(timedOut, statusChange(processing, 20_000, 7));
    expect(entry(state).interaction.state).toBe('Processing');
    expect(entry(state).error).toBeUndefined();
    expect(state.unsettled.get(7)?.late).toBe('succeeded');
    expect(state.diagnostics.unmatchedReferenceIds).toBe(0);
    expect(state.diagnostics.log.at(-1)).toMatchObject({ kind: 'action-resolved', referenceId: 7, detail: 'Accept done (late)' });
  });

  it("a late Error replaces the timeout text with the server's message", () => {
    const state = openmediaReducer(timedOut, errorNotification(20_000, { referenceId: 7, errorMessage: 'Agent not ready', errorCode: 12 }));
    expect(entry(state).error).toMatchObject({
      kind: 'error-notification',
      message: 'Agent not ready',
      code: 12,
      operation: 'Accept',
      referenceId: 7,
      requestId: 'r1',
    });
    expect(state.unsettled.get(7)?.late).toBe('failed');
    expect(state.diagnostics.unmatchedReferenceIds).toBe(0);
  });

  it('only the first late outcome counts', () => {
    const failed = openmediaReducer(timedOut, errorNotification(20_000, { referenceId: 7, errorMessage: 'Agent not ready' }));
    const again = openmediaReducer(failed, statusChange(processing, 21_000, 7));
    expect(entry(again).error?.message).toBe('Agent not ready');
  });

  it('a late success does not clear an error that a newer request left', () => {
    const newer = run(
      [requested('r2', ID, 'Reject', 17_000), accepted('r2', 8, 17_100), errorNotification(17_200, { referenceId: 8, errorMessage: 'No' })],
      undefined,
      timedOut,
    );
    const state = openmediaReducer(newer, statusChange(invited, 20_000, 7));
    expect(entry(state).error).toMatchObject({ requestId: 'r2', message: 'No' });
  });

  it('is forgotten after a while (bounded by age): a very late outcome is only counted, and the state it shows ends the alert', () => {
    const old = openmediaReducer(timedOut, { type: 'clockTicked', at: 16_100 + UNSETTLED_MAX_AGE_MS + 1 });
    expect(old.unsettled.size).toBe(0);
    // News that changes nothing the Accept did keeps the alert.
    const unrelated = openmediaReducer(old, statusChange(interaction({ state: 'Invited', userData: { Note: 'x' } }), 16_100 + UNSETTLED_MAX_AGE_MS + 2));
    expect(entry(unrelated).error?.kind).toBe('timeout');
    const state = openmediaReducer(unrelated, statusChange(processing, 16_100 + UNSETTLED_MAX_AGE_MS + 3, 7));
    expect(state.diagnostics.unmatchedReferenceIds).toBe(1);
    expect(state.unsettled.size).toBe(0);
    // Processing: the card no longer claims the Accept failed (the host is not told: it was forgotten).
    expect(entry(state).error).toBeUndefined();
  });

  it('a request whose POST never answered, which a read showed not done yet, loses its alert when news shows it done', () => {
    // The POST hangs past the timeout; the read after it still lists the offer; then GWS does it,
    // its StatusChange carrying a referenceId the widget never learnt.
    const hung = run([statusChange(invited, 1000), requested('r1', ID, 'Accept', 1100), { type: 'actionTimedOut', requestId: 'r1', at: 16_100 }]);
    const read = openmediaReducer(hung, { type: 'snapshotLoaded', mediaTypes: [invited.mediaType], interactions: [invited], afterGap: false, at: 16_500 });
    expect(read.unsettled.has('request:r1')).toBe(false);
    expect(entry(read).error).toMatchObject({ kind: 'timeout', requestId: 'r1' });
    const done = openmediaReducer(read, statusChange(processing, 30_000, 555));
    expect(entry(done).interaction.state).toBe('Processing');
    expect(entry(done).error).toBeUndefined();
  });

  it('a request given up on and still kept is settled late by news that shows it done, without a referenceId', () => {
    const hung = run([statusChange(invited, 1000), requested('r1', ID, 'Accept', 1100), { type: 'actionTimedOut', requestId: 'r1', at: 16_100 }]);
    const done = openmediaReducer(hung, statusChange(processing, 20_000));
    expect(entry(done).error).toBeUndefined();
    expect(done.unsettled.get('request:r1')?.late).toBe('succeeded');
  });

  it('a user-data edit given up on is settled by news only when its values are there', () => {
    const shown = run([statusChange(processing, 1000), { type: 'actionRequested', requestId: 'r2', interactionId: ID, operation: 'UpdateUserData', userData: { Note: 'new' }, at: 1100 }, accepted('r2', 8, 1200), { type: 'actionTimedOut', requestId: 'r2', at: 16_100 }]);
    const other = openmediaReducer(shown, statusChange(interaction({ userData: { Note: 'other' } }), 17_000));
    expect(entry(other).error?.kind).toBe('timeout');
    const done = openmediaReducer(other, statusChange(interaction({ userData: { Note: 'new' } }), 18_000));
    expect(entry(done).error).toBeUndefined();
    expect(done.unsettled.get(8)?.late).toBe('succeeded');
  });

  it('a request that timed out before its REST answer was read (no referenceId) is kept by request, for a read to settle', () => {
    const hung = run([statusChange(invited, 1000), requested('r1', ID, 'Accept', 1100), { type: 'actionTimedOut', requestId: 'r1', at: 16_100 }]);
    expect([...hung.unsettled.keys()]).toEqual(['request:r1']);
    expect(hung.unsettled.get('request:r1')).toMatchObject({ requestId: 'r1', operation: 'Accept', late: undefined });
  });
});

describe('a timeout on an interaction that ended meanwhile', () => {
  it('is kept for the host but quiet on the card: the interaction ended (Completed elsewhere) before the deadline', () => {
    const completed = interaction({ state: 'Completed' });
    const state = run([
      statusChange(processing, 1000),
      requested('r1', ID, 'UpdateUserData', 1100),
      accepted('r1', 7, 1200),
      statusChange(completed, 1500),
      { type: 'actionTimedOut', requestId: 'r1', at: 16_100 },
    ]);
    expect(entry(state).error).toMatchObject({ kind: 'timeout', requestId: 'r1', quiet: true });
    // A card still in progress shows its timeout.
    expect(entry(run([statusChange(processing, 1000), requested('r1', ID, 'UpdateUserData', 1100), accepted('r1', 7, 1200), { type: 'actionTimedOut', requestId: 'r1', at: 16_100 }])).error?.quiet).toBeUndefined();
  });
});
