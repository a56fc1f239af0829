import type { SnapshotFailure } from '../client/snapshot-loader';
import type { ActionError, ErrorReason, LogEntry } from '../core/types';
import type { Operation, UserDataKind } from '../protocol/types';
import { reportLater } from '../core/host-callback';

/**
 * Every string the widget shows. Pass a `Partial<Messages>` to `<OpenmediaWidget messages>` to
 * translate or reword any of them; what you leave out keeps the English default.
 *
 * Server data (states, user data, ids, error messages from GWS) is shown as sent and is not part
 * of this table; diagnostic codes (rejection reasons) are shown as the codes they are.
 */
export interface Messages {
  /**
   * The language of these strings (BCP 47, e.g. `de`), set as the widget's `lang` so a screen
   * reader reads them with the right voice when it differs from the page's. Default: none (the
   * widget inherits the page's language, right for the English defaults in an English page).
   */
  readonly lang?: string | undefined;
  /** The widget's heading. Overridden by the `title` prop when both are given. */
  readonly title: string;
  readonly emptyTitle: string;
  readonly emptyBody: string;
  /** Shown in place of the empty state while the interactions are first read (if that takes a moment). */
  readonly loadingTitle: string;
  readonly groupOffers: string;
  readonly groupActive: string;
  readonly groupEnded: string;
  /**
   * Beside the title: the interactions offered or in progress, e.g. "3 open interactions" (ended
   * cards that linger are not counted; their group heading has its own count).
   */
  readonly interactionCount: (count: number) => string;

  readonly statusConnected: string;
  readonly statusConnecting: string;
  readonly statusChecking: string;
  readonly statusDisconnected: string;
  readonly statusReconnecting: string;
  readonly reconnectingDetail: string;
  /**
   * Added to the reconnecting banner when the server refused the subscription to the
   * notifications (`serverText`: its error, such as `403::subscribe_failed`, shown as text). The
   * widget keeps trying. Optional, so that a complete table from an earlier version still compiles.
   */
  readonly reconnectingRefused?: (serverText: string) => string;
  /** The browser says the computer lost its network (beside the title, and the banner's title). */
  readonly statusNoNetwork: string;
  readonly noNetworkDetail: string;
  /**
   * Added to the reconnecting and no-network banners: when the widget last knew the list to be
   * current (`time`: the hour and minute in the widget's locale, after the weekday or the date
   * when that was before today). Optional, so that a complete
   * table from an earlier version still compiles.
   */
  readonly outOfTouchSince?: (time: string) => string;
  readonly statusUnauthorized: string;
  readonly unauthorizedDetail: string;
  readonly snapshotErrorTitle: string;
  /**
   * The snapshot banner's detail for one media type whose read failed, in the host's words:
   * `failure.reason` is the widget's own explanation (see `ErrorReason`, or `cancelled`),
   * `failure.serverText` the server's words. Return undefined for the English text. Default: none.
   */
  readonly snapshotFailure?: (failure: SnapshotFailure) => string | undefined;
  /** Button of the signed-out banner, pressed once the agent has signed in again. */
  readonly reconnectAction: string;
  /** Button of the snapshot-error banner. */
  readonly retrySnapshotAction: string;

  /** Accessible names of the operation buttons (defaults are the exact words tests rely on). */
  readonly operations: Readonly<Record<Operation, string>>;
  readonly editKey: (key: string) => string;
  readonly deleteKey: (key: string) => string;
  /**
   * @deprecated Not shown: a button whose request is in flight keeps its name and shows a
   * spinner (`aria-busy="true"`). Kept so that hosts' message overrides still type-check.
   */
  readonly working: string;
  /**
   * On a card whose action another tab of this browser sent and is waiting for, e.g. "Accept sent
   * from another tab…"; `where` is `'page'` when another widget of this same page sent it.
   */
  readonly pendingElsewhere: (operation: string, where: 'tab' | 'page') => string;

