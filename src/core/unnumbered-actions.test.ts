import { describe, expect, it } from 'vitest';
import type { OpenmediaEvent } from './types';
import { errorNotification, interaction, propertiesUpdated, requested, run, statusChange } from '../test-support/builders';

// A server (or a proxy before it) that answers an operation with a 2xx and no body took the
// request but gave no referenceId: no notification can name it. News about its interaction that
// shows it done settles it, as its own notification would have; anything else leaves it to the
// deadline (and the read after it).

const withoutReference = (requestId: string, at: number): OpenmediaEvent => ({ type: 'actionAcceptedWithoutReference', requestId, at });
const processing = interaction({ id: 'a', state: 'Processing', capabilities: ['Complete', 'UpdateUserData'], userData: { Subject: 'Hi' } });
const mediaType = processing.mediaType;
const start = [statusChange(processing, 1000)];

describe('an action accepted without a referenceId', () => {
  it('is marked so, and still pending, until news shows it done', () => {
    const state = run([...start, requested('r1', 'a', 'Complete', 1001), withoutReference('r1', 1002)]);
    expect(state.byId.get('a')?.pending).toMatchObject({ requestId: 'r1', unnumbered: true, referenceId: undefined });
    expect(state.pending.get('r1')?.unnumbered).toBe(true);
  });

  it('is settled by a StatusChange that shows its effect, whatever referenceId that carries', () => {
    for (const referenceId of [undefined, 77]) {
      const state = run([
        ...start,
        requested('r1', 'a', 'Complete', 1001),
        withoutReference('r1', 1002),
        statusChange({ ...processing, state: 'Completed', capabilities: [] }, 1003, referenceId),
      ]);
      expect(state.pending.size).toBe(0);
      expect(state.byId.get('a')?.pending).toBeUndefined();
      expect(state.byId.get('a')?.error).toBeUndefined();
      expect(state.byId.get('a')?.interaction.state).toBe('Completed');
    }
  });

  it('is not settled by news that does not show it done', () => {
    const state = run([
      ...start,
      requested('r1', 'a', 'Complete', 1001),
      withoutReference('r1', 1002),
      propertiesUpdated({ ...processing, userData: { Subject: 'Changed' } }, 1003, 5),
    ]);
    expect(state.byId.get('a')?.pending).toMatchObject({ requestId: 'r1', unnumbered: true });
  });

  it('a user-data update is settled when the values it wrote are there', () => {
    const update: OpenmediaEvent = { type: 'actionRequested', requestId: 'r1', interactionId: 'a', operation: 'UpdateUserData', userData: { Subject: 'New' }, at: 1001 };
    const before = run([...start, update, withoutReference('r1', 1002)]);
    const other = run([propertiesUpdated({ ...processing, userData: { Subject: 'Hi', Other: 'x' } }, 1003)], undefined, before);
    expect(other.byId.get('a')?.pending?.requestId).toBe('r1');
    const done = run([propertiesUpdated({ ...processing, userData: { Subject: 'New' } }, 1004)], undefined, other);
    expect(done.byId.get('a')?.pending).toBeUndefined();
  });

  it('is settled at once when the news that shows it done came before the answer', () => {
    const state = run([
      ...start,
      requested('r1', 'a', 'Complete', 1001),
      statusChange({ ...processing, state: 'Completed', capabilities: [] }, 1002, 9),
      withoutReference('r1', 1003),
    ]);
    expect(state.pending.size).toBe(0);
    expect(state.byId.get('a')?.error).toBeUndefined();
  });

  it('is settled by a read that no longer lists the interaction it completed, the card ended as Completed', () => {
    const state = run([
      ...start,
      requested('r1', 'a', 'Complete', 1001),
      withoutReference('r1', 1002),
      { type: 'snapshotLoaded', mediaTypes: [mediaType], interactions: [], at: 1003 },
    ]);
    expect(state.pending.size).toBe(0);
    expect(state.byId.get('a')).toMatchObject({ gone: false, interaction: { state: 'Completed' } });
  });

  it("another tab's request is not settled here (that tab owns it)", () => {
    const elsewhere: OpenmediaEvent = { type: 'actionRequested', requestId: 'r1', interactionId: 'a', operation: 'Complete', elsewhere: true, at: 1001 };
    const state = run([...start, elsewhere, withoutReference('r1', 1002), statusChange({ ...processing, state: 'Completed', capabilities: [] }, 1003)]);
    expect(state.byId.get('a')?.pending?.requestId).toBe('r1');
  });

  it('a request accepted with its referenceId is not settled by news that does not carry it', () => {
    const state = run([
      ...start,
      requested('r1', 'a', 'Complete', 1001),
      { type: 'actionAccepted', requestId: 'r1', referenceId: 3, at: 1002 },
      statusChange({ ...processing, state: 'Completed', capabilities: [] }, 1003, 8),
    ]);
    expect(state.byId.get('a')?.pending).toMatchObject({ requestId: 'r1', referenceId: 3 });
  });

  it('an Error about its interaction, with a referenceId of its own, is its refusal: the card says why', () => {
    const state = run([
      ...start,
      requested('r1', 'a', 'Complete', 1001),
      withoutReference('r1', 1002),
      errorNotification(1003, { referenceId: 12, openmedia: processing, errorMessage: 'Complete is not allowed now' }),
    ]);
    expect(state.byId.get('a')).toMatchObject({ pending: undefined, error: { kind: 'error-notification', message: 'Complete is not allowed now', operation: 'Complete' } });
  });

  it('a SetInFocus taken is done (it leaves no trace to wait for): the interaction is in focus', () => {
    const state = run([...start, requested('r1', 'a', 'SetInFocus', 1001), withoutReference('r1', 1002)]);
    expect(state.pending.size).toBe(0);
    expect(state.focusedId).toBe('a');
  });
});
