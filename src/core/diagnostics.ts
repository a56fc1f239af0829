import type { RejectionReason } from '../protocol/types';
import type { Diagnostics, LogEntry, OpenmediaState } from './types';

/**
 * The log of one state: the last `length` entries of `buffer` before `end`. Successive states
 * share one buffer: appending to the newest state's log pushes onto it in place, which leaves
 * every earlier state's window as it was. Appending to an older state (a branch) copies its
 * window first. When the buffer has grown to a few times the log's size, the next append starts
 * a fresh buffer with only the window, so the copying costs O(1) per entry on average, where a
 * copy per entry cost O(logSize), and in a burst of notifications one 200-entry array of garbage
 * per message.
 */
interface LogWindow {
  readonly buffer: LogEntry[];
  readonly end: number;
  readonly length: number;
}

const EMPTY_WINDOW: LogWindow = { buffer: [], end: 0, length: 0 };
const EMPTY_LOG: readonly LogEntry[] = [];

/** How far a shared buffer may grow, in multiples of the log's size, before it is compacted. */
const BUFFER_GROWTH = 2;

function append(window: LogWindow, entries: readonly LogEntry[], size: number): LogWindow {
  if (size <= 0) return EMPTY_WINDOW;
  if (entries.length === 0) return window;
  const length = Math.min(size, window.length + entries.length);
  // The empty window is shared by every first state (a module constant): pushing onto its buffer
  // kept a page's first 400 log lines, with their text, for as long as the page lived.
  const isNewest = window !== EMPTY_WINDOW && window.end === window.buffer.length;
  if (isNewest && window.buffer.length + entries.length <= Math.max(BUFFER_GROWTH * size, 64)) {
    for (const entry of entries) window.buffer.push(entry);
    return { buffer: window.buffer, end: window.buffer.length, length };
  }
  const kept = Math.max(0, length - entries.length);
  const buffer = window.buffer.slice(window.end - kept, window.end);
  for (let i = Math.max(0, entries.length - length); i < entries.length; i++) buffer.push(entries[i] as LogEntry);
  return { buffer, end: buffer.length, length };
}

/** Where a diagnostics object made here keeps its log window, and its log once read (never enumerable). */
const WINDOW = Symbol('log window');
const LOG = Symbol('log');

interface Windowed {
  readonly [WINDOW]: LogWindow;
  [LOG]?: readonly LogEntry[];
}

/** The `log` of every diagnostics object made here: one getter, shared. */
const LOG_PROPERTY: PropertyDescriptor = {
  get(this: Diagnostics & Windowed): readonly LogEntry[] {
    let log = this[LOG];
    if (log === undefined) {
      const window = this[WINDOW];
      log = window.length === 0 ? EMPTY_LOG : window.buffer.slice(window.end - window.length, window.end);
      Object.defineProperty(this, LOG, { value: log });
    }
    return log;
  },
  enumerable: true,
  configurable: false,
};

function windowOf(diagnostics: Diagnostics): LogWindow {
  const known = (diagnostics as Partial<Windowed>)[WINDOW];
  if (known !== undefined) return known;
  // Made elsewhere (a test's state, a replayed recording): its log becomes a buffer of its own.
  const log = diagnostics.log.slice();
  return { buffer: log, end: log.length, length: log.length };
}

/**
 * Diagnostics whose `log` is an array made when first read (and kept): nothing reads the log of
 * most states, since a burst commits one state per frame out of hundreds.
 *
 * One is made per message applied. It is a plain object (JSON, spread, structured clone, strict
 * equality and plain-object checks see `received`, `rejected`, `unmatchedReferenceIds` and `log`,
 * as before) whose `log` is an own, enumerable accessor with one getter shared by every object,
 * and whose window sits under a non-enumerable symbol. An object literal with a getter of its own
 * and a WeakMap from it to its window cost about 2.5 times as much to make, and the WeakMap's
 * entries are work for every garbage collection.
 */
function makeDiagnostics(
  received: number,
  rejected: Diagnostics['rejected'],
  unmatchedReferenceIds: number,
  window: LogWindow,
): Diagnostics {
  const diagnostics = { received, rejected, unmatchedReferenceIds } as unknown as Diagnostics;
  Object.defineProperty(diagnostics, 'log', LOG_PROPERTY);
  Object.defineProperty(diagnostics, WINDOW, { value: window });
  return diagnostics;
}

export const EMPTY_DIAGNOSTICS: Diagnostics = makeDiagnostics(0, {}, 0, EMPTY_WINDOW);

function withDiagnostics(state: OpenmediaState, diagnostics: Diagnostics): OpenmediaState {
  return { ...state, diagnostics };
}

interface DiagnosticsChange {
  readonly received?: number;
  readonly rejected?: Diagnostics['rejected'];
  readonly unmatchedReferenceIds?: number;
  readonly entries?: readonly LogEntry[];
}

function changeDiagnostics(state: OpenmediaState, change: DiagnosticsChange): OpenmediaState {
  const { diagnostics } = state;
  const window = windowOf(diagnostics);
  return withDiagnostics(
    state,
    makeDiagnostics(
      change.received ?? diagnostics.received,
      change.rejected ?? diagnostics.rejected,
      change.unmatchedReferenceIds ?? diagnostics.unmatchedReferenceIds,
      change.entries === undefined ? window : append(window, change.entries, state.options.logSize),
    ),
  );
}

export function logEvent(state: OpenmediaState, entry: LogEntry): OpenmediaState {
  return changeDiagnostics(state, { entries: [entry] });
}

export function logEvents(state: OpenmediaState, entries: readonly LogEntry[]): OpenmediaState {
  return changeDiagnostics(state, { entries });
}

/** One more message applied, and its line in the log: one change of the state, not two. */
export function countReceivedAndLog(state: OpenmediaState, entry: LogEntry): OpenmediaState {
  return changeDiagnostics(state, { received: state.diagnostics.received + 1, entries: [entry] });
}

export function countRejected(state: OpenmediaState, reason: RejectionReason): OpenmediaState {
  const { rejected } = state.diagnostics;
  return changeDiagnostics(state, { rejected: { ...rejected, [reason]: (rejected[reason] ?? 0) + 1 } });
}

export function countUnmatched(state: OpenmediaState): OpenmediaState {
  return changeDiagnostics(state, { unmatchedReferenceIds: state.diagnostics.unmatchedReferenceIds + 1 });
}

/** An outcome counted unmatched on arrival found its request after all (it beat the REST answer). */
export function uncountUnmatched(state: OpenmediaState): OpenmediaState {
  const count = state.diagnostics.unmatchedReferenceIds;
  return count > 0 ? changeDiagnostics(state, { unmatchedReferenceIds: count - 1 }) : state;
}
