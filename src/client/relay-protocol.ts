import { refusalOf } from '../channel/refusal';
import type { ConnectionStatus } from '../channel/types';
import type { ActionError, ErrorReason } from '../core/types';
import { KNOWN_OPERATIONS, type Operation } from '../protocol/types';

/**
 * What the tabs sharing one connection tell each other over their BroadcastChannel. Same origin
 * only (the browser guarantees it), but still checked on receipt: an old tab of an older release
 * may send something else.
 */
export type RelayMessage =
  /** One raw Bayeux `data` payload the leader received (each tab parses it itself), and when, if known. */
  | { readonly kind: 'message'; readonly data: unknown; readonly at?: number }
  /** The leader's channel status, and the server's refusal with it if any (see `ChannelListener.onStatus`). */
  | { readonly kind: 'status'; readonly status: ConnectionStatus; readonly refusal?: string }
  /** Notifications may have been lost: every tab re-reads its snapshot. */
  | { readonly kind: 'resync' }
  /** A tab started sharing: the leader answers with its status, the offers already alerted and the focus. */
  | { readonly kind: 'hello'; readonly from: string }
  /** A tab stopped sharing (or is being closed). */
  | { readonly kind: 'bye'; readonly from: string; readonly leader: boolean }
  /** A tab took the lead. */
  | { readonly kind: 'leader'; readonly from: string }
  /** A follower asks the leader to reconnect after `unauthorized` (the agent signed in again). */
  | { readonly kind: 'reconnect' }
  /** A tab's REST request was answered 401: the session every tab shares is gone (leader stops). */
  | { readonly kind: 'session-ended' }
  /** Offers already alerted in this browser: no other tab alerts them again. */
  | { readonly kind: 'alerted'; readonly ids: readonly string[] }
  /** A tab's SetInFocus was confirmed: GWS's focus is the agent's, so every tab shows it. */
  | { readonly kind: 'focused'; readonly id: string }
  /**
   * A tab sent an action: the others show it in flight, so they do not offer it again. Sent again
   * with the referenceId once GWS accepted it (the others then settle it on its notification, as
   * the sender does), and to a tab that says hello.
   */
  | ({ readonly kind: 'action'; readonly from: string } & SharedAction)
  /**
   * That tab is done with its action (settled there, whatever the outcome). `error`: it failed
   * while no widget of that tab's client was shown any more (unmounted by a route change): the
   * others show it, or nobody would.
   */
  | { readonly kind: 'action-ended'; readonly from: string; readonly requestId: string; readonly error?: ActionError }
  /** A follower asks whether the leader's page still relays (a page held by a long task answers nothing). */
  | { readonly kind: 'ping' }
  /** The leader's answer to a ping. */
  | { readonly kind: 'pong' };

/** An action in flight in a tab, as the others are told of it. */
export interface SharedAction {
  readonly requestId: string;
  readonly interactionId: string;
  readonly operation: Operation;
  readonly referenceId: number | undefined;
  /** The sending tab's action timeout (its own option): how long the others wait for its end. */
  readonly timeoutMs?: number;
  /** The page the sender runs in (`TabEnvironment.pageId`): a widget of the same page is not another tab. */
  readonly page?: string;
}

/** A sender's timeout beyond this is not believed (the receiver's own is used). */
const MAX_SHARED_TIMEOUT_MS = 10 * 60_000;

const OPERATIONS: ReadonlySet<string> = new Set(KNOWN_OPERATIONS);

function readAction(message: Record<string, unknown>): RelayMessage | undefined {
  const { from, requestId, interactionId, operation, referenceId, timeoutMs, page } = message;
  if (typeof from !== 'string' || typeof requestId !== 'string' || typeof interactionId !== 'string') return undefined;
  if (typeof operation !== 'string' || !OPERATIONS.has(operation)) return undefined;
  return {
    kind: 'action',
    from,
    requestId,
    interactionId,
    operation: operation as Operation,
    referenceId: typeof referenceId === 'number' && Number.isFinite(referenceId) ? referenceId : undefined,
    ...(typeof timeoutMs === 'number' && timeoutMs > 0 && timeoutMs <= MAX_SHARED_TIMEOUT_MS ? { timeoutMs } : {}),
    ...(typeof page === 'string' && page !== '' ? { page } : {}),
  };
}

