import { formatDuration } from './format';
import { useMessages } from './messages-context';
import { useNow } from './use-now';

export interface TimeInStateProps {
  /** Epoch ms when the current state began. */
  readonly since: number;
  /** Stop ticking (an ended interaction keeps the time it reached). */
  readonly frozenAt?: number | undefined;
}

/** Time spent in the current state, ticking every second (`mm:ss`, `h:mm:ss` past an hour). */
export function TimeInState({ since, frozenAt }: TimeInStateProps) {
  const messages = useMessages();
  const now = useNow(frozenAt === undefined);
  const elapsed = (frozenAt ?? now) - since;
  const seconds = Math.max(0, Math.floor(elapsed / 1000));
  // An interaction that ended the moment it entered its state (Completed) spent no time in it:
  // a frozen 00:00 would say nothing, so there is no timer.
  if (frozenAt !== undefined && seconds === 0) return null;
  return (
    <span className="omw-timer" title={messages.labelTimeInState}>
      <span className="omw-visually-hidden">{messages.labelTimeInState} </span>
      <time dateTime={`PT${seconds}S`}>{formatDuration(elapsed)}</time>
    </span>
  );
}
