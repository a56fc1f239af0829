import { useEffect, useRef } from 'react';
import { showsEffect } from '../core/effects';
import type { InteractionEntry, PendingAction } from '../core/types';
import type { Operation } from '../protocol/types';
import { interactionSubject } from './interaction-card';
import type { Politeness } from './live-announcer';
import type { Messages } from './messages';

/**
 * Operations whose effect is a known state: Accept → Processing, Complete → Completed (after a
 * Reject or a Transfer a server may name the state as it likes, and a user-data value may come
 * back normalised).
 */
const STATE_OPERATIONS: ReadonlySet<Operation> = new Set(['Accept', 'Complete']);

/**
 * Announces, politely, that an action this tab sent is done ("Completed: <subject>"), as its
 * notification confirmed it: a status message of the action's result (WCAG 4.1.3). A failure is
 * its card's alert (or a burst's summary) instead; another tab's action is that tab's to say. The
 * card changes anyway, but a screen reader does not read a button that disappears, nor a chip
 * that changes elsewhere on the card.
 */
export function useOutcomeAnnouncements(
  entries: readonly InteractionEntry[],
  messages: Messages,
  announce: (text: string, politeness: Politeness) => void,
): void {
  /** This tab's actions in flight at the last render, by interaction. */
  const inFlight = useRef<ReadonlyMap<string, PendingAction>>(new Map());
  useEffect(() => {
    const before = inFlight.current;
    const now = new Map<string, PendingAction>();
    for (const entry of entries) {
      const id = entry.interaction.id;
      const { pending } = entry;
      if (pending !== undefined && pending.elsewhere !== true) now.set(id, pending);
      const action = before.get(id);
      // Still on its way; or failed, timed out or in doubt: the card's alert says so. One no
      // longer shown is not said (nothing to see).
      if (action === undefined || pending?.requestId === action.requestId || entry.error?.requestId === action.requestId) continue;
      // Its outcome came (a notification carrying its referenceId) but the card does not show it
      // done: an Accept answered with the offer still Invited is not "Accepted".
      if (STATE_OPERATIONS.has(action.operation) && !showsEffect(action, entry.interaction, false)) continue;
      announce(messages.actionDone(action.operation, interactionSubject(entry)), 'polite');
    }
    inFlight.current = now;
  }, [entries, messages, announce]);
}
