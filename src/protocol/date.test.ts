import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseGwsDate } from './date';

const T = Date.UTC(2014, 2, 26, 14, 2, 22);

describe('parseGwsDate', () => {
  it.each<{ text: string; expected: number | undefined }>([
    { text: '2014-03-26 16:02:22.000+0200', expected: T },
    { text: '2014-03-26 16:02:22.123+0200', expected: T + 123 },
    { text: '2014-03-26 09:32:22.000-0430', expected: T },
    { text: '2014-03-26 16:02:22+02:00', expected: T },
    { text: '2014-03-26 16:02:22+02', expected: T },
    { text: '2014-03-26T14:02:22Z', expected: T },
    { text: '2014-03-26T14:02:22.5z', expected: T + 500 },
    { text: '2014-03-26T14:02:22.123456789Z', expected: T + 123 },
    { text: '2014-03-26T14:02Z', expected: T - 22_000 },
    { text: '2014-03-26 14:02:22', expected: T },
    { text: '  2014-03-26 16:02:22.000+0200  ', expected: T },
    { text: '1395842542000', expected: T },
    { text: '', expected: undefined },
    { text: 'yesterday', expected: undefined },
    { text: '2014-13-01 00:00:00', expected: undefined },
    { text: '2014-00-10 00:00:00', expected: undefined },
    { text: '2014-03-32 00:00:00', expected: undefined },
    { text: '2014-03-26 24:00:00', expected: undefined },
    { text: '2014-03-26 10:60:00', expected: undefined },
    // Days that do not exist in their month must not roll over into the next one.
    { text: '2014-02-29 10:00:00', expected: undefined },
    { text: '2014-04-31 10:00:00', expected: undefined },
    { text: '2016-02-29 10:00:00', expected: Date.UTC(2016, 1, 29, 10) },
    { text: '2000-02-29 10:00:00', expected: Date.UTC(2000, 1, 29, 10) },
    { text: '1900-02-29 10:00:00', expected: undefined },
    { text: '0050-01-01 00:00:00Z', expected: -60_589_296_000_000 },
    // Offsets beyond ±23:59 are not offsets.
    { text: '2014-03-26 16:02:22+2500', expected: undefined },
    { text: '2014-03-26 16:02:22+0275', expected: undefined },
    { text: '26/03/2014 16:02', expected: undefined },
  ])('$text → $expected', ({ text, expected }) => {
    expect(parseGwsDate(text)).toBe(expected);
  });

  it('reads back any instant written the GWS way, whatever the offset', () => {
    const pad = (n: number, width = 2) => String(n).padStart(width, '0');
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1971, 0, 1), max: Date.UTC(2090, 0, 1) }),
        fc.integer({ min: -12 * 60, max: 14 * 60 }),
        (instant, offsetMinutes) => {
          const local = new Date(instant + offsetMinutes * 60_000);
          const sign = offsetMinutes < 0 ? '-' : '+';
          const abs = Math.abs(offsetMinutes);
          const text =
            `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())} ` +
            `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}.${pad(local.getUTCMilliseconds(), 3)}` +
            `${sign}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`;
          expect(parseGwsDate(text)).toBe(instant);
          expect(parseGwsDate(new Date(instant).toISOString())).toBe(instant);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('never throws on any string', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        const result = parseGwsDate(text);
        expect(result === undefined || Number.isFinite(result)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
