/** News heard this long after the page was resumed may have come while it was frozen. */
export const HEARD_LATE_WITHIN_MS = 1_000;

export interface FreezeWatch {
  /**
   * Whether news that came (as far as this page can tell) at `arrivedAt` may have come earlier,
   * while the page was frozen: Chrome freezes a background tab (and its Worker), and what the
   * network brought meanwhile is handled when it resumes, stamped with that moment.
   */
  heardLate(arrivedAt: number): boolean;
  stop(): void;
}

/**
 * Follows the page's `freeze` and `resume` events (the Page Lifecycle API; a browser without them
 * never reports a freeze). `now`: the client's clock.
 */
export function watchFreezes(target: EventTarget | undefined, now: () => number): FreezeWatch {
  let frozenAt: number | undefined;
  let resumedAt: number | undefined;
  const onFreeze = () => {
    frozenAt = now();
    resumedAt = undefined;
  };
  const onResume = () => {
    resumedAt = now();
  };
  target?.addEventListener('freeze', onFreeze);
  target?.addEventListener('resume', onResume);
  return {
    heardLate(arrivedAt) {
      if (frozenAt === undefined) return false;
      if (resumedAt !== undefined && now() - resumedAt > HEARD_LATE_WITHIN_MS) {
        frozenAt = undefined;
        resumedAt = undefined;
        return false;
      }
      if (arrivedAt < frozenAt) return false;
      // Stamped while this page was frozen: by something that was not (the leader tab relaying), so on time.
      if (resumedAt !== undefined) return arrivedAt >= resumedAt;
      // Not resumed yet as far as the events tell: a stamp of this moment is this page's own, late.
      return now() - arrivedAt < HEARD_LATE_WITHIN_MS;
    },
    stop() {
      target?.removeEventListener('freeze', onFreeze);
      target?.removeEventListener('resume', onResume);
    },
  };
}
