export { createInitialState, openmediaReducer, DEFAULT_CORE_OPTIONS } from './reducer';
export { canPerform, isEnded, selectDiagnostics, selectDisplayOrder, selectEntry, selectPendingActions } from './selectors';
export { createOpenmediaStore } from './store';
export type { OpenmediaStore, OpenmediaStoreOptions } from './store';
export { emptyPersistentMap, diffPersistentMaps } from './persistent-map';
export type { PersistentMapKey } from './persistent-map';
export { assertNever } from './assert-never';
export { EARLY_OUTCOME_LIMIT, EARLY_OUTCOME_MAX_AGE_MS } from './early-outcomes';
export { DEFAULT_ERROR_MESSAGE } from './apply-notification';
export type {
  ActionError,
  ActionSettlement,
  CoreOptions,
  Diagnostics,
  EarlyOutcome,
  InteractionEntry,
  LogEntry,
  OpenmediaEvent,
  OpenmediaState,
  PendingAction,
  ReadonlyPersistentMap,
} from './types';
