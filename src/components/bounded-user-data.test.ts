import { describe, expect, it } from 'vitest';
import { LONG_VALUE_CHARS, isLongText, matchesFilter, previewText } from './bounded-user-data';

describe('bounded user data', () => {
  it('calls a value long past the character or line bound, and previews its start', () => {
    expect(isLongText('x'.repeat(LONG_VALUE_CHARS))).toBe(false);
    expect(isLongText('x'.repeat(LONG_VALUE_CHARS + 1))).toBe(true);
    expect(isLongText('a\nb\nc\nd')).toBe(false);
    expect(isLongText('a\nb\nc\nd\ne')).toBe(true);
    expect(previewText('y'.repeat(200_000))).toBe(`${'y'.repeat(LONG_VALUE_CHARS)}…`);
    expect(previewText('a\nb\nc\nd\ne\nf')).toBe('a\nb\nc\nd…');
  });

  it('filters by key or value, ignoring case and surrounding spaces', () => {
    expect(matchesFilter('CustomerSegment', 'gold', ' segment ')).toBe(true);
    expect(matchesFilter('Priority', 'Gold', 'gold')).toBe(true);
    expect(matchesFilter('Priority', '5', 'gold')).toBe(false);
    expect(matchesFilter('Priority', '5', '')).toBe(true);
  });
});
