import { createContext } from 'react';
import type { InteractionEntry } from '../core/types';
import type { FailureBursts } from './failure-announcements';
import type { Announcer } from './live-announcer';

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