const STATUSES: ReadonlySet<string> = new Set<ConnectionStatus>(['connecting', 'connected', 'reconnecting', 'unauthorized', 'disconnected']);

/** The message, if it is one of ours; undefined otherwise (ignored, never thrown on). */
export function readRelayMessage(value: unknown): RelayMessage | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const message = value as Record<string, unknown>;
  switch (message.kind) {
    case 'message':
      if (!('data' in message)) return undefined;
      return typeof message.at === 'number' && Number.isFinite(message.at) ? { kind: 'message', data: message.data, at: message.at } : { kind: 'message', data: message.data };
    case 'status': {
      if (typeof message.status !== 'string' || !STATUSES.has(message.status)) return undefined;
      const status = message.status as ConnectionStatus;
      // An older tab sends none; a refusal that is not text is left out, the status still counts.
      const refusal = refusalOf({ error: message.refusal });
      return refusal === undefined ? { kind: 'status', status } : { kind: 'status', status, refusal };
    }
    case 'resync':
    case 'reconnect':
    case 'session-ended':
    case 'ping':
    case 'pong':
      return { kind: message.kind };
    case 'hello':
    case 'leader':
      return typeof message.from === 'string' ? { kind: message.kind, from: message.from } : undefined;
    case 'bye':
      return typeof message.from === 'string' ? { kind: 'bye', from: message.from, leader: message.leader === true } : undefined;
    case 'alerted':
      return Array.isArray(message.ids) ? { kind: 'alerted', ids: message.ids.filter((id): id is string => typeof id === 'string') } : undefined;
    case 'focused':
      return typeof message.id === 'string' ? { kind: 'focused', id: message.id } : undefined;
    case 'action':
      return readAction(message);
    case 'action-ended': {
      if (typeof message.from !== 'string' || typeof message.requestId !== 'string') return undefined;
      const error = readEndedError(message.error, message.requestId);
      return error === undefined
        ? { kind: 'action-ended', from: message.from, requestId: message.requestId }
        : { kind: 'action-ended', from: message.from, requestId: message.requestId, error };
    }
    default:
      return undefined;
  }
}

const ERROR_KINDS: ReadonlySet<string> = new Set<ActionError['kind']>([
  'error-notification',
  'status-code',
  'http',
  'timeout',
  'not-available',
  'vetoed',
  'not-connected',
  'outcome-unknown',
]);

/** Every {@link ErrorReason}, as a record so that a new one must be listed here too. */
const ERROR_REASONS: Readonly<Record<ErrorReason, true>> = {
  'no-answer': true,
  'no-outcome': true,
  reconnecting: true,
  'signed-out': true,
  'no-network': true,
  'not-available': true,
  unreachable: true,
  'maybe-reached': true,
  gateway: true,
  'status-code': true,
  'http-status': true,
  'session-ended': true,
  'sign-in-page': true,
  'server-error': true,
  'server-failed': true,
  'outcome-lost': true,
  failed: true,
};

/** An ended action's error as another tab sent it, read field by field (anything else: none). */
function readEndedError(value: unknown, requestId: string): ActionError | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { operation, message, code, kind, referenceId, at, reason, heard, detail, quiet } = value as Record<string, unknown>;
  if (typeof message !== 'string' || typeof kind !== 'string' || !ERROR_KINDS.has(kind) || typeof at !== 'number') return undefined;
  if (operation !== undefined && (typeof operation !== 'string' || !OPERATIONS.has(operation))) return undefined;
  return {
    operation: operation as Operation | undefined,
    message,
    code: typeof code === 'number' || typeof code === 'string' ? code : undefined,
    kind: kind as ActionError['kind'],
    referenceId: typeof referenceId === 'number' ? referenceId : undefined,
    at,
    requestId,
    // The widget's own explanation, so the other tabs can say it in their language; unknown ones are left out.
    ...(typeof reason === 'string' && Object.hasOwn(ERROR_REASONS, reason) ? { reason: reason as ErrorReason } : {}),
    ...(typeof heard === 'string' ? { heard } : {}),
    ...(typeof detail === 'string' ? { detail } : {}),
    ...(quiet === true ? { quiet: true as const } : {}),
  };
}