  /** Friendlier words shown beside the exact state GWS sends; states without one show alone. */
  readonly stateLabels: Readonly<Record<string, string>>;
  /** The chip's label beside the state of an interaction GWS no longer lists (its last known state). */
  readonly stateLastKnown: string;
  readonly labelId: string;
  readonly labelMediaType: string;
  readonly labelDirection: string;
  readonly labelReceived: string;
  readonly labelTimeInState: string;
  /** Read after the label when the state began before the widget saw it ("Time in state at least 12:03"). */
  readonly timeInStateAtLeast: string;
  /** The timer's tooltip then. */
  readonly timeInStateAtLeastTitle: string;
  readonly labelUserData: string;
  readonly labelResource: string;
  readonly labelOtherCapabilities: string;
  readonly noUserData: string;
  readonly notProvided: string;
  readonly ended: string;
  readonly gone: string;
  readonly inFocus: string;

  readonly errorTitle: (operation: Operation | undefined, kind: ActionError['kind']) => string;
  /**
   * An error's text when it is the widget's own explanation (`error.reason`; the server's own
   * words have none and are shown as sent). Return undefined to show the English `error.message`.
   * The error's `operation` and `code` (a GWS status code, or the HTTP status for `http-status`
   * and `gateway`) are there to be named. Default: undefined (English). Optional, as the members
   * below added with it, so that a host's complete table from an earlier version still compiles.
   */
  readonly errorReason?: (reason: ErrorReason, error: ActionError) => string | undefined;
  /** After a translated timeout's text: what an Error notification that named no request said meanwhile, as sent. */
  readonly meanwhileReported?: (serverText: string) => string;
  /** After a translated explanation: the server's (or a gateway's) own words it quoted, as sent (`error.detail`). */
  readonly serverSaid?: (serverText: string) => string;
  readonly errorCode: (code: number | string) => string;
  readonly errorReference: (referenceId: number) => string;
  readonly dismiss: string;
  /** Shown when the host's `onAction` refused an action before it was sent. */
  readonly vetoedByHost: string;

  readonly transferTitle: (subject: string) => string;
  readonly transferFilter: string;
  readonly transferAgents: string;
  readonly transferQueues: string;
  readonly transferNoTargets: string;
  readonly transferUri: string;
  readonly transferUriHint: string;
  readonly transferUriRequired: string;
  readonly transferConfirm: string;
  readonly cancel: string;
  /** Shown in place of a dialog or form whose code could not be downloaded (it loads on demand). */
  readonly partLoadFailed: string;
  /** Button beside {@link Messages.partLoadFailed}: downloads it again. */
  readonly partLoadRetry: string;
  /**
   * In place of a card the widget failed to draw (a bug: the error is reported as uncaught), the
   * others still shown. Optional, as the two below, so that a complete table from an earlier
   * version still compiles.
   */
  readonly cardRenderFailed?: string;
  /** In place of the whole list when the widget failed to draw it; the connection stays open. */
  readonly widgetRenderFailed?: string;
  /** Button beside either: draws it again. */
  readonly renderRetry?: string;
  /**
   * An inline editor closed by a change on the server (the interaction ended, or no longer allows
   * the change) while it held what the agent typed: what was typed stays on the card, with this
   * title. `adding`: typed into Add data, `key` then the key typed (maybe empty). Optional, so that
   * a complete table from an earlier version still compiles.
   */
  readonly draftNotSaved?: (key: string, adding: boolean) => string;
  /** The same for the Transfer dialog closed by a server change: the target chosen stays on the card. Optional, as above. */
  readonly transferNotSent?: string;
  /** Heading of the drafts kept for interactions no longer in the list (their cards are gone). */
  readonly draftsElsewhereTitle?: string;
  /**
   * In an open editor while an action this card sent is in flight: Save waits until it ends, and
   * what was typed stays (`operation`: its name, as `operations` says it). Optional, as above.
   */
  readonly pendingHere?: (operation: string) => string;

