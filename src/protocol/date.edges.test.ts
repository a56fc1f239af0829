import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseGwsDate } from './date';
import { formatGwsDate } from './format-gws-date';

// Edges of the GWS date reader and writer that mutation testing (npm run test:mutation) showed
// untested: each test here fails on a mutant that survived date.test.ts.

const AT = Date.UTC(2014, 2, 26, 14, 2, 22);

describe('parseGwsDate: impossible dates and times', () => {
  it.each(['2014-03-00 10:00:00', '2014-04-31 10:00:00', '2014-06-31 10:00:00', '2014-09-31 10:00:00', '2014-11-31 10:00:00'])(
    'refuses %s',
    (text) => {
      expect(parseGwsDate(text)).toBeUndefined();
    },
  );

  it('reads the 30th of a 30-day month', () => {
    expect(parseGwsDate('2014-04-30 10:00:00Z')).toBe(Date.UTC(2014, 3, 30, 10));
  });

  it('accepts a leap second (60), refuses 61', () => {
    expect(parseGwsDate('2016-12-31 23:59:60Z')).toBe(Date.UTC(2017, 0, 1, 0, 0, 0));
    expect(parseGwsDate('2016-12-31 23:59:61Z')).toBeUndefined();
  });

  it('accepts offsets up to 23 hours, refuses 24', () => {
    expect(parseGwsDate('2014-03-26 16:02:22.000+2300')).toBe(Date.UTC(2014, 2, 25, 17, 2, 22));
    expect(parseGwsDate('2014-03-26 16:02:22.000+2400')).toBeUndefined();
  });
});

describe('parseGwsDate: only the whole text', () => {
  it.each(['x2014-03-26 16:02:22', '2014-03-26 16:02:22 later', 'abc1395842542000', '1395842542000abc'])('refuses %j', (text) => {
    expect(parseGwsDate(text)).toBeUndefined();
  });

  it('reads epoch milliseconds with spaces around them', () => {
    expect(parseGwsDate(' 1395842542000 ')).toBe(1_395_842_542_000);
  });
});

describe('formatGwsDate: the default offset is this machine’s zone, east of UTC positive', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  // Date#getTimezoneOffset is minutes WEST of UTC (India: -330); GWS writes east as positive.
  // Stubbed rather than switching TZ, which worker threads (Stryker's runner) do not honour.
  it('writes +0530 where getTimezoneOffset says -330, and -0400 where it says 240', () => {
    const offset = vi.spyOn(Date.prototype, 'getTimezoneOffset').mockReturnValue(-330);
    expect(formatGwsDate(AT)).toBe('2014-03-26 19:32:22.000+0530');
    offset.mockReturnValue(240);
    expect(formatGwsDate(AT)).toBe('2014-03-26 10:02:22.000-0400');
  });
});
