import type { NotificationType, OpenmediaResourceWire, UserDataValue } from '../protocol/types';
import type { MockDialectName } from './wire';

/** Options shared by every way of running the mock (tests, Vite plugin, CLI). */
export interface MockGwsOptions {
  /**
   * The server API the mock speaks: GWS v2 (`/api/v2/**`, the default) or the Genesys Workspace
   * API v3 (`/workspace/v3/**`, sign-in under `/auth/v3`, control routes under `/mock/v3/`).
   */
  readonly dialect?: MockDialectName;
  /** Port for `createMockGws` (0 = a free one). Ignored by the Vite plugin. Default 0. */
  readonly port?: number;
  /** Delay between the REST answer and the notification with the outcome. Default 50 ms. */
  readonly outcomeDelayMs?: number;
  /** Origins allowed to call the mock cross-origin (with credentials). Default none. */
  readonly allowedOrigins?: readonly string[];
  /**
   * When set, a new session needs these credentials: HTTP Basic (v2), or the sign-in form
   * `POST /auth/v3/sign-in` (v3). When absent, a request without a session gets a new one.
   */
  readonly basicAuth?: { readonly user: string; readonly password: string };
  /** Replaces the dialect's built-in data set (`data/`, `workspace-v3/data/`); same shape. */
  readonly initialData?: readonly InitialInteraction[];
  /** Host written into resource `uri`s. Default: the Host header of the latest request. */
  readonly publicHost?: string;
  /** How long CometD holds an idle `/meta/connect` (CometD `timeout`). Default 30 000 ms. */
  readonly longPollTimeoutMs?: number;
  /**
   * GWS v2: refuse a CometD POST without the session's CSRF token (`403 Missing or invalid Csrf
   * token`, as for REST), as a GWS does whose CSRF filter covers its CometD endpoint. Default
   * false: CometD is keyed on the session cookie alone. The Workspace API v3 has no CSRF.
   */
  readonly csrfOnCometd?: boolean;
  /**
   * When set, every API request in a session (REST and CometD) must carry this key as
   * `x-api-key`, as a Workspace API v3 deployment or an API gateway in front of GWS may require;
   * one without it, or with another, is refused with `403`. Default: no key checked.
   */
  readonly apiKey?: string;
  /**
   * Refuse CometD subscriptions to wildcard channels (`/workspace/v3/media/*`) with
   * `403::subscribe_denied` (the Workspace API's own server says `403::subscribe_failed`), as a
   * production server may: only exact channels are accepted.
   * Default false.
   */
  readonly refuseWildcardSubscriptions?: boolean;
  /**
   * GWS v2: a StatusChange about an interaction past its offer (Accept, Complete, Transfer, …)
   * carries the state, the capabilities, the ids and the uri, but no user data and no received
   * date, as GWS's own sample on its reference page. Default false: every notification carries
   * the whole resource (the contract's example).
   */
  readonly leanStatusChanges?: boolean;
}

/** One entry of the initial data set: a resource, with everything but `id`/`mediaType`/`state` optional. */
export interface InitialInteraction {
  readonly id: string;
  readonly mediaType: string;
  readonly state: string;
  readonly openmediaType?: string;
  /** Defaults to what the state allows (`state-machine.ts`). */
  readonly capabilities?: readonly string[];
  readonly userData?: Readonly<Record<string, UserDataValue>>;
  /** GWS form (`2014-03-26 16:02:22.000+0200`); when absent, `receivedSecondsAgo` before (re)load. */
  readonly receivedDate?: string;
  readonly receivedSecondsAgo?: number;
  /** Any other resource field is sent as is. */
  readonly [extra: string]: unknown;
}

/** How the next operations fail (`POST /mock/fail-next`). */
export interface FailNextSpec {
  readonly count: number;
  /**
   * - `error-notification`: answer `{statusCode:0, referenceId}`, then publish an `Error` notification.
   * - `status-code`: answer `{statusCode, statusMessage}` at once; nothing is published.
   * - `no-answer`: answer `{statusCode:0, referenceId}`, never publish the outcome (and change nothing).
   */
  readonly mode: 'error-notification' | 'status-code' | 'no-answer';
  /** `statusCode` of the answer (status-code) or `errorCode` of the Error notification. Default 2. */
  readonly statusCode?: number;
  readonly message?: string;
}

/** A line of `GET /mock/log`. Status 0 = the connection was destroyed (network cut). */
export interface RequestLogEntry {
  readonly at: number;
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly operationName?: string;
  readonly referenceId?: number;
  /** Workspace API v3: the operationId of the request (the client's, or the one the mock chose). */
  readonly operationId?: string;
}

/**
 * States after which an interaction has left the agent: GWS v2's `Completed`, and the Workspace
 * API v3's `InWorkbin`, `Sent`, `Canceled` and `Queued` (after a place-in-queue).
 */
