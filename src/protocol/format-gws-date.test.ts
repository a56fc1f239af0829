import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseGwsDate } from './date';
import { formatGwsDate } from './format-gws-date';

describe('formatGwsDate', () => {
  it('writes the GWS form with the given offset', () => {
    const at = Date.UTC(2014, 2, 26, 14, 2, 22, 0);
    expect(formatGwsDate(at, 120)).toBe('2014-03-26 16:02:22.000+0200');
    expect(formatGwsDate(at, -330)).toBe('2014-03-26 08:32:22.000-0530');
    expect(formatGwsDate(at, 0)).toBe('2014-03-26 14:02:22.000+0000');
  });

  it('round-trips through the project parser for any instant and offset', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_102_444_800_000 }), fc.integer({ min: -12 * 60, max: 14 * 60 }), (ms, offset) => {
        expect(parseGwsDate(formatGwsDate(ms, offset))).toBe(ms);
      }),
    );
  });
});
