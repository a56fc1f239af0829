/**
 * Wire and parsed types of the GWS Open Media API (`../shared/spec/gws-openmedia.md`).
 *
 * `*Wire` types describe what travels on the wire (the mock GWS builds them); the other types are
 * what the parser hands to the rest of the widget. Nothing past `src/protocol` sees raw data.
 */

/** The operations the widget knows how to request, in button order. Unknown capabilities are kept but get no button. */
export const KNOWN_OPERATIONS = [
  'Accept',
  'Reject',
  'Transfer',
  'AttachUserData',
  'UpdateUserData',
  'DeleteUserData',
  'SetInFocus',
  'Complete',
] as const;

/** An operation the widget can request (`operationName` of the REST body). */
export type Operation = (typeof KNOWN_OPERATIONS)[number];

/** States GWS is documented to send. Any other string is an opaque state shown as is. */
export const KNOWN_STATES = ['Invited', 'Processing', 'Completed'] as const;
export type KnownState = (typeof KNOWN_STATES)[number];

export const NOTIFICATION_TYPES = ['StatusChange', 'PropertiesUpdated', 'Error'] as const;
/** `notificationType` of an `OpenmediaStateChangeMessage`. */
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

export type UserDataValue = string | number | null;
/** Flat user data: key → string / number / null. */
export type UserData = Readonly<Record<string, UserDataValue>>;
/**
 * The wire type of a user-data value that the flat form cannot keep: `json` for a nested KV list
 * or array (kept as its JSON text), `boolean` for true / false (kept as "true" / "false").
 */
export type UserDataKind = 'json' | 'list' | 'boolean';

/** The openmedia resource as GWS sends it. */
export interface OpenmediaResourceWire {
  id: string;
  mediaType: string;
  openmediaType?: string;
  state: string;
  capabilities: string[];
  uri?: string;
  userData?: Record<string, UserDataValue>;
  receivedDate?: string;
  [extra: string]: unknown;
}

/** The Bayeux `data` of a message on `/v2/me/openmedia`. */
export interface OpenmediaStateChangeMessageWire {
  messageType: 'OpenmediaStateChangeMessage';
  notificationType: NotificationType;
  referenceId?: number;
  openmedia?: OpenmediaResourceWire;
  errorMessage?: string;
  errorCode?: number | string;
}

/**
 * Fields of the resource a notification may leave out: GWS's own StatusChange carries the state and
 * the capabilities, not the user data or the received date (see the reference's sample). A server
 * that writes no empty arrays leaves out the capabilities too: kept while the state is the same,
 * none once it changed (no button for what the server did not say is allowed). `subject` is
 * Workspace API v3's own field.
 */
export const OMITTABLE_FIELDS = ['userData', 'receivedDate', 'openmediaType', 'uri', 'capabilities', 'subject'] as const;
export type OmittableField = (typeof OMITTABLE_FIELDS)[number];

/**
 * A parsed, validated openmedia interaction: a whole snapshot of one interaction, except that a
 * notification's resource may leave fields out (see `omitted`).
 */
export interface OpenmediaInteraction {
  readonly id: string;
  readonly mediaType: string;
  /** `Inbound`, `Outbound`, or whatever the server sent; undefined when absent. */
  readonly openmediaType: string | undefined;
  /** The word GWS sends (`Invited`, `Processing`, `Completed`, or any other value). */
  readonly state: string;
  /** Every capability string the server sent, known or not, in its order. */
  readonly capabilities: readonly string[];
  /** Opaque resource URI; render as a link only when it is `http(s):`. */
  readonly uri: string | undefined;
  readonly userData: UserData;
  /**
   * Keys whose wire value was not a string, number or null, with what it was. Absent when every
   * value kept its type. Such a value cannot be sent back as it is shown, so it is not editable.
   */
  readonly userDataKinds?: Readonly<Record<string, UserDataKind>>;
  /** The date string as sent. */
  readonly receivedDate: string | undefined;
  /** `receivedDate` as epoch milliseconds, when it could be read. */
  readonly receivedAt: number | undefined;
  /**
   * The interaction's own subject, where the dialect carries one apart from the user data
   * (Workspace API v3's `interaction.subject`); the title prefers it to `userData.Subject`.
   * Absent in GWS v2.
   */
  readonly subject?: string;
  /**
   * The dialect knows `state` to mean that the interaction has left the agent although it is not
   * `Completed` (Workspace API v3's `InWorkbin`, `Sent`, `Canceled`, and `Queued` after a
   * place-in-queue): it ends like a completed one, its state shown as sent. Absent in GWS v2.
   */
  readonly ended?: true;
  /**
   * Fields the notification's resource left out: unchanged, not empty (their values here are the
   * parser's empty defaults). Only on a resource parsed from a notification; the store fills them
   * from what it holds (`withOmittedFrom`) and never keeps this. An explicit `userData: {}` or
   * `null` is not omitted: it clears the user data.
   */
  readonly omitted?: readonly OmittableField[];
}

