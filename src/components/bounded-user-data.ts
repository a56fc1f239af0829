/**
 * Bounds for user data, which GWS does not bound: a card must stay about one screen tall whatever
 * an interaction carries (2,000 keys, a 200,000-character value), so the next one stays in reach.
 */

/** A key list longer than this collapses behind "Show all" (typical user data, a dozen keys, shows whole)… */
export const COLLAPSE_AFTER_KEYS = 12;
/** …to this many rows. */
export const VISIBLE_KEYS = 8;
/** A value longer than this (or with more lines) is clamped behind "Show more". */
export const LONG_VALUE_CHARS = 240;
export const LONG_VALUE_LINES = 4;

export function isLongText(text: string): boolean {
  if (text.length > LONG_VALUE_CHARS) return true;
  let lines = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    lines += 1;
    if (lines > LONG_VALUE_LINES) return true;
  }
  return false;
}

/** The start of a long value, cut at a line or the character bound, with an ellipsis. */
export function previewText(text: string): string {
  let end = Math.min(text.length, LONG_VALUE_CHARS);
  let lines = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) {
    lines += 1;
    if (lines > LONG_VALUE_LINES) {
      end = i;
      break;
    }
  }
  return `${text.slice(0, end).trimEnd()}…`;
}

/** Case-insensitive match of the filter against a key or its value's text. */
export function matchesFilter(key: string, text: string, filter: string): boolean {
  const needle = filter.trim().toLowerCase();
  if (needle === '') return true;
  return key.toLowerCase().includes(needle) || text.toLowerCase().includes(needle);
}
