import { describe, expect, it } from 'vitest';
import seed from '../protocol/fixtures/seed-openmedia-statuschange.json';
import { parseNotification } from '../protocol/parse';
import type { OpenmediaNotification } from '../protocol/types';
import { run } from '../test-support/builders';
import { openmediaReducer } from './reducer';
import type { OpenmediaState } from './types';

// GWS's own StatusChange (the seed, from its reference page) carries the state and the
// capabilities, not the user data or the received date: those are unchanged, not gone.

const ID = seed.data.openmedia.id;
type Wire = Record<string, unknown>;

function parsed(data: Wire): OpenmediaNotification {
  const result = parseNotification(data);
  if (!result.ok) throw new Error(result.reason);
  return result.notification;
}

/** The seed notification with its resource's fields replaced (undefined: left out). */
function notification(notificationType: string, fields: Wire, referenceId?: number): OpenmediaNotification {
  const openmedia = Object.fromEntries(Object.entries({ ...seed.data.openmedia, ...fields }).filter(([, v]) => v !== undefined));
  return parsed({ messageType: 'OpenmediaStateChangeMessage', notificationType, referenceId, openmedia });
}

function receive(state: OpenmediaState, n: OpenmediaNotification, at: number): OpenmediaState {
  return openmediaReducer(state, { type: 'notificationReceived', notification: n, at });
}

const OFFER = notification('StatusChange', {
  state: 'Invited',
  capabilities: ['Accept', 'Reject'],
  userData: { Subject: 'Refund request', CustomerId: 'C-42', Flag: true },
  receivedDate: '2026-12-05 09:00:00.000+0000',
});

describe('a notification that leaves fields out', () => {
  it('keeps the user data, their kinds and the received date the widget held (the seed, after an offer)', () => {
    const offered = receive(run([]), OFFER, 1000);
    const before = offered.byId.get(ID)?.interaction;
    const accepted = receive(offered, parsed(seed.data), 2000);
    const after = accepted.byId.get(ID)?.interaction;
    expect(after).toMatchObject({ state: 'Processing', capabilities: seed.data.openmedia.capabilities });
    // The same objects: the user-data section does not even re-render.
    expect(after?.userData).toBe(before?.userData);
    expect(after?.userDataKinds).toBe(before?.userDataKinds);
    expect(after?.userData).toEqual({ Subject: 'Refund request', CustomerId: 'C-42', Flag: 'true' });
    expect(after?.receivedDate).toBe('2026-12-05 09:00:00.000+0000');
    expect(after?.receivedAt).toBe(Date.UTC(2026, 11, 5, 9));
    expect(after).not.toHaveProperty('omitted');
    expect(accepted.byId.get(ID)?.stateSince).toBe(2000);
  });

  it('keeps the openmediaType and uri too, and changes nothing when that is all it would change', () => {
    const offered = receive(run([]), OFFER, 1000);
    const same = receive(offered, notification('PropertiesUpdated', { state: 'Invited', capabilities: ['Accept', 'Reject'], userData: undefined, receivedDate: undefined, openmediaType: undefined, uri: undefined }), 2000);
    expect(same.byId.get(ID)).toBe(offered.byId.get(ID));
  });

  it('an explicit empty user data clears them (it was sent, not left out)', () => {
    const offered = receive(run([]), OFFER, 1000);
    for (const userData of [{}, null]) {
      const cleared = receive(offered, notification('PropertiesUpdated', { state: 'Invited', capabilities: ['Accept', 'Reject'], userData }), 2000);
      expect(cleared.byId.get(ID)?.interaction.userData).toEqual({});
      expect(cleared.byId.get(ID)?.interaction.userDataKinds).toBeUndefined();
    }
  });

  it('an interaction first heard of without them has none, and keeps no mark of what was left out', () => {
    const first = receive(run([]), parsed(seed.data), 1000);
    const interaction = first.byId.get(ID)?.interaction;
    expect(interaction).toMatchObject({ state: 'Processing', userData: {}, receivedDate: undefined });
    expect(interaction).not.toHaveProperty('omitted');
    // A later whole resource brings them.
    const whole = receive(first, notification('PropertiesUpdated', { userData: { Subject: 'Now known' } }), 2000);
    expect(whole.byId.get(ID)?.interaction.userData).toEqual({ Subject: 'Now known' });
  });

  it('an ended interaction offered again without them keeps what it had', () => {
    const offered = receive(run([]), OFFER, 1000);
    const completed = receive(offered, notification('StatusChange', { state: 'Completed', capabilities: [], userData: undefined, receivedDate: undefined }), 2000);
    expect(completed.byId.get(ID)?.interaction.userData).toEqual(offered.byId.get(ID)?.interaction.userData);
    const again = receive(completed, notification('StatusChange', { state: 'Invited', capabilities: ['Accept', 'Reject'], userData: undefined, receivedDate: undefined }), 3000);
    expect(again.byId.get(ID)?.interaction).toMatchObject({ state: 'Invited', userData: { Subject: 'Refund request' }, receivedDate: '2026-12-05 09:00:00.000+0000' });
  });

  it('an Error that carries the resource without them keeps them as well', () => {
    const accepted = receive(receive(run([]), OFFER, 1000), parsed(seed.data), 2000);
    const failed = receive(accepted, notification('Error', { userData: undefined, receivedDate: undefined }, 7), 3000);
    expect(failed.byId.get(ID)?.interaction.userData).toEqual({ Subject: 'Refund request', CustomerId: 'C-42', Flag: 'true' });
  });
});

