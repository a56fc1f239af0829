import type { OpenmediaInteraction, OpenmediaNotification, Operation, RejectionReason, UserData } from '../protocol/types';

/** A request the widget sent and whose outcome it has not seen yet. */
export interface PendingAction {
  /** Client-side key, known before the server answers. */
  readonly requestId: string;
  readonly interactionId: string;
  readonly operation: Operation;
  readonly startedAt: number;
  /** Set once the REST answer (`statusCode: 0`) has arrived. */
  readonly referenceId: number | undefined;
  /**
   * The REST answer accepted it without a referenceId (a 2xx with no body): no notification can
   * name it, so news about the interaction that shows its effect settles it (else its deadline).
   */
  readonly unnumbered?: true;
  /** What the request set (Attach/UpdateUserData) or removed (DeleteUserData): how a snapshot shows its effect. */
  readonly userData?: UserData;
  readonly keys?: readonly string[];
  /**
   * Another tab of this browser sent it (told over the shared connection): shown here so this tab's
   * buttons do not offer what is under way; that tab owns its timer and its error.
   */
  readonly elsewhere?: true;
  /** With `elsewhere`: sent by another widget of this same page (e.g. a second element), not another tab. */
  readonly onThisPage?: true;
}

/**
 * A request that ended without its outcome (timed out, or settled as unknown by a resync), kept
 * by referenceId for a while so the outcome, if it still comes, is shown rather than lost. A POST
 * the network cut off got no referenceId: it is kept by `request:<requestId>`, and only a read
 * can show it worked.
 */
export type UnsettledKey = number | `request:${string}`;

/** See {@link UnsettledKey}. */
export interface UnsettledAction {
  readonly requestId: string;
  readonly interactionId: string;
  readonly operation: Operation;
  readonly userData?: UserData;
  readonly keys?: readonly string[];
  /** When it was given up on. */
  readonly at: number;
  /** Set once the outcome arrived late; a second one changes nothing. */
  readonly late: 'succeeded' | 'failed' | undefined;
}

/**
 * Which of the widget's own explanations an error's `message` is (none: the server's own words).
 * A host that translates the widget maps these with `messages.errorReason`; `message` stays the
 * English text (the diagnostics log, `onAction`).
 * - `no-answer`: timed out, GWS never answered the request;
 * - `no-outcome`: timed out, GWS took the request but its outcome never came;
 * - `reconnecting` / `signed-out`: not sent, the connection is being restored / the session has ended;
 * - `no-network`: not sent, the browser says this computer has no network;
 * - `not-available`: the interaction's capabilities do not allow it now, nothing was sent;
 * - `unreachable`: GWS could not be reached;
 * - `maybe-reached`: the connection failed while the request was out: it may have been done;
 * - `gateway`: a gateway answered (HTTP 502, 503, 504 in `code`), not GWS: it may have been done;
 * - `status-code`: GWS refused with a status code (`code`) and no message of its own;
 * - `http-status`: an HTTP error (the status in `code`) with no message of the server's own;
 * - `session-ended`: GWS said the session has ended (401) without a message;
 * - `sign-in-page`: the request was redirected to a sign-in page (a single sign-on front), not to GWS;
 * - `server-error`: GWS sent an Error notification with no message;
 * - `outcome-lost`: the outcome was lost in a connection gap and the card read again does not show it;
 * - `failed`: failed, nothing more known.
 */
export type ErrorReason =
  | 'no-answer'
  | 'no-outcome'
  | 'reconnecting'
  | 'signed-out'
  | 'no-network'
  | 'not-available'
  | 'unreachable'
  | 'maybe-reached'
  | 'gateway'
  | 'status-code'
  | 'http-status'
  | 'session-ended'
  | 'sign-in-page'
  | 'server-error'
  | 'server-failed'
  | 'outcome-lost'
  | 'failed';

