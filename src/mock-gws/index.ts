export { createMockGws } from './server';
export type { RunningMockGws } from './server';
export { createMockGwsHandler, dialectApi, CSRF_HEADER } from './handler';
export type { MockGwsHandler } from './handler';
export { mockGwsPlugin } from './vite-plugin';
export { NOTIFICATIONS_PATH } from './cometd-endpoint';
export { V3_NOTIFICATIONS_PATH } from './workspace-v3/wire';
export { MOCK_DIALECTS } from './wire';
export type { MockDialectName } from './wire';
export type { DialectApi } from './dialect-api';
export { ENDED_STATES, MockInputError } from './types';
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
