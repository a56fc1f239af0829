import type { ChannelDescriptor } from '../parse';

/**
 * The Workspace API v3 media channels. Apart from the rest of the v3 dialect (which a GWS v2
 * widget never loads): the client needs it before the dialect's code has arrived.
 */
export const WORKSPACE_V3_CHANNEL: ChannelDescriptor = {
  channel: '/workspace/v3/media/*',
  messageType: 'InteractionStateChanged',
  resourceKey: 'interaction',
};
