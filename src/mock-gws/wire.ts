import type { NotificationType, OperationRequest, UserDataValue } from '../protocol/types';
import type { StoredInteraction } from './resource';

/** The server APIs the mock can speak (the widget's dialect names). */
export const MOCK_DIALECTS = ['gws-v2', 'workspace-v3'] as const;
export type MockDialectName = (typeof MOCK_DIALECTS)[number];

/**
 * How an outcome names the request it answers: GWS v2's server-chosen `referenceId`, the Workspace
 * API v3's client-chosen `operationId`; undefined for an unsolicited message.
 */
export type Correlation = number | string | undefined;

export interface WireError {
  readonly errorMessage?: string | undefined;
  readonly errorCode?: number | string | undefined;
}

/**
 * What the engine applies, whatever the dialect: the GWS v2 operations, plus v3's place-in-queue
 * (v3's `transfer-agent` is a Transfer whose target is the agent).
 */
export type EngineRequest =
  | Exclude<OperationRequest, { readonly operationName: 'AttachUserData' | 'UpdateUserData' }>
  | {
      readonly operationName: 'AttachUserData' | 'UpdateUserData';
      readonly userData: Readonly<Record<string, UserDataValue>>;
      /** v3: the KV type of each key as the request wrote it. */
      readonly types?: Readonly<Record<string, string>>;
    }
  | { readonly operationName: 'PlaceInQueue'; readonly queue: string };

/** Defaults an interaction is built on before a data entry's or a scenario's fields override them. */
export interface InteractionDefaults {
  readonly id: string;
  readonly mediaType: string;
  readonly state: string;
  readonly openmediaType?: string | undefined;
  readonly userData?: StoredInteraction['userData'];
  readonly userDataTypes?: StoredInteraction['userDataTypes'];
  readonly extra?: StoredInteraction['extra'];
}

export type BuildResult = { ok: true; record: StoredInteraction } | { ok: false; error: string };

/**
 * One dialect's wire layer over the shared engine: what its resources and notifications look like,
 * where CometD publishes them, what each state allows. The store, the state changes, the bus, the
 * fault switches and the control routes are the same for every dialect.
 */
export interface MockWire {
  readonly name: MockDialectName;
  /** Where the CometD server is mounted (prefix: the client appends /handshake, /connect, …). */
  readonly notificationsPath: string;
  /** The channel one message goes out on. */
  channelOf(data: unknown): string;
  /** Media types of generated offers; the media type of benchmark interactions. */
  readonly offerMediaTypes: readonly string[];
  readonly burstMediaType: string;
  /** A fresh interaction id in the server's style, from a counter that restarts at each reset. */
  formatId(counter: number): string;
  /** A received date in the server's style. */
  formatDate(ms: number): string;

  capabilitiesFor(state: string, mediaType: string): string[];
  /** Whether the interaction's own capabilities allow the request (they decide the buttons too). */
  isAllowed(record: StoredInteraction, request: EngineRequest): boolean;
  /** State and capabilities after a successful request. */
  next(record: StoredInteraction, request: EngineRequest): { state: string; capabilities: string[] };

  /** The whole resource as it goes on the wire. */
  resource(record: StoredInteraction, host: string): Record<string, unknown>;
  /**
   * The resource as a StatusChange carries it in the server's own lean form (GWS's reference
   * sample: state, capabilities, ids and uri, no user data, no received date), for the mock's
   * `leanStatusChanges`; absent when the dialect has none.
   */
  leanStatusChange?(resource: Record<string, unknown>): Record<string, unknown>;
  /** The Bayeux `data` of one notification (an `Error` is v3's `EventError`). */
  message(type: NotificationType, resource: unknown, correlation: Correlation, error?: WireError): unknown;
  /** Why this dialect's parser would reject `data`, or undefined when it accepts it. */
  rejectionOf(data: unknown): string | undefined;
  /** Builds an interaction from fields in this dialect's names (a data entry, an offer's overrides). */
  readResource(fields: unknown, defaults: InteractionDefaults, now: number): BuildResult;
  /** A plausible new Invited offer. */
  randomOffer(id: string, random: () => number, now: number): StoredInteraction;
}
