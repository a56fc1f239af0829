/**
 * openmedia-widget: the public API. Everything a host may import is listed here, one by one;
 * anything not listed is internal and may change.
 */

// ── The client (framework-free): one per connection ─────────────────────────────────────────
export { createOpenmediaClient } from './client/openmedia-client';
export type { OpenmediaClient, OpenmediaClientSnapshot } from './client/openmedia-client';
export type { SnapshotFailure } from './client/snapshot-loader';
export {
  DEFAULT_MEDIA_TYPES,
  DEFAULT_ACTION_TIMEOUT_MS,
  DEFAULT_LINGER_MS,
  DEFAULT_RECORD_LIMIT,
} from './client/client-options';
export type { OpenmediaClientOptions } from './client/client-options';
// Tabs sharing one connection, offer alerts, and publishing in hidden tabs.
export type { TabInfo, TabRole } from './client/relay-channel';
export type { OfferAlerts, OfferAlertOptions, OfferAlertPreferences, OfferAlertSettings } from './client/offer-alerts';
export { readNotificationPermission, requestNotificationPermission } from './client/notification-permission';
export type { NotificationPermissionState } from './client/notification-permission';
export { createVisibilitySchedule } from './client/visibility-schedule';
export type { VisibilityScheduleOptions, VisibilitySource } from './client/visibility-schedule';

// ── React: provider and hooks ────────────────────────────────────────────────────────────────
export { OpenmediaProvider } from './hooks/openmedia-provider';
export type { OpenmediaProviderProps } from './hooks/openmedia-provider';
export { useOpenmediaClient } from './hooks/openmedia-context';
export { useOpenmedia, useOpenmediaChannel } from './hooks/use-openmedia';
export type { UseOpenmediaResult, OpenmediaChannelState } from './hooks/use-openmedia';
export { useInteraction, useInteractionIds, useConnectionStatus, useDiagnostics, useFocusedId } from './hooks/use-interaction';
export { useInteractionAction, OpenmediaActionError } from './hooks/use-interaction-action';
export type { InteractionAction } from './hooks/use-interaction-action';
export { useMessageRecording } from './hooks/use-message-recording';
export { useOfferAlerts } from './hooks/use-offer-alerts';
export type { UseOfferAlertsResult } from './hooks/use-offer-alerts';
export { useTabInfo } from './hooks/use-tab-info';

// ── Push channel ─────────────────────────────────────────────────────────────────────────────
export { createCometdChannel, DEFAULT_COMETD_URL } from './channel/cometd-channel';
export { DEFAULT_CONNECT_PACING_MS } from './channel/connect-pacing';
export type { CometdChannelOptions } from './channel/cometd-channel';
export type { CometdClient } from './channel/cometd-session';
export type { BackoffOptions } from './channel/backoff';
export { createMemoryChannel } from './channel/memory-channel';
export type { MemoryChannel } from './channel/memory-channel';
export type { ChannelListener, ConnectionStatus, NotificationChannel } from './channel/types';

// ── Recording and replay of the push stream ──────────────────────────────────────────────────
export { createRecordingChannel } from './replay/recording-channel';
export type { RecordingChannel, RecordingChannelOptions } from './replay/recording-channel';
export { createReplayChannel } from './replay/replay-channel';
export type { ReplayChannel, ReplayChannelOptions, ReplayState } from './replay/replay-channel';
export { createReplayClient, REPLAY_READ_ONLY_MESSAGE } from './replay/replay-client';
export { parseRecording, RECORDING_VERSION } from './replay/recording';
export type { Recording, RecordedEvent, RecordingParseResult, RecordingRejection } from './replay/recording';

// ── GWS REST client ──────────────────────────────────────────────────────────────────────────
export { createGwsClient } from './api/client';
export type { GwsClient, GwsClientOptions } from './api/client';
export { GwsRequestError, isGwsRequestError } from './api/errors';
export type { GwsRequestErrorKind } from './api/errors';
export type { SnapshotResult } from './api/snapshot';
export { snapshotQueryKey, snapshotQueryOptions } from './api/query-options';

// ── Core: store, reducer, selectors (framework-free) ─────────────────────────────────────────
export { createOpenmediaStore } from './core/store';
export type { OpenmediaStore, OpenmediaStoreOptions } from './core/store';
export { openmediaReducer, createInitialState, DEFAULT_CORE_OPTIONS } from './core/reducer';
export { selectEntry, selectDisplayOrder, selectPendingActions, selectDiagnostics, canPerform, isEnded } from './core/selectors';
export type {
  ActionError,
  ErrorReason,
  ActionOutcome,
  CoreOptions,
  Diagnostics,
  InteractionEntry,
  LogEntry,
  OpenmediaEvent,
  OpenmediaState,
  PendingAction,
} from './core/types';

// ── Protocol: wire types and the tolerant parser ─────────────────────────────────────────────
export { parseNotification, parseSnapshot, parseRestAnswer, OPENMEDIA_CHANNEL } from './protocol/parse';
export type { ChannelDescriptor } from './protocol/parse';
export { KNOWN_OPERATIONS, KNOWN_STATES, NOTIFICATION_TYPES, STATUS_CODES } from './protocol/types';
export { subjectOf, leftTheAgent } from './protocol/interaction';
export type { CsrfHeader, CsrfHeaderSource } from './channel/csrf-header';
export type {
  KnownState,
  NotificationType,
  OpenmediaInteraction,
  OpenmediaNotification,
  Operation,
  OperationRequest,
  ParseResult,
  RejectionReason,
  RestAnswer,
  UserData,
  UserDataValue,
} from './protocol/types';

// ── Components ───────────────────────────────────────────────────────────────────────────────
// The widget, its building blocks, and their strings and types.
export { OpenmediaWidget } from './components/openmedia-widget';
export type { FocusDetails, OpenmediaWidgetProps } from './components/openmedia-widget';
export { OpenmediaWidgetView } from './components/openmedia-widget-view';
export type { OpenmediaWidgetViewProps, WidgetTheme } from './components/openmedia-widget-view';
export { InteractionCard, interactionSubject } from './components/interaction-card';
export type { InteractionCardProps } from './components/interaction-card';
export { DiagnosticsPanel } from './components/diagnostics-panel';
export type { DiagnosticsPanelProps } from './components/diagnostics-panel';
export { OpenmediaMessages } from './components/messages-provider';
export type { OpenmediaMessagesProps } from './components/messages-provider';
export { DEFAULT_MESSAGES, errorMessageOf, resolveMessages } from './components/messages';
export type { Messages } from './components/messages';
export type { TransferTarget } from './components/transfer-target';
export type { ActionEvent, ActionListener } from './components/action-event';
export { ReplayControls } from './components/replay-controls';
export type { ReplayControlsProps } from './components/replay-controls';
export { OfferAlertToggle } from './components/offer-alert-toggle';
export type { OfferAlertToggleProps } from './components/offer-alert-toggle';
export { OfferAlertControls } from './components/offer-alert-controls';
export { TabRoleIndicator, describeTab } from './components/tab-role';
