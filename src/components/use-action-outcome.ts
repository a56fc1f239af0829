import { useEffect, useRef } from 'react';
import type { InteractionEntry } from '../core/types';
import type { OperationRequest } from '../protocol/types';
import type { ActionOutcome } from './action-event';

interface Watch {
  readonly request: OperationRequest;
  readonly sentAt: number;
  requestId: string | undefined;
}

/**
 * Follows one sent action through the entry until it settles, then reports the outcome once:
 * the entry's `pending` appears (its requestId is noted) and later clears, with or without a newer
 * `error`. A failure that settles before the pending state was ever rendered is caught by its error.
 */
export function useActionOutcome(
  entry: InteractionEntry | undefined,
  onSettled: (request: OperationRequest, outcome: ActionOutcome) => void,
): (request: OperationRequest) => void {
  const watch = useRef<Watch | undefined>(undefined);
  const settled = useRef(onSettled);
  useEffect(() => {
    settled.current = onSettled;
  });

  useEffect(() => {
    const w = watch.current;
    if (!w || !entry) return;
    const { pending, error } = entry;
    if (pending && pending.operation === w.request.operationName && w.requestId === undefined) {
      w.requestId = pending.requestId;
      return;
    }
    if (pending && pending.requestId === w.requestId) return;
    const failure = error && error.at >= w.sentAt ? error : undefined;
    if (w.requestId === undefined && !failure) return;
    watch.current = undefined;
    settled.current(w.request, failure ? { status: 'failed', error: failure } : { status: 'succeeded' });
  }, [entry]);

  return (request) => {
    watch.current = { request, sentAt: Date.now(), requestId: undefined };
  };
}
