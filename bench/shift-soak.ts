import { selectDisplayOrder, selectPendingActions } from '../src/core/selectors';
import { createOpenmediaStore } from '../src/core/store';
import type { OpenmediaStore } from '../src/core/store';
import type { OpenmediaEvent } from '../src/core/types';
import type { Figure } from './figure';
import { atMost, info, judged } from './figure';
import { exposedGc, settledHeapUsed } from './gc';
import type { Progress } from './progress';
import { interactionLife } from './shift-script';
import { round } from './stats';

export interface SoakOptions {
  readonly interactions: number;
  /** Interactions the agent has open at once. */
  readonly concurrent: number;
  /** Heap samples (after forced collections) taken during the shift, to see whether it drifts. */
  readonly checkpoints: number;
}

export const SOAK_FULL: SoakOptions = { interactions: 100_000, concurrent: 20, checkpoints: 10 };
export const SOAK_QUICK: SoakOptions = { interactions: 3_000, concurrent: 20, checkpoints: 2 };

const NAME = '4 shift soak';
/** Simulated time per step (one notification): the clock runs, nobody waits. */
const STEP_MS = 100;
const TICK_EVERY_MS = 1_000;
const LINGER_MS = 60_000;
const MB = 1024 * 1024;

type Life = Generator<OpenmediaEvent[], void, undefined>;

/**
 * A shift through a store used as the provider uses it: events dispatched, a clock tick every
 * simulated second (linger eviction), a flush per step with a subscriber reading the selectors a
 * widget renders from. Lives run `concurrent` at a time, round-robin, one notification per step.
 */
class Shift {
  readonly store: OpenmediaStore;
  readonly #unsubscribe: () => void;
  readonly #lives: Life[] = [];
  readonly #refs = { last: 0, next: (): number => ++this.#refs.last };
  #now = Date.UTC(2026, 10, 24, 8);
  #nextTick = this.#now + TICK_EVERY_MS;
  #started = 0;
  finished = 0;
  notifications = 0;
  /** Most interactions the published state held at once (open + lingering). */
  peakHeld = 0;

  constructor(
    readonly firstIndex: number,
    readonly count: number,
    readonly concurrent: number,
  ) {
    // Flushed by hand after every step: the simulated frame.
    this.store = createOpenmediaStore({ lingerMs: LINGER_MS, schedule: () => undefined });
    this.#unsubscribe = this.store.subscribe(() => {
      const snapshot = this.store.getSnapshot();
      const shown = selectDisplayOrder(snapshot).length;
      selectPendingActions(snapshot);
      if (shown > this.peakHeld) this.peakHeld = shown;
    });
  }

  /** Run until `finished` reaches `until` (or the shift is over). */
  runUntil(until: number, onLifeDone: (finished: number) => void = () => undefined): void {
    const clock = (): number => this.#now;
    while (this.finished < Math.min(until, this.count)) {
      while (this.#lives.length < this.concurrent && this.#started < this.count) {
        this.#lives.push(interactionLife(this.firstIndex + this.#started++, this.#refs, clock));
      }
      for (let i = 0; i < this.#lives.length; ) {
        const step = (this.#lives[i] as Life).next();
        if (step.done === true) {
          this.#lives.splice(i, 1);
          this.finished += 1;
          onLifeDone(this.finished);
          continue;
        }
        for (const event of step.value) this.store.dispatch(event);
        this.notifications += 1;
        this.#advance(STEP_MS);
        i += 1;
      }
    }
  }

  /** Let the linger run out, so everything completed is evicted; then let go of the subscriber. */
  end(): void {
    this.#advance(LINGER_MS + TICK_EVERY_MS);
    this.store.dispatch({ type: 'clockTicked', at: this.#now });
    this.store.flush();
    this.#unsubscribe();
  }

  #advance(ms: number): void {
    this.#now += ms;
    if (this.#now >= this.#nextTick) {
      this.store.dispatch({ type: 'clockTicked', at: this.#now });
      this.#nextTick += TICK_EVERY_MS * Math.ceil((this.#now - this.#nextTick + 1) / TICK_EVERY_MS);
    }
    this.store.flush();
  }
}

/**
 * 100,000 interactions offered, worked and completed (~1M notifications) through the store, the
 * clock advancing by simulation. Heap in use after forced collections, before and after.
 */
export async function runShiftSoak(options: SoakOptions, progress: Progress): Promise<Figure[]> {
  if (exposedGc() === undefined) {
    return [judged(NAME, 'retained heap after the shift', null, 'MB', atMost(1, '≤ +1 MB'), 'not measured: needs node --expose-gc (npm run bench passes it)')];
  }
  const { interactions, concurrent, checkpoints } = options;

  // Warm-up on a store of its own, dropped before the baseline: JIT code and lazily built
  // internals exist before the first measurement, so they are not counted as growth.
  const warm = new Shift(0, Math.min(2_000, interactions), concurrent);
  warm.runUntil(warm.count);
  warm.end();

  const shift = new Shift(1_000_000, interactions, concurrent);
  const before = await settledHeapUsed();
  const samples: number[] = [];
  const every = Math.ceil(interactions / checkpoints);
  let busyMs = 0;
  while (shift.finished < interactions) {
    const started = performance.now();
    shift.runUntil(shift.finished + every, (done) => {
      if (done % 1_000 === 0) progress(`${done.toLocaleString('en')}/${interactions.toLocaleString('en')} interactions, ${shift.notifications.toLocaleString('en')} notifications`);
    });
    busyMs += performance.now() - started;
    // Mid-shift, with the open and lingering interactions still held: should stay flat.
    samples.push(await settledHeapUsed());
  }
  shift.end();
  const state = shift.store.getState();
  const left = state.byId.size + state.pending.size + state.pendingByReferenceId.size + state.earlyOutcomes.size + state.ended.size + state.order.length;
  if (left !== 0) throw new Error(`The shift left ${left} entries in the state after the linger (byId ${state.byId.size}, pending ${state.pending.size}).`);
  const after = await settledHeapUsed();

  const first = samples[0] as number;
  const drift = (Math.max(...samples) - first) / MB;
  return [
    judged(
      NAME,
      'retained heap after the shift',
      round((after - before) / MB, 3),
      'MB',
      atMost(1, '≤ +1 MB'),
      `${interactions.toLocaleString('en')} interactions, ${shift.notifications.toLocaleString('en')} notifications, at most ${shift.peakHeld} held at once, ` +
        `${state.diagnostics.unmatchedReferenceIds.toLocaleString('en')} outcomes before their REST answer; heap ${round(before / MB)} → ${round(after / MB)} MB after forced GC; state empty after the linger`,
    ),
    info(NAME, 'heap drift during the shift', round(drift, 3), 'MB', `largest of ${samples.length} mid-shift samples minus the first (open + lingering interactions held throughout)`),
    info(NAME, 'store throughput during the soak', round(shift.notifications / (busyMs / 1000)), 'notifications/s', 'dispatch + flush per notification with a subscriber reading the selectors; includes parsing'),
  ];
}
