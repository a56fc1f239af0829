import type { ChannelDescriptor } from '../parse';

/**
 * The Workspace API v3 media channels. Apart from the rest of the v3 dialect (which a GWS v2
 * widget never loads): the client needs it before the dialect's code has arrived.
 */
/** Each media type's channel is this and its name: `/workspace/v3/media/workitem`. */
export const WORKSPACE_V3_MEDIA_PREFIX = '/workspace/v3/media/';

export const WORKSPACE_V3_CHANNEL: ChannelDescriptor = {
  channel: `${WORKSPACE_V3_MEDIA_PREFIX}*`,
  messageType: 'InteractionStateChanged',
  resourceKey: 'interaction',
};
