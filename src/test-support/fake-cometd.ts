import type { Callback, Configuration, Extension, ListenerHandle, Message, Status, SubscriptionHandle } from 'cometd';
import type { CometdClient } from '../channel/cometd-session';

interface Registration {
  readonly channel: string;
  readonly callback: Callback;
  readonly subscription: boolean;
}

/** What CometD decides after a failed request (its `failureInfo`). */
export interface FailureInfo {
  cause: 'unsuccessful' | 'failure';
  action: 'handshake' | 'retry' | 'none';
  /** The transport to use next; missing after a transport failure until one is negotiated again. */
  transport: string | null;
  delay?: number;
}

/** How a request failed on the wire: CometD builds `message.failure` from it. */
export interface TransportFailure {
  /** `xhr.status`: 0 when no response came at all. */
  readonly httpCode?: number;
  readonly reason?: string;
}

export interface FakeCometdOptions {
  /**
   * `window.location.host` of the page. CometD compares it with the configured URL's host to
   * decide whether requests are cross-origin; without one (no `window.location`), it treats every
   * URL as same-origin. Default: none.
   */
  readonly pageHost?: string;
}

interface Advice {
  reconnect: 'retry' | 'handshake' | 'none' | undefined;
  interval: number;
}

interface SubscribeRequest {
  readonly channel: string;
  readonly message: Message;
  readonly callback: Callback | undefined;
}

const CONFIG_ADVICE: Advice = { reconnect: undefined, interval: 0 };

/**
 * A scripted stand-in for the CometD 9 client, for channel unit tests. The test plays the server
 * (`handshakeReply`, `handshakeFailure`, `connectReply`, `connectFailure`, `ackSubscribe`,
 * `disconnectReply`, `deliver`); what CometD does in between is the fake's, following
 * `node_modules/cometd/Client.js` on the points the channel's recovery depends on:
 *
 * - Every handshake clears the subscriptions when it is *sent* (`#handshake`), including the
 *   re-handshakes CometD schedules by itself; a reply never does.
 * - After a failed handshake or `/meta/connect`, listeners hear it (`/meta/handshake` or
 *   `/meta/connect`, then `/meta/unsuccessful`) *before* CometD decides, through
 *   `onTransportFailure` (so a wrapper installed by the channel applies): retry `/meta/connect`,
 *   re-handshake, or give up (`none` → status `disconnected`). The action comes from the advice
 *   (`reconnect`), else `handshake` for a handshake and `retry` for a connect; a listener that
 *   called `disconnect()` turns it into `none`. Delays grow by `backoffIncrement` up to
 *   `maxBackoff` and run on timers (fake timers in tests).
 * - A transport failure (an HTTP error, no response) makes long-polling refuse cross-origin URLs
 *   until reset, so a failed cross-origin handshake finds no transport and gives up.
 * - `disconnect()` goes through `disconnecting` (where `handshake()` and `subscribe()` throw) until
 *   the server answers it, unless CometD aborts it first while giving up.
 * - `reestablish` is false on the first successful handshake after a disconnect, true afterwards.
 * - Outgoing extensions see every message; one they drop never leaves, so no reply can be played.
 *
 * Not modelled: WebSocket, publish, unsubscribe, `maxInterval`, handshake-delivered messages.
 */
export class FakeCometd implements CometdClient {
  readonly configurations: Partial<Configuration>[] = [];
  readonly unregistered: string[] = [];
  readonly extensions = new Map<string, Extension>();
  /** Every message that left, after the outgoing extensions. */
  readonly sent: Message[] = [];
  /** Calls of `handshake()` (the channel starting a session). */
  handshakes = 0;
  /** Calls of `disconnect()` that sent a `/meta/disconnect`. */
  disconnects = 0;

  private currentStatus: Status = 'disconnected';
  private readonly pageHost: string | undefined;
  private readonly listeners = new Set<Registration>();
  private advice: Advice = { ...CONFIG_ADVICE };
  private backoff = 0;
  private reestablish = false;
  private internalBatch = false;
  private queued: SubscribeRequest[] = [];
  private scheduled: ReturnType<typeof setTimeout> | undefined;
  private messageId = 0;
  private clientCount = 0;
  private longPollingCrossOrigin = true;
  private handshakeInFlight: Message | undefined;
  private connectInFlight: Message | undefined;
  private disconnectInFlight: Message | undefined;
  private subscribesInFlight: SubscribeRequest[] = [];

