import { openmediaContender, rtkContender, rtkFairContender } from './contenders';
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
 * The same notification stream through our reducer (A), a Redux Toolkit entity-adapter slice set
 * up as most integrators would (B: upsertOne, auto-freeze on) and one set up fairly (C: setOne,
 * auto-freeze off), in rounds A, B, C, A, B, C … so that machine noise hits all of them.
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
  const fair = createLane(rtkFairContender, preload, warmUp, baselineBudgetMs);

  let seq = interactions + warmUpCount;
  for (let r = 0; r < rounds; r++) {
    const count = Math.min(perRound, notifications - r * perRound);
    const batch = parsedNotifications(seq, count, interactions);
    seq += count;
    // Ours is never time-boxed: it goes through the whole stream.
    runRound(ours, batch, seq);
    runRound(theirs, batch, seq, baselineBudgetMs);
    runRound(fair, batch, seq, baselineBudgetMs);
    const rate = (lane: typeof ours) => round((lane.done[r] as number) / (lane.ms[r] as number));
    progress(`round ${r + 1}/${rounds}: ours ${rate(ours)}k/s, RTK upsertOne ${rate(theirs)}k/s, RTK setOne ${rate(fair)}k/s`);
  }
  assertHolds(ours, interactions);
  assertHolds(theirs, interactions);
  assertHolds(fair, interactions);

  const oursCosts = laneCosts(ours);
  const ratiosTo = (lane: typeof ours) => laneCosts(lane).map((cost, i) => cost / (oursCosts[i] as number));
  const sampled = (lane: typeof ours) => {
    const done = sum(lane.done);
    return done < notifications
      ? `; time-boxed at ${baselineBudgetMs} ms a round, it ran ${done.toLocaleString('en')} of the ${notifications.toLocaleString('en')} (a prefix of every round's batch): rate over those`
      : '; the whole stream';
  };
  const ratioTo = (lane: typeof ours) => (sum(lane.done) === 0 ? null : round(laneRate(ours) / laneRate(lane)));
  const ratios = ratiosTo(theirs);
  const fairRatios = ratiosTo(fair);
  const theirDone = sum(theirs.done);
  return [
    info(
      NAME,
      'openmediaReducer',
      round(laneRate(ours)),
      'notifications/s',
      `${notifications.toLocaleString('en')} notifications (whole resource each) over ${interactions.toLocaleString('en')} interactions, ${rounds} interleaved rounds`,
    ),
    info(NAME, 'RTK createEntityAdapter setOne, auto-freeze off', sum(fair.done) === 0 ? null : round(laneRate(fair)), 'notifications/s', `the fair baseline: createSlice + setOne (GWS sends the whole resource), bare reducer, Immer auto-freeze off${sampled(fair)}`),
    info(NAME, 'RTK createEntityAdapter upsertOne', theirDone === 0 ? null : round(laneRate(theirs)), 'notifications/s', `createSlice + upsertOne, bare reducer, Immer auto-freeze on (the default; each upsertOne builds a Set of every id)${sampled(theirs)}`),
    judged(NAME, 'ours ÷ RTK setOne (fair)', ratioTo(fair), '×', atLeast(5, '≥ 5×'), `per-round ratio ${round(Math.min(...fairRatios), 2)}–${round(Math.max(...fairRatios), 2)}×`),
    info(NAME, 'ours ÷ RTK upsertOne', ratioTo(theirs), '×', `the former headline; per-round ratio ${round(Math.min(...ratios), 2)}–${round(Math.max(...ratios), 2)}×`),
  ];
}
