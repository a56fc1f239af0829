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

interface IdleScope {
  requestIdleCallback?: (callback: () => void, options?: { timeout: number }) => number;
  cancelIdleCallback?: (handle: number) => void;
}

/**
 * Builds the format for `locale` and `options` when the page is next idle, and returns a cancel
 * function. The first `Intl.DateTimeFormat` of a page loads the locale's data (40–80 ms in
 * Chromium); built while the page waits for the server, it is not paid by the render that shows
 * the first cards.
 */
export function prewarmDateTimeFormat(locale: string | undefined, options: Intl.DateTimeFormatOptions): () => void {
  const build = () => {
    try {
      dateTimeFormat(locale, options);
    } catch {
      // A malformed locale: the render falls back to the ISO text, nothing to prepare.
    }
  };
  const scope = globalThis as IdleScope;
  if (typeof scope.requestIdleCallback === 'function') {
    const handle = scope.requestIdleCallback(build, { timeout: 2_000 });
    return () => scope.cancelIdleCallback?.(handle);
  }
  const timer = setTimeout(build, 50);
  return () => clearTimeout(timer);
}
