// Building an Intl.DateTimeFormat resolves locale data and costs far more than formatting with
// one; cards and log rows format on every render, so each (locale, options) pair is built once.
const cache = new Map<string, Intl.DateTimeFormat>();

/**
 * A shared `Intl.DateTimeFormat` for `locale` and `options`. Throws the constructor's RangeError
 * for a malformed locale tag (nothing is cached then), so callers keep their fallback.
 */
export function dateTimeFormat(locale: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale ?? ''}\u0000${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(locale, options);
    cache.set(key, format);
  }
  return format;
}
