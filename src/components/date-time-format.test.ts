import { describe, expect, it } from 'vitest';
import { dateTimeFormat } from './date-time-format';

describe('dateTimeFormat', () => {
  it('returns the same instance for the same locale and options', () => {
    const a = dateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' });
    const b = dateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' });
    expect(b).toBe(a);
  });

  it('keeps different locales and options apart', () => {
    const base = dateTimeFormat('en-GB', { dateStyle: 'medium' });
    expect(dateTimeFormat('de-DE', { dateStyle: 'medium' })).not.toBe(base);
    expect(dateTimeFormat('en-GB', { dateStyle: 'short' })).not.toBe(base);
    expect(dateTimeFormat(undefined, { dateStyle: 'medium' })).not.toBe(base);
    expect(dateTimeFormat('de-DE', { dateStyle: 'medium' }).resolvedOptions().locale).toBe('de-DE');
  });

  it('throws for a malformed locale, as the constructor does', () => {
    expect(() => dateTimeFormat('not a locale!', { dateStyle: 'medium' })).toThrow(RangeError);
  });
});