describe('a notification without capabilities, or with user data that cannot be read (a server that writes no empty arrays, a proxy)', () => {
  const PROCESSING = ['Transfer', 'AttachUserData', 'UpdateUserData', 'DeleteUserData', 'SetInFocus', 'Complete'];
  const accepted = () => receive(receive(run([]), OFFER, 1000), notification('StatusChange', { state: 'Processing', capabilities: PROCESSING }), 2000);

  it('a Completed StatusChange without capabilities ends the card, with no button', () => {
    for (const capabilities of [undefined, null]) {
      const completed = receive(accepted(), notification('StatusChange', { state: 'Completed', capabilities }), 3000);
      expect(completed.byId.get(ID)?.interaction).toMatchObject({ state: 'Completed', capabilities: [] });
      expect(completed.byId.get(ID)?.endedAt).toBe(3000);
    }
  });

  it('a change of state without capabilities offers nothing it did not say (the old state’s buttons would lie)', () => {
    const moved = receive(accepted(), notification('StatusChange', { state: 'Wrapping', capabilities: undefined }), 3000);
    expect(moved.byId.get(ID)?.interaction).toMatchObject({ state: 'Wrapping', capabilities: [] });
  });

  it('a PropertiesUpdated without capabilities applies its user data and keeps the buttons of the same state', () => {
    const updated = receive(accepted(), notification('PropertiesUpdated', { state: 'Processing', capabilities: undefined, userData: { Subject: 'Renamed' } }), 3000);
    expect(updated.byId.get(ID)?.interaction).toMatchObject({ state: 'Processing', capabilities: PROCESSING, userData: { Subject: 'Renamed' } });
  });

  it('an interaction first heard of without capabilities is shown, with no button', () => {
    const first = receive(run([]), notification('StatusChange', { state: 'Invited', capabilities: undefined }), 1000);
    expect(first.byId.get(ID)?.interaction).toMatchObject({ state: 'Invited', capabilities: [] });
  });

  it('a StatusChange whose user data is not an object still changes the state, keeps the user data held, and is counted', () => {
    for (const userData of ['a=b', 7, [['a', 'b']]]) {
      const result = parseNotification({
        messageType: 'OpenmediaStateChangeMessage',
        notificationType: 'StatusChange',
        openmedia: { ...seed.data.openmedia, state: 'Processing', capabilities: ['Complete'], userData },
      });
      expect(result).toMatchObject({ ok: true, dropped: ['invalid-user-data'] });
      if (!result.ok) return;
      const next = receive(receive(run([]), OFFER, 1000), result.notification, 2000);
      expect(next.byId.get(ID)?.interaction).toMatchObject({ state: 'Processing', capabilities: ['Complete'], userData: { Subject: 'Refund request', CustomerId: 'C-42' } });
    }
  });

  it('an empty array for user data is an empty map (how some serialisers write one): it clears them', () => {
    const cleared = receive(receive(run([]), OFFER, 1000), notification('PropertiesUpdated', { state: 'Invited', capabilities: ['Accept', 'Reject'], userData: [] }), 2000);
    expect(cleared.byId.get(ID)?.interaction.userData).toEqual({});
  });
});

describe('an offer withdrawn, then offered again without capabilities', () => {
  it('gets no button from the ended card (it allowed nothing any more)', () => {
    const offered = receive(run([]), OFFER, 1000);
    const withdrawn = openmediaReducer(offered, { type: 'snapshotLoaded', mediaTypes: [seed.data.openmedia.mediaType], interactions: [], at: 2000 });
    expect(withdrawn.byId.get(ID)?.gone).toBe(true);
    const again = receive(withdrawn, notification('StatusChange', { state: 'Invited', capabilities: undefined, userData: { Subject: 'Again' } }), 3000);
    expect(again.byId.get(ID)?.interaction).toMatchObject({ state: 'Invited', capabilities: [] });
  });
});

describe('an Error with blank text (any dialect)', () => {
  it('shows the default reason, not an empty one', () => {
    const accepted = receive(run([]), OFFER, 1000);
    const failed = receive(accepted, { notificationType: 'Error', referenceId: undefined, openmedia: accepted.byId.get(ID)?.interaction, errorMessage: '   ', errorCode: '' }, 2000);
    expect(failed.byId.get(ID)?.error).toMatchObject({ message: 'The server reported an error.', code: undefined });
  });
});
