import type { RejectionReason } from '../protocol/types';
import type { Diagnostics, LogEntry, OpenmediaState } from './types';

export const EMPTY_DIAGNOSTICS: Diagnostics = { received: 0, rejected: {}, unmatchedReferenceIds: 0, log: [] };

/**
 * `log` plus `entries`, oldest first, at most `size` long. Copying costs O(size) whatever the
 * number of interactions, and keeps every earlier state's log intact.
 */
function appendBounded(log: readonly LogEntry[], entries: readonly LogEntry[], size: number): readonly LogEntry[] {
  if (size <= 0) return log.length === 0 ? log : [];
  const total = log.length + entries.length;
  const start = Math.max(0, total - size);
  const next = log.slice(Math.min(start, log.length));
  for (let i = Math.max(0, start - log.length); i < entries.length; i++) next.push(entries[i] as LogEntry);
  return next;
}

function withDiagnostics(state: OpenmediaState, diagnostics: Diagnostics): OpenmediaState {
  return { ...state, diagnostics };
}

export function logEvent(state: OpenmediaState, entry: LogEntry): OpenmediaState {
  return logEvents(state, [entry]);
}

export function logEvents(state: OpenmediaState, entries: readonly LogEntry[]): OpenmediaState {
  const { diagnostics } = state;
  return withDiagnostics(state, { ...diagnostics, log: appendBounded(diagnostics.log, entries, state.options.logSize) });
}

export function countReceived(state: OpenmediaState): OpenmediaState {
  return withDiagnostics(state, { ...state.diagnostics, received: state.diagnostics.received + 1 });
}

export function countRejected(state: OpenmediaState, reason: RejectionReason): OpenmediaState {
  const { rejected } = state.diagnostics;
  return withDiagnostics(state, { ...state.diagnostics, rejected: { ...rejected, [reason]: (rejected[reason] ?? 0) + 1 } });
}

export function countUnmatched(state: OpenmediaState): OpenmediaState {
  const { diagnostics } = state;
  return withDiagnostics(state, { ...diagnostics, unmatchedReferenceIds: diagnostics.unmatchedReferenceIds + 1 });
}