/** Why an action failed, kept on the interaction it belongs to until dismissed or superseded. */
export interface ActionError {
  readonly operation: Operation | undefined;
  /** The server's message (or the widget's own words, in English, for a timeout / network failure: see `reason`). */
  readonly message: string;
  /** Set when `message` is the widget's own words: which explanation it is (for translations). */
  readonly reason?: ErrorReason;
  /**
   * What an Error notification that named no request said meanwhile (the server's words), kept
   * beside a timeout's own words: `message` ends with it, a translation adds it.
   */
  readonly heard?: string;
  /**
   * The server's (or a gateway's) own words inside a message that is otherwise the widget's (a
   * gateway's 503 with its text, an HTTP error's plain-text body): `message` holds them, a
   * translation adds them.
   */
  readonly detail?: string;
  readonly code: number | string | undefined;
  /**
   * `not-available`: the interaction's capabilities did not allow it, nothing was sent;
   * `vetoed`: the host said no (`onAction` returned false), nothing was sent;
   * `not-connected`: the push channel was down (no outcome could arrive), nothing was sent;
   * `outcome-unknown`: the outcome was lost in a gap and the snapshot after it does not show it,
   * or the connection failed while the request was out (then without a referenceId).
   */
  readonly kind:
    | 'error-notification'
    | 'status-code'
    | 'http'
    | 'timeout'
    | 'not-available'
    | 'vetoed'
    | 'not-connected'
    | 'outcome-unknown';
  readonly referenceId: number | undefined;
  readonly at: number;
  /** The client-side request that failed; undefined for errors no request of ours caused. */
  readonly requestId?: string;
  /**
   * Not shown on the card: the interaction had ended before this timeout (or unknown outcome) of an
   * action it made moot (an edit, Set in focus, an Accept); an alert on a closed card a quarter of
   * a minute later would only interrupt. The host still hears the outcome.
   */
  readonly quiet?: true;
}

/**
 * How one requested action ended. `perform` reports `succeeded`, `failed` (with the error shown
 * on the card), `unknown` (its outcome was lost in a connection gap and the snapshot read after
 * it does not show the effect) or `ignored` (nothing was sent: unknown interaction, or another
 * action on it still pending); `<OpenmediaWidget onAction>` also reports `vetoed` (the host's
 * `before` call said no). `late: true` marks an outcome that arrived after the action had been
 * reported as timed out (or unknown): a second report for the same action.
 */
export type ActionOutcome =
  | { readonly status: 'succeeded'; readonly late?: true }
  | { readonly status: 'failed'; readonly error: ActionError; readonly late?: true }
  | { readonly status: 'unknown'; readonly error: ActionError }
  | { readonly status: 'ignored' }
  | { readonly status: 'vetoed' };

/** An interaction entered `state` at `since` (epoch ms), as seen by the widget. */
export interface StateStart {
  readonly state: string;
  readonly since: number;
}

/** One interaction as the widget knows it. Object identity is kept when nothing changed. */
export interface InteractionEntry {
  readonly interaction: OpenmediaInteraction;
  /** When `interaction.state` last changed (first seen counts), for the time-in-state timer. */
  readonly stateSince: number;
  /**
   * The widget saw this state begin (a notification changed it, or brought the offer): the time in
   * state is exact. False when it was already in this state when first seen (a snapshot read, a
   * notification that only updated an interaction not seen before) or changed while the channel was
   * down, or the news was heard late (the page was frozen when it came): it has been in this state
   * at least since `stateSince`.
   */
  readonly stateSinceExact: boolean;
  /** When it became inactive (state `Completed`, or absent from a snapshot); drives the linger. */
  readonly endedAt: number | undefined;
  /** True when a snapshot no longer listed it (the server no longer has it for this agent). */
  readonly gone: boolean;
  readonly pending: PendingAction | undefined;
  readonly error: ActionError | undefined;
  /**
   * This tab's last action on it that the server confirmed done (not another tab's): what the
   * widget announces ("Completed: …"), told apart from the same change made by someone else
   * whatever frames its request and its outcome were drawn in. Absent until there is one.
   */
  readonly lastDone?: DoneAction;
}

/** An action of this tab's confirmed done (see `InteractionEntry.lastDone`). */
export interface DoneAction {
  readonly requestId: string;
  readonly operation: Operation;
  /** What it set or removed (user-data edits): how the card shows it done. */
  readonly userData?: UserData;
  readonly keys?: readonly string[];
  readonly at: number;
}