  readonly addDataTitle: string;
  readonly keyLabel: string;
  readonly valueLabel: string;
  readonly save: string;
  readonly emptyKey: string;
  readonly duplicateKey: (key: string) => string;
  readonly editInstead: (key: string) => string;
  readonly editValueLabel: (key: string) => string;
  /** A number value edited into text that is not a number (it is sent back as a number). */
  readonly valueNotANumber: (key: string) => string;
  /** Beside a value whose wire type the editor cannot send back (a nested list, true / false). */
  readonly valueReadOnly: (kind: UserDataKind) => string;
  /**
   * In an open editor, when the server changed the value meanwhile (it describes the field, whose
   * label names `key`). `kept`: the agent had typed a value of their own, which stays (saving
   * replaces the server's); otherwise the field now holds the server's value. `value` is the
   * server's new value as text ("" for an empty value), its first 80 characters when longer.
   */
  readonly valueChangedMeanwhile: (key: string, value: string, kept: boolean) => string;
  /** The key being edited was deleted on the server; `kept`: the agent's text stays, and Save adds the key back. */
  readonly valueRemovedMeanwhile: (key: string, kept: boolean) => string;
  readonly deleteConfirm: (key: string) => string;
  readonly confirmDelete: string;
  readonly keep: string;

  readonly diagnosticsTitle: string;
  /** Shown in the opened diagnostics panel while its code downloads (only when that is slow). */
  readonly diagnosticsLoading: string;
  readonly diagnosticsReceived: string;
  readonly diagnosticsRejected: string;
  readonly diagnosticsUnmatched: string;
  readonly diagnosticsNoRejections: string;
  readonly diagnosticsLog: string;
  readonly diagnosticsLogEmpty: string;
  readonly diagnosticsDownload: string;
  /** Checkbox beside "Download log" (shown while raw messages are recorded): blank user-data values in the file. */
  readonly diagnosticsRedact: string;
  readonly diagnosticsRedactHint: string;
  /** Diagnostics line: this tab's part in the connection shared by the browser's tabs. */
  readonly diagnosticsTab: string;

  /** Offer alerts: the group of toggles, its switches and the browser's notification permission. */
  readonly alertsTitle: string;
  readonly alertsNotify: string;
  readonly alertsPermissionDefault: string;
  readonly alertsPermissionGranted: string;
  readonly alertsPermissionDenied: string;
  readonly alertsPermissionUnsupported: string;
  readonly alertsSound: string;
  readonly alertsMute: string;
  /** Under the sound switch while the page has had no click or key press (browsers may play nothing before one). */
  readonly alertsSoundWaitsForGesture?: string;
  /** This tab's role in the shared connection, and how many tabs share it. */
  readonly tabRoleLeader: string;
  readonly tabRoleFollower: string;
  readonly tabRoleSolo: string;
  readonly tabCount: (count: number) => string;

  /** Names of the two always-present, visually hidden live regions (polite and assertive). */
  readonly announcementsLabel: string;
  readonly urgentAnnouncementsLabel: string;
  /** Name of the connection-status region an open dialog repeats (see `failureOf`). */
  readonly connectionStatusLabel: string;
  /** Announced politely once per offer; a burst is one summary. */
  readonly newOffer: (subject: string) => string;
  readonly newOffers: (count: number) => string;
  /** An announced offer that ended without this agent's Accept or Reject (withdrawn, taken elsewhere). */
  readonly offerEnded: (subject: string) => string;
  readonly offersEnded: (count: number) => string;
  /** An interaction in progress that was not an offer here (pushed to Processing, given back, listed after a gap). */
  readonly newInteraction: (subject: string) => string;
  readonly newInteractions: (count: number) => string;
  /** An interaction in progress that ended without this agent's action (another application, a supervisor, GWS). */
  readonly interactionEnded: (subject: string) => string;
  readonly interactionGone: (subject: string) => string;
  readonly interactionsEnded: (count: number) => string;
  /** This tab's action, confirmed done by the server: "Completed: <subject>". */
  readonly actionDone: (operation: Operation, subject: string) => string;
  /** Announced once for a burst of failures (each card still shows its own alert); `more`: after one already announced. */
  readonly failuresSummary: (count: number, more: boolean) => string;
  /**
   * A card's failure, repeated inside an open dialog (outside it, its card's alert is not heard):
   * `title` as the card's alert says it, the interaction's subject, the server's message.
   */
  readonly failureOf: (title: string, subject: string, message: string) => string;
  /** Said when the tab comes back to the front: what it announced while in the background (each part a sentence of its own). */
  readonly whileAway: (parts: readonly string[]) => string;