  constructor(options: FakeCometdOptions = {}) {
    this.pageHost = options.pageHost;
  }

  get status(): Status {
    return this.currentStatus;
  }

  // ---- the CometD API the channel calls -------------------------------------------------------

  configure(options: Configuration | string): void {
    this.configurations.push(typeof options === 'string' ? { url: options } : options);
  }

  unregisterTransport(type: string): null {
    this.unregistered.push(type);
    return null;
  }

  /** No transport: what goes over the wire is this fake's business (see the real-client tests for the transport). */
  findTransport(): null {
    return null;
  }

  getURL(): string | null {
    return this.configurations.at(-1)?.url ?? null;
  }

  registerExtension(name: string, extension: Extension): boolean {
    this.extensions.set(name, extension);
    return true;
  }

  addListener(channel: string, callback: Callback): ListenerHandle {
    const registration: Registration = { channel, callback, subscription: false };
    this.listeners.add(registration);
    return registration;
  }

  removeListener(handle: ListenerHandle): void {
    this.listeners.delete(handle as Registration);
  }

  handshake(): void {
    if (this.currentStatus !== 'disconnected') throw new Error(`Illegal state: ${this.currentStatus}`);
    this.handshakes++;
    // A handshake from `disconnected` resets the transports (`#transports.reset(true)`).
    this.longPollingCrossOrigin = true;
    this.sendHandshake();
  }

  disconnect(): void {
    if (this.isDisconnected()) return;
    this.disconnects++;
    this.currentStatus = 'disconnecting';
    this.disconnectInFlight = this.send({ channel: '/meta/disconnect' });
  }

  subscribe(channel: string, onMessage: Callback, propsOrCallback?: object | Callback, callback?: Callback): SubscriptionHandle {
    const onSubscribed = typeof propsOrCallback === 'function' ? (propsOrCallback as Callback) : callback;
    if (this.isDisconnected()) throw new Error('Illegal state: disconnected');
    const alreadySubscribed = this.subscriptionCount(channel) > 0;
    const registration: Registration = { channel, callback: onMessage, subscription: true };
    this.listeners.add(registration);
    if (alreadySubscribed) {
      // CometD sends nothing and acknowledges on a timer.
      if (onSubscribed !== undefined) {
        const ack = { channel: '/meta/subscribe', successful: true, subscription: channel } as unknown as Message;
        setTimeout(() => onSubscribed(ack), 0);
      }
      return registration;
    }
    // The typings say string[]; CometD sends the channel name itself.
    const message = { channel: '/meta/subscribe', subscription: channel } as unknown as Message;
    const request: SubscribeRequest = { channel, message, callback: onSubscribed };
    if (this.internalBatch) this.queued.push(request);
    else this.sendSubscribe(request);
    return registration;
  }

  /** Runs `fn`; the fake sends each subscription of a batch as its own request, answered together by `ackSubscribe`. */
  batch(fn: () => void): void {
    fn();
  }

  getStatus(): Status {
    return this.currentStatus;
  }

  /**
   * CometD's decision after a failed handshake or /meta/connect (Client.js `onTransportFailure`,
   * without `maxInterval`). Public, as in CometD, so the channel can wrap it.
   */
  onTransportFailure(message: Message, info: FailureInfo, proceed: (info: FailureInfo) => void): void {
    if (info.action !== 'none') {
      info.delay = this.backoff;
      if (message.channel === '/meta/handshake') {
        if (info.transport === null) {
          const transport = this.negotiateTransport();
          if (transport === null) info.action = 'none';
          else {
            info.action = 'handshake';
            info.transport = transport;
          }
        }
        if (info.action !== 'none') this.increaseBackoff();
      } else {
        if (info.action === 'retry') info.delay = this.increaseBackoff();
        if (info.action === 'handshake') {
          info.delay = 0;
          this.longPollingCrossOrigin = true;
          this.backoff = 0;
        }
      }
    }
    proceed(info);
  }

  // ---- the server, played by the test ---------------------------------------------------------

