import { afterEach, describe, expect, it, vi } from 'vitest';
import { createWorkspaceV3Session } from './session';

// Where the random instanceId comes from, and what referenceIdOf accepts as an operationId.

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('createWorkspaceV3Session: the random instanceId', () => {
  it('comes from crypto.getRandomValues when there is one, two hex digits per byte', () => {
    vi.spyOn(crypto, 'getRandomValues').mockImplementation(<T extends ArrayBufferView | null>(bytes: T): T => {
      if (bytes instanceof Uint8Array) bytes.fill(0x0a);
      return bytes;
    });
    const random = vi.spyOn(Math, 'random');
    expect(createWorkspaceV3Session().instanceId).toBe('0a0a0a0a0a0a0a0a');
    expect(random).not.toHaveBeenCalled();
  });

  it('falls back to Math.random when crypto has no getRandomValues, padding small bytes', () => {
    vi.stubGlobal('crypto', {});
    vi.spyOn(Math, 'random').mockReturnValue(0.01);
    expect(createWorkspaceV3Session().instanceId).toBe('0202020202020202');
  });
});

describe('createWorkspaceV3Session: referenceIdOf', () => {
  it('takes only strings, not something that merely prints as one of its ids', () => {
    const session = createWorkspaceV3Session({ referenceBase: 0, instanceId: 'tab1' });
    const { operationId } = session.nextOperation();
    expect(session.referenceIdOf({ toString: () => operationId })).toBeUndefined();
    expect(session.referenceIdOf(operationId)).toBe(1);
  });
});