interface NotificationBase {
  /** Ties the notification to the REST request that caused it; undefined when absent or 0 (unsolicited). */
  readonly referenceId: number | undefined;
}

/** A parsed `OpenmediaStateChangeMessage`, discriminated by `notificationType`. */
export type OpenmediaNotification =
  | (NotificationBase & { readonly notificationType: 'StatusChange'; readonly openmedia: OpenmediaInteraction })
  | (NotificationBase & { readonly notificationType: 'PropertiesUpdated'; readonly openmedia: OpenmediaInteraction })
  | (NotificationBase & {
      readonly notificationType: 'Error';
      readonly openmedia: OpenmediaInteraction | undefined;
      /**
       * The id of the interaction the Error names when its resource could not be read otherwise
       * (`{"id": "X"}` alone, without a state): enough to show the error on that card and to keep
       * it from settling a request on another.
       */
      readonly interactionId?: string;
      readonly errorMessage: string | undefined;
      readonly errorCode: number | string | undefined;
    });

/** Why a message was not applied. Each is counted in diagnostics. */
export const REJECTION_REASONS = [
  'not-an-object',
  'unknown-message-type',
  'unknown-notification-type',
  'missing-openmedia',
  'openmedia-not-an-object',
  'missing-id',
  'invalid-id',
  'missing-media-type',
  'invalid-state',
  'missing-capabilities',
  'invalid-capabilities',
  'invalid-user-data',
  'invalid-reference-id',
] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

export type ParseResult =
  | {
      readonly ok: true;
      readonly notification: OpenmediaNotification;
      /**
       * Parts of the message that could not be read and were left out, the rest applying (a
       * StatusChange whose referenceId is not a number: its resource is still the server's word,
       * the request it answers cannot be told; user data that is not an object: the rest of the
       * resource still applies). Each counted under its reason like a rejection.
       */
      readonly dropped?: readonly RejectionReason[];
    }
  | { readonly ok: false; readonly reason: RejectionReason };

export type ResourceParseResult =
  | {
      readonly ok: true;
      readonly interaction: OpenmediaInteraction;
      /** A part of the resource left out because it could not be read (its user data). */
      readonly dropped?: RejectionReason;
    }
  | { readonly ok: false; readonly reason: RejectionReason };

/** The REST body of an operation on `POST /api/v2/me/openmedia/{mediaType}/{id}`. */
export type OperationRequest =
  | { readonly operationName: 'Accept'; readonly saveLAR?: boolean }
  | { readonly operationName: 'Reject' }
  | { readonly operationName: 'Transfer'; readonly targetUri: string }
  | { readonly operationName: 'AttachUserData'; readonly userData: UserData }
  | { readonly operationName: 'UpdateUserData'; readonly userData: UserData }
  | { readonly operationName: 'DeleteUserData'; readonly keys: readonly string[] }
  | { readonly operationName: 'SetInFocus' }
  | { readonly operationName: 'Complete' };

/** The REST body of `POST /api/v2/me/openmedia/{mediaType}` (create). */
export interface CreateRequest {
  readonly operationName: 'Create';
  readonly queueUri: string;
  readonly parentId?: string;
}

/** GWS status codes of the REST answer. 0 means accepted (not done). */
export const STATUS_CODES = {
  ok: 0,
  missingParameter: 1,
  invalidState: 2,
  forbidden: 3,
  internalError: 4,
  noPermission: 5,
  notFound: 6,
  partialSuccess: 7,
} as const;

/** The immediate HTTP answer to an operation. */
export interface RestAnswerWire {
  statusCode: number;
  referenceId?: number;
  statusMessage?: string;
}

export interface RestAnswer {
  readonly statusCode: number;
  readonly referenceId: number | undefined;
  readonly statusMessage: string | undefined;
  /**
   * With `statusCode` 0: the operation is already done, no notification is needed to settle it
   * (Workspace API v3 `status.code` 0). Absent: accepted, its notification will tell (GWS v2).
   */
  readonly done?: boolean;
  /**
   * The code as the server sent it, when the dialect reads it as another `statusCode` (Workspace
   * API v3 `status.code` 2, a partial success, is GWS's 7): the card shows the server's number.
   */
  readonly serverCode?: number;
}

export type RestAnswerParseResult =
  | { readonly ok: true; readonly answer: RestAnswer }
  | { readonly ok: false; readonly reason: 'not-an-object' | 'invalid-status-code' };

/** `GET /api/v2/me/openmedia/{mediaType}?fields=*` */
export interface SnapshotResponseWire {
  statusCode: number;
  statusMessage?: string;
  openmedia: OpenmediaResourceWire[];
}

export type SnapshotParseResult =
  | {
      readonly ok: true;
      readonly interactions: readonly OpenmediaInteraction[];
      /** Items of the list that could not be read (user data that is not an object included); the rest still apply. */
      readonly rejected: readonly RejectionReason[];
    }
  | {
      readonly ok: false;
      readonly reason: 'not-an-object' | 'invalid-status-code' | 'missing-openmedia-list' | 'status-code';
      readonly statusCode?: number;
      readonly statusMessage?: string;
    };
