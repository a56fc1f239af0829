import { useState, type ReactNode } from 'react';
import type { ConnectionStatus } from '../channel/types';
import { AlertIcon, LockIcon } from './icons';
import type { SnapshotFailure } from '../client/snapshot-loader';
import { dateTimeFormat } from './date-time-format';
import { DEFAULT_MESSAGES, type Messages } from './messages';
import { useMessages } from './messages-context';
import { startOfDay, useToday } from './use-today';

export interface ConnectionBannerProps {
  readonly status: ConnectionStatus;
  /** The reconnecting state has lasted past the grace period. */
  readonly reconnectingVisible: boolean;
  /** Why the last snapshot read failed, if it did. */
  readonly snapshotError: string | undefined;
  /** The same per media type, said in the messages' words where the host translates them. */
  readonly snapshotFailures?: readonly SnapshotFailure[] | undefined;
  /** Offered as a button when signed out or a snapshot read failed; absent: no button. */
  readonly onRetry?: (() => void) | undefined;
  /** With `reconnecting`: the server refused the subscription, in its words (said on a line of its own). */
  readonly refusal?: string | undefined;
  /** The browser said the network is gone (see `useNetworkLost`): shown at once, no grace period. */
  readonly networkLost?: boolean;
  /** Since when nothing new may have arrived (`Date.now()`): said with the reconnecting and No network banners. */
  readonly outOfTouchSince?: number | undefined;
  /** BCP 47 tag for the time the list was last current; the browser's locale by default. */
  readonly locale?: string | undefined;
}

