import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OpenmediaInteraction, OpenmediaNotification, Operation, RejectionReason } from '../protocol/types';
import { KNOWN_OPERATIONS, REJECTION_REASONS } from '../protocol/types';
import { EARLY_OUTCOME_LIMIT } from './early-outcomes';
import { refusedButDone } from './pending-actions';
import { createInitialState, openmediaReducer } from './reducer';
import { SEED } from '../test-support/builders';
import type { OpenmediaEvent, OpenmediaState } from './types';

// Small domains, so that ids, referenceIds and requestIds collide often and every branch of the
// reducer (revival, early outcomes, superseded requests, eviction) is reached.
const IDS = ['a', 'b', 'c', 'd'] as const;
const MEDIA_TYPES = ['promotion', 'workitem'] as const;
const STATES = ['Invited', 'Processing', 'Completed', 'Parked'] as const;
const REQUEST_IDS = ['r1', 'r2', 'r3', 'r4', 'r5'] as const;
const OPTIONS = { lingerMs: 1_000, logSize: 20 };

const interactionArb: fc.Arbitrary<OpenmediaInteraction> = fc
  .record({
    id: fc.constantFrom(...IDS),
    mediaType: fc.constantFrom(...MEDIA_TYPES),
    state: fc.constantFrom(...STATES),
    capabilities: fc.subarray([...KNOWN_OPERATIONS, 'Unknown']),
    userData: fc.dictionary(fc.constantFrom('k1', 'k2'), fc.oneof(fc.constantFrom('x', 'y'), fc.integer({ min: 0, max: 2 }), fc.constant(null))),
  })
  .map((fields) => ({ ...SEED, ...fields }));

const referenceIdArb = fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined });

const notificationArb: fc.Arbitrary<OpenmediaNotification> = fc.oneof(
  fc.record({ notificationType: fc.constantFrom('StatusChange' as const, 'PropertiesUpdated' as const), referenceId: referenceIdArb, openmedia: interactionArb }),
  fc.record({
    notificationType: fc.constant('Error' as const),
    referenceId: referenceIdArb,
    openmedia: fc.option(interactionArb, { nil: undefined }),
    errorMessage: fc.option(fc.constantFrom('Nope', 'Queue closed'), { nil: undefined }),
    errorCode: fc.option(fc.constantFrom(2, 'E7'), { nil: undefined }),
  }),
);

/** An event without its time; times are added as increasing offsets so lingers and expiries happen. */
type Timeless = OpenmediaEvent extends infer E ? (E extends OpenmediaEvent ? Omit<E, 'at'> : never) : never;

const timelessArb: fc.Arbitrary<Timeless> = fc.oneof(
  { weight: 5, arbitrary: notificationArb.map((notification) => ({ type: 'notificationReceived' as const, notification })) },
  {
    weight: 3,
    arbitrary: fc.record({
      type: fc.constant('actionRequested' as const),
      requestId: fc.constantFrom(...REQUEST_IDS),
      interactionId: fc.constantFrom(...IDS, 'unknown'),
      operation: fc.constantFrom<Operation>(...KNOWN_OPERATIONS),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({ type: fc.constant('actionAccepted' as const), requestId: fc.constantFrom(...REQUEST_IDS), referenceId: fc.integer({ min: 1, max: 6 }) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('actionFailed' as const),
      requestId: fc.constantFrom(...REQUEST_IDS),
      message: fc.constant('HTTP 500'),
      code: fc.constant(500),
      kind: fc.constantFrom('status-code' as const, 'http' as const, 'not-available' as const),
    }),
  },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('actionTimedOut' as const), requestId: fc.constantFrom(...REQUEST_IDS) }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('errorDismissed' as const), interactionId: fc.constantFrom(...IDS) }) },
  { weight: 2, arbitrary: fc.constant({ type: 'clockTicked' as const }) },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('snapshotLoaded' as const),
      mediaTypes: fc.subarray([...MEDIA_TYPES]),
      interactions: fc.array(interactionArb, { maxLength: 3 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('messageRejected' as const), reason: fc.constantFrom<RejectionReason>(...REJECTION_REASONS) }) },
);

// Mostly small steps, sometimes a jump past the linger or the 120 s early-outcome expiry.
const stepArb = fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 0, max: 400 }) }, { weight: 1, arbitrary: fc.constantFrom(1_000, 130_000) });

