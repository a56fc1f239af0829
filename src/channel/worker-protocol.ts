import type { ChannelDescriptor } from '../protocol/parse';
import type { BackoffOptions } from './backoff';
import type { CsrfHeader } from './csrf-header';
import type { ConnectionStatus } from './types';

/** What a connection Worker needs to open the CometD channel: plain data, cloned into the Worker. */
export interface WorkerChannelConfig {
  /** The CometD endpoint, absolute (a Worker resolves relative URLs against its own script). */
  readonly url: string;
  readonly descriptor: ChannelDescriptor;
  /** The channels to subscribe to, when not the descriptor's one (see `CometdChannelOptions.channels`). */
  readonly channels?: readonly string[];
  /** Exact channels to fall back to when a wildcard is refused (see `CometdChannelOptions.exactChannels`). */
  readonly exactChannels?: readonly string[];
  /** Headers every CometD request carries (`x-api-key`). */
  readonly requestHeaders?: Readonly<Record<string, string>>;
  readonly transport: 'long-polling' | 'websocket';
  readonly backoff?: Partial<BackoffOptions>;
  readonly connectPacingMs?: number;
  /** Whether the page is shown now; later changes follow as `visibility` commands. */
  readonly visible: boolean;
  /**
   * Present when the page has the session's CSRF token to give (GWS v2): the token known now;
   * later ones follow as `csrf` commands. Until a token or the first `csrf` command comes, the
   * Worker's first handshake waits (see `CsrfHeaderSource.ready`).
   */
  readonly csrf?: { readonly token: CsrfHeader | undefined };
}

/** The page tells the Worker. */
export type ToConnectionWorker =
  | { readonly kind: 'start'; readonly config: WorkerChannelConfig }
  | { readonly kind: 'visibility'; readonly visible: boolean }
  | { readonly kind: 'reconnect' }
  | { readonly kind: 'sessionEnded' }
  /** The page heard the browser's `online` event (see NotificationChannel.retryNow). */
  | { readonly kind: 'retryNow' }
  /** The CSRF token changed, or GWS first answered (undefined: it hands out none so far). */
  | { readonly kind: 'csrf'; readonly token: CsrfHeader | undefined }
  /** The read the Worker asked for with `csrfRefresh` is over; the token now. */
  | { readonly kind: 'csrfRefreshed'; readonly token: CsrfHeader | undefined }
  /** Nobody listens any more: disconnect, then the Worker closes itself. */
  | { readonly kind: 'stop' }
  /**
   * The page leads the tabs sharing this connection over the BroadcastChannel `name`: the Worker
   * relays to them itself, so a page held by a long task (a heavy CRM) does not hold the other
   * tabs' news. It starts once another tab is there (`others`, or a `hello` / `ping` heard on the
   * bus); sent again with `others` when the page hears one first.
   */
  | { readonly kind: 'relay'; readonly name: string; readonly others: boolean }
  /**
   * The page handled `relaying`: it has relayed everything the Worker sent it before. The Worker
   * then posts to the tabs what it kept for them meanwhile, and from then on relays at once (and
   * answers their pings): nothing reaches a tab out of order at the hand-over.
   */
  | { readonly kind: 'relayed' };

/** The Worker tells the page, in the order it happened. */
export type FromConnectionWorker =
  /**
   * The data of every notification of one long-poll answer, in order (one message per answer), and
   * when the Worker received it (`Date.now()`).
   */
  | { readonly kind: 'messages'; readonly data: readonly unknown[]; readonly at?: number }
  /** `refusal`: see `ChannelListener.onStatus`. */
  | { readonly kind: 'status'; readonly status: ConnectionStatus; readonly refusal?: string }
  | { readonly kind: 'resyncNeeded' }
  | { readonly kind: 'sessionCheckNeeded' }
  /** A request was refused for its CSRF token: read a fresh one and answer `csrfRefreshed`. */
  | { readonly kind: 'csrfRefresh' }
  /** The channel could not be opened in the Worker (no XMLHttpRequest there, a bad URL). */
  | { readonly kind: 'failed'; readonly reason: string }
  /**
   * From here on the Worker has posted to the other tabs every notification, status and resync it
   * sends the page after this message (none before it): the page relays them no more.
   */
  | { readonly kind: 'relaying' };
