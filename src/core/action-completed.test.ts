import { describe, expect, it } from 'vitest';
import { errorNotification, interaction, requested, run, statusChange } from '../test-support/builders';

// `actionCompleted`: the REST answer said the operation is already done (Workspace v3 status.code 0).

const offer = interaction({ id: 'a', state: 'Invited' });

describe('actionCompleted', () => {
  it('settles the pending action as done, with nothing left pending and no error', () => {
    const state = run([statusChange(offer, 0), requested('r1', 'a', 'Accept', 1), { type: 'actionCompleted', requestId: 'r1', referenceId: 7, at: 2 }]);
    expect(state.pending.size).toBe(0);
    expect(state.byId.get('a')).toMatchObject({ pending: undefined, error: undefined });
    expect(state.diagnostics.log.at(-1)).toMatchObject({ kind: 'action-resolved', detail: 'Accept done (done at once)' });
  });

  it('lets a failure that arrived before the answer win (the Error notification beat the HTTP response)', () => {
    const state = run([
      statusChange(offer, 0),
      requested('r1', 'a', 'Accept', 1),
      errorNotification(2, { referenceId: 7, errorMessage: 'Refused by the media server' }),
      { type: 'actionCompleted', requestId: 'r1', referenceId: 7, at: 3 },
    ]);
    expect(state.pending.size).toBe(0);
    expect(state.byId.get('a')?.error).toMatchObject({ kind: 'error-notification', message: 'Refused by the media server' });
  });

  it('without a referenceId still settles, and is ignored for a request no longer pending', () => {
    const done = run([statusChange(offer, 0), requested('r1', 'a', 'Accept', 1), { type: 'actionCompleted', requestId: 'r1', referenceId: undefined, at: 2 }]);
    expect(done.pending.size).toBe(0);
    const again = run([{ type: 'actionCompleted', requestId: 'r1', referenceId: undefined, at: 3 }], undefined, done);
    expect(again.byId.get('a')).toBe(done.byId.get('a'));
  });
});