export const ENDED_STATES: ReadonlySet<string> = new Set(['Completed', 'InWorkbin', 'Sent', 'Canceled', 'Queued']);

/** `GET /mock/state`. `R` is the dialect's resource: GWS v2's `openmedia` (default) or v3's `interaction`. */
export interface MockStateView<R = OpenmediaResourceWire> {
  /** Every interaction the mock knows, ended ones included, in the dialect's wire form. */
  readonly interactions: R[];
  /** Live CometD sessions. */
  readonly sessions: number;
  /** Successful CometD handshakes since start. */
  readonly handshakes: number;
  /** Notifications handed to CometD since start (duplicates counted twice). */
  readonly published: number;
  readonly traffic: { readonly running: boolean; readonly rate: number; readonly seed: number | undefined };
  readonly burst: { readonly running: boolean; readonly sent: number; readonly total: number };
  readonly faults: FaultsView;
}

export interface FaultsView {
  /** Pending `fail-next` switches, oldest first. */
  readonly failNext: { readonly remaining: number; readonly mode: FailNextSpec['mode']; readonly statusCode: number; readonly message: string | undefined } | null;
  readonly duplicateNext: number;
  readonly reorderNext: number;
  /** Notifications held by `reorder-next`, waiting for the rest of the group. */
  readonly reorderHeld: number;
  /** Epoch ms when the network cut ends; null when there is none. */
  readonly networkCutUntil: number | null;
  /** HTTP sessions invalidated by `expire-session` (they get 401). */
  readonly expiredSessions: number;
  /** Every CometD subscription is refused (`refuse-subscriptions`). */
  readonly refuseSubscriptions: boolean;
}

/**
 * `POST /mock/publish`: an arbitrary notification, checked by the project's parser before it goes
 * out. GWS v2 names the resource `openmedia` and correlates by `referenceId`; v3 says `interaction`
 * and `operationId` (an `Error` becomes v3's `EventError`).
 */
export interface PublishSpec {
  readonly notificationType: NotificationType;
  readonly openmedia?: OpenmediaResourceWire;
  readonly interaction?: Record<string, unknown>;
  readonly referenceId?: number;
  readonly operationId?: string;
  readonly errorMessage?: string;
  readonly errorCode?: number | string;
}

/** `POST /mock/burst`: benchmark traffic with `userData.sentAt` stamped at publish time. */
export interface BurstSpec {
  /** Notifications to publish; 0 only creates the interactions (a benchmark's seed). */
  readonly count: number;
  readonly interactions: number;
  /** Messages per second; absent = as fast as possible. */
  readonly rate?: number;
  /**
   * Publish over the interactions of the previous burst (still in the store) instead of creating
   * `interactions` new ones: a page keeps the same cards from one benchmark phase to the next.
   */
  readonly reuse?: boolean;
}

/**
 * Scenario and fault control, in process. The HTTP routes under `/mock/` call exactly these.
 * Methods throw `MockInputError` for input that names something that does not exist.
 */
export interface MockControl<R = OpenmediaResourceWire> {
  state(): MockStateView<R>;
  log(): RequestLogEntry[];
  /** Adds an Invited offer (fields of `overrides`, in the dialect's names, win) and publishes it unsolicited. */
  offer(overrides?: Partial<R> & Record<string, unknown>): { id: string };
  /** A server-side user-data change, published as an unsolicited `PropertiesUpdated`. */
  setUserData(id: string, userData: Record<string, UserDataValue>, deleteKeys?: readonly string[]): void;
  /** Deterministic random traffic; rate 0 stops it. */
  traffic(rate: number, seed?: number): void;
  failNext(spec: FailNextSpec): void;
  /** Publishes `data` as is, unchecked (v2: `/v2/me/openmedia`; v3: the channel of its media type). */
  publishRaw(data: unknown): void;
  /** Publishes a valid notification (no change to the mock's data). */
  publish(spec: PublishSpec): void;
  duplicateNext(count: number): void;
  reorderNext(count: number): void;
  /** Removes every CometD session; returns how many. */
  dropSessions(): number;
  /** Refuses every CometD subscription from now on (`403::subscribe_denied`), or none. */
  refuseSubscriptions(on: boolean): void;
  /** Invalidates every live HTTP session; returns how many. */
  expireSession(): number;
  /** Makes expired HTTP sessions valid again; returns how many. */
  restoreSession(): number;
  networkCut(seconds: number): void;
  reset(): void;
  burst(spec: BurstSpec): { ids: string[] };
}

/** Input that is well-formed but names something missing (unknown id, …). HTTP answers 404/409. */
export class MockInputError extends Error {
  constructor(
    message: string,
    readonly httpStatus: 400 | 404 | 409 = 400,
  ) {
    super(message);
    this.name = 'MockInputError';
  }
}
