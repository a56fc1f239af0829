import { describe, expect, it } from 'vitest';
import { KNOWN_OPERATIONS, type Operation } from '../protocol/types';
import { capabilitiesFor, isAllowed, nextStatus, outcomeNotificationType } from './state-machine';

const PROCESSING = ['Transfer', 'AttachUserData', 'UpdateUserData', 'DeleteUserData', 'SetInFocus', 'Complete'];

describe('the open media state machine', () => {
  it.each([
    ['Invited', ['Accept', 'Reject']],
    ['Processing', PROCESSING],
    ['Completed', []],
    ['SomethingNew', []],
    ['constructor', []],
  ])('%s allows %j', (state, caps) => {
    expect(capabilitiesFor(state)).toEqual(caps);
  });

  it.each<[Operation, string, string, string[]]>([
    ['Accept', 'Invited', 'Processing', PROCESSING],
    ['Reject', 'Invited', 'Completed', []],
    ['Transfer', 'Processing', 'Completed', []],
    ['Complete', 'Processing', 'Completed', []],
    ['AttachUserData', 'Processing', 'Processing', PROCESSING],
    ['UpdateUserData', 'Processing', 'Processing', PROCESSING],
    ['DeleteUserData', 'Processing', 'Processing', PROCESSING],
    ['SetInFocus', 'Processing', 'Processing', PROCESSING],
  ])('%s from %s leads to %s', (op, from, to, caps) => {
    const current = { state: from, capabilities: capabilitiesFor(from) };
    expect(isAllowed(current.capabilities, op)).toBe(true);
    expect(nextStatus(current, op)).toEqual({ state: to, capabilities: caps });
  });

  it('allows exactly the advertised capabilities', () => {
    for (const op of KNOWN_OPERATIONS) {
      expect(isAllowed(capabilitiesFor('Invited'), op)).toBe(op === 'Accept' || op === 'Reject');
      expect(isAllowed(capabilitiesFor('Completed'), op)).toBe(false);
    }
    expect(isAllowed(['Complete'], 'Complete')).toBe(true);
  });

  it('reports user-data outcomes as PropertiesUpdated and the rest as StatusChange', () => {
    expect(KNOWN_OPERATIONS.map((op) => outcomeNotificationType(op))).toEqual([
      'StatusChange',
      'StatusChange',
      'StatusChange',
      'PropertiesUpdated',
      'PropertiesUpdated',
      'PropertiesUpdated',
      'StatusChange',
      'StatusChange',
    ]);
  });
});
