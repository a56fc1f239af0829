import { describe, expect, it } from 'vitest';
import { accepted, errorNotification, interaction, requested, run, statusChange } from '../test-support/builders';

// Two pending requests can hold one referenceId when the server restarts its numbering while an
// older request still waits (found by the reducer's property test). Whichever the index points
// at, the outcome with that referenceId must end both: no request may wait for ever.

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
  it('a success ends both', () => {
    const state = run([...bothAccepted, statusChange(interaction({ id: 'd', state: 'Processing' }), 1005, 4)]);
    expect(state.pending.size).toBe(0);
    expect(state.byId.get('b')?.pending).toBeUndefined();
    expect(state.byId.get('d')?.pending).toBeUndefined();
  });

  it('an Error ends both, each card showing it', () => {
    const state = run([...bothAccepted, errorNotification(1005, { referenceId: 4, errorMessage: 'Not allowed' })]);
    expect(state.pending.size).toBe(0);
    expect(state.byId.get('b')?.error).toMatchObject({ kind: 'error-notification', message: 'Not allowed', requestId: 'r1' });
    expect(state.byId.get('d')?.error).toMatchObject({ kind: 'error-notification', message: 'Not allowed', requestId: 'r4' });
  });
});
