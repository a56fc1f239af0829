import type { Callback, Configuration, Extension, ListenerHandle, Message, Status, SubscriptionHandle } from 'cometd';
import type { CometdClient } from '../channel/cometd-session';

interface Registration {
  readonly channel: string;
  readonly callback: Callback;
}

/**
 * A scripted stand-in for the CometD client, for channel unit tests. It does no I/O and no
 * retries of its own: the test plays the server's replies (`handshakeReply`, `connectReply`,
 * `ackSubscribe`, `deliver`) and CometD's decision after a failure (`status`).
 */
export class FakeCometd implements CometdClient {
  status: Status = 'disconnected';
  readonly configurations: Partial<Configuration>[] = [];
  readonly unregistered: string[] = [];
  readonly extensions = new Map<string, Extension>();
  handshakes = 0;
  disconnects = 0;
  private readonly listeners = new Set<Registration>();
  private subscriptions: { channel: string; onMessage: Callback; onSubscribed: Callback | undefined }[] = [];
  private pendingSubscribeAcks: { channel: string; callback: Callback | undefined }[] = [];

  configure(options: Configuration | string): void {
    this.configurations.push(typeof options === 'string' ? { url: options } : options);
  }

  unregisterTransport(type: string): null {
    this.unregistered.push(type);
    return null;
  }

  registerExtension(name: string, extension: Extension): boolean {
    this.extensions.set(name, extension);
    return true;
  }

  addListener(channel: string, callback: Callback): ListenerHandle {
    const registration = { channel, callback };
    this.listeners.add(registration);
    return registration;
  }

  removeListener(handle: ListenerHandle): void {
    this.listeners.delete(handle as Registration);
  }

  handshake(): void {
    if (this.status !== 'disconnected') throw new Error(`Illegal state: ${this.status}`);
    this.handshakes++;
    this.status = 'handshaking';
    this.subscriptions = [];
  }

  disconnect(): void {
    this.disconnects++;
    this.status = 'disconnected';
    this.subscriptions = [];
  }

  subscribe(channel: string, onMessage: Callback, propsOrCallback?: object | Callback, callback?: Callback): SubscriptionHandle {
    const onSubscribed = typeof propsOrCallback === 'function' ? (propsOrCallback as Callback) : callback;
    if (this.status === 'disconnected') throw new Error('Illegal state: disconnected');
    const subscription = { channel, onMessage, onSubscribed };
    this.subscriptions.push(subscription);
    this.pendingSubscribeAcks.push({ channel, callback: onSubscribed });
    return subscription;
  }

  getStatus(): Status {
    return this.status;
  }

  /** How many local subscriptions would receive a message on `channel`. */
  subscriptionCount(channel: string): number {
    return this.subscriptions.filter((s) => s.channel === channel).length;
  }

  listenerCount(): number {
    return this.listeners.size;
  }

  /** Plays the server's handshake reply. A successful one also clears subscriptions, like CometD. */
  handshakeReply(reply: Partial<Message>): void {
    const message: Message = { channel: '/meta/handshake', ...reply };
    if (message.successful) {
      this.status = 'connected';
      this.subscriptions = [];
    }
    this.notify('/meta/handshake', message);
  }

  /** Plays a /meta/connect reply (or failure). */
  connectReply(reply: Partial<Message>): void {
    this.notify('/meta/connect', { channel: '/meta/connect', ...reply });
  }

  /** Answers every subscription sent so far. */
  ackSubscribe(reply: Partial<Message> = { successful: true }): void {
    const acks = this.pendingSubscribeAcks;
    this.pendingSubscribeAcks = [];
    for (const ack of acks) ack.callback?.({ channel: '/meta/subscribe', subscription: [ack.channel], ...reply });
  }

  /** A message published by the server on `channel`. */
  deliver(channel: string, data: unknown): void {
    for (const s of [...this.subscriptions]) if (s.channel === channel) s.onMessage({ channel, data });
  }

  /** What the close guard extension lets through. */
  outgoingAllowed(channel: string): boolean {
    const guard = this.extensions.get('openmedia-widget-close-guard');
    return guard?.outgoing?.({ channel }) != null;
  }

  private notify(channel: string, message: Message): void {
    for (const l of [...this.listeners]) if (l.channel === channel) l.callback(message);
  }
}