  /** A long user-data value is clamped: these expand it, and copy all of it. */
  readonly showMore: string;
  readonly showLess: string;
  readonly showMoreOf: (key: string) => string;
  readonly showLessOf: (key: string) => string;
  readonly copy: string;
  readonly copyValueOf: (key: string) => string;
  readonly copied: string;
  readonly copyFailed: string;
  readonly valueLength: (characters: number) => string;
  /** A long key list is collapsed after a few rows. */
  readonly userDataFilter: string;
  readonly userDataShowing: (shown: number, total: number) => string;
  readonly userDataShowAll: (total: number) => string;
  readonly userDataShowFewer: string;
  readonly userDataNoMatch: string;
  readonly userDataAllRegion: (total: number) => string;
  readonly logColumns: {
    readonly time: string;
    readonly kind: string;
    readonly interaction: string;
    readonly referenceId: string;
    readonly detail: string;
  };
  readonly logKinds: Readonly<Record<LogEntry['kind'], string>>;
}

const OPERATION_NAMES: Record<Operation, string> = {
  Accept: 'Accept',
  Reject: 'Reject',
  Transfer: 'Transfer',
  AttachUserData: 'Add data',
  UpdateUserData: 'Edit data',
  DeleteUserData: 'Delete data',
  SetInFocus: 'Set in focus',
  Complete: 'Complete',
};

const DONE_WORDS: Record<Operation, string> = {
  Accept: 'Accepted',
  Reject: 'Rejected',
  Transfer: 'Transferred',
  AttachUserData: 'Data added',
  UpdateUserData: 'Data saved',
  DeleteUserData: 'Data deleted',
  SetInFocus: 'In focus',
  Complete: 'Completed',
};

const ERROR_KIND_TITLES: Record<ActionError['kind'], string> = {
  'error-notification': 'failed',
  'status-code': 'was refused',
  http: 'could not be sent',
  timeout: 'timed out',
  'not-available': 'is not available',
  vetoed: 'was blocked',
  'not-connected': 'was not sent',
  'outcome-unknown': 'outcome unknown',
};

