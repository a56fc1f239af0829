import { describe, expect, it } from 'vitest';
import { capture, mediaMessage } from '../../protocol/workspace-v3/fixtures';
import { parseV3Notification } from '../../protocol/workspace-v3/parse';
import { createWorkspaceV3Session } from '../../protocol/workspace-v3/session';
import { createPrng } from '../prng';
import type { StoredInteraction } from '../resource';
import { applyOperation } from '../operations';
import { shapeOf } from './shape';
import { WORKSPACE_V3_WIRE as wire } from './wire';

type Obj = Record<string, unknown>;
const captured = (name: string) => mediaMessage(name).data as Obj & { interaction: Obj };

/** A fresh offer of `mediaType` as the mock makes it (random user data, the simulator's routing fields). */
function offer(mediaType: string): StoredInteraction {
  const random = createPrng(3);
  for (;;) {
    const record = wire.randomOffer('5eed000000000001', random, Date.parse('2026-12-01T13:34:57Z'));
    if (record.mediaType === mediaType) return record;
  }
}

function withoutUserDataContents(interaction: Obj): Obj {
  return { ...interaction, userData: [] };
}

describe('the v3 wire against the simulator captures', () => {
  it('an offered workitem has the fields of capture 01, in its order, with the same routing values', () => {
    const mine = wire.message('StatusChange', wire.resource(offer('workitem'), 'h'), undefined) as Obj & { interaction: Obj };
    const real = captured('01-workitem-invited');
    expect(shapeOf({ ...mine, interaction: withoutUserDataContents(mine.interaction) })).toEqual(
      shapeOf({ ...real, interaction: withoutUserDataContents(real.interaction) }),
    );
    for (const key of ['capabilities', 'ticketId', 'outQueues', 'inQueues', 'submittedBy', 'queue', 'workflowState', 'interactionSubtype', 'state', 'isInWorkflow', 'interactionType', 'mediatype']) {
      expect(mine.interaction[key], key).toEqual(real.interaction[key]);
    }
    expect(mine.interaction.id).toMatch(/^[0-9a-f]{16}$/);
    // The simulator's date text (JavaScript's Date.toString()), which Date.parse reads back.
    expect(Date.parse(mine.interaction.receivedAt as string)).toBe(Date.parse('2026-12-01T13:34:57Z'));
    expect(mine.interaction.subject).toBe((mine.interaction.userData as { key: string; value: unknown }[]).find((p) => p.key === 'Subject')?.value);
  });

  it('an offered email has the fields of capture 05b (email, attachments) and the email capabilities', () => {
    const mine = wire.resource(offer('email'), 'h');
    const real = captured('05b-email-transfer-agent-target-processing').interaction;
    expect(Object.keys(mine)).toEqual(Object.keys(real));
    expect(shapeOf(mine.email)).toEqual(shapeOf(real.email));
    expect(mine.capabilities).toEqual(real.capabilities);
    expect([mine.queue, mine.submittedBy, mine.outQueues, mine.inQueues]).toEqual([real.queue, real.submittedBy, real.outQueues, real.inQueues]);
  });

  it('accept, update, complete: the capabilities and messages of captures 02, 03, 04 (operationId returned)', () => {
    const invited = wire.readResource({ ...captured('01-workitem-invited').interaction }, { id: '', mediaType: '', state: '' }, 0);
    if (!invited.ok) throw new Error(invited.error);
    const accepted = applyOperation(invited.record, { operationName: 'Accept' }, wire.next(invited.record, { operationName: 'Accept' }));
    const mine = wire.message('StatusChange', wire.resource(accepted, 'h'), 'op-accept-1');
    // Byte for byte: the simulator's own fields come back as the mock keeps them.
    expect(JSON.stringify(mine)).toBe(JSON.stringify(captured('02-workitem-accepted-processing')));

    const update = { operationName: 'UpdateUserData', userData: { Segment: 'Platinum' }, types: { Segment: 'str' } } as const;
    const updated = applyOperation(accepted, update, wire.next(accepted, update));
    const completed = applyOperation(updated, { operationName: 'Complete' }, wire.next(updated, { operationName: 'Complete' }));
    expect(JSON.stringify(wire.message('StatusChange', wire.resource(completed, 'h'), 'op-complete-1'))).toBe(JSON.stringify(captured('04-workitem-completed')));
  });

  it('user data keeps the KV type the server wrote (Priority stays "interger")', () => {
    const [, priority] = wire.resource(offer('workitem'), 'h').userData as { key: string; type: string; value: unknown }[];
    expect(priority).toEqual({ key: 'Priority', type: 'interger', value: 8 });
  });

  it('an error is an EventError like capture 06, with the operationId and the interaction', () => {
    const mine = wire.message('Error', wire.resource(offer('workitem'), 'h'), 'op-1', { errorCode: 415, errorMessage: 'Invalid Destination DN' }) as Obj;
    const real = captured('06-voice-eventerror');
    expect(mine).toMatchObject(real);
    expect(Object.keys(mine)).toEqual([...Object.keys(real), 'operationId', 'interaction']);
  });

  it('publishes each message on /workspace/v3/media/{mediatype}; a malformed one on the workitem channel', () => {
    expect(wire.channelOf(captured('05a-email-transfer-agent-origin-completed'))).toBe(mediaMessage('05a-email-transfer-agent-origin-completed').channel);
    expect(wire.channelOf(captured('01-workitem-invited'))).toBe('/workspace/v3/media/workitem');
    expect(wire.channelOf('garbage')).toBe('/workspace/v3/media/workitem');
    expect(wire.channelOf({ interaction: { mediatype: '../*' } })).toBe('/workspace/v3/media/workitem');
  });

  it('the v3 parser accepts every message the wire builds, and rejects what it should', () => {
    const session = createWorkspaceV3Session({ referenceBase: 0, instanceId: 't' });
    const { operationId, referenceId } = session.nextOperation();
    for (const mediaType of ['workitem', 'email']) {
      for (const type of ['StatusChange', 'PropertiesUpdated', 'Error'] as const) {
        const parsed = parseV3Notification(wire.message(type, wire.resource(offer(mediaType), 'h'), operationId, { errorCode: 2, errorMessage: 'x' }), session);
        expect(parsed.ok && parsed.notification.referenceId, `${mediaType} ${type}`).toBe(referenceId);
      }
    }
    expect(wire.rejectionOf({ messageType: 'InteractionStateChanged', notificationType: 'Exploded' })).toBe('unknown-notification-type');
  });

  it('place-in-queue: a workbin keeps the old capabilities (InWorkbin), a queue empties them (Queued)', () => {
    const processing = { ...offer('workitem'), state: 'Processing', capabilities: wire.capabilitiesFor('Processing', 'workitem') };
    expect(wire.next(processing, { operationName: 'PlaceInQueue', queue: 'email-draft-wb' })).toEqual({ state: 'InWorkbin', capabilities: processing.capabilities });
    expect(wire.next(processing, { operationName: 'PlaceInQueue', queue: 'billing' })).toEqual({ state: 'Queued', capabilities: [] });
    expect(wire.isAllowed({ ...processing, state: 'InWorkbin' }, { operationName: 'Complete' })).toBe(false);
    expect(wire.isAllowed(processing, { operationName: 'SetInFocus' })).toBe(false);
  });

  it('reads capture v3-01’s interaction back unchanged (a data entry may be a real capture)', () => {
    const body = capture('v3-01-current-session-invited') as { data: { user: { activeSession: { media: { channels: { interactions: Obj[] }[] } } } } };
    const real = body.data.user.activeSession.media.channels[0]?.interactions[0] ?? {};
    const read = wire.readResource(real, { id: '', mediaType: '', state: '' }, 0);
    expect(read.ok && JSON.stringify(wire.resource(read.record, 'h'))).toBe(JSON.stringify(real));
  });
});
