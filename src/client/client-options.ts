import type { QueryClient } from '@tanstack/query-core';
import type { GwsClient } from '../api/client';
import type { NotificationChannel } from '../channel/types';
import type { AlertEffects } from './alert-effects';
import type { OfferAlertOptions } from './offer-alerts';
import type { StorageLike } from './seen-offers';
import type { TabEnvironment } from './tab-leadership';
import { DEFAULT_CORE_OPTIONS } from '../core/reducer';
import type { OpenmediaEvent } from '../core/types';
import type { DialectName } from './dialects';

/** The media types whose snapshot is read when none are configured. */
export const DEFAULT_MEDIA_TYPES: readonly string[] = ['promotion', 'workitem'];
export const DEFAULT_ACTION_TIMEOUT_MS = 15_000;
/** How long an ended interaction stays visible, by default (the core's default, named here). */
export const DEFAULT_LINGER_MS = DEFAULT_CORE_OPTIONS.lingerMs;
/**
 * How many raw messages the diagnostics log keeps for replay, by default: none. Raw payloads carry
 * customer user data, so recording is opt-in (the dev page and Storybook turn it on).
 */
export const DEFAULT_RECORD_LIMIT = 0;

/** What {@link createOpenmediaClient} takes. Every option has a default. */
export interface OpenmediaClientOptions {
  /** GWS origin and prefix, e.g. `https://gws.example:8090`. Default `''`: same origin. */
  readonly gwsBase?: string;
  /**
   * The server API: `'gws-v2'` (GWS 8.5 Open Media, the default) or `'workspace-v3'` (Genesys
   * Workspace API v3). It sets the CometD path and channels, the default media types, the parser
   * and the REST client; `cometdUrl`, `cometdChannels`, `mediaTypes`, `gwsClient` and `channel` still override. See docs/dialects.md.
   */
  readonly dialect?: DialectName;
  /** The CometD endpoint. Default `${gwsBase}/api/v2/notifications`. */
  readonly cometdUrl?: string;
  /**
   * The CometD channels to subscribe to, all of them. Default the dialect's: `/v2/me/openmedia`,
   * or `/workspace/v3/media/*`. For a Workspace API v3 server that refuses the wildcard, list the
   * exact ones, e.g. `['/workspace/v3/media/workitem', '/workspace/v3/media/email']` (a media type
   * left out is then never heard). A malformed list throws when the client is created.
   */
  readonly cometdChannels?: readonly string[];
  /**
   * Sent as `x-api-key` on every REST and CometD request (long-polling; a WebSocket cannot carry
   * it). For a Workspace API v3 deployment, or an API gateway in front of GWS, that requires a
   * key. Default: none.
   */
  readonly apiKey?: string;
  /** Media types to read snapshots of (plus any met on the channel). Default `['promotion', 'workitem']`. */
  readonly mediaTypes?: readonly string[];
  /** CometD transport. Default `long-polling`; `websocket` falls back to long-polling. */
  readonly transport?: 'long-polling' | 'websocket';
  /**
   * While notifications flow in a visible tab, wait this long (ms) after each long-poll answer
   * before polling again, so the server gathers what arrives meanwhile into one answer. Default
   * 16 (about a frame); 0 polls again at once. A hidden tab never waits. See docs/architecture.md.
   */
  readonly connectPacingMs?: number;
  /**
   * Runs the CometD connection in a Web Worker that this function starts, off the page's main
   * thread: the long polls, their answers and CometD's work no longer compete with the host page.
   * The Worker's entry calls `serveConnection()` (`openmedia-widget/connection-worker`); see
   * docs/embedding.md. If the Worker cannot run (a Content-Security-Policy, a missing file), the
   * connection runs on the page as without this option. Default: on the page.
   */
  readonly connectionWorker?: () => Worker;
  /** A notification channel to use instead of the CometD one (tests, stories, replay). */
  readonly channel?: NotificationChannel;
  /** A GWS REST client to use instead of `createGwsClient({ gwsBase })`. */
  readonly gwsClient?: GwsClient;
  /**
   * The host's QueryClient (from `@tanstack/query-core` or `@tanstack/react-query`): snapshot
   * reads then share its cache and devtools. Default: a QueryClient of the client's own.
   */
  readonly queryClient?: QueryClient;
  /** How long an action may take before it fails visibly. Default 15 000 ms. */
  readonly actionTimeoutMs?: number;
  /** How long an ended interaction stays visible. Default 60 000 ms. */
  readonly lingerMs?: number;
  /**
   * How many of the latest raw channel messages (and status changes) to keep, so the diagnostics
   * "Download log" can be replayed (`createReplayChannel`). Bounded: memory stays flat over a
   * shift. Default 0 (records nothing): raw payloads carry customer user data, so turn it on
   * (e.g. 1 000) only where support needs replayable logs; "Download log" then offers to redact values.
   */
  readonly recordLimit?: number;
  /**
   * Arrange for the store to publish soon; called once per burst of dispatches, with the event
   * that started it. Default {@link createVisibilitySchedule}: news from the server a task later
   * when nothing was drawn since the last frame, otherwise the next animation frame, at once in a
   * hidden tab; a 16 ms timer where there are no frames. Node tests pass `queueMicrotask`.
   */
  readonly schedule?: (flush: () => void, cause: OpenmediaEvent) => void;
  /** The clock (tests). Default `Date.now`. */
  readonly now?: () => number;
  /** Period of the clock that evicts ended interactions. Default 1 000 ms. */
  readonly tickMs?: number;
  /**
   * Share one CometD session between every tab of this browser on the same GWS (Web Locks leader
   * election, BroadcastChannel relay; each tab still reads snapshots and acts over REST). Default
   * true; false gives this client a session of its own. Ignored with `channel`, and where the
   * browser lacks Web Locks or BroadcastChannel (each tab then has its own session).
   */
  readonly shareConnection?: boolean;
  /** The Web Locks and BroadcastChannel to share through (tests). Default: the browser's. */
  readonly tabEnvironment?: TabEnvironment;
  /**
   * Offer alerts: `true` shows the `(n) Title` badge while offers wait and lets the agent turn on
   * desktop notifications and a sound (`OfferAlertControls`); an object sets each. Default off.
   * Not connection-defining: a provider applies changes to its client (`client.alerts.configure`).
   */
  readonly alerts?: boolean | OfferAlertOptions;
  /** What an alert does in the page (tests). Default: the browser's title, Notification and Web Audio. */
  readonly alertEffects?: AlertEffects;
  /**
   * Where the widget remembers when it saw interactions enter their state, so that a page opened
   * later (a reload, another tab) can time a state it did not see begin (GWS sends no such time).
   * Default `localStorage` (every tab of the browser); `null` remembers nothing.
   */
  readonly stateStartStorage?: StorageLike | null;
}