  /** Plays the server's reply to the handshake in flight. */
  handshakeReply(reply: Partial<Message>): void {
    this.takeHandshake('handshakeReply');
    this.updateAdvice(reply.advice);
    const message: Message = { channel: '/meta/handshake', ...reply };
    if (!message.successful) {
      this.failHandshake(message, { cause: 'unsuccessful', action: this.advice.reconnect ?? 'handshake', transport: 'long-polling' });
      return;
    }
    message.clientId ??= `fake-client-${++this.clientCount}`;
    this.internalBatch = false;
    for (const request of this.queued.splice(0)) this.sendSubscribe(request);
    message.reestablish = this.reestablish;
    this.reestablish = true;
    this.notify('/meta/handshake', message);
    const action = this.isDisconnected() ? 'none' : (this.advice.reconnect ?? 'retry');
    if (action === 'none') this.disconnectNow(true);
    else {
      this.backoff = 0;
      this.delayedConnect(0);
    }
  }

  /** The handshake request failed on the wire (HTTP error status, network error, timeout). */
  handshakeFailure(failure: TransportFailure = { httpCode: 0 }): void {
    this.takeHandshake('handshakeFailure');
    this.longPollingCrossOrigin = false;
    const message = this.failureMessage('/meta/handshake', failure);
    this.failHandshake(message, { cause: 'failure', action: 'handshake', transport: null });
  }

  /** Plays the server's reply to the /meta/connect in flight. */
  connectReply(reply: Partial<Message>): void {
    this.takeConnect('connectReply');
    this.updateAdvice(reply.advice);
    const message: Message = { channel: '/meta/connect', ...reply };
    if (!message.successful) {
      this.failConnect(message, { cause: 'unsuccessful', action: this.advice.reconnect ?? 'retry', transport: 'long-polling' });
      return;
    }
    this.notify('/meta/connect', message);
    const action = this.isDisconnected() ? 'none' : (this.advice.reconnect ?? 'retry');
    if (action === 'none') this.disconnectNow(false);
    else {
      this.backoff = 0;
      this.delayedConnect(0);
    }
  }

  /** The /meta/connect request failed on the wire. */
  connectFailure(failure: TransportFailure = { httpCode: 0 }): void {
    this.takeConnect('connectFailure');
    this.longPollingCrossOrigin = false;
    this.failConnect(this.failureMessage('/meta/connect', failure), { cause: 'failure', action: 'retry', transport: null });
  }

  /**
   * Answers every subscription in flight, or only those to `channel`. An unsuccessful answer
   * removes the subscription, as CometD does.
   */
  ackSubscribe(reply: Partial<Message> = { successful: true }, channel?: string): void {
    const requests = this.subscribesInFlight.filter((request) => channel === undefined || request.channel === channel);
    if (requests.length === 0) throw new Error(`ackSubscribe: no /meta/subscribe${channel === undefined ? '' : ` to ${channel}`} in flight`);
    this.subscribesInFlight = this.subscribesInFlight.filter((request) => !requests.includes(request));
    for (const request of requests) this.answerSubscribe(request, reply);
  }

  /** Plays the server's reply to the /meta/disconnect in flight (CometD is then `disconnected`). */
  disconnectReply(reply: Partial<Message> = { successful: true }): void {
    if (this.disconnectInFlight === undefined) throw new Error('disconnectReply: no /meta/disconnect in flight');
    this.disconnectInFlight = undefined;
    const message: Message = { channel: '/meta/disconnect', ...reply };
    this.disconnectNow(message.successful !== true);
    this.notify('/meta/disconnect', message);
    if (!message.successful) this.notify('/meta/unsuccessful', message);
  }

  /** A message published by the server on `channel`, reaching the local subscriptions still in place. */
  deliver(channel: string, data: unknown): void {
    const message: Message = { channel, data };
    this.notify(channel, message);
    // CometD then notifies the wildcard subscriptions that match, with the same message object
    // (tests that deliver on a wildcard name itself reach only its own subscriptions).
    if (channel.includes('*')) return;
    const parts = channel.split('/');
    for (let i = parts.length - 1; i > 0; i--) {
      const prefix = parts.slice(0, i).join('/');
      if (i === parts.length - 1) this.notify(`${prefix}/*`, message);
      this.notify(`${prefix}/**`, message);
    }
  }

  // ---- what tests inspect ---------------------------------------------------------------------

