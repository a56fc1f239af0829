export * from './types';
export { parseNotification, parseOpenmediaResource, parseRestAnswer, parseSnapshot, OPENMEDIA_CHANNEL } from './parse';
export type { ChannelDescriptor } from './parse';
export { parseGwsDate } from './date';
