import { describe, expect, it } from 'vitest';
import { createReplayChannel } from './replay-channel';
import { createReplayClient, REPLAY_READ_ONLY_MESSAGE } from './replay-client';

describe('createReplayClient', () => {
  const replay = createReplayChannel({
    version: 1,
    events: [
      {
        at: 0,
        data: {
          messageType: 'OpenmediaStateChangeMessage',
          notificationType: 'StatusChange',
          openmedia: { id: 'p1', mediaType: 'promotion', state: 'Processing', capabilities: ['Complete'] },
        },
      },
    ],
  });
  const client = createReplayClient(replay);

  it('answers snapshots with what the replay has delivered so far', async () => {
    replay.subscribe({ onMessage: () => {} });
    expect((await client.getSnapshot('promotion')).interactions).toEqual([]);
    replay.step();
    const snapshot = await client.getSnapshot('promotion');
    expect(snapshot.mediaType).toBe('promotion');
    expect(snapshot.interactions.map((i) => i.id)).toEqual(['p1']);
    expect((await client.getSnapshot('workitem')).interactions).toEqual([]);
  });

  it('refuses every operation with a message saying nothing is sent', async () => {
    await expect(client.performOperation('promotion', 'p1', { operationName: 'Complete' })).resolves.toEqual({
      statusCode: 3,
      referenceId: undefined,
      statusMessage: REPLAY_READ_ONLY_MESSAGE,
    });
  });
});
