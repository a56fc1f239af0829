import { openmediaContender, rtkContender } from './contenders';
import type { Figure } from './figure';
import { atMost, info, judged } from './figure';
import type { Lane } from './lane';
import { assertHolds, createLane, laneCosts, runRound } from './lane';
import { parsedNotifications } from './notification-stream';
import type { Progress } from './progress';
import { median, round } from './stats';

export interface ScalingOptions {
  readonly sizes: readonly number[];
  /** Notifications timed per size and round. */
  readonly perRound: number;
  readonly rounds: number;
  /** Time box of the Redux Toolkit lane per size and round (it is shown for contrast, not judged). */
  readonly baselineBudgetMs: number;
  /** Notifications each lane sees before timing starts (the baseline only within its time box). */
  readonly warmUp: number;
}

export const SCALING_FULL: ScalingOptions = { sizes: [50, 500, 5_000], perRound: 50_000, rounds: 10, baselineBudgetMs: 300, warmUp: 20_000 };
export const SCALING_QUICK: ScalingOptions = { sizes: [50, 500, 5_000], perRound: 10_000, rounds: 3, baselineBudgetMs: 100, warmUp: 5_000 };

const NAME = '2 scaling';

interface Size {
  readonly interactions: number;
  readonly ours: Lane;
  readonly theirs: Lane;
  seq: number;
}

/**
 * Per-notification cost of our reducer with 50, 500 and 5,000 open interactions. Each round times
 * every size once, the starting size rotating from round to round, so noise and order effects are
 * spread over all of them. Cost per size = median over rounds (robust to a round hit by noise).
 */
export function runScaling(options: ScalingOptions, progress: Progress): Figure[] {
  const { sizes, perRound, rounds, baselineBudgetMs, warmUp: warmUpCount } = options;
  const runs: Size[] = sizes.map((interactions) => {
    const preload = parsedNotifications(0, interactions, interactions);
    const warmUp = parsedNotifications(interactions, warmUpCount, interactions);
    return {
      interactions,
      ours: createLane(openmediaContender, preload, warmUp),
      theirs: createLane(rtkContender, preload, warmUp, baselineBudgetMs),
      seq: interactions + warmUpCount,
    };
  });

  for (let r = 0; r < rounds; r++) {
    for (let k = 0; k < runs.length; k++) {
      const run = runs[(r + k) % runs.length] as Size;
      const batch = parsedNotifications(run.seq, perRound, run.interactions);
      run.seq += perRound;
      runRound(run.ours, batch, run.seq);
      runRound(run.theirs, batch, run.seq, baselineBudgetMs);
    }
    progress(`round ${r + 1}/${rounds}`);
  }

  const figures: Figure[] = [];
  const oursCost = new Map<number, number>();
  for (const run of runs) {
    assertHolds(run.ours, run.interactions);
    assertHolds(run.theirs, run.interactions);
    const cost = median(laneCosts(run.ours));
    oursCost.set(run.interactions, cost);
    figures.push(info(NAME, `ours, ${run.interactions.toLocaleString('en')} open`, round(cost), 'ns/notification', `median of ${rounds} rounds of ${perRound.toLocaleString('en')}`));
  }
  const smallest = sizes[0] as number;
  const largest = sizes[sizes.length - 1] as number;
  const growth = (oursCost.get(largest) as number) / (oursCost.get(smallest) as number);
  figures.push(judged(NAME, `ours: cost at ${largest.toLocaleString('en')} ÷ cost at ${smallest}`, round(growth), '×', atMost(2, '≤ 2×')));
  for (const run of runs) {
    figures.push(
      info(NAME, `RTK, ${run.interactions.toLocaleString('en')} open`, round(median(laneCosts(run.theirs))), 'ns/notification', `for contrast; time-boxed at ${baselineBudgetMs} ms a round`),
    );
  }
  return figures;
}
