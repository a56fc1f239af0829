// Building an Intl.DateTimeFormat resolves locale data and costs far more than formatting with
// one; cards and log rows format on every render, so each (locale, options) pair is built once.
const cache = new Map<string, Intl.DateTimeFormat>();

/**
 * A shared `Intl.DateTimeFormat` for `locale` and `options`. A malformed locale tag (`en_US`)
 * gets the browser's own locale, as an unknown but well-formed one does: the agent reads dates
 * as usual rather than as ISO text. (The custom element reports the attribute.)
 */
export function dateTimeFormat(locale: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale ?? ''}\u0000${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (format === undefined) {
    try {
      format = new Intl.DateTimeFormat(locale, options);
    } catch (error) {
      if (locale === undefined || !(error instanceof RangeError)) throw error;
      format = dateTimeFormat(undefined, options);
    }
    cache.set(key, format);
  }
  return format;
}

/**
 * Builds the format for `locale` and `options` in a task of its own, just after the current one,
 * and returns a cancel function. The first `Intl.DateTimeFormat` of a page loads the locale's
 * data (30–80 ms in Chromium); built while the page waits for the server's first answer (the
 * widget asks for its snapshot before this runs), it is not paid by the render that shows the
 * first cards. Not an idle callback: a page that loads its cards is rarely idle before they come,
 * and measured in Chromium the idle callback ran only after them, inside that render.
 */
export function prewarmDateTimeFormat(locale: string | undefined, options: Intl.DateTimeFormatOptions): () => void {
  const timer = setTimeout(() => {
    try {
      dateTimeFormat(locale, options);
    } catch {
      // Options this engine cannot format: the render falls back to the ISO text, nothing to prepare.
    }
  }, 0);
  return () => clearTimeout(timer);
}
