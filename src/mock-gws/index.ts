export { createMockGws } from './server';
export type { RunningMockGws } from './server';
export { createMockGwsHandler, CSRF_HEADER } from './handler';
export type { MockGwsHandler } from './handler';
export { mockGwsPlugin } from './vite-plugin';
export { NOTIFICATIONS_PATH } from './cometd-endpoint';
export { MockInputError } from './types';
export type {
  BurstSpec,
  FailNextSpec,
  FaultsView,
  InitialInteraction,
  MockControl,
  MockGwsOptions,
  MockStateView,
  PublishSpec,
  RequestLogEntry,
} from './types';
