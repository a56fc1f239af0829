import { useCallback, useEffect, useId, useMemo, useRef, useSyncExternalStore } from 'react';
import type { OpenmediaClient, OpenmediaClientSnapshot } from '../client/openmedia-client';
import { callHost } from '../core/host-callback';
import type { InteractionEntry } from '../core/types';
import { useProvidedClient, useStartedClient } from '../hooks/openmedia-context';
import { useMessageRecording } from '../hooks/use-message-recording';
import type { OpenmediaInteraction } from '../protocol/types';
import type { ActionEvent, ActionListener } from './action-event';
import { ConnectedInteractionCard } from './connected-interaction-card';
import { ConnectedDiagnosticsPanel } from './diagnostics-panel';
import { prewarmReceivedFormat } from './format';
import { langOf, resolveMessages } from './messages';
import { FrameRenderFailed, RenderGuard, type RenderFailure } from './render-guard';
import { createFrameSelector } from './group-entries';
import { OpenmediaWidgetView, type OpenmediaWidgetViewProps } from './openmedia-widget-view';
import { beatIfDueSoon } from './shared-clock';
import type { TransferTarget } from './transfer-target';
import './openmedia-widget.css';

export interface OpenmediaWidgetProps
  extends Omit<
    OpenmediaWidgetViewProps,
    'entries' | 'renderCard' | 'status' | 'refusal' | 'outOfTouchSince' | 'snapshotError' | 'snapshotFailures' | 'listed' | 'settled' | 'baselineTypes' | 'onRetry' | 'getRecording' | 'diagnostics' | 'renderDiagnostics'
  > {
  /** Agents and queues offered by the Transfer dialog (any URI can still be typed). */
  readonly transferTargets?: readonly TransferTarget[];
  /**
   * Called when an interaction becomes the one in focus (after a successful Set in focus), in
   * every tab sharing the connection: `fromAnotherTab` tells the tabs that did not send it (a
   * host that opens a record on focus may want to do so in one tab only).
   */
  readonly onFocus?: (interaction: OpenmediaInteraction, details: FocusDetails) => void;
  /** Called before each action (return false to veto it) and after it settles. */
  readonly onAction?: ActionListener;
}

/** What `onFocus` is told besides the interaction. */
export interface FocusDetails {
  /** Put in focus from another tab of this browser (its SetInFocus), not from this one. */
  readonly fromAnotherTab: boolean;
}

/** What the widget itself draws: the frame's entries and what the banner and empty state show. */
interface WidgetState {
  readonly entries: readonly InteractionEntry[];
  readonly status: OpenmediaClientSnapshot['status'];
  readonly refusal: OpenmediaClientSnapshot['refusal'];
  readonly outOfTouchSince: OpenmediaClientSnapshot['outOfTouchSince'];
  readonly snapshotError: OpenmediaClientSnapshot['snapshotError'];
  readonly snapshotFailures: OpenmediaClientSnapshot['snapshotFailures'];
  readonly listed: boolean;
  readonly settled: boolean;
  readonly baselineTypes: ReadonlySet<string> | undefined;
  readonly focusedId: string | undefined;
  /** `focusedId` was put in focus by this tab (not heard from another). */
  readonly focusedHere: boolean;
}

/**
 * The store publishes once a frame while notifications flow, nearly always a change inside a
 * card, which that card renders by itself. The widget's state keeps the entries it was last
 * drawn with until something the frame shows changes (groups, counts, announcements), so the
 * widget renders only then, and finding out costs O(changes), not a walk of every card.
 */
function widgetStateOf(client: OpenmediaClient): () => WidgetState {
  const frameOf = createFrameSelector();
  let last: WidgetState | undefined;
  return () => {
    const { state, status, refusal, outOfTouchSince, snapshotError, snapshotFailures, listed, settled = listed, baselineTypes } = client.getSnapshot();
    const entries = frameOf(state);
    const { focusedId } = state;
    const focusedHere = state.focusedElsewhere !== true;
    if (
      last?.entries === entries &&
      last.status === status &&
      last.refusal === refusal &&
      last.outOfTouchSince === outOfTouchSince &&
      last.snapshotError === snapshotError &&
      last.snapshotFailures === snapshotFailures &&
      last.listed === listed &&
      last.settled === settled &&
      last.baselineTypes === baselineTypes &&
      last.focusedId === focusedId &&
      last.focusedHere === focusedHere
    )
      return last;
    last = { entries, status, refusal, outOfTouchSince, snapshotError, snapshotFailures, listed, settled, baselineTypes, focusedId, focusedHere };
    return last;
  };
}

/**
 * The agent's open media interactions, live. Must be inside `<OpenmediaProvider>`.
 * Offers come first, then interactions in progress, then the recently completed ones.
 */
