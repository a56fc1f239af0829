import { createContext } from 'react';
import type { ActionError, InteractionEntry } from '../core/types';
import { subjectOf } from '../protocol/interaction';
import type { FailureBursts } from './failure-announcements';
import type { Announcer } from './live-announcer';
import { errorMessageOf, type Messages } from './messages';

/**
 * What the widget's live regions say, for a modal dialog to repeat while it is open: a dialog
 * opened with `showModal()` makes everything outside it inert, and Chromium leaves it out of the
 * accessibility tree, live regions included — an offer, a failure or "Signed out" would not be
 * heard until the agent closed the dialog, and not even then.
 */
export interface LiveMirror {
  readonly announcer: Announcer;
  /** What the connection-status region says now; undefined while it keeps what it said (the reconnect grace period). */
  readonly status: string | undefined;
  /** The session is gone: the status is assertive. */
  readonly statusUrgent: boolean;
  /** The entries shown, for the failures their cards announce themselves (`role="alert"`). */
  readonly entries: readonly InteractionEntry[];
  readonly failureBursts: FailureBursts;
}

export const LiveMirrorContext = createContext<LiveMirror | undefined>(undefined);

/** The failures shown now that their cards announce themselves (`role="alert"`), with what to say of each. */
export function ownAlerts(mirror: LiveMirror, messages: Messages): { readonly error: ActionError; readonly text: string }[] {
  return mirror.entries.flatMap((entry) => {
    const { error } = entry;
    if (error === undefined || !mirror.failureBursts.isOwnAlert(error)) return [];
    const subject = subjectOf(entry.interaction) ?? entry.interaction.id;
    return [{ error, text: messages.failureOf(messages.errorTitle(error.operation, error.kind), subject, errorMessageOf(messages, error)) }];
  });
}

/** What the live regions had said at a moment: the last announcement, the status, the failures shown. */
export interface LiveMark {
  readonly id: number;
  readonly status: string | undefined;
  readonly alerts: ReadonlySet<ActionError>;
}

export function markLive(mirror: LiveMirror, messages: Messages): LiveMark {
  return { id: mirror.announcer.lastId(), status: mirror.status, alerts: new Set(ownAlerts(mirror, messages).map((alert) => alert.error)) };
}

/** The cards' own failures that were not shown at `mark`. */
export function alertsSince(mark: LiveMark, mirror: LiveMirror, messages: Messages): { readonly error: ActionError; readonly text: string }[] {
  return ownAlerts(mirror, messages).filter((alert) => !mark.alerts.has(alert.error));
}