  /** Whether a request on `channel` (`/meta/handshake`, `/meta/connect`, …) awaits its reply. */
  inFlight(channel: string): boolean {
    switch (channel) {
      case '/meta/handshake':
        return this.handshakeInFlight !== undefined;
      case '/meta/connect':
        return this.connectInFlight !== undefined;
      case '/meta/disconnect':
        return this.disconnectInFlight !== undefined;
      case '/meta/subscribe':
        return this.subscribesInFlight.length > 0;
      default:
        return false;
    }
  }

  /** How many local subscriptions would receive a message on `channel`. */
  subscriptionCount(channel: string): number {
    return [...this.listeners].filter((l) => l.subscription && l.channel === channel).length;
  }

  /** Listeners added with `addListener` (not subscriptions). */
  listenerCount(): number {
    return [...this.listeners].filter((l) => !l.subscription).length;
  }

  /** What the outgoing extensions let through. */
  outgoingAllowed(channel: string): boolean {
    return this.applyExtensions({ channel }) !== null;
  }

  /** The messages sent so far on `channel`. */
  sentOn(channel: string): Message[] {
    return this.sent.filter((m) => m.channel === channel);
  }

  // ---- CometD's internals, as far as modelled ------------------------------------------------

  private isDisconnected(): boolean {
    return this.currentStatus === 'disconnecting' || this.currentStatus === 'disconnected';
  }