/** A line of the bounded recent-event log shown by the diagnostics panel. */
export interface LogEntry {
  readonly at: number;
  readonly kind:
    | 'notification'
    | 'rejected'
    | 'snapshot'
    | 'action-requested'
    | 'action-accepted'
    | 'action-resolved'
    | 'action-failed'
    | 'action-timed-out'
    | 'evicted'
    | 'session';
  readonly interactionId: string | undefined;
  readonly referenceId: number | undefined;
  /** Short human-readable detail: notification type and state, operation, reason, message. */
  readonly detail: string;
}

export interface Diagnostics {
  /** Messages applied. */
  readonly received: number;
  /** Messages not applied, by reason. */
  readonly rejected: Readonly<Partial<Record<RejectionReason, number>>>;
  /**
   * Notifications whose referenceId matched no request of this widget (another tab's or
   * application's, or a late outcome): one that beat its request's REST answer is counted on
   * arrival and uncounted when the answer matches it.
   */
  readonly unmatchedReferenceIds: number;
  /** The most recent events, oldest first, at most `logSize`. */
  readonly log: readonly LogEntry[];
}

export interface CoreOptions {
  /** How long a completed interaction stays visible before eviction. Default 60 000 ms. */
  readonly lingerMs: number;
  /** How many recent events the diagnostics log keeps. Default 200. */
  readonly logSize: number;
}

/**
 * The whole client-side state. `byId` is a persistent map so one notification costs
 * O(log n), not a copy of every interaction.
 */
export interface OpenmediaState {
  readonly options: CoreOptions;
  readonly byId: ReadonlyPersistentMap<string, InteractionEntry>;
  /** Ids in arrival order, newest first. */
  readonly order: readonly string[];
  /** requestId → pending action, for every action in flight. */
  readonly pending: ReadonlyPersistentMap<string, PendingAction>;
  /** referenceId → requestId, once the REST answer has arrived. */
  readonly pendingByReferenceId: ReadonlyPersistentMap<number, string>;
  /**
   * Outcomes that arrived before the REST answer that announces their referenceId (the
   * notification can beat the HTTP response); bounded, oldest dropped first.
   */
  readonly earlyOutcomes: ReadonlyPersistentMap<number, EarlyOutcome>;
  /** referenceId → request given up on (timed out, outcome unknown); bounded, forgotten after a while. */
  readonly unsettled: ReadonlyPersistentMap<UnsettledKey, UnsettledAction>;
  /** id → when it was evicted: a late message for an evicted interaction must not re-create it. Bounded. */
  readonly tombstones: ReadonlyPersistentMap<string, number>;
  /**
   * id → endedAt of every ended entry (Completed or gone): lets a clock tick find what to evict
   * without scanning `byId`. Derived by the reducer from the entries, never set on its own.
   */
  readonly ended: ReadonlyPersistentMap<string, number>;
  /** The interaction the agent last put in focus (after a successful SetInFocus). */
  readonly focusedId: string | undefined;
  /**
   * `focusedId` was put in focus from another tab of this browser (heard over the shared
   * connection), not by this tab's SetInFocus. Optional: a state made elsewhere may leave it out.
   */
  readonly focusedElsewhere?: boolean;
  readonly diagnostics: Diagnostics;
}

export type EarlyOutcome = (
  | { readonly kind: 'resolved'; readonly at: number }
  | { readonly kind: 'failed'; readonly message: string; readonly code: number | string | undefined; readonly at: number }
) & {
  /**
   * The interaction the notification was about (undefined: an Error without its resource). Only
   * a request on that interaction claims it: another session of the agent's (a desktop beside
   * the widget) numbers its own requests, and its outcomes reach this channel too.
   */
  readonly interactionId?: string | undefined;
  /**
   * Outcomes of the same number about other interactions heard before this one (newest first, a
   * few at most): another session's request and the widget's own can both be heard before the
   * widget's answer, in either order.
   */
  readonly others?: readonly EarlyOutcome[];
};

/** Immutable map interface implemented by `persistent-map.ts`. */
export interface ReadonlyPersistentMap<K, V> {
  readonly size: number;
  get(key: K): V | undefined;
  has(key: K): boolean;
  set(key: K, value: V): ReadonlyPersistentMap<K, V>;
  delete(key: K): ReadonlyPersistentMap<K, V>;
  entries(): IterableIterator<[K, V]>;
  values(): IterableIterator<V>;
  keys(): IterableIterator<K>;
}

