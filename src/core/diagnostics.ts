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
  const isNewest = window.end === window.buffer.length;
  if (isNewest && window.buffer.length + entries.length <= Math.max(BUFFER_GROWTH * size, 64)) {
    for (const entry of entries) window.buffer.push(entry);
    return { buffer: window.buffer, end: window.buffer.length, length };
  }
  const kept = Math.max(0, length - entries.length);
  const buffer = window.buffer.slice(window.end - kept, window.end);
  for (let i = Math.max(0, entries.length - length); i < entries.length; i++) buffer.push(entries[i] as LogEntry);
  return { buffer, end: buffer.length, length };
}

/**
 * Diagnostics whose `log` is an array made when first read (and kept): nothing reads the log of
 * most states, since a burst commits one state per frame out of hundreds.
 *
 * One is made per message applied, so it is a class: `log` stays an own, enumerable property (as
 * on a plain object: JSON, spread and structured clone see it), defined with one getter shared by
 * every instance. An object literal with its own getter, and a WeakMap from it to its window, cost
 * about six times as much to make (and the WeakMap's entries are work for every collection).
 */
class WindowedDiagnostics implements Diagnostics {
  readonly received: number;
  readonly rejected: Diagnostics['rejected'];
  readonly unmatchedReferenceIds: number;
  declare readonly log: readonly LogEntry[];
  readonly #window: LogWindow;
  #log: readonly LogEntry[] | undefined;

  static readonly #logProperty: PropertyDescriptor = {
    get(this: WindowedDiagnostics): readonly LogEntry[] {
      const window = this.#window;
      this.#log ??= window.length === 0 ? EMPTY_LOG : window.buffer.slice(window.end - window.length, window.end);
      return this.#log;
    },
    enumerable: true,
    configurable: false,
  };

  constructor(received: number, rejected: Diagnostics['rejected'], unmatchedReferenceIds: number, window: LogWindow) {
    this.received = received;
    this.rejected = rejected;
    this.unmatchedReferenceIds = unmatchedReferenceIds;
    this.#window = window;
    Object.defineProperty(this, 'log', WindowedDiagnostics.#logProperty);
  }

  /** The window `diagnostics` reads, when this module made it. */
  static windowOf(diagnostics: Diagnostics): LogWindow | undefined {
    return #window in diagnostics ? diagnostics.#window : undefined;
  }
}

function windowOf(diagnostics: Diagnostics): LogWindow {
  const known = WindowedDiagnostics.windowOf(diagnostics);
  if (known !== undefined) return known;
  // Made elsewhere (a test's state, a replayed recording): its log becomes a buffer of its own.
  const log = diagnostics.log.slice();
  return { buffer: log, end: log.length, length: log.length };
}

function makeDiagnostics(
  received: number,
  rejected: Diagnostics['rejected'],
  unmatchedReferenceIds: number,
  window: LogWindow,
): Diagnostics {
  return new WindowedDiagnostics(received, rejected, unmatchedReferenceIds, window);
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
