import type { Contender } from './contenders';
import { collectGarbage } from './gc';
import { sum } from './stats';
import type { OpenmediaNotification } from '../src/protocol/types';

/** Notifications between two looks at the clock: small enough to stop near a budget, large enough not to matter. */
const SLICE = 100;

/** One reducer's run through a stream: its state so far and, per round, time spent and notifications done. */
export interface Lane {
  readonly contender: Contender<unknown>;
  state: unknown;
  readonly ms: number[];
  readonly done: number[];
}

/**
 * A lane whose state already holds the resources of `preload`, warmed up (untimed) on `warmUp`
 * within `warmUpBudgetMs`, so the JIT has settled before the first timed round.
 */
export function createLane<S>(
  contender: Contender<S>,
  preload: readonly OpenmediaNotification[],
  warmUp: readonly OpenmediaNotification[],
  warmUpBudgetMs = Number.POSITIVE_INFINITY,
): Lane {
  const generic = contender as Contender<unknown>;
  const lane: Lane = { contender: generic, state: generic.preloaded(preload), ms: [], done: [] };
  runRound(lane, warmUp, 0, warmUpBudgetMs);
  lane.ms.length = 0;
  lane.done.length = 0;
  return lane;
}

/**
 * Fold `batch` into the lane, timed, until it is done or `budgetMs` is spent (checked every
 * `SLICE` notifications). Starts from a full collection, so garbage left by the other lane is not
 * billed to this one; its own garbage is, as it would be in an app.
 */
export function runRound(lane: Lane, batch: readonly OpenmediaNotification[], at: number, budgetMs = Number.POSITIVE_INFINITY): void {
  collectGarbage();
  let done = 0;
  let elapsed = 0;
  const start = performance.now();
  if (budgetMs === Number.POSITIVE_INFINITY) {
    lane.state = lane.contender.applyAll(lane.state, batch, at);
    done = batch.length;
    elapsed = performance.now() - start;
  } else {
    while (done < batch.length && elapsed < budgetMs) {
      const end = Math.min(batch.length, done + SLICE);
      lane.state = lane.contender.applyAll(lane.state, batch.slice(done, end), at);
      done = end;
      elapsed = performance.now() - start;
    }
  }
  lane.ms.push(elapsed);
  lane.done.push(done);
}

/** Notifications per second over every round. */
export function laneRate(lane: Lane): number {
  return sum(lane.done) / (sum(lane.ms) / 1000);
}

/** Nanoseconds per notification in each round. */
export function laneCosts(lane: Lane): number[] {
  return lane.ms.map((ms, i) => (ms * 1e6) / (lane.done[i] as number));
}

/** Throw unless the lane's state holds `expected` interactions: both reducers must have done the same work. */
export function assertHolds(lane: Lane, expected: number): void {
  const held = lane.contender.count(lane.state);
  if (held !== expected) throw new Error(`${lane.contender.name} holds ${held} interactions, expected ${expected}.`);
}
