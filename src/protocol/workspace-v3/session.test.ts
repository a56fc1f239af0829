import { afterEach, describe, expect, it, vi } from 'vitest';
import { createWorkspaceV3Session } from './session';

// The per-instance state the Workspace API v3 parser and client share, on its own: written after
// mutation testing found most of session.ts unexercised.

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('createWorkspaceV3Session: operationIds', () => {
  it('hands out omw-<instance>-1, -2, … and knows them again by their referenceId', () => {
    const session = createWorkspaceV3Session({ referenceBase: 0, instanceId: 'tab1' });
    expect(session.instanceId).toBe('tab1');
    expect(session.nextOperation()).toEqual({ operationId: 'omw-tab1-1', referenceId: 1 });
    expect(session.nextOperation()).toEqual({ operationId: 'omw-tab1-2', referenceId: 2 });
    expect(session.referenceIdOf('omw-tab1-1')).toBe(1);
    expect(session.referenceIdOf('omw-tab1-2')).toBe(2);
  });

  it('knows nothing it did not hand out: another instance, a number not reached yet, 0, other shapes', () => {
    const session = createWorkspaceV3Session({ referenceBase: 0, instanceId: 'tab1' });
    session.nextOperation();
    expect(session.referenceIdOf('omw-tab2-1')).toBeUndefined();
    expect(session.referenceIdOf('omw-tab1-2')).toBeUndefined();
    expect(session.referenceIdOf('omw-tab1-0')).toBeUndefined();
    expect(session.referenceIdOf('xomw-tab1-1')).toBeUndefined();
    expect(session.referenceIdOf('omw-tab1-1x')).toBeUndefined();
    expect(session.referenceIdOf(1)).toBeUndefined();
    expect(session.referenceIdOf(undefined)).toBeUndefined();
  });

  it('knows its own operationIds again when the instanceId has characters a regular expression reads', () => {
    for (const instanceId of ['tab-1', 'a.b', 'x+y', 'desk (2)']) {
      const session = createWorkspaceV3Session({ referenceBase: 0, instanceId });
      const { operationId, referenceId } = session.nextOperation();
      expect(session.referenceIdOf(operationId)).toBe(referenceId);
    }
    // "a.b" must not match "aXb": the dot is a dot.
    const dotted = createWorkspaceV3Session({ referenceBase: 0, instanceId: 'a.b' });
    dotted.nextOperation();
    expect(dotted.referenceIdOf('omw-aXb-1')).toBeUndefined();
  });

  it('makes up a random 16-hex-digit instanceId, different per session', () => {
    const a = createWorkspaceV3Session();
    const b = createWorkspaceV3Session();
    expect(a.instanceId).toMatch(/^[0-9a-f]{16}$/);
    expect(a.instanceId).not.toBe(b.instanceId);
    const first = a.nextOperation();
    expect(a.referenceIdOf(first.operationId)).toBe(first.referenceId);
  });

  it('two tabs number their actions apart: the core (and each tab, mirroring the other tab\'s actions) knows them by number', () => {
    const a = createWorkspaceV3Session();
    const b = createWorkspaceV3Session();
    const fromA = Array.from({ length: 500 }, () => a.nextOperation().referenceId);
    const fromB = new Set(Array.from({ length: 500 }, () => b.nextOperation().referenceId));
    expect(fromA.filter((n) => fromB.has(n))).toEqual([]);
    // Consecutive from a random start, and safe integers below 2^30 + the count (15 digits at most on the wire).
    expect(fromA[1]! - fromA[0]!).toBe(1);
    expect(fromA[0]!).toBeGreaterThanOrEqual(1);
    expect(fromA[0]!).toBeLessThan(2 ** 30 + 1);
  });

  it('knows only the numbers it handed out: none below its start, none above its last', () => {
    const session = createWorkspaceV3Session({ instanceId: 't', referenceBase: 1000 });
    const { operationId, referenceId } = session.nextOperation();
    expect(referenceId).toBe(1001);
    expect(session.referenceIdOf(operationId)).toBe(1001);
    expect(session.referenceIdOf('omw-t-1000')).toBeUndefined();
    expect(session.referenceIdOf('omw-t-5')).toBeUndefined();
    expect(session.referenceIdOf('omw-t-1002')).toBeUndefined();
  });

  it('falls back to Math.random without crypto.getRandomValues', () => {
    vi.stubGlobal('crypto', undefined);
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    expect(createWorkspaceV3Session().instanceId).toBe('8080808080808080');
  });
});

describe('createWorkspaceV3Session: what it remembers, bounded', () => {
  it('keeps the KV types per interaction, the latest set replacing the previous', () => {
    const session = createWorkspaceV3Session({ referenceBase: 0, instanceId: 't' });
    expect(session.typeOf('ix', 'Amount')).toBeUndefined();
    session.rememberTypes('ix', new Map([['Amount', 'int']]));
    expect(session.typeOf('ix', 'Amount')).toBe('int');
    expect(session.typeOf('other', 'Amount')).toBeUndefined();
    session.rememberTypes('ix', new Map([['Subject', 'str']]));
    expect(session.typeOf('ix', 'Amount')).toBeUndefined();
    expect(session.typeOf('ix', 'Subject')).toBe('str');
  });

  it('forgets the oldest interaction past 2,000, and counts a re-remembered one as new', () => {
    const session = createWorkspaceV3Session({ referenceBase: 0, instanceId: 't' });
    const types = new Map([['k', 'str']]);
    for (let i = 0; i < 2_000; i++) session.rememberTypes(`ix-${i}`, types);
    session.rememberTypes('ix-0', types); // Refreshed: now the newest.
    expect(session.typeOf('ix-0', 'k')).toBe('str');
    expect(session.typeOf('ix-1', 'k')).toBe('str');
    session.rememberTypes('ix-2000', types);
    expect(session.typeOf('ix-1', 'k')).toBeUndefined();
    expect(session.typeOf('ix-0', 'k')).toBe('str');
    expect(session.typeOf('ix-2', 'k')).toBe('str');
  });

  it('remembers interactions placed in a queue, the oldest forgotten past 2,000', () => {
    const session = createWorkspaceV3Session({ referenceBase: 0, instanceId: 't' });
    expect(session.wasPlacedInQueue('q-0')).toBe(false);
    for (let i = 0; i < 2_000; i++) session.notePlacedInQueue(`q-${i}`);
    expect(session.wasPlacedInQueue('q-0')).toBe(true);
    session.notePlacedInQueue('q-2000');
    expect(session.wasPlacedInQueue('q-0')).toBe(false);
    expect(session.wasPlacedInQueue('q-1')).toBe(true);
    expect(session.wasPlacedInQueue('q-2000')).toBe(true);
  });
});
