function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/**
 * Formats epoch milliseconds the way GWS writes dates: `2014-03-26 16:02:22.000+0200` (a space, not
 * `T`; an offset without a colon). `offsetMinutes` east of UTC; defaults to this machine's zone.
 */
export function formatGwsDate(epochMs: number, offsetMinutes = -new Date(epochMs).getTimezoneOffset()): string {
  const local = new Date(epochMs + offsetMinutes * 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return (
    `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())} ` +
    `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}.` +
    `${pad(local.getUTCMilliseconds(), 3)}${sign}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`
  );
}
