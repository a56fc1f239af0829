import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EMPTY_DIAGNOSTICS, countReceivedAndLog, countRejected, logEvent, logEvents } from './diagnostics';
import { createInitialState } from './reducer';
import type { LogEntry, OpenmediaState } from './types';

function line(n: number): LogEntry {
  return { at: n, kind: 'session', interactionId: undefined, referenceId: undefined, detail: `line ${n}` };
}

/** What the log must hold: the model appends by copying, so every state's log is its own. */
function modelAppend(log: readonly LogEntry[], entries: readonly LogEntry[], size: number): readonly LogEntry[] {
  return size <= 0 ? [] : [...log, ...entries].slice(-size);
}

describe('the diagnostics log', () => {
  it('keeps the last logSize entries of every state, oldest first, however states branch', () => {
    // A branch appends to an older state, as a test or a replay may; the shared buffer must never
    // show one branch's entries in another, nor change an earlier state's log.
    const step = fc.record({ from: fc.nat(), count: fc.integer({ min: 0, max: 7 }) });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9 }), fc.array(step, { maxLength: 120 }), (size, steps) => {
        const states: OpenmediaState[] = [createInitialState({ logSize: size })];
        const models: (readonly LogEntry[])[] = [[]];
        let n = 0;
        for (const { from, count } of steps) {
          // Mostly the newest state, as the store does; sometimes an older one.
          const index = from % 4 === 0 ? from % states.length : states.length - 1;
          const entries = Array.from({ length: count }, () => line(n++));
          states.push(count === 1 ? logEvent(states[index]!, entries[0]!) : logEvents(states[index]!, entries));
          models.push(modelAppend(models[index]!, entries, size));
        }
        states.forEach((state, i) => expect(state.diagnostics.log).toEqual(models[i]));
      }),
      { numRuns: 300 },
    );
  });

  it('leaves the empty log shared by every first state empty (its buffer outlives every state)', () => {
    const window = (diagnostics: object) =>
      (diagnostics as Record<symbol, { buffer: readonly LogEntry[] }>)[Object.getOwnPropertySymbols(diagnostics).find((s) => s.description === 'log window')!]!;
    let state = createInitialState({ logSize: 3 });
    for (let n = 0; n < 5; n += 1) state = logEvent(state, line(n));
    expect(state.diagnostics.log).toEqual([line(2), line(3), line(4)]);
    expect(logEvent(createInitialState({ logSize: 3 }), line(9)).diagnostics.log).toEqual([line(9)]);
    expect(window(EMPTY_DIAGNOSTICS).buffer).toHaveLength(0);
  });

  it('reads the log of a state made elsewhere, and leaves it as it was', () => {
    const made: OpenmediaState = { ...createInitialState({ logSize: 2 }), diagnostics: { ...EMPTY_DIAGNOSTICS, log: [line(1), line(2)] } };
    const after = logEvent(made, line(3));
    expect(after.diagnostics.log).toEqual([line(2), line(3)]);
    expect(made.diagnostics.log).toEqual([line(1), line(2)]);
  });

  it('gives the same array each time a state’s log is read', () => {
    const state = logEvent(createInitialState(), line(1));
    expect(state.diagnostics.log).toBe(state.diagnostics.log);
  });

  it('counts and logs a message in one change, keeping the other counters', () => {
    const rejected = countRejected(createInitialState(), 'missing-id');
    const state = countReceivedAndLog(rejected, line(7));
    expect(state.diagnostics).toEqual({ received: 1, rejected: { 'missing-id': 1 }, unmatchedReferenceIds: 0, log: [line(7)] });
    expect(JSON.parse(JSON.stringify(state.diagnostics))).toEqual({ received: 1, rejected: { 'missing-id': 1 }, unmatchedReferenceIds: 0, log: [line(7)] });
  });

  it('is a plain object: log is an own, enumerable property that copies and clones keep', () => {
    const { diagnostics } = countReceivedAndLog(createInitialState(), line(3));
    expect(Object.keys(diagnostics)).toEqual(['received', 'rejected', 'unmatchedReferenceIds', 'log']);
    expect({ ...diagnostics }.log).toEqual([line(3)]);
    expect(structuredClone(diagnostics)).toEqual({ received: 1, rejected: {}, unmatchedReferenceIds: 0, log: [line(3)] });
    // A plain object: strict equality and plain-object checks (serializability middleware) pass.
    expect(Object.getPrototypeOf(diagnostics)).toBe(Object.prototype);
    expect(diagnostics).toStrictEqual({ received: 1, rejected: {}, unmatchedReferenceIds: 0, log: [line(3)] });
  });
});