/** The English defaults. */
export const DEFAULT_MESSAGES: Messages = {
  title: 'Open media',
  emptyTitle: 'No interactions right now',
  emptyBody: 'New offers appear here as soon as they arrive.',
  loadingTitle: 'Loading your interactions…',
  groupOffers: 'Offers',
  groupActive: 'In progress',
  groupEnded: 'Recently ended',
  interactionCount: (count) => (count === 1 ? '1 open interaction' : `${count} open interactions`),

  statusConnected: 'Live',
  statusConnecting: 'Connecting…',
  statusChecking: 'Checking connection…',
  statusDisconnected: 'Not connected',
  statusReconnecting: 'Reconnecting…',
  reconnectingDetail: 'The list may be out of date until the connection is back.',
  reconnectingRefused: (serverText) => `The server refused to send the notifications (${serverText}); the widget keeps asking.`,
  statusNoNetwork: 'No network',
  noNetworkDetail: 'This computer has lost its network connection: nothing new can arrive. The list catches up when the network is back.',
  outOfTouchSince: (time) => `Nothing new has arrived since ${time}.`,
  statusUnauthorized: 'Signed out — your session has ended',
  unauthorizedDetail: 'Sign in again, then reconnect to keep receiving interactions.',
  snapshotErrorTitle: 'Could not load your interactions',
  reconnectAction: 'Reconnect',
  retrySnapshotAction: 'Try again',

  operations: OPERATION_NAMES,
  editKey: (key) => `Edit ${key}`,
  deleteKey: (key) => `Delete ${key}`,
  working: 'Working…',
  pendingElsewhere: (operation, where) => `${operation} sent from ${where === 'page' ? 'another widget on this page' : 'another tab'}, waiting for the server…`,

  stateLabels: { Invited: 'Offered', Processing: 'In progress', Completed: 'Done' },
  stateLastKnown: 'last known',
  labelId: 'ID',
  labelMediaType: 'Media type',
  labelDirection: 'Direction',
  labelReceived: 'Received',
  labelTimeInState: 'Time in state',
  timeInStateAtLeast: 'at least',
  timeInStateAtLeastTitle: 'Time in state: at least this long (it was in this state already when first read)',
  labelUserData: 'User data',
  labelResource: 'Resource',
  labelOtherCapabilities: 'Other capabilities',
  noUserData: 'No user data',
  notProvided: '—',
  ended: 'This interaction has ended',
  gone: 'No longer assigned to you',
  inFocus: 'In focus',

  errorTitle: (operation, kind) =>
    `${operation ? OPERATION_NAMES[operation] : 'The request'} ${ERROR_KIND_TITLES[kind]}`,
  errorReason: () => undefined,
  meanwhileReported: (serverText) => `Meanwhile the server reported: ${serverText}`,
  serverSaid: (serverText) => `The server said: ${serverText}`,
  errorCode: (code) => `Code ${code}`,
  errorReference: (referenceId) => `Reference ${referenceId}`,
  dismiss: 'Dismiss',
  vetoedByHost: 'This action was not allowed by your desktop.',

  transferTitle: (subject) => `Transfer “${subject}”`,
  transferFilter: 'Filter agents and queues',
  transferAgents: 'Agents',
  transferQueues: 'Queues',
  transferNoTargets: 'No agent or queue matches.',
  transferUri: 'Target URI',
  transferUriHint: 'Pick an agent or queue above, or type the URI of any target.',
  transferUriRequired: 'Choose a target or type its URI.',
  transferConfirm: 'Confirm transfer',
  cancel: 'Cancel',
  partLoadFailed: 'Could not load this form. Check the connection and try again.',
  partLoadRetry: 'Try again',
  cardRenderFailed: 'This interaction could not be shown.',
  widgetRenderFailed: 'Your interactions could not be shown. The connection stays open.',
  renderRetry: 'Try again',
  draftNotSaved: (key, adding) =>
    adding || key === ''
      ? 'What you were adding was not saved: the interaction changed and the form closed.'
      : `Your change to ${key} was not saved: the interaction changed and the editor closed.`,
  transferNotSent: 'The transfer was not sent: the interaction changed and the dialog closed.',
  draftsElsewhereTitle: 'Not saved',
  pendingHere: (operation) => `${operation} sent, waiting for the server… Save waits until it is done.`,

  addDataTitle: 'Add user data',
  keyLabel: 'Key',
  valueLabel: 'Value',
  save: 'Save',
  emptyKey: 'Enter a key.',
  duplicateKey: (key) => `“${key}” already exists.`,
  editInstead: (key) => `Edit ${key} instead`,
  editValueLabel: (key) => `New value for ${key}`,
  valueNotANumber: (key) => `${key} is a number: enter a number, such as 7 or 2.5.`,
  valueReadOnly: (kind) =>
    kind === 'json'
      ? 'Read-only: a nested value, shown as JSON.'
      : kind === 'list'
        ? 'Read-only: a nested list, shown on one line.'
        : 'Read-only: a true / false value.',
  // The key is the field's own label (the notice describes the field): left out, so a long key
  // cannot push "Save replaces it" out of sight.
  valueChangedMeanwhile: (_key, value, kept) => {
    const what = value === '' ? 'Emptied on the server' : `Changed on the server to “${value}”`;
    return kept ? `${what} while you were editing. Save replaces it with yours.` : `${what} while you were editing. The field shows the new value.`;
  },
  valueRemovedMeanwhile: (_key, kept) =>
    kept
      ? 'Deleted on the server while you were editing. Save adds it back with your value.'
      : 'Deleted on the server while you were editing. Type a value and Save to add it back.',
  deleteConfirm: (key) => `Delete “${key}”?`,
  confirmDelete: 'Yes, delete',
  keep: 'Keep',

  diagnosticsTitle: 'Diagnostics',
  diagnosticsLoading: 'Loading diagnostics…',
  diagnosticsReceived: 'Messages applied',
  diagnosticsRejected: 'Messages rejected',
  diagnosticsUnmatched: 'Unmatched reference IDs',
  diagnosticsNoRejections: 'None',
  diagnosticsLog: 'Recent events',
  diagnosticsLogEmpty: 'No events yet.',
  diagnosticsDownload: 'Download log',
  diagnosticsRedact: 'Redact values',
  diagnosticsRedactHint: 'Keeps keys, ids, states and types; replaces user-data values.',
  diagnosticsTab: 'This tab',
  alertsTitle: 'Offer alerts',
  alertsNotify: 'Notify me of new offers',
  alertsPermissionDefault: 'The browser asks for permission when you turn this on.',
  alertsPermissionGranted: 'Allowed by the browser.',
  alertsPermissionDenied: "Blocked by the browser. Allow notifications for this site in the browser's settings.",
  alertsPermissionUnsupported: 'This browser cannot show notifications.',
  alertsSound: 'Play a sound for new offers',
  alertsMute: 'Mute',
  alertsSoundWaitsForGesture: 'The sound may not play until your first click or key press on this page.',
  tabRoleLeader: 'Leader: holds the connection',
  tabRoleFollower: 'Follower: shares another tab’s connection',
  tabRoleSolo: 'Own connection (not shared)',
  tabCount: (count) => (count === 1 ? '1 tab' : `${count} tabs`),

  announcementsLabel: 'Announcements',
  urgentAnnouncementsLabel: 'Urgent announcements',
  connectionStatusLabel: 'Connection status',
  newOffer: (subject) => `New offer: ${subject}`,
  newOffers: (count) => `${count.toLocaleString('en-US')} new offers`,
  offerEnded: (subject) => `No longer offered: ${subject}`,
  offersEnded: (count) => `${count.toLocaleString('en-US')} offers no longer offered`,
  newInteraction: (subject) => `New interaction in progress: ${subject}`,
  newInteractions: (count) => `${count.toLocaleString('en-US')} new interactions in progress`,
  interactionEnded: (subject) => `Ended: ${subject}`,
  interactionGone: (subject) => `No longer assigned to you: ${subject}`,
  interactionsEnded: (count) => `${count.toLocaleString('en-US')} interactions ended or no longer assigned to you`,
  actionDone: (operation, subject) => `${DONE_WORDS[operation]}: ${subject}`,
  failuresSummary: (count, more) =>
    `${count.toLocaleString('en-US')} ${more ? 'more ' : ''}action${count === 1 ? '' : 's'} failed. Each card says why.`,
  failureOf: (title, subject, message) => `${title} (${subject}): ${message}`,
  whileAway: (parts) => {
    const sentences = parts.slice(0, 5).map((part) => (/[.!?…]$/.test(part) ? part : `${part}.`));
    const more = parts.length - sentences.length;
    return `While this tab was in the background: ${sentences.join(' ')}${more > 0 ? ` And ${more.toLocaleString('en-US')} more.` : ''}`;
  },

  showMore: 'Show more',
  showLess: 'Show less',
  showMoreOf: (key) => `Show more of ${key}`,
  showLessOf: (key) => `Show less of ${key}`,
  copy: 'Copy',
  copyValueOf: (key) => `Copy ${key}`,
  copied: 'Copied',
  copyFailed: 'Could not copy',
  valueLength: (characters) => `${characters.toLocaleString('en-US')} characters`,
  userDataFilter: 'Filter user data',
  userDataShowing: (shown, total) => `Showing ${shown.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} keys`,
  userDataShowAll: (total) => `Show all ${total.toLocaleString('en-US')} keys`,
  userDataShowFewer: 'Show fewer',
  userDataNoMatch: 'No key or value matches.',
  userDataAllRegion: (total) => `User data, ${total.toLocaleString('en-US')} keys`,
  logColumns: { time: 'Time', kind: 'Event', interaction: 'Interaction', referenceId: 'Ref.', detail: 'Detail' },
  logKinds: {
    notification: 'Notification',
    rejected: 'Rejected',
    snapshot: 'Snapshot',
    'action-requested': 'Requested',
    'action-accepted': 'Accepted',
    'action-resolved': 'Resolved',
    'action-failed': 'Failed',
    'action-timed-out': 'Timed out',
    evicted: 'Evicted',
    session: 'Session',
  },
};

