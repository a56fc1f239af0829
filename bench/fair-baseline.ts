import type { Contender } from './contenders';
import { openmediaContender, rtkContender, rtkFairContender, spreadContender } from './contenders';
import type { Figure } from './figure';
import { info } from './figure';
import type { Lane } from './lane';
import { assertHolds, createLane, laneCosts, runRound } from './lane';
import { parsedNotifications } from './notification-stream';
import type { Progress } from './progress';
import { median, round } from './stats';

export interface FairBaselineOptions {
  /** Open interactions: an agent's real scale, and a supervisor-sized list. */
  readonly sizes: readonly number[];
  /** Notifications offered to each lane per size and round. */
  readonly perRound: number;
  readonly rounds: number;
  /** Every lane's time box per size and round (the same for all: cost = time ÷ notifications done). */
  readonly budgetMs: number;
  /** Notifications each lane sees, untimed, before the first round. */
  readonly warmUp: number;
}

export const FAIR_FULL: FairBaselineOptions = { sizes: [50, 1_000], perRound: 50_000, rounds: 10, budgetMs: 400, warmUp: 20_000 };
export const FAIR_QUICK: FairBaselineOptions = { sizes: [50, 1_000], perRound: 10_000, rounds: 3, budgetMs: 100, warmUp: 5_000 };

const NAME = '1b reducer, fair baselines';

const CONTENDERS: readonly { readonly label: string; readonly contender: Contender<unknown> }[] = [
  { label: 'ours (openmediaReducer)', contender: openmediaContender as Contender<unknown> },
  { label: 'object-spread reducer', contender: spreadContender as Contender<unknown> },
  { label: 'RTK setOne, auto-freeze off', contender: rtkFairContender as Contender<unknown> },
  { label: 'RTK upsertOne, auto-freeze on (as in 1)', contender: rtkContender as Contender<unknown> },
];

interface Size {
  readonly interactions: number;
  readonly lanes: Lane[];
  seq: number;
}

/**
 * Cost per notification of our reducer beside the baselines a fair reviewer would pick: a
 * hand-written object-spread reducer and Redux Toolkit set up right (`setOne`, auto-freeze off),
 * with the slow setup of benchmark 1 for reference, at 50 and 1,000 open interactions. Each round
 * runs every size and every lane once, the order rotating, on the same parsed notifications.
 * Note that ours does more per notification than the others: it keeps an entry per interaction
 * (time in state, end time, pending action, error), applies the terminal rule and keeps the
 * previous object when the resource is equal; the others only store the resource.
 */
export function runFairBaseline(options: FairBaselineOptions, progress: Progress): Figure[] {
  const { sizes, perRound, rounds, budgetMs, warmUp: warmUpCount } = options;
  const runs: Size[] = sizes.map((interactions) => {
    const preload = parsedNotifications(0, interactions, interactions);
    const warmUp = parsedNotifications(interactions, warmUpCount, interactions);
    return {
      interactions,
      lanes: CONTENDERS.map(({ contender }) => createLane(contender, preload, warmUp, budgetMs)),
      seq: interactions + warmUpCount,
    };
  });

  for (let r = 0; r < rounds; r++) {
    for (let k = 0; k < runs.length; k++) {
      const run = runs[(r + k) % runs.length] as Size;
      const batch = parsedNotifications(run.seq, perRound, run.interactions);
      run.seq += perRound;
      for (let l = 0; l < run.lanes.length; l++) runRound(run.lanes[(r + l) % run.lanes.length] as Lane, batch, run.seq, budgetMs);
    }
    progress(`round ${r + 1}/${rounds}`);
  }

  const figures: Figure[] = [];
  for (const run of runs) {
    for (const lane of run.lanes) assertHolds(lane, run.interactions);
    const costs = run.lanes.map((lane) => median(laneCosts(lane)));
    const ours = costs[0] as number;
    CONTENDERS.forEach(({ label }, i) => {
      const cost = costs[i] as number;
      const relative = i === 0 ? '' : `; ${round(cost / ours, 2)}× ours`;
      figures.push(
        info(NAME, `${label}, ${run.interactions.toLocaleString('en')} open`, round(cost), 'ns/notification', `median of ${rounds} rounds, each time-boxed at ${budgetMs} ms${relative}`),
      );
    });
  }
  return figures;
}
