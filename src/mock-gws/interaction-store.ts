import { materialize } from './initial-data';
import type { StoredInteraction } from './resource';
import type { MockWire } from './wire';

/** Completed interactions kept for `/mock/state` beyond this many are forgotten, oldest first. */
const MAX_COMPLETED = 500;

/** The mock's data: interactions by id, in insertion order. */
export class InteractionStore {
  readonly #initial: readonly unknown[];
  readonly #wire: MockWire;
  #byId = new Map<string, StoredInteraction>();
  #counter = 0;

  constructor(initial: readonly unknown[], wire: MockWire, now: number) {
    this.#initial = initial;
    this.#wire = wire;
    this.reset(now);
  }

  /** Back to the initial data set, with dates relative to `now`. */
  reset(now: number): void {
    this.#byId = new Map(materialize(this.#initial, this.#wire, now).map((r) => [r.id, r] as const));
    this.#counter = 0;
  }

  get(id: string): StoredInteraction | undefined {
    return this.#byId.get(id);
  }

  has(id: string): boolean {
    return this.#byId.has(id);
  }

  all(): StoredInteraction[] {
    return [...this.#byId.values()];
  }

  /** What a snapshot lists: everything of that media type that is not Completed. */
  active(mediaType: string): StoredInteraction[] {
    return this.all().filter((r) => r.mediaType === mediaType && r.state !== 'Completed');
  }

  put(record: StoredInteraction): void {
    this.#byId.set(record.id, record);
    if (record.state === 'Completed') this.#pruneCompleted();
  }

  /** A fresh id in the server's style (`MockWire.formatId`); deterministic after each reset. */
  nextId(): string {
    let id: string;
    do {
      this.#counter += 1;
      id = this.#wire.formatId(this.#counter);
    } while (this.#byId.has(id));
    return id;
  }

  #pruneCompleted(): void {
    const completed = this.all().filter((r) => r.state === 'Completed');
    for (const r of completed.slice(0, Math.max(0, completed.length - MAX_COMPLETED))) this.#byId.delete(r.id);
  }
}
