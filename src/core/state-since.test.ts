import { describe, expect, it } from 'vitest';
import { interaction, propertiesUpdated, run, statusChange } from '../test-support/builders';
import type { InteractionEntry, OpenmediaEvent, OpenmediaState } from './types';
import type { OpenmediaInteraction } from '../protocol/types';

// GWS sends no state-change time: the widget knows how long an interaction has been in its state
// only when it saw the state begin. Everything else is "at least since it was read".

const ID = 'IX-SINCE';
const invited = interaction({ id: ID, state: 'Invited' });
const processing = interaction({ id: ID, state: 'Processing', userData: { A: '1' } });
const completed = interaction({ id: ID, state: 'Completed' });

type SnapshotLoaded = Extract<OpenmediaEvent, { type: 'snapshotLoaded' }>;

function snapshot(listed: readonly OpenmediaInteraction[], at: number, afterGap = false): SnapshotLoaded {
  return { type: 'snapshotLoaded', mediaTypes: [invited.mediaType], interactions: listed, afterGap, at };
}

function entry(state: OpenmediaState): Pick<InteractionEntry, 'stateSince' | 'stateSinceExact'> {
  const found = state.byId.get(ID);
  if (found === undefined) throw new Error(`no entry ${ID}`);
  return { stateSince: found.stateSince, stateSinceExact: found.stateSinceExact };
}

describe('time in state: exact only when the widget saw the state begin', () => {
  it('an offer pushed as a StatusChange began then', () => {
    expect(entry(run([statusChange(invited, 1000)]))).toEqual({ stateSince: 1000, stateSinceExact: true });
  });

  it('a state change seen on the channel began then, whatever was known before', () => {
    const state = run([snapshot([invited], 1000), statusChange(processing, 4000)]);
    expect(entry(state)).toEqual({ stateSince: 4000, stateSinceExact: true });
  });

  it('an interaction listed by a snapshot was already in its state: at least since the read', () => {
    expect(entry(run([snapshot([processing], 1000)]))).toEqual({ stateSince: 1000, stateSinceExact: false });
    expect(entry(run([snapshot([invited], 1000)]))).toEqual({ stateSince: 1000, stateSinceExact: false });
  });

  it('a first sight that is not an offer starting is not the start of its state', () => {
    // A StatusChange for capabilities of an interaction in progress, or a user-data update.
    expect(entry(run([statusChange(processing, 1000)]))).toEqual({ stateSince: 1000, stateSinceExact: false });
    expect(entry(run([propertiesUpdated(invited, 1000)]))).toEqual({ stateSince: 1000, stateSinceExact: false });
  });

  it('news that leaves the state as it was keeps what is known of its start', () => {
    const exact = run([statusChange(invited, 1000), statusChange({ ...invited, userData: { A: '2' } }, 2000)]);
    expect(entry(exact)).toEqual({ stateSince: 1000, stateSinceExact: true });
    const atLeast = run([snapshot([processing], 1000), propertiesUpdated({ ...processing, userData: { A: '2' } }, 2000), snapshot([processing], 3000, true)]);
    expect(entry(atLeast)).toEqual({ stateSince: 1000, stateSinceExact: false });
  });

  it('a state that changed while the channel was down began before the read that shows it', () => {
    const state = run([statusChange(invited, 1000), snapshot([processing], 5000, true)]);
    expect(entry(state)).toEqual({ stateSince: 5000, stateSinceExact: false });
  });

  it('an ended interaction offered again starts afresh, exactly', () => {
    const state = run([statusChange(processing, 1000), statusChange(completed, 2000), statusChange(invited, 3000)]);
    expect(entry(state)).toEqual({ stateSince: 3000, stateSinceExact: true });
  });

  it('an interaction listed again after it was taken for gone, or ended, is timed from the read', () => {
    // Not listed by one read (gone), listed again in the same state by the next: it may have left
    // the state and come back in between.
    const other = interaction({ id: 'IX-OTHER', state: 'Processing' });
    const back = run([statusChange(invited, 1000), snapshot([other], 2000, true), snapshot([invited, other], 3000, true)]);
    expect(entry(back)).toEqual({ stateSince: 3000, stateSinceExact: false });
    expect(back.byId.get(ID)?.gone).toBe(false);
  });

  it('takes the start this browser saw before (a reload) when the state is the same', () => {
    const starts = { [ID]: { state: 'Processing', since: 400 } };
    expect(entry(run([{ ...snapshot([processing], 1000), starts }]))).toEqual({ stateSince: 400, stateSinceExact: true });
    // Another state since: the remembered start is not this state's.
    expect(entry(run([{ ...snapshot([invited], 1000), starts }]))).toEqual({ stateSince: 1000, stateSinceExact: false });
    // Never a start after the read.
    expect(entry(run([{ ...snapshot([processing], 1000), starts: { [ID]: { state: 'Processing', since: 1500 } } }]))).toEqual({ stateSince: 1000, stateSinceExact: false });
    // An entry first seen on the channel, then listed in the same state.
    const early = run([propertiesUpdated(processing, 900), { ...snapshot([processing], 1000), starts }]);
    expect(entry(early)).toEqual({ stateSince: 400, stateSinceExact: true });
    // What the widget saw itself wins.
    const seen = run([statusChange(invited, 600), statusChange(processing, 800), { ...snapshot([processing], 1000), starts }]);
    expect(entry(seen)).toEqual({ stateSince: 800, stateSinceExact: true });
  });
});
