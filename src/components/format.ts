import type { OpenmediaInteraction } from '../protocol/types';
import { dateTimeFormat, prewarmDateTimeFormat } from './date-time-format';

const RECEIVED: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };

/** `mm:ss` below an hour, `h:mm:ss` from then on. Negative spans (clock skew) count as zero. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const ss = String(seconds).padStart(2, '0');
  if (hours > 0) return `${hours}:${String(minutes).padStart(2, '0')}:${ss}`;
  return `${String(minutes).padStart(2, '0')}:${ss}`;
}

/** ISO 8601 for a `<time dateTime>`, or undefined when the instant is out of the Date range. */
export function toIso(ms: number | undefined): string | undefined {
  if (ms === undefined) return undefined;
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** The received date in the agent's locale when it could be read, else the string the server sent. */
export function formatReceived(
  interaction: Pick<OpenmediaInteraction, 'receivedAt' | 'receivedDate'>,
  locale?: string,
): string | undefined {
  const iso = toIso(interaction.receivedAt);
  if (iso === undefined || interaction.receivedAt === undefined) return interaction.receivedDate;
  const date = new Date(interaction.receivedAt);
  try {
    return dateTimeFormat(locale, RECEIVED).format(date);
  } catch {
    // An unknown locale tag must not hide the date.
    return iso;
  }
}

/** Prepares the received-date format while the page is idle (see {@link prewarmDateTimeFormat}); returns a cancel function. */
export function prewarmReceivedFormat(locale?: string): () => void {
  return prewarmDateTimeFormat(locale, RECEIVED);
}

/** Only http(s) URIs may become links: anything else (javascript:, data:, relative) stays text. */
export function isHttpUrl(uri: string | undefined): uri is string {
  if (!uri) return false;
  // With its authority ("//"): "http:relative/path" is absolute to the URL parser but relative
  // in a page's link (the browser resolves it against the page: the widget's own site).
  if (!/^\s*https?:[\\/]{2}/i.test(uri)) return false;
  try {
    const parsed = new URL(uri.trim());
    return parsed.protocol === 'http:' || parsed.protocol === 'https:';
  } catch {
    return false;
  }
}

/** User-data values as text: null reads as an empty value, numbers as written. */
export function userDataText(value: string | number | null): string {
  if (value === null) return '';
  return String(value);
}

/** Colour family of a state chip. Unknown states get a neutral chip. */
export type StateTone = 'offered' | 'active' | 'ended' | 'other';

/** `ended`: the dialect marks the state as one that left the agent (see `OpenmediaInteraction.ended`). */
export function stateTone(state: string, ended?: boolean): StateTone {
  if (ended === true) return 'ended';
  switch (state) {
    case 'Invited':
      return 'offered';
    case 'Processing':
      return 'active';
    case 'Completed':
      return 'ended';
    default:
      return 'other';
  }
}

/**
 * The title is clamped to 3 lines by CSS (GWS does not bound the Subject). Past this length it may
 * be cut (3 lines of the narrowest card, compact at 272 px, hold ~70 characters of text, 39 W's),
 * so its whole text is also the heading's tooltip; a shorter one needs none.
 */
export const TITLE_TOOLTIP_AFTER = 40;