const eventsArb: fc.Arbitrary<OpenmediaEvent[]> = fc.array(fc.tuple(timelessArb, stepArb), { maxLength: 30 }).map((items) => {
  let at = 1_000;
  return items.map(([event, step]) => {
    at += step;
    return { ...event, at } as OpenmediaEvent;
  });
});

/** The time of the last event that has one (errorDismissed carries none). */
function lastAt(events: readonly OpenmediaEvent[]): number {
  let at = 1_000;
  for (const event of events) if ('at' in event) at = event.at;
  return at;
}

function fold(events: readonly OpenmediaEvent[], from: OpenmediaState = createInitialState(OPTIONS)): OpenmediaState {
  return events.reduce(openmediaReducer, from);
}

/** The first broken invariant, or undefined. Plain code: thousands of expect() calls are slow. */
function brokenInvariant(state: OpenmediaState): string | undefined {
  const ids = new Set(state.order);
  if (ids.size !== state.order.length) return 'duplicate ids in order';
  if (ids.size !== state.byId.size) return 'order and byId differ in size';
  for (const id of state.byId.keys()) if (!ids.has(id)) return `byId has ${id}, order does not`;
  for (const [id, entry] of state.byId.entries()) {
    if (entry.interaction.id !== id) return `entry ${id} holds ${entry.interaction.id}`;
    if (state.ended.get(id) !== entry.endedAt) return `ended index out of step for ${id}`;
    if (entry.interaction.state === 'Completed' && entry.endedAt === undefined) return `${id} Completed without endedAt`;
    if (entry.gone && entry.endedAt === undefined) return `${id} gone without endedAt`;
    if (entry.pending !== undefined && state.pending.get(entry.pending.requestId) !== entry.pending) return `${id}.pending is not in pending`;
  }
  for (const id of state.ended.keys()) if (!state.byId.has(id)) return `ended index has ${id}`;
  for (const [requestId, action] of state.pending.entries()) {
    if (action.requestId !== requestId) return `pending ${requestId} holds ${action.requestId}`;
    if (action.referenceId !== undefined && !state.pendingByReferenceId.has(action.referenceId)) return `referenceId ${action.referenceId} not indexed`;
  }
  for (const [ref, requestId] of state.pendingByReferenceId.entries()) {
    if (state.pending.get(requestId)?.referenceId !== ref) return `referenceId ${ref} points to ${requestId}, which does not carry it`;
    if (state.earlyOutcomes.has(ref)) return `referenceId ${ref} is both pending and an early outcome`;
  }
  if (state.earlyOutcomes.size > EARLY_OUTCOME_LIMIT) return 'too many early outcomes';
  if (state.diagnostics.log.length > state.options.logSize) return 'log too long';
  if (state.focusedId !== undefined && !state.byId.has(state.focusedId)) return 'focus on an unknown interaction';
  return undefined;
}

/** A comparable view of the state without the diagnostics (counters and log grow with every message). */
function project(state: OpenmediaState, { withOrder = true, withEarly = true, withFocus = true } = {}) {
  const sortByKey = <T,>(entries: Iterable<[string | number, T]>) => [...entries].sort(([a], [b]) => String(a).localeCompare(String(b)));
  return {
    entries: sortByKey(state.byId.entries()),
    order: withOrder ? state.order : [...state.order].sort(),
    pending: sortByKey(state.pending.entries()),
    byRef: sortByKey(state.pendingByReferenceId.entries()),
    early: withEarly ? sortByKey(state.earlyOutcomes.entries()) : [],
    focusedId: withFocus ? state.focusedId : undefined,
  };
}