/** The options that define a client: changing any of them needs a new one. */
export const CLIENT_OPTION_KEYS = [
  'gwsBase',
  'dialect',
  'cometdUrl',
  'cometdChannels',
  'apiKey',
  'mediaTypes',
  'transport',
  'connectPacingMs',
  'connectionWorker',
  'channel',
  'gwsClient',
  'queryClient',
  'actionTimeoutMs',
  'lingerMs',
  'recordLimit',
  'schedule',
  'now',
  'tickMs',
  'shareConnection',
  'tabEnvironment',
  'alertEffects',
  'stateStartStorage',
] as const satisfies readonly (keyof OpenmediaClientOptions)[];

function sameList(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a.length !== b.length) return false;
  return a.every((item, i) => item === b[i]);
}

/** What an option left out means: given as that value, it is no change (no reconnect). */
const DEFAULTS: Partial<Record<(typeof CLIENT_OPTION_KEYS)[number], unknown>> = {
  actionTimeoutMs: DEFAULT_ACTION_TIMEOUT_MS,
  lingerMs: DEFAULT_LINGER_MS,
  shareConnection: true,
  transport: 'long-polling',
};

/**
 * Whether a client made with `a` serves `b` as well: the same values (media types and channels
 * compared by content, so an inline array literal does not reconnect on every render; an option
 * left out equal to its default given).
 */
export function sameClientOptions(a: OpenmediaClientOptions, b: OpenmediaClientOptions): boolean {
  return CLIENT_OPTION_KEYS.every((key) => {
    // The default media types are the dialect's: compared as the default only within GWS v2.
    if (key === 'mediaTypes' && (a.dialect ?? 'gws-v2') === 'gws-v2' && (b.dialect ?? 'gws-v2') === 'gws-v2') {
      return sameList(a.mediaTypes ?? DEFAULT_MEDIA_TYPES, b.mediaTypes ?? DEFAULT_MEDIA_TYPES);
    }
    if (key === 'mediaTypes' || key === 'cometdChannels') return sameList(a[key], b[key]);
    const fallback = DEFAULTS[key];
    return Object.is(a[key] ?? fallback, b[key] ?? fallback);
  });
}

/** Only the client-defining keys of `options` (a widget's or an element's options carry more). */
export function pickClientOptions(options: OpenmediaClientOptions): OpenmediaClientOptions {
  const picked: Record<string, unknown> = {};
  for (const key of CLIENT_OPTION_KEYS) if (options[key] !== undefined) picked[key] = options[key];
  return picked as OpenmediaClientOptions;
}
