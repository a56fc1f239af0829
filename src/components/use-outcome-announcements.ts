import { useEffect, useRef } from 'react';
import { showsEffect } from '../core/effects';
import type { DoneAction, InteractionEntry } from '../core/types';
import { interactionSubject } from './interaction-card';
import { OWN_DOING_MS } from './own-doing';
import type { Politeness } from './live-announcer';
import type { Messages } from './messages';

/**
 * Whether the card shows what the action did: an Accept answered with the offer still Invited, or
 * an edit of a repeated key whose shown (last) value did not change, is not "done" to the agent.
 * After a Reject or a Transfer a server may name the state as it likes; SetInFocus leaves no trace
 * on the interaction.
 */
function cardShowsIt(done: DoneAction, entry: InteractionEntry): boolean {
  switch (done.operation) {
    case 'Reject':
    case 'Transfer':
    case 'SetInFocus':
      return true;
    default:
      return showsEffect(done, entry.interaction, false);
  }
}

/**
 * Announces, politely, that an action this tab sent is done ("Completed: <subject>"), as the
 * server confirmed it (its notification, a read that shows it done, or its outcome after the card
 * said it timed out): a status message of the action's result (WCAG 4.1.3). Read from each entry's
 * `lastDone`, which the store sets when it settles the action, so whether a frame ever drew the
 * action in flight does not matter (with other tabs open, request and outcome can land in one).
 * A failure is its card's alert (or a burst's summary) instead; another tab's action is that
 * tab's to say. The card changes anyway, but a screen reader does not read a button that
 * disappears, nor a chip that changes elsewhere on the card.
 */
export function useOutcomeAnnouncements(
  entries: readonly InteractionEntry[],
  messages: Messages,
  announce: (text: string, politeness: Politeness) => void,
): void {
  /** The last action done on each interaction, as the last render saw it (undefined: no render yet). */
  const seen = useRef<ReadonlyMap<string, string> | undefined>(undefined);
  useEffect(() => {
    const before = seen.current;
    const now = new Map<string, string>();
    for (const entry of entries) {
      const done = entry.lastDone;
      if (done === undefined) continue;
      const id = entry.interaction.id;
      // What was done before this widget drew (a remount) is not news; nor what was said already.
      if (before === undefined || before.get(id) === done.requestId) {
        now.set(id, done.requestId);
        continue;
      }
      if (!cardShowsIt(done, entry)) {
        // Done at once (Workspace API v3's status 0): the news that shows it comes a moment
        // later; waited for that long, then given up (an Accept answered with the offer still
        // Invited is not "Accepted").
        const said = Date.now() - done.at > OWN_DOING_MS ? done.requestId : before.get(id);
        if (said !== undefined) now.set(id, said);
        continue;
      }
      now.set(id, done.requestId);
      announce(messages.actionDone(done.operation, interactionSubject(entry)), 'polite');
    }
    seen.current = now;
  }, [entries, messages, announce]);
}
