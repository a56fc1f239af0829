import type { GwsClient } from '../api/client';
import type { ReplayChannel } from './replay-channel';

/** What a replay answers to an operation: nothing is sent anywhere. */
export const REPLAY_READ_ONLY_MESSAGE = 'This is a recorded replay: actions are not sent to any server.';
/** GWS's "forbidden" status code. */
const FORBIDDEN = 3;

/**
 * The GWS REST client of a replay. Snapshots list what the replay has delivered so far (so a
 * resync after a recorded reconnect, or a restart, shows the recording's own truth); operations
 * are refused with {@link REPLAY_READ_ONLY_MESSAGE}, which the card shows as a refusal.
 */
export function createReplayClient(replay: ReplayChannel, gwsBase = 'replay'): GwsClient {
  return {
    gwsBase,
    getMe: async () => ({ userName: 'replay' }),
    getSnapshot: async (mediaType) => ({ mediaType, interactions: replay.currentInteractions(mediaType), rejected: [] }),
    performOperation: async () => ({ statusCode: FORBIDDEN, referenceId: undefined, statusMessage: REPLAY_READ_ONLY_MESSAGE }),
  };
}