export function OpenmediaWidget({ transferTargets, onFocus, onAction, locale, ...view }: OpenmediaWidgetProps) {
  const client = useProvidedClient('OpenmediaWidget');
  useStartedClient(client);
  const getState = useMemo(() => widgetStateOf(client), [client]);
  const widgetState = useSyncExternalStore(client.subscribe, getState, getState);
  const { entries, status, refusal, outOfTouchSince, snapshotError, snapshotFailures, listed, settled, baselineTypes, focusedId, focusedHere } = widgetState;
  const retry = useCallback(() => client.retry(), [client]);
  const getRecording = useMessageRecording();

  // Each publish is drawn in the coming frame: the time-in-state timers' next second goes with
  // it when it is due within a moment or the news came after a quiet stretch, rather than in a
  // frame of its own just after.
  useEffect(() => client.subscribe(beatIfDueSoon), [client]);

  // Latest-ref callbacks: a new inline onAction / onFocus from the host must not re-render every card.
  const callbacks = useRef({ onFocus, onAction });
  useEffect(() => {
    callbacks.current = { onFocus, onAction };
  });
  // A host callback that throws is reported (uncaught, a microtask later) and the widget goes on:
  // thrown inside an effect it would have unmounted the whole widget. A `before` that throws is
  // taken as a veto: the desktop's check did not say yes, so nothing is sent.
  const emitAction = useCallback((event: ActionEvent) => callHost(() => callbacks.current.onAction?.(event), event.phase === 'before' ? false : undefined), []);

  // The cards' received dates need the locale's date data: load it while the first cards are on their way.
  useEffect(() => prewarmReceivedFormat(locale), [locale]);

  // Reported when the focus moves, and when this tab puts in focus the interaction another tab
  // already had (a host that acts only on its own tab's focus hears it); not when another tab
  // re-focuses this tab's.
  const reportedFocus = useRef<{ readonly id: string | undefined; readonly here: boolean }>({ id: undefined, here: false });
  useEffect(() => {
    const previous = reportedFocus.current;
    if (focusedId === previous.id && focusedHere === previous.here) return;
    reportedFocus.current = { id: focusedId, here: focusedHere };
    if (focusedId === previous.id && !focusedHere) return;
    const entry = focusedId === undefined ? undefined : client.getSnapshot().state.byId.get(focusedId);
    if (entry) callHost(() => callbacks.current.onFocus?.(entry.interaction, { fromAnotherTab: !focusedHere }), undefined);
  }, [focusedId, focusedHere, client]);

  const renderCard = useCallback<OpenmediaWidgetViewProps['renderCard']>(
    (entry, headingLevel) => (
      <ConnectedInteractionCard
        id={entry.interaction.id}
        focused={entry.interaction.id === focusedId}
        transferTargets={transferTargets}
        onAction={emitAction}
        locale={locale}
        headingLevel={headingLevel}
      />
    ),
    [focusedId, transferTargets, emitAction, locale],
  );
  // The counters change with every notification: the panel subscribes to them itself.
  const renderDiagnostics = useMemo(
    () => () => <ConnectedDiagnosticsPanel locale={locale} getRecording={getRecording} />,
    [locale, getRecording],
  );

  return (
    // The last resort: the view guards its own header and list (its announcements and connection
    // state go on meanwhile); should the view itself fail to draw (a bug in its hooks), the
    // connection goes on and the widget says so in its place, drawing again with the next change
    // of what it shows (at most every 2 s), or at "Try again".
    <RenderGuard resetKey={widgetState} fallback={(again, failure) => <WidgetRenderFailed {...view} onRetry={again} failure={failure} />}>
      <OpenmediaWidgetView
        {...view}
        locale={locale}
        entries={entries}
        status={status}
        refusal={refusal}
        outOfTouchSince={outOfTouchSince}
        snapshotError={snapshotError}
        snapshotFailures={snapshotFailures}
        listed={listed}
        settled={settled}
        baselineTypes={baselineTypes}
        onRetry={retry}
        getRecording={getRecording}
        renderDiagnostics={renderDiagnostics}
        renderCard={renderCard}
      />
    </RenderGuard>
  );
}

/** In place of the widget's frame when it could not be drawn: its title, what happened, and a way to try again. */
export function WidgetRenderFailed({ title, messages: overrides, compact = false, theme, className, onRetry, failure }: Omit<OpenmediaWidgetProps, 'transferTargets' | 'onFocus' | 'onAction' | 'locale'> & { readonly onRetry: () => void; readonly failure: RenderFailure }) {
  const messages = useMemo(() => resolveMessages(overrides), [overrides]);
  const titleId = useId();
  const rootClass = ['omw-root', 'omw-widget', compact ? 'omw-widget--compact' : '', className ?? ''].filter(Boolean).join(' ');
  return (
    <section className={rootClass} data-theme={theme} lang={langOf(messages)} aria-labelledby={titleId}>
      <FrameRenderFailed titleId={titleId} title={title ?? messages.title} messages={messages} onRetry={onRetry} failure={failure} />
    </section>
  );
}
