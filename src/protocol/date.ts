// GWS writes dates as `2014-03-26 16:02:22.000+0200`: a space instead of `T` and an offset without
// a colon, which `Date.parse` does not read reliably across engines. Normalise to ISO 8601 first.
const GWS_DATE =
  /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|[+-]\d{2}:?\d{2}|[+-]\d{2})?$/i;

/**
 * Read a GWS date (`2014-03-26 16:02:22.000+0200`) or an ISO 8601 date into epoch milliseconds.
 * Returns undefined for anything it cannot read; a date without an offset is taken as UTC.
 */
export function parseGwsDate(text: string): number | undefined {
  const m = GWS_DATE.exec(text.trim());
  if (m) {
    const [, y, mo, d, h, mi, s = '00', frac = '0', zone] = m;
    const ms = Number(frac.padEnd(3, '0').slice(0, 3));
    let offsetMinutes = 0;
    if (zone && zone.toUpperCase() !== 'Z') {
      const sign = zone.startsWith('-') ? -1 : 1;
      const digits = zone.slice(1).replace(':', '');
      const offsetHours = Number(digits.slice(0, 2));
      const extraMinutes = Number(digits.slice(2, 4) || '0');
      if (offsetHours > 23 || extraMinutes > 59) return undefined;
      offsetMinutes = sign * (offsetHours * 60 + extraMinutes);
    }
    const year = Number(y);
    const month = Number(mo);
    const day = Number(d);
    const hour = Number(h);
    const minute = Number(mi);
    const second = Number(s);
    // Date.UTC rolls an impossible day (Feb 30) into the next month; refuse it instead.
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 60) {
      return undefined;
    }
    // The year is set first and on its own, because Date.UTC maps years 0–99 to 1900–1999; the
    // time after it, so a leap second (:60) rolls over within the right year.
    const utc = new Date(0);
    utc.setUTCFullYear(year, month - 1, day);
    return utc.setUTCHours(hour, minute, second, ms) - offsetMinutes * 60_000;
  }
  // Epoch milliseconds as a string, which some servers send.
  if (/^\d{12,14}$/.test(text.trim())) return Number(text.trim());
  return undefined;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
