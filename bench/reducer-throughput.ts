import { openmediaContender, rtkContender } from './contenders';
import type { Figure } from './figure';
import { atLeast, info, judged } from './figure';
import { assertHolds, createLane, laneCosts, laneRate, runRound } from './lane';
import { parsedNotifications } from './notification-stream';
import type { Progress } from './progress';
import { round, sum } from './stats';

export interface ThroughputOptions {
  readonly notifications: number;
  readonly interactions: number;
  readonly rounds: number;
  /**
   * Milliseconds the Redux Toolkit lane may spend on one round's batch. At 1,000 entities each of
   * its upserts costs about a millisecond here (Immer shallow-copies the 1,000-key `entities`
   * object every time), so the whole stream would take 20 minutes: it runs a time-boxed prefix of
   * each round's batch and its rate is taken over what it did. Infinity runs it all (`--full-baseline`).
   */
  readonly baselineBudgetMs: number;
  /** Notifications each lane sees before timing starts (the baseline only within its time box). */
  readonly warmUp: number;
}

export const THROUGHPUT_FULL: ThroughputOptions = { notifications: 1_000_000, interactions: 1_000, rounds: 20, baselineBudgetMs: 1_500, warmUp: 20_000 };
export const THROUGHPUT_QUICK: ThroughputOptions = { notifications: 40_000, interactions: 1_000, rounds: 4, baselineBudgetMs: 300, warmUp: 5_000 };

const NAME = '1 reducer throughput';

/**
 * The same notification stream through our reducer (A) and a Redux Toolkit entity-adapter slice
 * (B), in rounds A, B, A, B … so that machine noise (other processes, CPU frequency) hits both.
 * Each round's notifications are parsed before the clock starts; both lanes get the same objects.
 */
export function runReducerThroughput(options: ThroughputOptions, progress: Progress): Figure[] {
  const { notifications, interactions, rounds, baselineBudgetMs, warmUp: warmUpCount } = options;
  const perRound = Math.ceil(notifications / rounds);
  // Not timed: both know every interaction and have warmed up on the stream, so the JIT has settled.
  const preload = parsedNotifications(0, interactions, interactions);
  const warmUp = parsedNotifications(interactions, warmUpCount, interactions);
  const ours = createLane(openmediaContender, preload, warmUp);
  const theirs = createLane(rtkContender, preload, warmUp, baselineBudgetMs);

  let seq = interactions + warmUpCount;
  for (let r = 0; r < rounds; r++) {
    const count = Math.min(perRound, notifications - r * perRound);
    const batch = parsedNotifications(seq, count, interactions);
    seq += count;
    // Ours is never time-boxed: it goes through the whole stream.
    runRound(ours, batch, seq);
    runRound(theirs, batch, seq, baselineBudgetMs);
    progress(`round ${r + 1}/${rounds}: ours ${round(count / (ours.ms[r] as number))}k/s, RTK ${round((theirs.done[r] as number) / (theirs.ms[r] as number))}k/s`);
  }
  assertHolds(ours, interactions);
  assertHolds(theirs, interactions);

  const oursCosts = laneCosts(ours);
  const ratios = laneCosts(theirs).map((cost, i) => cost / (oursCosts[i] as number));
  const theirDone = sum(theirs.done);
  const sampled =
    theirDone < notifications
      ? `; time-boxed at ${baselineBudgetMs} ms a round, it ran ${theirDone.toLocaleString('en')} of the ${notifications.toLocaleString('en')} (a prefix of every round's batch): rate over those`
      : '; the whole stream';
  const ratio = theirDone === 0 ? null : round(laneRate(ours) / laneRate(theirs));
  return [
    info(
      NAME,
      'openmediaReducer',
      round(laneRate(ours)),
      'notifications/s',
      `${notifications.toLocaleString('en')} notifications (whole resource each) over ${interactions.toLocaleString('en')} interactions, ${rounds} interleaved rounds`,
    ),
    info(NAME, 'RTK createEntityAdapter upsertOne', theirDone === 0 ? null : round(laneRate(theirs)), 'notifications/s', `createSlice + upsertOne, bare reducer, Immer auto-freeze on${sampled}`),
    judged(NAME, 'ours ÷ RTK', ratio, '×', atLeast(5, '≥ 5×'), `per-round ratio ${round(Math.min(...ratios), 2)}–${round(Math.max(...ratios), 2)}×`),
  ];
}