/** Events are facts that happened; the reducer folds them into state. */
export type OpenmediaEvent =
  | {
      readonly type: 'notificationReceived';
      readonly notification: OpenmediaNotification;
      readonly at: number;
      /**
       * The news came while the page was frozen (a background tab Chrome froze; its Worker too):
       * `at` is when it was heard, not when it came, so a state it begins is timed as "at least".
       */
      readonly heardLate?: boolean;
    }
  | { readonly type: 'messageRejected'; readonly reason: RejectionReason; readonly at: number }
  | {
      readonly type: 'snapshotLoaded';
      /** Media types the snapshot covered: only interactions of these types are reconciled. */
      readonly mediaTypes: readonly string[];
      readonly interactions: readonly OpenmediaInteraction[];
      /** Ids of listed items that could not be read: still listed, so their entries stay. */
      readonly unreadableIds?: readonly string[];
      /**
       * Read to recover from a gap in the push channel: outcomes sent meanwhile are lost, so the
       * pending actions are settled from what the snapshot shows.
       */
      readonly afterGap?: boolean;
      /**
       * When this browser saw listed interactions enter a state (another page, before a reload):
       * an entry in that same state takes it as its exact start.
       */
      readonly starts?: Readonly<Record<string, StateStart>>;
      readonly at: number;
    }
  | {
      readonly type: 'actionRequested';
      readonly requestId: string;
      readonly interactionId: string;
      readonly operation: Operation;
      readonly userData?: UserData;
      readonly keys?: readonly string[];
      /** Sent by another tab of this browser (see `PendingAction.elsewhere`). */
      readonly elsewhere?: true;
      /** With `elsewhere`: by another widget of this page (see `PendingAction.onThisPage`). */
      readonly onThisPage?: true;
      readonly at: number;
    }
  | { readonly type: 'actionAccepted'; readonly requestId: string; readonly referenceId: number; readonly at: number }
  /** The REST answer accepted it but gave no referenceId (see `PendingAction.unnumbered`). */
  | { readonly type: 'actionAcceptedWithoutReference'; readonly requestId: string; readonly at: number }
  /**
   * The REST answer said the operation is already done (Workspace API v3 `status.code` 0): the
   * action succeeds now, without waiting for a notification. With its referenceId, an outcome that
   * already arrived for it (a failure that beat the answer) wins.
   */
  | { readonly type: 'actionCompleted'; readonly requestId: string; readonly referenceId: number | undefined; readonly at: number }
  | {
      readonly type: 'actionFailed';
      readonly requestId: string;
      readonly message: string;
      /** The widget's own explanation (see {@link ErrorReason}); none: the server's words. */
      readonly reason?: ErrorReason;
      /** The server's own words inside the widget's explanation (see `ActionError.detail`). */
      readonly detail?: string;
      readonly code: number | string | undefined;
      /** `outcome-unknown` here: the connection failed while the request was out (no answer). */
      readonly kind: 'status-code' | 'http' | 'not-available' | 'not-connected' | 'outcome-unknown';
      readonly at: number;
    }
  | { readonly type: 'actionTimedOut'; readonly requestId: string; readonly at: number }
  /**
   * The other tab that sent a request shown here (`elsewhere`) is done with it (it settled there,
   * or that tab went): no longer pending here, with no error (the error, if any, is that tab's),
   * unless `error` comes with it: the sender had no widget shown any more to say it.
   */
  | { readonly type: 'actionEndedElsewhere'; readonly requestId: string; readonly at: number; readonly error?: ActionError }
  | { readonly type: 'errorDismissed'; readonly interactionId: string }
  /**
   * Another tab of this browser had its SetInFocus confirmed: GWS's focus is the agent's, not a
   * tab's, so this one shows it too (when it has the interaction, still active).
   */
  | { readonly type: 'focusedElsewhere'; readonly interactionId: string; readonly at: number }
  | { readonly type: 'clockTicked'; readonly at: number }
  /** The HTTP session ended or a new one began: referenceIds restart, so none may match across it. */
  | { readonly type: 'sessionChanged'; readonly at: number };
