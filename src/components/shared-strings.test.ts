import { describe, expect, it, vi } from 'vitest';
import { createStringCache, sharedLabel } from './shared-strings';

// String identity is invisible to JavaScript (=== compares contents); what the cache promises is
// that a string is made once per key, so every card holds the same one (seen in heap snapshots).

describe('shared strings', () => {
  it('makes the string for a key once and hands the same text back', () => {
    const cache = createStringCache();
    const make = vi.fn(() => 'omw-button omw-button--icon');
    expect(cache.get('icon', make)).toBe('omw-button omw-button--icon');
    expect(cache.get('icon', make)).toBe('omw-button omw-button--icon');
    expect(make).toHaveBeenCalledTimes(1);
  });

  it('stays bounded: once full it starts again, and still answers right', () => {
    const cache = createStringCache();
    for (let i = 0; i < 512; i += 1) cache.get(`k${i}`, () => `v${i}`);
    const make = vi.fn(() => 'v0');
    // Still cached…
    expect(cache.get('k0', make)).toBe('v0');
    expect(make).not.toHaveBeenCalled();
    // …until one more key fills it: then it is emptied and made again on demand.
    cache.get('k512', () => 'v512');
    expect(cache.get('k0', make)).toBe('v0');
    expect(make).toHaveBeenCalledTimes(1);
  });

  it('a label is made once per message function and key; another widget’s messages get their own', () => {
    const english = vi.fn((key: string) => `Edit ${key}`);
    const german = vi.fn((key: string) => `${key} bearbeiten`);
    expect(sharedLabel(english, 'Subject')).toBe('Edit Subject');
    expect(sharedLabel(english, 'Subject')).toBe('Edit Subject');
    expect(sharedLabel(german, 'Subject')).toBe('Subject bearbeiten');
    expect(sharedLabel(english, 'Priority')).toBe('Edit Priority');
    expect(english).toHaveBeenCalledTimes(2);
    expect(german).toHaveBeenCalledTimes(1);
  });
});