/**
 * What an error says, in the messages' language where it is the widget's own explanation and the
 * host translated it (`errorReason`); otherwise its message as it is (the server's words, or English).
 */
export function errorMessageOf(messages: Messages, error: ActionError): string {
  const own = error.reason === undefined ? undefined : messages.errorReason?.(error.reason, error);
  // Nothing, or blank: the English text, rather than an empty alert.
  if (typeof own !== 'string' || own.trim() === '') return error.message;
  const said = error.detail === undefined ? '' : ` ${(messages.serverSaid ?? DEFAULT_MESSAGES.serverSaid ?? String)(error.detail)}`;
  const heard = error.heard === undefined ? '' : ` ${(messages.meanwhileReported ?? DEFAULT_MESSAGES.meanwhileReported ?? String)(error.heard)}`;
  return `${own}${said}${heard}`;
}

/** The `lang` attribute for these messages: their `lang` when it is a non-empty string. */
export function langOf(messages: Messages): string | undefined {
  return typeof messages.lang === 'string' && messages.lang.trim() !== '' ? messages.lang.trim() : undefined;
}

/** The nested tables of {@link Messages}: each merges key by key, its values strings. */
const TABLES = ['operations', 'stateLabels', 'logColumns', 'logKinds'] as const;

/** Keys already warned about, so a wrong table re-resolved on every render warns once. */
const warned = new Set<string>();
/** Message functions whose throw was reported: once a page, though a host's inline table is resolved anew on each render. */
const reportedThrows = new Set<string>();

