import { describe, expect, it } from 'vitest';
import { interaction, requested, run, statusChange } from '../test-support/builders';

// actionCompleted without a referenceId: nothing was accepted, so the log shows the request and
// its end, no "accepted" line in between.

describe('actionCompleted without a referenceId', () => {
  it('logs no acceptance, only the outcome', () => {
    const state = run([
      statusChange(interaction({ id: 'a', state: 'Invited' }), 0),
      requested('r1', 'a', 'Accept', 1),
      { type: 'actionCompleted', requestId: 'r1', referenceId: undefined, at: 2 },
    ]);
    expect(state.diagnostics.log.slice(-2).map((line) => line.kind)).toEqual(['action-requested', 'action-resolved']);
    expect(state.pendingByReferenceId.size).toBe(0);
  });
});
