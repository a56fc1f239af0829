import type { NotificationType } from '../protocol/types';
import { FailNextSwitch } from './faults';
import { InteractionStore } from './interaction-store';
import { NotificationBus } from './notification-bus';
import type { StoredInteraction } from './resource';
import type { Correlation, MockWire, WireError } from './wire';

export interface MockEngineOptions {
  readonly initialData: readonly unknown[];
  readonly outcomeDelayMs: number;
  /** Host for resource uris, read at publish time. */
  readonly host: () => string;
  /** Hands one Bayeux `data` to CometD. */
  readonly sink: (data: unknown) => void;
  /** The dialect the mock speaks. */
  readonly wire: MockWire;
  /** See `MockGwsOptions.leanStatusChanges`. */
  readonly leanStatusChanges?: boolean;
}

/**
 * The mock's data and how it talks: the store, the notification bus, referenceIds and delayed
 * outcomes. Dialect-free: what goes on the wire is the `wire`'s business.
 */
export class MockEngine {
  readonly store: InteractionStore;
  readonly bus: NotificationBus;
  readonly failNext = new FailNextSwitch();
  readonly outcomeDelayMs: number;
  readonly dialect: MockWire;
  readonly #host: () => string;
  readonly #lean: boolean;
  readonly #timers = new Set<NodeJS.Timeout>();
  #referenceId = 0;

  constructor(options: MockEngineOptions) {
    this.dialect = options.wire;
    this.store = new InteractionStore(options.initialData, options.wire, Date.now());
    this.bus = new NotificationBus(options.sink);
    this.outcomeDelayMs = options.outcomeDelayMs;
    this.#host = options.host;
    this.#lean = options.leanStatusChanges === true;
  }

  /** referenceIds grow from 1 for the life of the server (never reused, not even after a reset). */
  nextReferenceId(): number {
    this.#referenceId += 1;
    return this.#referenceId;
  }

  wire(record: StoredInteraction): Record<string, unknown> {
    return this.dialect.resource(record, this.#host());
  }

  /**
   * The Bayeux `data` of one notification about `record` as it is now: the whole resource, or with
   * `leanStatusChanges` a StatusChange about an interaction past its offer in the lean form, unless
   * `options.whole` (a StatusChange that changes the user data too, which a lean one would hide).
   */
  message(
    notificationType: NotificationType,
    record: StoredInteraction | undefined,
    correlation?: Correlation,
    error?: WireError,
    options: { readonly whole?: boolean } = {},
  ): unknown {
    const whole = record && this.wire(record);
    const lean = this.#lean && options.whole !== true && notificationType === 'StatusChange' && record !== undefined && record.state !== 'Invited';
    const resource = lean && whole !== undefined && this.dialect.leanStatusChange ? this.dialect.leanStatusChange(whole) : whole;
    return this.dialect.message(notificationType, resource, correlation, error);
  }

  /** Publishes the resource now (see `message`). */
  notify(notificationType: NotificationType, record: StoredInteraction, correlation?: Correlation, options?: { readonly whole?: boolean }): void {
    this.bus.publish(this.message(notificationType, record, correlation, undefined, options));
  }

  /** Runs `fn` after `delayMs` unless the mock is reset or closed first. */
  schedule(fn: () => void, delayMs = this.outcomeDelayMs): void {
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      fn();
    }, delayMs);
    this.#timers.add(timer);
  }

  /** Back to the initial data: pending outcomes are dropped, switches cleared. */
  reset(): void {
    this.#clearTimers();
    this.store.reset(Date.now());
    this.bus.reset();
    this.failNext.clear();
  }

  close(): void {
    this.#clearTimers();
  }

  #clearTimers(): void {
    for (const t of this.#timers) clearTimeout(t);
    this.#timers.clear();
  }
}
