import type { FailNextSpec } from './types';

export interface InjectedFailure {
  readonly mode: FailNextSpec['mode'];
  readonly statusCode: number;
  readonly message: string | undefined;
}

/** The `fail-next` switch: a new call replaces the previous one. */
export class FailNextSwitch {
  #remaining = 0;
  #failure: InjectedFailure | undefined;

  set(spec: FailNextSpec): void {
    this.#remaining = spec.count;
    this.#failure = { mode: spec.mode, statusCode: spec.statusCode ?? 2, message: spec.message };
  }

  /** The failure for the operation being handled now, if the switch is on (and counts it down). */
  take(): InjectedFailure | undefined {
    if (this.#remaining <= 0 || this.#failure === undefined) return undefined;
    this.#remaining -= 1;
    return this.#failure;
  }

  view(): { remaining: number; mode: FailNextSpec['mode']; statusCode: number; message: string | undefined } | null {
    if (this.#remaining <= 0 || this.#failure === undefined) return null;
    return { remaining: this.#remaining, ...this.#failure };
  }

  clear(): void {
    this.#remaining = 0;
    this.#failure = undefined;
  }
}

/** The network-cut window. */
export class NetworkCut {
  #until: number | null = null;

  start(seconds: number, now: number): void {
    this.#until = now + seconds * 1000;
  }

  isActive(now: number): boolean {
    if (this.#until === null) return false;
    if (now < this.#until) return true;
    this.#until = null;
    return false;
  }

  until(now: number): number | null {
    return this.isActive(now) ? this.#until : null;
  }

  clear(): void {
    this.#until = null;
  }
}
