/**
 * Every notification the mock sends goes through here, so the duplicate and reorder switches apply
 * to operation outcomes, scenarios, traffic and raw messages alike.
 */
export class NotificationBus {
  readonly #sink: (data: unknown) => void;
  #duplicate = 0;
  #reorder = 0;
  #held: unknown[] = [];
  #published = 0;

  /** `sink` hands one message to CometD. */
  constructor(sink: (data: unknown) => void) {
    this.#sink = sink;
  }

  publish(data: unknown): void {
    if (this.#reorder > 0) {
      this.#held.push(data);
      this.#reorder -= 1;
      if (this.#reorder === 0) this.#releaseHeld();
      return;
    }
    this.#emit(data);
  }

  /** Each of the next `count` notifications goes out twice. */
  duplicateNext(count: number): void {
    this.#duplicate = count;
  }

  /** The next `count` notifications are held, then sent newest first. */
  reorderNext(count: number): void {
    this.#reorder = count;
    if (count === 0) this.#releaseHeld();
  }

  get published(): number {
    return this.#published;
  }

  view(): { duplicateNext: number; reorderNext: number; reorderHeld: number } {
    return { duplicateNext: this.#duplicate, reorderNext: this.#reorder, reorderHeld: this.#held.length };
  }

  /** Clears the switches; held notifications are dropped (a reset starts a new story). */
  reset(): void {
    this.#duplicate = 0;
    this.#reorder = 0;
    this.#held = [];
  }

  #releaseHeld(): void {
    const held = this.#held.reverse();
    this.#held = [];
    for (const data of held) this.#emit(data);
  }

  #emit(data: unknown): void {
    let times = 1;
    if (this.#duplicate > 0) {
      this.#duplicate -= 1;
      times = 2;
    }
    for (let i = 0; i < times; i += 1) {
      this.#sink(data);
      this.#published += 1;
    }
  }
}
