import type { EarlyOutcome, ReadonlyPersistentMap } from './types';

/** How many outcomes wait for their REST answer at most; the oldest goes first. */
export const EARLY_OUTCOME_LIMIT = 256;
/** An outcome older than this will not be claimed any more (its request has timed out by then). */
export const EARLY_OUTCOME_MAX_AGE_MS = 120_000;

type Outcomes = ReadonlyPersistentMap<number, EarlyOutcome>;

/** Outcomes of one number about other interactions kept beside the newest. */
export const EARLY_OUTCOME_OTHERS_LIMIT = 3;

/** The outcomes held for one number, newest first. */
export function outcomesOf(held: EarlyOutcome): readonly EarlyOutcome[] {
  return held.others === undefined ? [held] : [held, ...held.others];
}

/**
 * Keep an outcome whose referenceId matched nothing pending: the notification can beat the REST
 * answer that announces the referenceId. The first outcome for a referenceId and interaction wins,
 * so a repeated notification changes nothing; one about another interaction (another session's
 * request of the same number) is kept beside it, newest first (a few at most): the answer that
 * comes claims the one about its own interaction, whichever came first. At the limit, the oldest
 * number is dropped: a scan of at most `EARLY_OUTCOME_LIMIT` entries, independent of the number of
 * interactions.
 */
export function rememberOutcome(outcomes: Outcomes, referenceId: number, outcome: EarlyOutcome): Outcomes {
  const held = outcomes.get(referenceId);
  if (held !== undefined) {
    const all = outcomesOf(held);
    if (outcome.interactionId === undefined || all.some((kept) => kept.interactionId === outcome.interactionId)) return outcomes;
    const others = all.map(({ others: _, ...one }) => one).slice(0, EARLY_OUTCOME_OTHERS_LIMIT);
    return outcomes.set(referenceId, { ...outcome, others });
  }
  let kept = outcomes;
  if (kept.size >= EARLY_OUTCOME_LIMIT) {
    let oldestId: number | undefined;
    let oldestAt = Number.POSITIVE_INFINITY;
    for (const [id, candidate] of kept.entries()) {
      if (candidate.at < oldestAt || (candidate.at === oldestAt && oldestId !== undefined && id < oldestId)) {
        oldestAt = candidate.at;
        oldestId = id;
      }
    }
    if (oldestId !== undefined) kept = kept.delete(oldestId);
  }
  return kept.set(referenceId, outcome);
}

/** Outcomes still young enough to be claimed at `at`; the same map when none expired. */
export function dropExpiredOutcomes(outcomes: Outcomes, at: number): Outcomes {
  let kept = outcomes;
  for (const [id, outcome] of outcomes.entries()) {
    if (at - outcome.at > EARLY_OUTCOME_MAX_AGE_MS) kept = kept.delete(id);
  }
  return kept;
}
