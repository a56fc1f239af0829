import type { ChannelDescriptor } from '../protocol/parse';

/**
 * Connection status of the push channel.
 * - `connecting`: first handshake in progress.
 * - `connected`: handshaken and subscribed; notifications flow.
 * - `reconnecting`: the connection broke (network, server restart, 402); retrying with back-off.
 * - `unauthorized`: the HTTP session is gone (401, or the handshake was refused). Not retried.
 * - `disconnected`: stopped on purpose (no subscribers) or never started.
 */
export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'unauthorized' | 'disconnected';

/** What a subscriber to the channel receives. Raw data is parsed by the subscriber (or the hook). */
export interface ChannelListener {
  /**
   * Bayeux `data` of one message on the subscribed channel, as received (unknown: parse it).
   * `receivedAt`: when it reached this browser (`Date.now()`), where that is known apart from now —
   * a connection Worker stamps each answer, so a page held by a long task, or a tab hearing the
   * leader's relay, still knows when the news came.
   */
  onMessage(data: unknown, receivedAt?: number): void;
  /**
   * Status changed. `refusal`, with `reconnecting` only: the server answered the subscription with
   * an error (its Bayeux `error`, such as `403::subscribe_failed`), which is why the channel starts
   * over; a retry may meet the same refusal. Called again when only the refusal changed.
   */
  onStatus?(status: ConnectionStatus, refusal?: string): void;
  /**
   * The session was (re-)established after a gap (re-handshake, reconnect after a network cut):
   * notifications may have been lost, so re-read the snapshot.
   */
  onResyncNeeded?(): void;
  /**
   * Handshakes keep succeeding but every session is unknown at once (repeated `402`): the HTTP
   * session may be gone. Check it over REST and, if it is, call `sessionEnded()`.
   */
  onSessionCheckNeeded?(): void;
}

/** The push channel (CometD in production, in-memory in tests and stories). */
export interface NotificationChannel {
  readonly descriptor: ChannelDescriptor;
  getStatus(): ConnectionStatus;
  /** With `reconnecting`: the server's refusal of the subscription, as the last `onStatus` said it. */
  getRefusal?(): string | undefined;
  /**
   * Add a listener. The first listener starts the connection; removing the last one disconnects.
   * Returns the function that removes it (idempotent).
   */
  subscribe(listener: ChannelListener): () => void;
  /**
   * Start again after `unauthorized`, once the agent has signed in again (the user asks for it:
   * the channel never loops on a lost session by itself). Notifications sent meanwhile are lost,
   * so listeners hear `onResyncNeeded` once it is back. A no-op in any other status.
   */
  reconnect?(): void;
  /**
   * The HTTP session is gone (a REST request was answered 401): stop as after a refused
   * handshake and report `unauthorized`, so the widget shows one "signed out" with Reconnect.
   */
  sessionEnded?(): void;
  /**
   * The network is back (the browser's `online` event): a channel waiting out its back-off
   * (up to 30 s after a long cut) tries again at once, with a fresh handshake, so the agent does
   * not look at a stale list that could already be live. A channel that still looks connected
   * starts a new session too: its long poll, out when the network went, may have died unnoticed.
   * A no-op when signed out or stopped.
   */
  retryNow?(): void;
  /**
   * Runs `callback` once the long-poll request the channel is about to send has gone out (or
   * failed), at once when none is about to go: drawing a burst after it lets the server gather
   * the next answer meanwhile. Returns whether it waits (false: `callback` has already run).
   * Optional: a channel without it (a replay, a test's) runs nothing late.
   */
  afterPendingConnect?(callback: () => void): boolean;
  /**
   * Relay to the other tabs sharing this connection, on the BroadcastChannel `name`, what the
   * channel hears (notifications, status, resyncs), off the page's main thread, and answer their
   * pings; `others`: another tab is there (called again with true when one appears). `relaying`
   * is told when the channel starts doing so (the page relays nothing it hears after that) and
   * when it stops (the page relays again). Optional: only a channel in a Worker offers it.
   */
  relayTo?(name: string, others: boolean, relaying: (on: boolean) => void): void;
}
