import { afterEach, describe, expect, it, vi } from 'vitest';
import { dateTimeFormat, prewarmDateTimeFormat } from './date-time-format';

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

  it("a malformed locale gets the browser's own (not an exception, so never the ISO fallback)", () => {
    const date = new Date(Date.UTC(2026, 11, 5, 9, 30));
    expect(dateTimeFormat('not a locale!', { dateStyle: 'medium' }).format(date)).toBe(new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(date));
    expect(dateTimeFormat('en_US', { dateStyle: 'medium' }).resolvedOptions().locale).toBe(new Intl.DateTimeFormat().resolvedOptions().locale);
  });
});

describe('prewarmDateTimeFormat', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.useRealTimers();
  });

  it('builds the format in a task of its own, so the render that needs it builds nothing', () => {
    vi.useFakeTimers();
    const construct = vi.spyOn(Intl, 'DateTimeFormat');
    prewarmDateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short' });
    expect(construct).not.toHaveBeenCalled();
    vi.advanceTimersByTime(0);
    expect(construct).toHaveBeenCalledTimes(1);
    dateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short' });
    expect(construct).toHaveBeenCalledTimes(1);
  });

  it('can be cancelled before it ran, and survives a malformed locale', () => {
    vi.useFakeTimers();
    const construct = vi.spyOn(Intl, 'DateTimeFormat');
    prewarmDateTimeFormat('not a locale!', { dateStyle: 'medium' });
    prewarmDateTimeFormat('it-IT', { dateStyle: 'medium' });
    expect(() => vi.advanceTimersByTime(0)).not.toThrow();
    expect(construct).toHaveBeenCalledWith('it-IT', { dateStyle: 'medium' });
    const built = construct.mock.calls.length;
    const cancel = prewarmDateTimeFormat('es-ES', { dateStyle: 'medium' });
    cancel();
    vi.advanceTimersByTime(50);
    expect(construct).toHaveBeenCalledTimes(built);
  });
});
