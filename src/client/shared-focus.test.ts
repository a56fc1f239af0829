import { describe, expect, it } from 'vitest';
import { createMemoryChannel } from '../channel/memory-channel';
import { createOpenmediaStore } from '../core/store';
import { interaction, statusChange } from '../test-support/builders';
import { createFakeSharedChannel } from '../test-support/fake-shared-channel';
import { createSharedFocus } from './shared-focus';

function setup() {
  const store = createOpenmediaStore({ schedule: () => undefined });
  for (const id of ['A', 'B', 'C']) store.dispatch(statusChange(interaction({ id }), 1000));
  const shared = createFakeSharedChannel();
  const read = { listed: false };
  const focus = createSharedFocus(store, shared.channel, () => 2000, () => read.listed);
  /** This tab's own SetInFocus confirmed (as the reducer does on its notification). */
  let requests = 0;
  const focusHere = (id: string) => {
    requests += 1;
    const requestId = `focus-${requests}`;
    store.dispatch({ type: 'actionRequested', requestId, interactionId: id, operation: 'SetInFocus', at: 2000 });
    store.dispatch({ type: 'actionCompleted', requestId, referenceId: undefined, at: 2000 });
  };
  const publish = () => {
    store.flush();
    focus.afterPublish();
    store.flush();
  };
  return { store, shared, focusHere, publish, read };
}

describe('createSharedFocus', () => {
  it('tells the other tabs of this tab’s focus once published, and never tells back a focus it heard', () => {
    const t = setup();
    t.focusHere('A');
    t.publish();
    expect(t.shared.announced.focused).toEqual(['A']);
    t.shared.hearFocused('B');
    t.publish();
    expect(t.store.getSnapshot().focusedId).toBe('B');
    expect(t.shared.announced.focused).toEqual(['A']);
    // Back to A from this tab: told again, though A was this tab's focus before.
    t.focusHere('A');
    t.publish();
    expect(t.shared.announced.focused).toEqual(['A', 'A']);
  });

  it('keeps a focus heard for an interaction not read yet, and shows it once read', () => {
    const t = setup();
    t.shared.hearFocused('LATER');
    t.publish();
    expect(t.store.getSnapshot().focusedId).toBeUndefined();
    t.store.dispatch(statusChange(interaction({ id: 'LATER' }), 3000));
    t.read.listed = true;
    t.publish();
    expect(t.store.getSnapshot().focusedId).toBe('LATER');
    expect(t.shared.announced.focused).toEqual([]);
  });

  it('drops a focus heard for an interaction its first read does not have: one offered later under that id is not "In focus"', () => {
    const t = setup();
    t.shared.hearFocused('ELSEWHERE');
    t.read.listed = true;
    t.publish();
    t.store.dispatch(statusChange(interaction({ id: 'ELSEWHERE', state: 'Invited' }), 3000));
    t.publish();
    expect(t.store.getSnapshot().focusedId).toBeUndefined();
  });

  it('does nothing on a channel that is not shared', () => {
    const store = createOpenmediaStore({ schedule: () => undefined });
    expect(() => createSharedFocus(store, createMemoryChannel(), Date.now, () => true).afterPublish()).not.toThrow();
  });
});
