import { createContext, useContext, useEffect, useRef, useState } from 'react';
import type { ActionError, InteractionEntry } from '../core/types';
import type { Politeness } from './live-announcer';
import type { Messages } from './messages';

/** Failures this close to the previous one belong to the same burst. */
export const FAILURE_BURST_WINDOW_MS = 2_000;
/** The summary is announced once the burst has been quiet this long. */
export const FAILURE_SUMMARY_DELAY_MS = 500;

/**
 * Decides, once per failure, whether its card's alert is a live `role="alert"` of its own or is
 * summarised: a lone failure is announced by its card, as always; a burst (several failures in one
 * update, or one within {@link FAILURE_BURST_WINDOW_MS} of the previous) is not ten simultaneous
 * alerts but one summary ("10 actions failed. Each card says why."), while every card still shows
 * its own alert box. A failure on the card whose lone failure came last, with none other since (the
 * agent tried again at once and was refused again), is that card's own alert again: its reason is
 * what the agent needs to hear, not "1 more action failed".
 */
export class FailureBursts {
  private readonly ownAlert = new WeakMap<ActionError, boolean>();
  private lastAt = Number.NEGATIVE_INFINITY;
  private aloneInBurst = false;
  /** The interaction of the last lone failure, while no other failure came since. */
  private lastLone: string | undefined;
  /** Failures summarised and not announced yet. */
  private unannounced = 0;
  /** Failures summarised so far (only grows): a change means a summary is due. */
  summarised = 0;

  /**
   * Classify the failures not seen before. Idempotent: a second render with the same errors changes
   * nothing. `interactionOf`: the interaction each error is shown on (a retry on the same card is
   * told apart from a burst).
   */
  observe(
    errors: readonly ActionError[],
    interactionOf: (error: ActionError) => string | undefined = () => undefined,
    focused: () => string | undefined = () => undefined,
  ): void {
    const fresh = errors.filter((error) => !this.ownAlert.has(error));
    if (fresh.length === 0) return;
    // The failures' own times (the store's clock), not the render's: classifying stays pure.
    const earliest = Math.min(...fresh.map((error) => error.at));
    const continuing = earliest - this.lastAt <= FAILURE_BURST_WINDOW_MS;
    if (!continuing) this.aloneInBurst = false;
    this.lastAt = Math.max(this.lastAt, ...fresh.map((error) => error.at));
    const [first] = fresh;
    const retry = first !== undefined && this.lastLone !== undefined && interactionOf(first) === this.lastLone && this.unannounced === 0;
    if ((!continuing || retry) && fresh.length === 1 && first) {
      this.ownAlert.set(first, true);
      this.aloneInBurst = true;
      this.lastLone = interactionOf(first);
      return;
    }
    // In a burst, the failure on the card the agent is on (pressed its button, edits its data) is
    // what the agent is waiting to hear: its own alert; the others are summarised ("N more").
    const focusedId = focused();
    const onFocused = focusedId === undefined ? undefined : fresh.find((error) => interactionOf(error) === focusedId);
    this.lastLone = onFocused === undefined ? undefined : focusedId;
    if (onFocused !== undefined) {
      this.ownAlert.set(onFocused, true);
      this.aloneInBurst = true;
    }
    const rest = onFocused === undefined ? fresh : fresh.filter((error) => error !== onFocused);
    for (const error of rest) this.ownAlert.set(error, false);
    this.unannounced += rest.length;
    this.summarised += rest.length;
  }

  /** Whether this error's card alert announces itself (unknown errors, such as a host veto, do). */
  isOwnAlert(error: ActionError): boolean {
    return this.ownAlert.get(error) ?? true;
  }

  /** The summary to announce now, if any: "N actions failed", or "N more" after a lone one was announced. */
  takeSummary(messages: Messages): string | undefined {
    if (this.unannounced === 0) return undefined;
    const text = messages.failuresSummary(this.unannounced, this.aloneInBurst);
    this.unannounced = 0;
    return text;
  }
}

export const FailureBurstsContext = createContext<FailureBursts | undefined>(undefined);

/** Whether the card alert for `error` should be a live `role="alert"` (true outside a widget). */
export function useOwnAlert(error: ActionError): boolean {
  return useContext(FailureBurstsContext)?.isOwnAlert(error) ?? true;
}

/**
 * The widget's failure coordinator: classifies the entries' errors during render (before the cards
 * below read the decision) and announces a burst's summary assertively once it is quiet.
 */
export function useFailureBursts(
  entries: readonly InteractionEntry[],
  messages: Messages,
  announce: (text: string, politeness: Politeness) => void,
  focusedCard: () => string | undefined = () => undefined,
): FailureBursts {
  const [coordinator] = useState(() => new FailureBursts());
  const shownOn = new Map<ActionError, string>();
  for (const entry of entries) if (entry.error && entry.error.quiet !== true) shownOn.set(entry.error, entry.interaction.id);
  coordinator.observe([...shownOn.keys()], (error) => shownOn.get(error), focusedCard);

  const summarised = coordinator.summarised;
  const latest = useRef({ messages, announce });
  useEffect(() => {
    latest.current = { messages, announce };
  });
  useEffect(() => {
    if (summarised === 0) return undefined;
    const timer = setTimeout(() => {
      const text = coordinator.takeSummary(latest.current.messages);
      if (text !== undefined) latest.current.announce(text, 'assertive');
    }, FAILURE_SUMMARY_DELAY_MS);
    return () => clearTimeout(timer);
  }, [coordinator, summarised]);
  return coordinator;
}
