import { describe, expect, it } from 'vitest';
import { openmediaReducer } from './reducer';
import { SEED, accepted, interaction, requested, run, statusChange } from '../test-support/builders';

// Issue 12, point 7: referenceIds restart with a new HTTP session.

const ID = SEED.id;
const invited = interaction({ state: 'Invited' });
const processing = interaction();

describe('sessionChanged', () => {
  it('an outcome buffered before its HTTP answer does not settle a request of the next session', () => {
    // Old session: a notification with referenceId 3 arrived, its REST answer never did.
    const buffered = run([statusChange(invited, 1000), statusChange(invited, 1100, 3)]);
    expect(buffered.earlyOutcomes.has(3)).toBe(true);
    const newSession = openmediaReducer(buffered, { type: 'sessionChanged', at: 2000 });
    expect(newSession.earlyOutcomes.size).toBe(0);
    expect(newSession.diagnostics.log.at(-1)).toMatchObject({ kind: 'session' });
    // New session: Accept gets referenceId 3 too; it must stay pending until its own outcome.
    const state = run([requested('r9', ID, 'Accept', 3000), accepted('r9', 3, 3100)], undefined, newSession);
    expect(state.byId.get(ID)?.pending?.requestId).toBe('r9');
    expect(openmediaReducer(state, statusChange(processing, 3200, 3)).byId.get(ID)?.pending).toBeUndefined();
  });

  it('forgets timed-out requests and the referenceIds of requests still pending', () => {
    const state = run([
      statusChange(processing, 1000),
      requested('r1', ID, 'Complete', 1100),
      accepted('r1', 4, 1200),
      { type: 'actionTimedOut', requestId: 'r1', at: 16_200 },
      requested('r2', ID, 'SetInFocus', 16_300),
      accepted('r2', 5, 16_400),
      { type: 'sessionChanged', at: 17_000 },
    ]);
    expect(state.unsettled.size).toBe(0);
    expect(state.pendingByReferenceId.size).toBe(0);
    // A stranger's referenceId 5 in the new session does not settle r2.
    expect(openmediaReducer(state, statusChange(processing, 17_100, 5)).pending.has('r2')).toBe(true);
  });

  it('with nothing to forget, the state is the same object', () => {
    const state = run([statusChange(processing, 1000)]);
    expect(openmediaReducer(state, { type: 'sessionChanged', at: 2000 })).toBe(state);
  });
});
