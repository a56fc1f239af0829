import { describe, expect, it } from 'vitest';
import { openmediaReducer } from './reducer';
import { TOMBSTONE_LIMIT } from './unsettled';
import { SEED, interaction, propertiesUpdated, run, statusChange } from '../test-support/builders';
import type { OpenmediaEvent } from './types';

const ID = SEED.id;
const processing = interaction();
const completed = interaction({ state: 'Completed' });
const invited = interaction({ state: 'Invited' });

// Issue 12, point 5: "gone" is an inference, not a fact.
describe('a snapshot item that could not be read', () => {
  const start = run([statusChange(processing, 1000)]);
  const unreadable: OpenmediaEvent = {
    type: 'snapshotLoaded',
    mediaTypes: ['promotion'],
    interactions: [],
    unreadableIds: [ID],
    at: 5000,
  };

  it('counts as listed: the entry stays as it was, not gone', () => {
    const state = openmediaReducer(start, unreadable);
    expect(state.byId.get(ID)).toBe(start.byId.get(ID));
    expect(state.diagnostics.log.at(-1)).toMatchObject({ kind: 'snapshot', detail: 'promotion: 0 listed, 0 new, 0 gone' });
  });

  it('a later notification for a gone, never completed, interaction revives it with its actions', () => {
    const gone = openmediaReducer(start, { type: 'snapshotLoaded', mediaTypes: ['promotion'], interactions: [], at: 5000 });
    expect(gone.byId.get(ID)?.gone).toBe(true);
    const state = openmediaReducer(gone, propertiesUpdated(interaction({ userData: { Subject: 'still here' } }), 6000));
    expect(state.byId.get(ID)).toMatchObject({ gone: false, endedAt: undefined });
    expect(state.byId.get(ID)?.interaction.capabilities).toContain('Complete');
    expect(state.ended.has(ID)).toBe(false);
  });
});

// Issue 12, point 6: after eviction, late messages do not re-create the card.
describe('tombstones of evicted interactions', () => {
  const evicted = run([statusChange(processing, 1000), statusChange(completed, 2000), { type: 'clockTicked', at: 62_000 }]);

  it('evicts and remembers the id', () => {
    expect(evicted.byId.has(ID)).toBe(false);
    expect(evicted.tombstones.get(ID)).toBe(62_000);
  });

  it.each([
    ['a duplicate Completed', statusChange(completed, 63_000)],
    ['a late PropertiesUpdated', propertiesUpdated(interaction({ userData: { late: 'yes' } }), 63_000)],
    ['a late Processing', statusChange(processing, 63_000)],
  ])('%s is ignored: no card comes back', (_name, event) => {
    const state = openmediaReducer(evicted, event);
    expect(state.byId.has(ID)).toBe(false);
    expect(state.order).toEqual([]);
    expect(state.diagnostics.log.at(-1)?.detail).toMatch(/ignored: already ended/);
  });

  it('a new Invited offer of the same id is a new offer', () => {
    const state = openmediaReducer(evicted, statusChange(invited, 63_000));
    expect(state.byId.get(ID)?.interaction.state).toBe('Invited');
    expect(state.order).toEqual([ID]);
    expect(state.tombstones.has(ID)).toBe(false);
  });

  it('a snapshot that lists the id brings it back (the server is the truth)', () => {
    const state = openmediaReducer(evicted, { type: 'snapshotLoaded', mediaTypes: ['promotion'], interactions: [processing], at: 63_000 });
    expect(state.byId.get(ID)?.interaction.state).toBe('Processing');
    expect(state.tombstones.has(ID)).toBe(false);
  });

  it(`is bounded: at most ${TOMBSTONE_LIMIT} ids, the oldest forgotten first`, () => {
    const events: OpenmediaEvent[] = [];
    const count = TOMBSTONE_LIMIT + 5;
    for (let i = 0; i < count; i++) events.push(statusChange(interaction({ id: `T${i}`, state: 'Completed' }), i));
    for (let i = 0; i < count; i++) events.push({ type: 'clockTicked', at: 60_000 + i });
    const state = run(events);
    expect(state.tombstones.size).toBe(TOMBSTONE_LIMIT);
    expect(state.tombstones.has('T0')).toBe(false);
    expect(state.tombstones.has(`T${count - 1}`)).toBe(true);
  });
});
