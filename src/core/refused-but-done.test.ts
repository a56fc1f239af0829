import { describe, expect, it } from 'vitest';
import type { OpenmediaEvent } from './types';
import { accepted, errorNotification, interaction, requested, run, statusChange } from '../test-support/builders';

// Two tabs (or the widget and the agent's desktop) send the same Complete within moments, or a
// click queued behind a long task runs after another tab's Accept: the server refuses the second
// ("not allowed in state Completed"). The card shows the interaction as the agent wanted it: an
// alert "Complete was refused" beside it would read as a failure.

const refused = (requestId: string, at: number): Extract<OpenmediaEvent, { type: 'actionFailed' }> => ({
  type: 'actionFailed',
  requestId,
  kind: 'status-code',
  code: 2,
  message: 'Complete is not allowed in state Completed',
  at,
});
const working = interaction({ id: 'a', state: 'Processing', capabilities: ['Complete'] });
const completed = interaction({ id: 'a', state: 'Completed', capabilities: [] });
const offered = interaction({ id: 'a', state: 'Invited' });

describe('a refusal of what is already done', () => {
  it('Complete refused after the news that it is completed: no alert, nothing pending', () => {
    const state = run([statusChange(working, 1), requested('r1', 'a', 'Complete', 2), statusChange(completed, 3, 77), refused('r1', 4)]);
    expect(state.byId.get('a')).toMatchObject({ pending: undefined, error: undefined, interaction: { state: 'Completed' } });
    expect(state.pending.size).toBe(0);
  });

  it('Complete refused before that news: the alert goes when the news shows it completed', () => {
    const before = run([statusChange(working, 1), requested('r1', 'a', 'Complete', 2), refused('r1', 3)]);
    expect(before.byId.get('a')?.error).toMatchObject({ kind: 'status-code', operation: 'Complete' });
    const after = run([statusChange(completed, 4, 77)], undefined, before);
    expect(after.byId.get('a')?.error).toBeUndefined();
  });

  it('Accept refused by an Error notification that carries it in progress: no alert', () => {
    const state = run([
      statusChange(offered, 1),
      requested('r1', 'a', 'Accept', 2),
      accepted('r1', 5, 3),
      errorNotification(4, { referenceId: 5, openmedia: working, errorMessage: 'Accept is not allowed in state Processing' }),
    ]);
    expect(state.byId.get('a')).toMatchObject({ pending: undefined, error: undefined, interaction: { state: 'Processing' } });
  });

  it('a refusal the card does not contradict stays: Complete refused while in progress, Accept refused while still offered', () => {
    const complete = run([statusChange(working, 1), requested('r1', 'a', 'Complete', 2), refused('r1', 3)]);
    expect(complete.byId.get('a')?.error).toMatchObject({ kind: 'status-code' });
    const accept = run([statusChange(offered, 1), requested('r1', 'a', 'Accept', 2), { ...refused('r1', 3), message: 'Agent is not ready' }]);
    expect(accept.byId.get('a')?.error).toMatchObject({ kind: 'status-code', message: 'Agent is not ready' });
    // Nor other kinds of failure: a request that could not be sent said so, whatever the card shows.
    const http = run([statusChange(working, 1), requested('r1', 'a', 'Complete', 2), statusChange(completed, 3, 77), { ...refused('r1', 4), kind: 'http' }]);
    expect(http.byId.get('a')?.error).toMatchObject({ kind: 'http' });
  });
});
