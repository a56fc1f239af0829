import type { WidgetTheme } from '../components/openmedia-widget-view';
import type { TransferTarget } from '../components/transfer-target';
import { checkCometdChannels } from '../channel/cometd-channels';
import { DIALECTS, isDialectName } from '../client/dialects';
import type { OpenmediaWidgetMountOptions } from './mount-options';

/** The attributes `<openmedia-widget>` reads; any change re-reads them all. */
export const ELEMENT_ATTRIBUTES = [
  'gws',
  'dialect',
  'cometd-url',
  'cometd-channels',
  'api-key',
  'media-types',
  'transport',
  'transfer-targets',
  'theme',
  'heading',
  'compact',
  'show-diagnostics',
  'locale',
  'action-timeout-ms',
  'linger-ms',
  'alerts',
  'share-connection',
] as const;

export type ElementAttribute = (typeof ELEMENT_ATTRIBUTES)[number];

export interface AttributeReading {
  readonly options: OpenmediaWidgetMountOptions;
  /** Attributes that were ignored, one sentence each. */
  readonly problems: readonly string[];
}

const THEMES: readonly WidgetTheme[] = ['light', 'dark', 'auto'];

function readFlag(value: string | null): boolean | undefined {
  if (value === null) return undefined;
  // A present boolean attribute is true (`compact`, `compact=""`); an explicit "false" is false.
  return value.trim().toLowerCase() !== 'false';
}

function readTargets(value: string, problems: string[]): readonly TransferTarget[] | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    problems.push('transfer-targets is not valid JSON; expected [{"name": …, "uri": …, "kind": "agent" | "queue"}].');
    return undefined;
  }
  if (!Array.isArray(parsed)) {
    problems.push('transfer-targets must be a JSON array.');
    return undefined;
  }
  const targets: TransferTarget[] = [];
  parsed.forEach((item: unknown, index) => {
    const t = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>;
    if (typeof t.name === 'string' && t.name.trim() !== '' && typeof t.uri === 'string' && t.uri.trim() !== '' && (t.kind === 'agent' || t.kind === 'queue')) {
      targets.push({ name: t.name, uri: t.uri, kind: t.kind });
    } else {
      problems.push(`transfer-targets[${index}] needs a non-empty "name" and "uri" and a "kind" of "agent" or "queue".`);
    }
  });
  return targets;
}

function readPositiveInt(name: string, value: string | null, problems: string[]): number | undefined {
  if (value === null) return undefined;
  const n = Number(value.trim());
  if (Number.isInteger(n) && n > 0) return n;
  problems.push(`${name} must be a positive whole number of milliseconds.`);
  return undefined;
}

/**
 * A server address: an http(s) URL, or a path on the page's own origin (`/gws`); `''` for `gws` is
 * the page's origin. Anything else (`gws.example:8090` without its scheme reads as a URL of the
 * scheme `gws.example:`) would only ever show as "Cannot reach GWS": it is reported instead.
 */
function readServerUrl(name: 'gws' | 'cometd-url', value: string | null, problems: string[]): string | undefined {
  if (value === null) return undefined;
  const url = value.trim();
  if (url === '') return name === 'gws' ? '' : undefined;
  if (url.startsWith('/') && !url.startsWith('//')) return url;
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  if (parsed !== undefined && (parsed.protocol === 'http:' || parsed.protocol === 'https:')) return url;
  problems.push(`${name} must be an http(s) URL such as "https://gws.example:8090", or a path on this page's origin starting with "/", not "${url}".`);
  return undefined;
}

/**
 * Reads the element's attributes into mount options. Nothing here throws: an unreadable attribute
 * is left out (the widget's default applies) and described in `problems`.
 */
export function readElementAttributes(get: (name: ElementAttribute) => string | null): AttributeReading {
  const problems: string[] = [];
  const gws = get('gws');
  const cometdUrl = get('cometd-url');
  const mediaTypes = get('media-types')
    ?.split(',')
    .map((type) => type.trim())
    .filter(Boolean);
  const transport = get('transport');
  const theme = get('theme');
  const targets = get('transfer-targets');
  const heading = get('heading');
  const locale = get('locale');
  const dialect = get('dialect')?.trim() ?? null;

  if (transport !== null && transport !== 'long-polling' && transport !== 'websocket') {
    problems.push(`transport must be "long-polling" or "websocket", not "${transport}".`);
  }
  if (dialect !== null && dialect !== '' && !isDialectName(dialect)) {
    problems.push(`dialect must be ${DIALECTS.map((d) => `"${d}"`).join(' or ')}, not "${dialect}".`);
  }
  if (theme !== null && !THEMES.includes(theme as WidgetTheme)) {
    problems.push(`theme must be "light", "dark" or "auto", not "${theme}".`);
  }

  const options: OpenmediaWidgetMountOptions = {
    gwsBase: readServerUrl('gws', gws, problems),
    dialect: isDialectName(dialect) ? dialect : undefined,
    cometdUrl: readServerUrl('cometd-url', cometdUrl, problems),
    cometdChannels: readChannels(get('cometd-channels'), problems),
    apiKey: readApiKey(get('api-key')),
    mediaTypes: mediaTypes && mediaTypes.length > 0 ? mediaTypes : undefined,
    transport: transport === 'long-polling' || transport === 'websocket' ? transport : undefined,
    transferTargets: targets === null ? undefined : readTargets(targets, problems),
    theme: THEMES.includes(theme as WidgetTheme) ? (theme as WidgetTheme) : undefined,
    title: heading === null || heading.trim() === '' ? undefined : heading,
    compact: readFlag(get('compact')),
    showDiagnostics: readFlag(get('show-diagnostics')),
    locale: readLocale(locale, problems),
    actionTimeoutMs: readPositiveInt('action-timeout-ms', get('action-timeout-ms'), problems),
    lingerMs: readPositiveInt('linger-ms', get('linger-ms'), problems),
    alerts: readFlag(get('alerts')),
    shareConnection: readFlag(get('share-connection')),
  };
  return { options, problems };
}

/** A BCP 47 tag (`en-US`, `fr`); a malformed one (`en_US`) is reported and the browser's own locale used. */
function readLocale(value: string | null, problems: string[]): string | undefined {
  if (value === null || value.trim() === '') return undefined;
  const tag = value.trim();
  try {
    Intl.getCanonicalLocales(tag);
    return tag;
  } catch {
    problems.push(`locale must be a language tag such as "en-US" or "fr", not "${tag}"; the browser's own locale is used.`);
    return undefined;
  }
}

/** Channel names separated by commas or spaces; a malformed list is reported and the dialect's channels used. */
function readChannels(value: string | null, problems: string[]): readonly string[] | undefined {
  if (value === null || value.trim() === '') return undefined;
  try {
    return checkCometdChannels(value.split(/[\s,]+/).filter(Boolean));
  } catch (error) {
    problems.push(`cometd-channels: ${error instanceof Error ? error.message.replace(/^cometdChannels:? ?/, '').replace(/\.$/, '') : String(error)}; the dialect's channels are used.`);
    return undefined;
  }
}

function readApiKey(value: string | null): string | undefined {
  const key = value?.trim();
  return key === undefined || key === '' ? undefined : key;
}
