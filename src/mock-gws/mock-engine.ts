import type { NotificationType } from '../protocol/types';
import { FailNextSwitch } from './faults';
import { InteractionStore } from './interaction-store';
import { buildMessage } from './message';
import { NotificationBus } from './notification-bus';
import { toWire, type StoredInteraction } from './resource';

export interface MockEngineOptions {
  readonly initialData: readonly unknown[];
  readonly outcomeDelayMs: number;
  /** Host for resource uris, read at publish time. */
  readonly host: () => string;
  /** Hands one Bayeux `data` to CometD. */
  readonly sink: (data: unknown) => void;
}

/** The mock's data and how it talks: the store, the notification bus, referenceIds and delayed outcomes. */
export class MockEngine {
  readonly store: InteractionStore;
  readonly bus: NotificationBus;
  readonly failNext = new FailNextSwitch();
  readonly outcomeDelayMs: number;
  readonly #host: () => string;
  readonly #timers = new Set<NodeJS.Timeout>();
  #referenceId = 0;

  constructor(options: MockEngineOptions) {
    this.store = new InteractionStore(options.initialData, Date.now());
    this.bus = new NotificationBus(options.sink);
    this.outcomeDelayMs = options.outcomeDelayMs;
    this.#host = options.host;
  }

  /** referenceIds grow from 1 for the life of the server (never reused, not even after a reset). */
  nextReferenceId(): number {
    this.#referenceId += 1;
    return this.#referenceId;
  }

  wire(record: StoredInteraction) {
    return toWire(record, this.#host());
  }

  /** Publishes the whole resource now. */
  notify(notificationType: NotificationType, record: StoredInteraction, referenceId?: number): void {
    this.bus.publish(buildMessage(notificationType, this.wire(record), referenceId));
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
