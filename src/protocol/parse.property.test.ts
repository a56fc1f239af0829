import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseNotification, parseOpenmediaResource, parseRestAnswer, parseSnapshot } from './parse';
import type { OpenmediaNotification, OpenmediaResourceWire, ParseResult, RejectionReason } from './types';
import { KNOWN_OPERATIONS, KNOWN_STATES, REJECTION_REASONS } from './types';

const REASONS = new Set<string>(REJECTION_REASONS);

// Everything fast-check can build, including the exotic values a JSON decoder never produces.
const exotic = { withBigInt: true, withBoxedValues: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true, withTypedArray: true, withSparseArray: true, withObjectString: true, maxDepth: 3 };

/** Why a successful parse is not well-formed, or undefined. */
function malformed(notification: OpenmediaNotification): string | undefined {
  if (notification.referenceId !== undefined && !(Number.isSafeInteger(notification.referenceId) && notification.referenceId > 0)) return 'referenceId';
  const resource = notification.openmedia;
  if (resource === undefined) return notification.notificationType === 'Error' ? undefined : 'missing resource';
  if (typeof resource.id !== 'string' || resource.id === '') return 'id';
  if (typeof resource.mediaType !== 'string' || typeof resource.state !== 'string') return 'mediaType/state';
  if (!resource.capabilities.every((c) => typeof c === 'string')) return 'capabilities';
  for (const value of Object.values(resource.userData)) {
    if (!(value === null || typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value)))) return 'userData';
  }
  if (resource.receivedAt !== undefined && !Number.isFinite(resource.receivedAt)) return 'receivedAt';
  return undefined;
}

function checkResult(result: ParseResult): void {
  if (result.ok) expect(malformed(result.notification)).toBeUndefined();
  else expect(REASONS.has(result.reason)).toBe(true);
}

const resourceArb: fc.Arbitrary<OpenmediaResourceWire> = fc.record({
  id: fc.string({ minLength: 1, maxLength: 20 }),
  mediaType: fc.constantFrom('promotion', 'workitem', 'email'),
  openmediaType: fc.constantFrom('Inbound', 'Outbound'),
  state: fc.oneof(fc.constantFrom(...KNOWN_STATES), fc.string({ minLength: 1, maxLength: 10 })),
  capabilities: fc.subarray([...KNOWN_OPERATIONS, 'Unknown']),
  uri: fc.webUrl(),
  userData: fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.constant(null))),
  receivedDate: fc.constantFrom('2014-03-26 16:02:22.000+0200', '2020-01-01T00:00:00Z'),
});

const messageArb = fc.record({
  messageType: fc.constantFrom('OpenmediaStateChangeMessage', 'OpenMediaStateChangeMessage'),
  notificationType: fc.constantFrom('StatusChange', 'PropertiesUpdated', 'Error'),
  referenceId: fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: undefined }),
  openmedia: resourceArb,
  errorMessage: fc.option(fc.string({ maxLength: 20 }), { nil: undefined }),
  errorCode: fc.option(fc.oneof(fc.integer(), fc.string({ maxLength: 4 })), { nil: undefined }),
});

type Mutation = { scope: 'message' | 'resource' | 'userData' | 'capabilities'; key: string; remove: boolean; value: unknown };

const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  scope: fc.constantFrom('message' as const, 'resource' as const, 'userData' as const, 'capabilities' as const),
  key: fc.constantFrom(
    'messageType',
    'notificationType',
    'referenceId',
    'openmedia',
    'errorMessage',
    'errorCode',
    'id',
    'mediaType',
    'state',
    'capabilities',
    'userData',
    'receivedDate',
    '0',
    '__proto__',
  ),
  remove: fc.boolean(),
  value: fc.anything(exotic),
});

function mutate(message: Record<string, unknown>, mutations: readonly Mutation[]): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...message, openmedia: { ...(message.openmedia as object) } };
  for (const { scope, key, remove, value } of mutations) {
    const resource = copy.openmedia;
    let target: unknown = copy;
    if (scope !== 'message') target = resource;
    if (scope === 'userData' || scope === 'capabilities') target = typeof resource === 'object' && resource !== null ? (resource as Record<string, unknown>)[scope] : undefined;
    // A typed array (a mutation put one where capabilities were) cannot hold an object: defining
    // one throws in the test itself, not in the parser.
    if (typeof target !== 'object' || target === null || Object.isFrozen(target) || ArrayBuffer.isView(target)) continue;
    if (remove) Reflect.deleteProperty(target, key);
    else Reflect.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
  }
  return copy;
}

describe('parser properties', () => {
  it('never throws on anything, and rejects with a known reason', () => {
    fc.assert(
      fc.property(fc.anything(exotic), (input) => {
        checkResult(parseNotification(input));
        checkResult(parseNotification({ channel: '/v2/me/openmedia', data: input }));
        const resource = parseOpenmediaResource(input);
        if (!resource.ok) expect(REASONS.has(resource.reason)).toBe(true);
        const answer = parseRestAnswer(input);
        if (answer.ok) expect(Number.isInteger(answer.answer.statusCode)).toBe(true);
        const snapshot = parseSnapshot(input);
        if (snapshot.ok) expect(snapshot.rejected.every((reason: RejectionReason) => REASONS.has(reason))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on any JSON value, inside or outside a message envelope', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (input) => {
        checkResult(parseNotification(input));
        checkResult(parseNotification({ messageType: 'OpenmediaStateChangeMessage', notificationType: 'StatusChange', openmedia: input }));
        expect(() => parseSnapshot({ statusCode: 0, openmedia: [input] })).not.toThrow();
        expect(() => parseRestAnswer(input)).not.toThrow();
      }),
      { numRuns: 1500 },
    );
  });

  it('never throws on a valid message with random fields removed or replaced', () => {
    fc.assert(
      fc.property(messageArb, fc.array(mutationArb, { minLength: 1, maxLength: 4 }), (message, mutations) => {
        checkResult(parseNotification(mutate(message, mutations)));
      }),
      { numRuns: 2000 },
    );
  });

  it('reads every valid message back to what was sent', () => {
    fc.assert(
      fc.property(messageArb, (message) => {
        const result = parseNotification(message);
        if (!result.ok) throw new Error(`rejected: ${result.reason}`);
        const { notification } = result;
        expect(notification.notificationType).toBe(message.notificationType);
        expect(notification.referenceId).toBe(message.referenceId === 0 ? undefined : message.referenceId);
        expect(notification.openmedia).toMatchObject({
          id: message.openmedia.id,
          mediaType: message.openmedia.mediaType,
          state: message.openmedia.state,
          capabilities: message.openmedia.capabilities,
          userData: message.openmedia.userData,
          uri: message.openmedia.uri,
        });
        expect(notification.openmedia?.receivedAt).toBeTypeOf('number');
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps the readable items of a snapshot whatever the others hold', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(resourceArb, fc.anything(exotic)), { maxLength: 6 }), (items) => {
        const result = parseSnapshot({ statusCode: 0, openmedia: items });
        if (!result.ok) throw new Error(result.reason);
        expect(result.interactions.length + result.rejected.length).toBe(items.length);
      }),
      { numRuns: 500 },
    );
  });
});