function warnIgnored(key: string, expected: string, got: unknown): void {
  if (warned.has(key)) return;
  warned.add(key);
  console.warn(`openmedia-widget: messages.${key} should be ${expected}, not ${got === null ? 'null' : typeof got}; the default is used.`);
}

/** The overrides of one nested table whose values are strings; the rest are left out (and warned about). */
function stringTable(name: string, table: unknown): Record<string, string> {
  if (table === undefined) return {};
  if (table === null || typeof table !== 'object' || Array.isArray(table)) {
    warnIgnored(name, 'an object of strings', table);
    return {};
  }
  const kept: Record<string, string> = {};
  for (const [key, value] of Object.entries(table)) {
    if (typeof value === 'string') kept[key] = value;
    else if (value !== undefined) warnIgnored(`${name}.${key}`, 'a string', value);
  }
  return kept;
}

type HostText = (...args: never[]) => unknown;

/**
 * A host's message function, called during a render: one that throws, or returns something that
 * is not text (an object would throw in React), gives the default's words instead, so a bug in a
 * translation never takes the widget (or the host's React tree around it) down. A throw is
 * reported as uncaught once per key, a wrong answer warned about once, rather than on every render.
 */
function guarded(key: string, own: HostText, fallback: HostText | undefined): HostText {
  return (...args) => {
    let text: unknown;
    try {
      text = own(...args);
    } catch (error) {
      if (!reportedThrows.has(key)) reportLater(error);
      reportedThrows.add(key);
      return fallback?.(...args);
    }
    if (typeof text === 'string') return text;
    const standIn = fallback?.(...args);
    // Undefined where the default says undefined too (errorReason: "the English text") is an answer.
    if (text === undefined && standIn === undefined) return undefined;
    warnIgnored(`${key}()`, 'a function that returns a string', text);
    return standIn;
  };
}

/**
 * Merge overrides into the defaults; nested tables merge key by key. An override of the wrong
 * type (a string where the default is a function of a count, as a translation file in JSON would
 * give, or a function where a string is expected) is left out with a console warning: it would
 * otherwise throw in a render, and take the host's page down with it.
 */
export function resolveMessages(overrides: Partial<Messages> | undefined): Messages {
  if (!overrides) return DEFAULT_MESSAGES;
  const merged: Record<string, unknown> = { ...DEFAULT_MESSAGES };
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined || (TABLES as readonly string[]).includes(key)) continue;
    const fallback = (DEFAULT_MESSAGES as unknown as Record<string, unknown>)[key];
    // A key the widget does not know (a newer or older table) is kept: nothing reads it.
    if (fallback !== undefined && typeof value !== typeof fallback) {
      warnIgnored(key, typeof fallback === 'function' ? 'a function' : `a ${typeof fallback}`, value);
      continue;
    }
    merged[key] = typeof value === 'function' ? guarded(key, value as HostText, fallback as HostText | undefined) : value;
  }
  for (const table of TABLES) merged[table] = { ...DEFAULT_MESSAGES[table], ...stringTable(table, overrides[table]) };
  return merged as unknown as Messages;
}