describe('openmediaReducer properties', () => {
  it('keeps its invariants after every event of any sequence', () => {
    fc.assert(
      fc.property(eventsArb, (events) => {
        let state = createInitialState(OPTIONS);
        for (const event of events) {
          state = openmediaReducer(state, event);
          const broken = brokenInvariant(state);
          if (broken !== undefined) throw new Error(`${broken} after ${event.type}`);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('applies a notification twice exactly like once', () => {
    fc.assert(
      fc.property(eventsArb, notificationArb, fc.integer({ min: 0, max: 500 }), (events, notification, step) => {
        const before = fold(events);
        const event: OpenmediaEvent = { type: 'notificationReceived', notification, at: lastAt(events) + step };
        const once = openmediaReducer(before, event);
        const twice = openmediaReducer(once, event);
        expect(twice.byId).toBe(once.byId);
        expect(twice.order).toBe(once.order);
        // A repeat of a notification that settled a request finds nothing pending and is kept as an
        // early outcome, like any late outcome; otherwise the early outcomes are unchanged too.
        const ref = notification.referenceId;
        const settledOne = ref !== undefined && before.pendingByReferenceId.has(ref);
        expect(project(twice, { withEarly: !settledOne })).toEqual(project(once, { withEarly: !settledOne }));
        if (!settledOne) expect(twice.earlyOutcomes).toBe(once.earlyOutcomes);
      }),
      { numRuns: 1500 },
    );
  });

  it('lets notifications for different interactions commute', () => {
    fc.assert(
      fc.property(eventsArb, interactionArb, interactionArb, referenceIdArb, referenceIdArb, (events, first, second, ref1, ref2) => {
        fc.pre(first.id !== second.id && (ref1 === undefined || ref1 !== ref2));
        const before = fold(events);
        // A referenceId naming another interaction's request would make both touch that one.
        const ownRef = (ref: number | undefined, id: string) => {
          const requestId = ref === undefined ? undefined : before.pendingByReferenceId.get(ref);
          return requestId === undefined || before.pending.get(requestId)?.interactionId === id ? ref : undefined;
        };
        const at = lastAt(events) + 1;
        const a: OpenmediaEvent = { type: 'notificationReceived', at, notification: { notificationType: 'StatusChange', referenceId: ownRef(ref1, first.id), openmedia: first } };
        const b: OpenmediaEvent = { type: 'notificationReceived', at: at + 1, notification: { notificationType: 'PropertiesUpdated', referenceId: ownRef(ref2, second.id), openmedia: second } };
        const ab = fold([a, b], before);
        const ba = fold([b, a], before);
        // New or revived ids go to the front in arrival order, and focus follows the latest
        // SetInFocus: both depend on order by design, the rest must not.
        expect(project(ab, { withOrder: false, withFocus: false })).toEqual(project(ba, { withOrder: false, withFocus: false }));
        const others = (state: OpenmediaState) => state.order.filter((id) => id !== first.id && id !== second.id);
        expect(others(ab)).toEqual(others(ba));
      }),
      { numRuns: 1500 },
    );
  });

  it('settles every request once its outcome or its timeout comes', () => {
    fc.assert(
      fc.property(eventsArb, fc.boolean(), (events, failThem) => {
        let state = fold(events);
        let at = lastAt(events) + 1;
        // Outcomes first: every accepted request gets a notification (success or Error) with its referenceId.
        for (const action of [...state.pending.values()]) {
          if (action.referenceId === undefined) continue;
          const resource = state.byId.get(action.interactionId)?.interaction;
          const notification: OpenmediaNotification = failThem
            ? { notificationType: 'Error', referenceId: action.referenceId, openmedia: resource, errorMessage: 'No', errorCode: 1 }
            : { notificationType: 'StatusChange', referenceId: action.referenceId, openmedia: resource ?? { ...SEED, id: action.interactionId } };
          state = openmediaReducer(state, { type: 'notificationReceived', notification, at: at++ });
          expect(state.pending.has(action.requestId)).toBe(false);
          const target = state.byId.get(action.interactionId);
          // Unless the card already shows it done (refusedButDone: another tab's or application's doing).
          if (failThem && target !== undefined && !refusedButDone(target, action.operation, 'error-notification')) {
            expect(target.error).toMatchObject({ kind: 'error-notification', operation: action.operation });
          }
        }
        expect([...state.pending.values()].filter((action) => action.referenceId !== undefined)).toEqual([]);
        // Then the timers: every request still waiting for its REST answer times out.
        for (const action of [...state.pending.values()]) {
          state = openmediaReducer(state, { type: 'actionTimedOut', requestId: action.requestId, at: at++ });
          const target = state.byId.get(action.interactionId);
          if (target !== undefined) expect(target.error?.kind).toBe('timeout');
        }
        expect(state.pending.size).toBe(0);
        expect(state.pendingByReferenceId.size).toBe(0);
        expect([...state.byId.values()].filter((entry) => entry.pending !== undefined)).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  });

  it('returns the same state for a clock tick when nothing is due', () => {
    fc.assert(
      fc.property(eventsArb, (events) => {
        const at = lastAt(events);
        const ticked = openmediaReducer(fold(events), { type: 'clockTicked', at });
        expect(openmediaReducer(ticked, { type: 'clockTicked', at })).toBe(ticked);
      }),
      { numRuns: 500 },
    );
  });
});