const SINCE_FORMAT: Intl.DateTimeFormatOptions = { hour: 'numeric', minute: '2-digit' };
/** Since a day of the past week: its weekday too ("Sat 23:58"). */
const SINCE_DAY_FORMAT: Intl.DateTimeFormatOptions = { weekday: 'short', hour: 'numeric', minute: '2-digit' };
/** Since longer ago: the date ("28 Nov, 23:58"). */
const SINCE_DATE_FORMAT: Intl.DateTimeFormatOptions = { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' };
/** Six days and a half: the past six days, whatever a change of clocks did to their length. */
const PAST_WEEK_MS = 6.5 * 24 * 3_600_000;

/** The time `since` names: the hour alone today, with the weekday or the date before. */
function sinceFormat(since: number, today: number): Intl.DateTimeFormatOptions {
  const day = startOfDay(since);
  if (day >= today) return SINCE_FORMAT;
  return today - day < PAST_WEEK_MS ? SINCE_DAY_FORMAT : SINCE_DATE_FORMAT;
}

/** What the region says when no connection banner shows; undefined during the reconnect grace period. */
function quietText(status: ConnectionStatus, messages: Messages): string | undefined {
  switch (status) {
    case 'connected':
      return messages.statusConnected;
    case 'connecting':
      return messages.statusConnecting;
    case 'disconnected':
      return messages.statusDisconnected;
    case 'reconnecting':
    case 'unauthorized':
      return undefined;
  }
}

/**
 * What the connection-status region announces for this status: the banner's title or the quiet
 * text; undefined during the reconnect grace period, when it keeps what it said.
 */
export function statusLine(status: ConnectionStatus, reconnectingVisible: boolean, networkLost: boolean, messages: Messages): string | undefined {
  if (status === 'unauthorized') return messages.statusUnauthorized;
  if (networkLost) return messages.statusNoNetwork;
  if (status === 'reconnecting') return reconnectingVisible ? messages.statusReconnecting : undefined;
  return quietText(status, messages);
}

/**
 * The one connection-status live region. It is always in the DOM and in the accessibility tree
 * (a region inserted with its text, or hidden with display:none, is often not announced): while
 * all is well it says "Live" to screen readers only, and the banners appear inside it. A short
 * blip (the reconnect grace period) changes nothing in it, as on screen. "Signed out" is assertive.
 */
/** The snapshot banner's detail: each media type's failure in the host's words where it has some, else the English text. */
function snapshotDetail(messages: Messages, error: string, failures: readonly SnapshotFailure[] | undefined): string {
  const translate = messages.snapshotFailure;
  if (translate === undefined || failures === undefined || failures.length === 0) return error;
  return failures
    .map((failure) => {
      const own = translate(failure);
      return typeof own === 'string' && own.trim() !== '' ? own : failure.message;
    })
    .join(' ');
}

export function ConnectionBanner({ status, reconnectingVisible, refusal, snapshotError, snapshotFailures, onRetry, networkLost = false, outOfTouchSince, locale }: ConnectionBannerProps) {
  const messages = useMessages();
  const settled = quietText(status, messages);
  const noNetwork = networkLost && status !== 'unauthorized';
  const connectionBanner = status === 'unauthorized' || noNetwork || (status === 'reconnecting' && reconnectingVisible);
  // During the grace period the region keeps saying what it said before the blip.
  const [lastQuiet, setLastQuiet] = useState(settled ?? messages.statusConnecting);
  if (settled !== undefined && settled !== lastQuiet) setLastQuiet(settled);
  const quiet = connectionBanner ? undefined : (settled ?? lastQuiet);
  const visible = connectionBanner || snapshotError !== undefined;
  // How old the list may be: since the network went, or the connection did, whichever came first.
  const since = noNetwork || status === 'reconnecting' ? outOfTouchSince : undefined;
  // An outage that began before midnight says which day (and the text changes as the day turns).
  const today = useToday(since !== undefined);
  const outOfTouch = messages.outOfTouchSince ?? DEFAULT_MESSAGES.outOfTouchSince;
  const sinceText =
    since === undefined || outOfTouch === undefined ? undefined : outOfTouch(dateTimeFormat(locale, sinceFormat(since, today ?? startOfDay(since))).format(since));
  const refused = messages.reconnectingRefused ?? DEFAULT_MESSAGES.reconnectingRefused;
  const refusalText = status !== 'reconnecting' || refusal === undefined || refused === undefined ? undefined : refused(refusal);
  return (
    <div
      role="status"
      // The politeness is set in the same commit as the text; Chromium reads it when it fires the event.
      aria-live={status === 'unauthorized' ? 'assertive' : 'polite'}
      className={`omw-banners${visible ? '' : ' omw-banners--quiet'}`}
    >
      {quiet === undefined ? null : <p className="omw-visually-hidden">{quiet}</p>}
      {status === 'unauthorized' ? (
        <Banner
          kind="signed-out"
          icon={<LockIcon />}
          title={messages.statusUnauthorized}
          detail={messages.unauthorizedDetail}
          action={onRetry ? { label: messages.reconnectAction, onClick: onRetry } : undefined}
        />
      ) : null}
      {noNetwork ? <Banner kind="no-network" icon={<AlertIcon />} title={messages.statusNoNetwork} detail={messages.noNetworkDetail} since={sinceText} /> : null}
      {status === 'reconnecting' && reconnectingVisible && !noNetwork ? (
        <Banner
          kind="reconnecting"
          icon={<span className="omw-spinner omw-spinner--banner" aria-hidden="true" />}
          title={messages.statusReconnecting}
          detail={messages.reconnectingDetail}
          why={refusalText}
          since={sinceText}
        />
      ) : null}
      {snapshotError !== undefined && status !== 'unauthorized' ? (
        <Banner
          kind="snapshot"
          icon={<AlertIcon />}
          title={messages.snapshotErrorTitle}
          detail={snapshotDetail(messages, snapshotError, snapshotFailures)}
          action={onRetry ? { label: messages.retrySnapshotAction, onClick: onRetry } : undefined}
        />
      ) : null}
    </div>
  );
}

interface BannerProps {
  /** The modifier class: omw-banner--<kind>. */
  readonly kind: 'signed-out' | 'no-network' | 'reconnecting' | 'snapshot';
  readonly icon: ReactNode;
  readonly title: string;
  readonly detail: string;
  /** Why, when the widget knows it (the server refused), on a line of its own. */
  readonly why?: string | undefined;
  /** Since when nothing new has arrived, on a line of its own. */
  readonly since?: string | undefined;
  readonly action?: { readonly label: string; readonly onClick: () => void } | undefined;
}

/** One banner of the status region: an icon, a title, a detail line and at most one button. */
function Banner({ kind, icon, title, detail, why, since, action }: BannerProps) {
  return (
    <div className={`omw-banner omw-banner--${kind}`}>
      {icon}
      <div>
        <p className="omw-banner__title">{title}</p>
        <p className="omw-banner__detail">{detail}</p>
        {why === undefined ? null : <p className="omw-banner__detail">{why}</p>}
        {since === undefined ? null : <p className="omw-banner__detail">{since}</p>}
      </div>
      {action ? (
        <button type="button" className="omw-button omw-button--secondary omw-button--small omw-banner__action" onClick={action.onClick}>
          {action.label}
        </button>
      ) : null}
    </div>
  );
}
