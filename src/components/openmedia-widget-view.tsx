import type { Recording } from '../replay/recording';
import { memo, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import type { ConnectionStatus } from '../channel/types';
import type { SnapshotFailure } from '../client/snapshot-loader';
import type { Diagnostics, InteractionEntry } from '../core/types';
import { ConnectionBanner, statusLine } from './connection-banner';
import { ConnectionIndicator } from './connection-indicator';
import { useNetworkLost } from './use-network-lost';
import { DiagnosticsPanel } from './diagnostics-panel';
import { DialogHostContext } from './dialog-host';
import { FailureBurstsContext, useFailureBursts } from './failure-announcements';
import { groupEntries } from './group-entries';
import { InboxIcon } from './icons';
import { LiveAnnouncer, useAnnouncer } from './live-announcer';
import { ActionsRefusedContext } from './action-bar';
import { actionsRefusedWhile } from '../client/action-runner';
import { LiveMirrorContext, type LiveMirror } from './live-mirror';
import { langOf, resolveMessages, type Messages } from './messages';
import { MessagesContext } from './messages-context';
import { useDelayedFlag } from './use-delayed-flag';
import { UnsavedDraftsContext, createUnsavedDrafts } from './unsaved-draft';
import { DraftsElsewhere } from './unsaved-draft-note';
import { FocusRecheckContext, focusedCardIn, useFocusRecovery } from './use-focus-recovery';
import { useOfferAnnouncements } from './use-offer-announcements';
import { useOutcomeAnnouncements } from './use-outcome-announcements';
import { FrameRenderFailed, RenderGuard } from './render-guard';
import { useWorkAnnouncements } from './use-work-announcements';
import { useAwaySummary } from './use-away-summary';
import './openmedia-widget.css';

/** How long the first read may take before "loading" shows (a quick one flashes nothing). */
export const LOADING_GRACE_MS = 300;

/** Colour theme: light, dark, or follow the operating system. */
export type WidgetTheme = 'light' | 'dark' | 'auto';

export interface OpenmediaWidgetViewProps {
  /** Interactions in display order (offers, in progress, recently completed). */
  readonly entries: readonly InteractionEntry[];
  /** Renders one card; receives the heading level its title should use. */
  readonly renderCard: (entry: InteractionEntry, headingLevel: 4) => ReactNode;
  readonly status: ConnectionStatus;
  /** With `reconnecting`: the server refused the subscription, in its words (the reconnecting banner says it). */
  readonly refusal?: string | undefined;
  /** Since when nothing new may have arrived (`Date.now()`; see the client snapshot's): the reconnecting and No network banners say it. */
  readonly outOfTouchSince?: number | undefined;
  readonly snapshotError?: string | undefined;
  /** The same per media type, for a translation (`messages.snapshotFailure`). */
  readonly snapshotFailures?: readonly SnapshotFailure[] | undefined;
  /**
   * The interactions have been read (default true). While false, an empty list is "loading", not
   * "no interactions": the empty state and the count wait, and a loading line shows after a moment.
   */
  readonly listed?: boolean;
  /**
   * Every media type's first read has answered, with a list or a failure (default: `listed`).
   * From then on a new offer or interaction is announced, even when some media type could not be
   * listed (its banner says so).
   */
  readonly settled?: boolean;
  /** The media types listed so far: what a late first list brings is not announced as new. */
  readonly baselineTypes?: ReadonlySet<string> | undefined;
  /** Added to the diagnostics download so it can be replayed (the widget passes the provider's recording). */
  readonly getRecording?: (() => Recording) | undefined;
  /** Offered in the banner when signed out or a snapshot read failed (the widget passes the hook's `retry`). */
  readonly onRetry?: (() => void) | undefined;
  readonly diagnostics?: Diagnostics | undefined;
  /** Renders the diagnostics panel in place of one over `diagnostics` (the widget's subscribes to the counters itself). */
  readonly renderDiagnostics?: (() => ReactNode) | undefined;
  readonly showDiagnostics?: boolean;
  readonly title?: string;
  readonly messages?: Partial<Messages>;
  readonly compact?: boolean;
  /** Default: light, unless an ancestor has data-theme="dark". */
  readonly theme?: WidgetTheme;
  /** How long "reconnecting" must last before the banner shows. Default 3000 ms. */
  readonly reconnectGraceMs?: number;
  readonly locale?: string | undefined;
  readonly className?: string;
}

/**
 * The widget's frame over plain data: header, connection banner, grouped cards, diagnostics.
 * Memoised: it renders again only when one of its props changes.
 */
export const OpenmediaWidgetView = memo(function OpenmediaWidgetView({
  entries,
  renderCard,
  status,
  refusal,
  outOfTouchSince,
  snapshotError,
  snapshotFailures,
  listed = true,
  settled = listed,
  baselineTypes,
  onRetry,
  getRecording,
  diagnostics,
  renderDiagnostics,
  showDiagnostics = false,
  title,
  messages: overrides,
  compact = false,
  theme,
  reconnectGraceMs = 3000,
  locale,
  className,
}: OpenmediaWidgetViewProps) {
  const messages = useMemo(() => resolveMessages(overrides), [overrides]);
  const titleId = useId();
  // Modals portal here: inside .omw-root (scoped styles apply) and outside the card list.
  const [dialogHost, setDialogHost] = useState<HTMLDivElement | null>(null);
  // What a card's open editor held when the card went away (its interaction ended: a new card in Recently ended).
  const [unsavedDrafts] = useState(createUnsavedDrafts);
  const rootRef = useRef<HTMLElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const reconnectingVisible = useDelayedFlag(status === 'reconnecting', reconnectGraceMs);
  const networkLost = useNetworkLost();
  // Not read yet and nothing explains why (a failed read or a lost session has its banner).
  const loading = !listed && snapshotError === undefined && status !== 'unauthorized';
  const loadingVisible = useDelayedFlag(loading && entries.length === 0, LOADING_GRACE_MS);
  const groups = groupEntries(entries);
  const announcer = useAnnouncer();
  useOfferAnnouncements(groups.offers, groups.ended, settled, messages, announcer.announce, baselineTypes);
  useWorkAnnouncements(groups.offers, groups.active, groups.ended, settled, messages, announcer.announce, baselineTypes);
  useOutcomeAnnouncements(entries, messages, announcer.announce);
  const failureBursts = useFailureBursts(entries, messages, announcer.announce, () => focusedCardIn(rootRef.current));
  const connectionLine = statusLine(status, reconnectingVisible, networkLost, messages);
  // What an open dialog repeats (outside it, nothing is heard while it is open).
  const liveMirror = useMemo<LiveMirror>(
    () => ({ announcer, status: connectionLine, statusUrgent: status === 'unauthorized', entries, failureBursts }),
    [announcer, connectionLine, status, entries, failureBursts],
  );
  useAwaySummary(liveMirror, messages);
  const sections: { key: string; title: string; items: readonly InteractionEntry[] }[] = [
    { key: 'offers', title: messages.groupOffers, items: groups.offers },
    { key: 'active', title: messages.groupActive, items: groups.active },
    { key: 'ended', title: messages.groupEnded, items: groups.ended },
  ];
  // The cards in the order drawn: focus recovery looks there for the neighbours of a card that left.
  const cardOrder = sections.flatMap((section) => section.items.map((entry) => entry.interaction.id));
  const focusRecovery = useFocusRecovery(rootRef, cardOrder, headingRef);

  const rootClass = ['omw-root', 'omw-widget', compact ? 'omw-widget--compact' : '', className ?? '']
    .filter(Boolean)
    .join(' ');

  return (
    <MessagesContext.Provider value={messages}>
      <FailureBurstsContext.Provider value={failureBursts}>
      <DialogHostContext.Provider value={dialogHost}>
      <LiveMirrorContext.Provider value={liveMirror}>
      <FocusRecheckContext.Provider value={focusRecovery.recheck}>
      {/* Under "No network" too: the buttons say what the banner says (a press still tells why on the card). */}
      <ActionsRefusedContext.Provider value={actionsRefusedWhile(status) || networkLost}>
      <UnsavedDraftsContext.Provider value={unsavedDrafts}>
        <section
          ref={rootRef}
          className={rootClass}
          data-theme={theme}
          lang={langOf(messages)}
          aria-labelledby={titleId}
          onFocus={focusRecovery.onFocus}
          onBlur={focusRecovery.onBlur}
        >
          {/* Should the header or the list fail to draw (a bug), the title and a note take their place;
              the announcements, the connection and focus recovery above go on meanwhile. Drawn again
              when the list changes (at most every 2 s while it keeps failing), or at Try again. */}
          <RenderGuard
            resetKey={entries}
            fallback={(retry, failure) => (
              <FrameRenderFailed titleId={titleId} headingRef={headingRef} title={title ?? messages.title} messages={messages} onRetry={retry} failure={failure} />
            )}
          >
            <header className="omw-widget__header">
              <div className="omw-widget__heading">
                {/* Focusable from script only: takes focus when the focused card leaves and no card is left. */}
                <h2 id={titleId} ref={headingRef} className="omw-widget__title" tabIndex={-1}>
                  {title ?? messages.title}
                </h2>
                {/* A count before the interactions were read would be a guess. */}
                {listed ? <span className="omw-widget__count">{messages.interactionCount(groups.offers.length + groups.active.length)}</span> : null}
              </div>
              <ConnectionIndicator status={status} reconnectingVisible={reconnectingVisible} networkLost={networkLost} />
            </header>
            <ConnectionBanner
              status={status}
              reconnectingVisible={reconnectingVisible}
              networkLost={networkLost}
              refusal={refusal}
              snapshotError={snapshotError}
              snapshotFailures={snapshotFailures}
              onRetry={onRetry}
              outOfTouchSince={outOfTouchSince}
              locale={locale}
            />
            {entries.length === 0 ? (
              // With nothing loaded because of an error, the banner explains; "no interactions" would mislead.
              snapshotError !== undefined || status === 'unauthorized' ? null : !listed ? (
                loadingVisible ? (
                  <div className="omw-empty omw-empty--loading">
                    <span className="omw-spinner" aria-hidden="true" />
                    <p className="omw-empty__title">{messages.loadingTitle}</p>
                  </div>
                ) : null
              ) : (
                <div className="omw-empty">
                  <InboxIcon />
                  <p className="omw-empty__title">{messages.emptyTitle}</p>
                  <p>{messages.emptyBody}</p>
                </div>
              )
            ) : (
              <div className="omw-groups">
                {sections
                  .filter((section) => section.items.length > 0)
                  .map((section) => (
                    <GroupSection key={section.key} title={section.title}>
                      {section.items.map((entry) => (
                        <li key={entry.interaction.id} className="omw-list__item">
                          {renderCard(entry, 4)}
                        </li>
                      ))}
                    </GroupSection>
                  ))}
              </div>
            )}
            <DraftsElsewhere drafts={unsavedDrafts} hasCard={(id) => entries.some((entry) => entry.interaction.id === id)} />
            {showDiagnostics && renderDiagnostics
              ? renderDiagnostics()
              : showDiagnostics && diagnostics
                ? <DiagnosticsPanel diagnostics={diagnostics} locale={locale} getRecording={getRecording} />
                : null}
          </RenderGuard>
          <LiveAnnouncer announcer={announcer} />
          <div ref={setDialogHost} className="omw-dialog-host" />
        </section>
      </UnsavedDraftsContext.Provider>
      </ActionsRefusedContext.Provider>
      </FocusRecheckContext.Provider>
      </LiveMirrorContext.Provider>
      </DialogHostContext.Provider>
      </FailureBurstsContext.Provider>
    </MessagesContext.Provider>
  );
});

function GroupSection({ title, children }: { title: string; children: ReactNode[] }) {
  const id = useId();
  return (
    <div className="omw-group">
      <h3 id={id} className="omw-group__title">
        {title}{' '}
        <span className="omw-group__count">{children.length}</span>
      </h3>
      <ul className="omw-list" aria-labelledby={id}>
        {children}
      </ul>
    </div>
  );
}