  private isCrossOrigin(): boolean {
    const url = [...this.configurations].reverse().find((c) => c.url !== undefined)?.url;
    if (this.pageHost === undefined || url === undefined) return false;
    const host = /^[a-z]+:\/\/([^/?#]+)/i.exec(url)?.[1];
    return host !== undefined && host !== this.pageHost;
  }

  private negotiateTransport(): string | null {
    return this.longPollingCrossOrigin || !this.isCrossOrigin() ? 'long-polling' : null;
  }

  private config(): { backoffIncrement: number; maxBackoff: number } {
    const merged = Object.assign({}, ...this.configurations) as Partial<Configuration>;
    return { backoffIncrement: merged.backoffIncrement ?? 1000, maxBackoff: merged.maxBackoff ?? 60_000 };
  }

  private increaseBackoff(): number {
    const { backoffIncrement, maxBackoff } = this.config();
    if (this.backoff < maxBackoff) this.backoff += backoffIncrement;
    return this.backoff;
  }

  private updateAdvice(advice: Message['advice']): void {
    if (advice === undefined) return;
    const next = advice as Partial<Advice>;
    this.advice = { ...CONFIG_ADVICE, ...next };
  }

  private applyExtensions(message: Message): Message | null {
    let current: Message | null = message;
    for (const extension of this.extensions.values()) {
      if (current === null) break;
      current = extension.outgoing ? (extension.outgoing(current) ?? null) : current;
    }
    return current;
  }

  /** Sends through the extensions; undefined when one of them dropped the message. */
  private send(message: Message): Message | undefined {
    const out = this.applyExtensions({ ...message, id: String(++this.messageId) });
    if (out === null) return undefined;
    this.sent.push(out);
    return out;
  }

  private sendSubscribe(request: SubscribeRequest): void {
    const sent = this.send(request.message);
    if (sent !== undefined) this.subscribesInFlight.push({ ...request, message: sent });
  }

  private answerSubscribe(request: SubscribeRequest, reply: Partial<Message>): void {
    const subscription = request.channel;
    const message = { channel: '/meta/subscribe', subscription, ...reply } as Message;
    if (!message.successful) {
      for (const l of [...this.listeners]) if (l.subscription && l.channel === subscription) this.listeners.delete(l);
    }
    request.callback?.(message);
    this.notify('/meta/subscribe', message);
    if (!message.successful) this.notify('/meta/unsuccessful', message);
  }

  /** CometD's `#handshake`: clears the subscriptions as the handshake leaves. */
  private sendHandshake(): void {
    for (const l of [...this.listeners]) if (l.subscription) this.listeners.delete(l);
    this.advice = { ...CONFIG_ADVICE };
    this.internalBatch = true;
    this.currentStatus = 'handshaking';
    this.handshakeInFlight = this.send({ channel: '/meta/handshake', version: '1.0', supportedConnectionTypes: ['long-polling'] });
  }

  private connect(): void {
    if (this.isDisconnected()) return;
    this.currentStatus = 'connected';
    this.connectInFlight = this.send({ channel: '/meta/connect', connectionType: 'long-polling' });
  }

  private delayedSend(operation: () => void, delay: number): void {
    this.cancelDelayedSend();
    this.scheduled = setTimeout(() => {
      this.scheduled = undefined;
      operation();
    }, this.advice.interval + delay);
  }

  private cancelDelayedSend(): void {
    if (this.scheduled !== undefined) clearTimeout(this.scheduled);
    this.scheduled = undefined;
  }

  private delayedHandshake(delay: number): void {
    this.currentStatus = 'handshaking';
    this.internalBatch = true;
    this.delayedSend(() => this.sendHandshake(), delay);
  }

  private delayedConnect(delay: number): void {
    this.currentStatus = 'connecting';
    this.delayedSend(() => this.connect(), delay);
  }

  private failHandshake(message: Message, info: FailureInfo): void {
    this.notify('/meta/handshake', message);
    this.notify('/meta/unsuccessful', message);
    // The listeners may have disconnected.
    if (this.isDisconnected()) info.action = 'none';
    this.onTransportFailure(message, info, (decided) => this.handleTransportFailure(decided));
  }

  private failConnect(message: Message, info: FailureInfo): void {
    this.notify('/meta/connect', message);
    this.notify('/meta/unsuccessful', message);
    if (this.isDisconnected()) info.action = 'none';
    this.onTransportFailure(message, info, (decided) => this.handleTransportFailure(decided));
  }

  private handleTransportFailure(info: FailureInfo): void {
    const delay = info.delay ?? 0;
    switch (info.action) {
      case 'handshake':
        this.delayedHandshake(delay);
        return;
      case 'retry':
        this.delayedConnect(delay);
        return;
      case 'none':
        this.disconnectNow(true);
        return;
    }
  }

  /**
   * CometD's `#disconnect(abort)`: the client is `disconnected` at once. Aborting fails the
   * requests still in flight (their listeners hear an `abort` failure); queued subscriptions fail.
   */
  private disconnectNow(abort: boolean): void {
    this.cancelDelayedSend();
    if (abort) {
      const aborted: Message[] = [];
      const subscribes = this.subscribesInFlight.splice(0);
      for (const pending of [this.handshakeInFlight, this.connectInFlight]) if (pending !== undefined) aborted.push(pending);
      const disconnect = this.disconnectInFlight;
      this.handshakeInFlight = undefined;
      this.connectInFlight = undefined;
      this.disconnectInFlight = undefined;
      for (const request of subscribes) this.answerSubscribe(request, { successful: false, failure: { reason: 'abort' } } as Partial<Message>);
      for (const message of aborted) this.notifyFailure(message.channel, { reason: 'abort' });
      if (disconnect !== undefined) {
        // A failed disconnect makes CometD disconnected before its listeners hear of it.
        this.currentStatus = 'disconnected';
        this.notifyFailure('/meta/disconnect', { reason: 'abort' });
      }
    }
    this.currentStatus = 'disconnected';
    this.backoff = 0;
    this.reestablish = false;
    for (const request of this.queued.splice(0)) {
      this.answerSubscribe(request, { successful: false, failure: { reason: 'Disconnected' } } as Partial<Message>);
    }
  }

  private notifyFailure(channel: string, failure: TransportFailure): void {
    const message = this.failureMessage(channel, failure);
    this.notify(channel, message);
    this.notify('/meta/unsuccessful', message);
  }

  private failureMessage(channel: string, failure: TransportFailure): Message {
    return { channel, successful: false, failure: { ...failure, connectionType: 'long-polling' } } as Message;
  }

  private takeHandshake(who: string): void {
    if (this.handshakeInFlight === undefined) {
      throw new Error(`${who}: no /meta/handshake in flight (status ${this.currentStatus}; a re-handshake CometD scheduled leaves when the timers run)`);
    }
    this.handshakeInFlight = undefined;
  }

  private takeConnect(who: string): void {
    if (this.connectInFlight === undefined) {
      throw new Error(`${who}: no /meta/connect in flight (status ${this.currentStatus}; CometD sends the next one when the timers run)`);
    }
    this.connectInFlight = undefined;
  }

  private notify(channel: string, message: Message): void {
    for (const l of [...this.listeners]) if (l.channel === channel && this.listeners.has(l)) l.callback(message);
  }
}
