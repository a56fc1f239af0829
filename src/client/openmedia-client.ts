import { QueryClient } from '@tanstack/query-core';
import { createGwsClient } from '../api/client';
import type { GwsClient } from '../api/client';
import { normalizeGwsBase } from '../api/http';
import { refusalWith } from '../channel/refusal';
import type { ChannelListener, ConnectionStatus, NotificationChannel } from '../channel/types';
import { diffPersistentMaps } from '../core/persistent-map';
import { createOpenmediaStore } from '../core/store';
import type { OpenmediaStore } from '../core/store';
import { isEnded } from '../core/entry';
import type { ActionOutcome, OpenmediaState } from '../core/types';
import type { OperationRequest } from '../protocol/types';
import type { Recording } from '../replay/recording';
import { createRecordingChannel } from '../replay/recording-channel';
import type { RecordingChannel } from '../replay/recording-channel';
import { createActionRunner } from './action-runner';
import { createClientAlerts } from './client-alerts';
import type { OfferAlerts } from './offer-alerts';
import { isSharedChannel } from './relay-channel';
import type { TabInfo } from './relay-channel';
import { connectionName, createConnectionChannel } from './shared-connection';
import { createVisibilitySchedule } from './visibility-schedule';
import type { PerformOptions } from './action-runner';
import {
  DEFAULT_ACTION_TIMEOUT_MS,
  DEFAULT_LINGER_MS,
  DEFAULT_MEDIA_TYPES,
  DEFAULT_RECORD_LIMIT,
} from './client-options';
import type { OpenmediaClientOptions } from './client-options';
import { createSharedActions } from './shared-actions';
import { createSharedFocus } from './shared-focus';
import { createSnapshotLoader } from './snapshot-loader';
import type { SnapshotFailure } from './snapshot-loader';
import { createContradictionReads } from './contradicting-news';
import { watchFreezes } from './freeze-watch';
import { browserLocalStorage } from './seen-offers';
import { createStateStarts } from './state-starts';
import { createDialect, withDialect } from './dialects';
import type { Dialect } from './dialects';

/**
 * Everything the widget shows, as one immutable value: a new object whenever any part changes,
 * the same object otherwise (what `useSyncExternalStore` needs).
 */
export interface OpenmediaClientSnapshot {
  /** The interactions, pending actions, focus and diagnostics, as of the store's last publish. */
  readonly state: OpenmediaState;
  /** The push channel's status. */
  readonly status: ConnectionStatus;
  /**
   * With `reconnecting`: the server refused the subscription, in its words (its Bayeux `error`,
   * such as `403::subscribe_failed`, at most 200 characters); the channel keeps trying. Optional for
   * snapshots built by hand.
   */
  readonly refusal?: string | undefined;
  /**
   * Since when nothing new may have arrived (the client's clock, `Date.now()` unless its `now`
   * option says otherwise): the moment the connection stopped being live or the browser went
   * offline, whichever came first, kept through every status until the connection is live again
   * with the network up; undefined while it is. A tab that shares another's connection counts from
   * when it heard the status. Optional for snapshots built by hand.
   */
  readonly outOfTouchSince?: number | undefined;
  /** Why the last snapshot read failed (per media type, joined), or undefined. */
  readonly snapshotError: string | undefined;
  /** The same, per media type, for a translation (see {@link SnapshotFailure}); undefined with it. */
  readonly snapshotFailures?: readonly SnapshotFailure[] | undefined;
  /**
   * The interactions have been read (every media type's snapshot, once): until then an empty
   * `state` means "not read yet", not "none". Published with the state that holds the first read.
   */
  readonly listed: boolean;
  /**
   * Every media type's first read has answered, with its list or with a failure (then
   * `snapshotError` says so). From then on what arrives is news (a new offer is announced): a
   * media type the server cannot list does not silence the others. Optional for snapshots built
   * by hand (a test's or a host's): absent, `listed` stands for it.
   */
  readonly settled?: boolean;
  /**
   * The media types whose first list was read outside a gap. Such a list, read after the others
   * (a media type whose first read failed and a retry answered, one a read named that the client
   * was not told of), holds what was already there: the widget does not announce it as new. A
   * first list read after a gap may hold what came during it, and is news. Optional for snapshots
   * built by hand.
   */
  readonly baselineTypes?: ReadonlySet<string>;
  /** This tab's part in the connection shared by the browser's tabs (`solo` when not shared). */
  readonly tab: TabInfo;
}

/**
 * The widget without a UI framework: one notification channel, one store, the snapshot reads
 * (through TanStack `query-core`), the actions and their timers, the linger clock and the
 * diagnostics recorder. React hooks (`<OpenmediaProvider client>`) are thin views of it; a
 * plain-JS host or a Node test can drive it directly.
 */
export interface OpenmediaClient {
  /** GWS origin and prefix, without a trailing slash (`''` = same origin). */
  readonly gwsBase: string;
  /** The store (interactions keyed by id); published at most once per frame. */
  readonly store: OpenmediaStore;
  /** The QueryClient of the snapshot reads (the host's, when it gave one); mutations use it too. */
  readonly queryClient: QueryClient;
  /**
   * Connect, or keep connected: ref-counted. The first holder subscribes to the channel, reads the
   * snapshot and starts the clock; returns the (idempotent) release of this hold. The connection
   * closes shortly after the last holder releases and no action is in flight.
   */
  start(): () => void;
  /** Releases the oldest hold taken with {@link start} that is not released yet. */
  stop(): void;
  /** Whether anyone holds the connection now (started and not stopped). */
  isStarted(): boolean;
  /**
   * Run an operation on an interaction. Every outcome is shown in the store (pending, then the
   * error or the new state); the promise resolves once the action has settled there, with how
   * it ended. Never rejects. The client stays connected until it has settled.
   */
  perform(interactionId: string, request: OperationRequest, options?: PerformOptions): Promise<ActionOutcome>;
  /** Clear the error shown for this interaction. */
  dismissError(interactionId: string): void;
  /**
   * The agent asked to try again: after `unauthorized`, reconnect the channel (which resyncs once
   * back); otherwise read the snapshots again (after a failed read). Never called automatically.
   */
  retry(): void;
  /** Start the channel again after `unauthorized` (the agent signed in again). */
  reconnect(): void;
  /** The latest state; see {@link OpenmediaClientSnapshot}. */
  getSnapshot(): OpenmediaClientSnapshot;
  /** Called after every change of the snapshot (store publishes, status, snapshot errors). */
  subscribe(listener: () => void): () => void;
  /**
   * Called after a publish in which the entry of `interactionId` changed (came, changed or went):
   * what a card listens to. Finding the listeners due costs O(changes) per publish, however many
   * cards listen, where a listener of {@link subscribe} per card is called for every change of
   * any card.
   */
  subscribeEntry(interactionId: string, listener: () => void): () => void;
  /** The latest raw messages, replayable; undefined when `recordLimit` is 0. */
  getRecording(): Recording | undefined;
  /** Offer alerts: `onOffer` listeners, the host's options and the agent's toggles. */
  readonly alerts: OfferAlerts;
  /**
   * Stop for good: close the connection whoever holds it, abandon the actions in flight (settled
   * as timed out), stop the timers. Later `start()` calls do nothing. Idempotent.
   */
  dispose(): void;
  /** Whether {@link dispose} was called. */
  isDisposed(): boolean;
}

function createChannel(
  options: OpenmediaClientOptions,
  gwsBase: string,
  dialect: Dialect,
): { channel: NotificationChannel; source: NotificationChannel; recorder: RecordingChannel | undefined } {
  const source = options.channel ?? createConnectionChannel(options, gwsBase, dialect);
  const recordLimit = options.recordLimit ?? DEFAULT_RECORD_LIMIT;
  // The recorder relays everything (Reconnect included) through one subscription of its own.
  const recorder = recordLimit > 0 ? createRecordingChannel(source, { maxEvents: recordLimit }) : undefined;
  return { channel: recorder ?? source, source, recorder };
}

/**
 * Create a client. Creating has no side effects (nothing connects, no timer starts) until
 * {@link OpenmediaClient.start}.
 */
/** A reception time further back than this is not believed (another clock): the news is timed now. */
const MAX_ARRIVAL_LAG_MS = 10 * 60_000;

export function createOpenmediaClient(clientOptions: OpenmediaClientOptions = {}): OpenmediaClient {
  const gwsBase = normalizeGwsBase(clientOptions.gwsBase);
  // Everything dialect-specific is decided here; below, only the resolved options are used.
  const dialect = createDialect(clientOptions.dialect);
  const options = withDialect(clientOptions, dialect, gwsBase);
  const { channel, source, recorder } = createChannel(options, gwsBase, dialect);
  const gwsClient: GwsClient = options.gwsClient ?? createGwsClient({ gwsBase });
  const queryClient = options.queryClient ?? new QueryClient();
  const store = createOpenmediaStore({
    lingerMs: options.lingerMs ?? DEFAULT_LINGER_MS,
    schedule: options.schedule ?? createVisibilitySchedule({ afterPendingConnect: channel.afterPendingConnect ? (callback) => channel.afterPendingConnect?.(callback) ?? false : undefined }),
  });
  const now = options.now ?? Date.now;
  /**
   * When news came, for the times it starts (time in state): when the connection Worker or the
   * leader tab received it, if this page heard it later (held by a host's long task); else now.
   * Only on the real clock (a client given its own `now` keeps to it), and never in the future.
   */
  const arrivedAt = (receivedAt: number | undefined): number => {
    const at = now();
    if (receivedAt === undefined || options.now !== undefined) return at;
    return receivedAt < at && at - receivedAt < MAX_ARRIVAL_LAG_MS ? receivedAt : at;
  };
  const tickMs = options.tickMs ?? 1000;
  const mediaTypes = new Set(options.mediaTypes ?? DEFAULT_MEDIA_TYPES);
  const listeners = new Set<{ readonly listener: () => void }>();
  const entryListeners = new Map<string, Set<{ readonly listener: () => void }>>();

  const connectionKey = connectionName(options, gwsBase, dialect);
  const alerts = createClientAlerts({
    channel: source,
    store,
    key: connectionKey,
    alerts: options.alerts,
    effects: options.alertEffects,
    onTabChange: () => publish({ tab: alerts.getTab() }),
  });
  /** The browser said it went offline, and has not said it is back (its events, not navigator.onLine: see useNetworkLost). */
  let offline = false;
  let snapshot: OpenmediaClientSnapshot = { state: store.getSnapshot(), status: channel.getStatus(), refusal: channel.getRefusal?.(), outOfTouchSince: now(), snapshotError: undefined, listed: false, settled: false, tab: alerts.getTab() };
  /** Who keeps the connection open: widgets and hooks (`start`), and actions in flight (`forAction`). */
  const holds: Hold[] = [];
  let running: { readonly unsubscribe: () => void; readonly clock: ReturnType<typeof setInterval> } | undefined;
  let stopQueued = false;
  let disposed = false;
  /** The first snapshot was read before the channel was subscribed: read again once it is. */
  let awaitingConnectedLoad = false;
  /** A session check is being answered (v3 may take two reads): one at a time. */
  let checkingSession = false;

  function publish(patch: Partial<OpenmediaClientSnapshot>): void {
    const next = { ...snapshot, ...patch };
    // Out of touch from the first moment it was, until live again with the network up.
    if (next.status === 'connected' && !offline) next.outOfTouchSince = undefined;
    else next.outOfTouchSince ??= now();
    if (next.state === snapshot.state && next.status === snapshot.status && next.refusal === snapshot.refusal && next.outOfTouchSince === snapshot.outOfTouchSince && next.snapshotError === snapshot.snapshotError && next.listed === snapshot.listed && next.settled === snapshot.settled && next.baselineTypes === snapshot.baselineTypes && next.tab === snapshot.tab) return;
    const before = snapshot.state.byId;
    snapshot = next;
    if (next.state.byId !== before) {
      const { byId } = next.state;
      const due: { readonly listener: () => void }[] = [];
      diffPersistentMaps(before, byId, (id) => {
        const records = entryListeners.get(id);
        if (records !== undefined) for (const record of records) due.push(record);
        // The starts this page saw, for the pages of this browser that open later (a reload): a
        // live state seen beginning is kept, anything else (ended, evicted, unseen) forgotten.
        const entry = byId.get(id);
        if (entry !== undefined && entry.stateSinceExact && !isEnded(entry)) stateStarts.set(id, entry.interaction.state, entry.stateSince);
        else stateStarts.set(id, undefined, 0);
      });
      for (const { listener } of due) listener();
    }
    for (const { listener } of [...listeners]) listener();
  }
  // The store publishes at most once per frame; its publish is ours (every snapshot read is logged
  // in the state, so the first read's publish is there to carry "listed").
  const sharedFocus = createSharedFocus(store, source, now, () => snapshots.listed());
  store.subscribe(() => {
    sharedFocus.afterPublish();
    publish({ state: store.getSnapshot(), listed: snapshots.listed(), settled: snapshots.settled(), baselineTypes: snapshots.baselineTypes() });
  });

  const stateStarts = createStateStarts(
    options.stateStartStorage === undefined ? browserLocalStorage : (options.stateStartStorage ?? undefined),
    `openmedia-widget:state-starts ${connectionKey}`,
    now,
  );
  const snapshots = createSnapshotLoader({
    client: gwsClient,
    queryClient,
    store,
    now,
    starts: stateStarts,
    onErrorChange: (snapshotError, snapshotFailures) => {
      // What other reads dispatched meanwhile is published first: a failure that settles the first
      // reads must not reach the widget before the lists it settles (it would take them for news).
      store.flush();
      publish({ snapshotError, snapshotFailures, settled: snapshots.settled() });
    },
    onUnauthorized: sessionLost,
    onRefused: () => checkSession(),
    // One read that lists every media type (Workspace API v3) names types the client was not told
    // of: on the wildcard subscription their news reaches this client, so they are read and shown
    // too (an interaction of such a type already there at load would be missing until its next
    // notification). Exact channels the host chose hear no news of them: left out.
    onOtherMediaTypes: (listed, afterGap) => {
      if (options.cometdChannels !== undefined) return;
      const added = listed.filter((type) => !mediaTypes.has(type));
      for (const type of added) mediaTypes.add(type);
      // Met in a read after a gap, what it lists may have come during the gap: read as such (news).
      if (added.length > 0) snapshots.load(added, { afterGap });
    },
  });
  // Before its first read answers, that read is still to come and will decide. A media type whose
  // first read failed is read again when asked: its news needs the read as much as any other's.
  const contradictions = createContradictionReads({
    now,
    read: (mediaType) => {
      if (!snapshots.awaitingFirst(mediaType)) snapshots.load([mediaType]);
    },
    readWhenIdle: (mediaType) => {
      if (snapshots.awaitingFirst(mediaType) || snapshots.reading(mediaType)) return false;
      snapshots.load([mediaType]);
      return true;
    },
    getState: () => store.getState(),
  });
  const actionTimeoutMs = options.actionTimeoutMs ?? DEFAULT_ACTION_TIMEOUT_MS;
  const sharedActions = createSharedActions(store, source, now, actionTimeoutMs);
  const actions = createActionRunner({
    store,
    client: gwsClient,
    timeoutMs: actionTimeoutMs,
    share: sharedActions,
    now,
    hold: () => takeHold(true),
    // Only actions in flight keep this client: the widget that sent them is gone (a route change).
    unwatched: () => holds.every((hold) => hold.forAction),
    connectionStatus: () => channel.getStatus(),
    onUnauthorized: sessionLost,
    onDoubt(interactionId) {
      // While the channel is down its own read on reconnecting decides (after the gap). A leader
      // tab's held page is no gap (its relay resumes where it stopped, with no read): read now.
      const held = isSharedChannel(source) && source.leaderHeld?.() === true;
      if (disposed || running === undefined || (channel.getStatus() !== 'connected' && !held)) return;
      const entry = store.getState().byId.get(interactionId);
      if (entry !== undefined) snapshots.load([entry.interaction.mediaType]);
    },
  });

  /**
   * CometD keeps handshaking into sessions the server does not know (402, or a refused
   * subscription, after every handshake): ask the server, the dialect's way, whether the session
   * still exists; if it does not, the end state is signed out, not "reconnecting" for ever.
   */
  function checkSession(): void {
    if (checkingSession) return;
    checkingSession = true;
    dialect
      .isSessionGone(gwsClient)
      .catch(() => false)
      .then((gone) => {
        checkingSession = false;
        if (gone) sessionLost();
      });
  }

  /** A REST call was answered 401: the same truth as a refused handshake (one banner, Reconnect). */
  function sessionLost(): void {
    if (running === undefined || channel.getStatus() === 'unauthorized') return;
    channel.sessionEnded?.();
  }

  function open(): void {
    let live = true;
    /**
     * Messages heard before the dialect's code arrived (v3 loads on demand), in order, with when
     * they were heard: an offer that waited for the code has been ringing since then.
     */
    const early: { readonly data: unknown; readonly at: number; readonly late: boolean }[] = [];
    let waitingForCode = false;
    let codeRetry: ReturnType<typeof setTimeout> | undefined;
    let codeFailures = 0;
    function heard(data: unknown, receivedAt?: number): void {
      if (!live) return;
      const at = arrivedAt(receivedAt);
      const late = freezes.heardLate(at);
      if (early.length === 0) {
        const loading = dialect.whenLoaded();
        if (loading === undefined) {
          receive(data, at, late);
          return;
        }
        // A failure is handled by awaitCode, which asks again.
        loading.catch(() => undefined);
      }
      early.push({ data, at, late });
      awaitCode();
    }
    /**
     * Delivers the early messages once the dialect's code is there. While it cannot be fetched
     * they are kept, not dropped, and the load is tried again (2 s, 4 s, … up to 30 s); the
     * snapshot read meanwhile shows why on screen.
     */
    function awaitCode(): void {
      if (waitingForCode || codeRetry !== undefined || !live) return;
      const loading = dialect.whenLoaded();
      if (loading === undefined) {
        for (const { data, at, late } of early.splice(0)) if (live) receive(data, at, late);
        return;
      }
      waitingForCode = true;
      loading.then(
        () => {
          waitingForCode = false;
          codeFailures = 0;
          awaitCode();
        },
        () => {
          waitingForCode = false;
          if (!live) return;
          codeFailures += 1;
          codeRetry = setTimeout(() => {
            codeRetry = undefined;
            awaitCode();
          }, Math.min(30_000, 1_000 * 2 ** codeFailures));
        },
      );
    }
    function receive(data: unknown, at = now(), heardLate = false): void {
      const parsed = dialect.parse(data, channel.descriptor);
      if (!parsed.ok) {
        store.dispatch({ type: 'messageRejected', reason: parsed.reason, at });
        return;
      }
      const { notification } = parsed;
      // A media type first met on the channel is part of every later resync.
      if (notification.openmedia) {
        mediaTypes.add(notification.openmedia.mediaType);
        contradictions.note(store.getState(), notification.openmedia);
      }
      snapshots.noteNotification(notification);
      store.dispatch(heardLate ? { type: 'notificationReceived', notification, at, heardLate } : { type: 'notificationReceived', notification, at });
      // Applied without the part it could not read: counted all the same.
      for (const reason of parsed.dropped ?? []) store.dispatch({ type: 'messageRejected', reason, at });
    }
    const listener: ChannelListener = {
      onMessage: heard,
      onStatus(status, refusal) {
        if (!live) return;
        // referenceIds restart with the next HTTP session: none of this one's may match there.
        if (status === 'unauthorized') store.dispatch({ type: 'sessionChanged', at: now() });
        publish({ status, refusal: refusalWith(status, refusal) });
        if (status === 'connected' && awaitingConnectedLoad) {
          awaitingConnectedLoad = false;
          snapshots.load(mediaTypes);
        }
      },
      onResyncNeeded() {
        if (!live) return;
        awaitingConnectedLoad = false;
        snapshots.load(mediaTypes, { afterGap: true });
      },
      onSessionCheckNeeded() {
        if (!live) return;
        checkSession();
      },
    };
    awaitingConnectedLoad = false;
    // News the page handles as it resumes from a freeze may have come while it was frozen.
    const freezes = watchFreezes(typeof document !== 'undefined' && typeof document.addEventListener === 'function' ? document : undefined, now);
    const unsubscribeChannel = channel.subscribe(listener);
    const clock = setInterval(() => {
      store.dispatch({ type: 'clockTicked', at: now() });
      stateStarts.tick();
    }, tickMs);
    // A reload: the page going away writes the starts it holds, for the page that comes next.
    // (Node has no window; cometd-nodejs-client's stand-in has no events.)
    const page = typeof window !== 'undefined' && typeof window.addEventListener === 'function' ? window : undefined;
    const onPageHide = () => stateStarts.flush();
    page?.addEventListener('pagehide', onPageHide);
    // The network is back: do not sit out the rest of a back-off of up to 30 s.
    const onOnline = () => {
      offline = false;
      if (!live) return;
      channel.retryNow?.();
      publish({});
    };
    // Gone: nothing new can arrive from now on, whatever the long poll still out says.
    const onOffline = () => {
      offline = true;
      if (live) publish({});
    };
    page?.addEventListener('online', onOnline);
    page?.addEventListener('offline', onOffline);
    running = {
      unsubscribe: () => {
        live = false;
        if (codeRetry !== undefined) clearTimeout(codeRetry);
        early.length = 0;
        unsubscribeChannel();
        freezes.stop();
        page?.removeEventListener('pagehide', onPageHide);
        page?.removeEventListener('online', onOnline);
        page?.removeEventListener('offline', onOffline);
      },
      clock,
    };
    publish({ status: channel.getStatus(), refusal: channel.getRefusal?.(), tab: alerts.getTab() });
    // Read at once for a quick first paint; if the channel is not subscribed yet, notifications
    // sent before it is would be missed, hence the second read on the first `connected`.
    awaitingConnectedLoad = channel.getStatus() !== 'connected';
    snapshots.load(mediaTypes);
    // No media type to read: there is nothing to wait for.
    if (snapshots.listed()) publish({ listed: true, settled: true });
    // After the request is out: resuming reads this session's alerted offers from storage, and the
    // state starts are read for the answer, so neither first touch of storage delays the cards.
    alerts.resume();
    setTimeout(() => stateStarts.load(), 0);
  }

  function close(): void {
    if (running === undefined) return;
    running.unsubscribe();
    clearInterval(running.clock);
    running = undefined;
    awaitingConnectedLoad = false;
    snapshots.stopRereads();
    alerts.pause();
    stateStarts.flush();
    publish({ status: channel.getStatus(), refusal: channel.getRefusal?.(), tab: alerts.getTab() });
  }

  function activeHolds(): number {
    let count = 0;
    for (const hold of holds) if (!hold.released) count += 1;
    return count;
  }

  function releaseHold(hold: Hold): void {
    if (hold.released) return;
    hold.released = true;
    holds.splice(holds.indexOf(hold), 1);
    if (holds.length > 0 || stopQueued) return;
    // Deferred by a microtask: React StrictMode (and a list re-keying its cards) releases and
    // takes a hold again in the same task; closing in between would re-handshake for nothing.
    stopQueued = true;
    queueMicrotask(() => {
      stopQueued = false;
      if (holds.length === 0) close();
    });
  }

  function takeHold(forAction: boolean): () => void {
    if (disposed) return () => undefined;
    const hold = { released: false, forAction };
    holds.push(hold);
    if (running === undefined) open();
    return () => releaseHold(hold);
  }

  function start(): () => void {
    return takeHold(false);
  }

  return {
    gwsBase,
    store,
    queryClient,
    start,
    stop() {
      const oldest = holds.find((hold) => !hold.forAction);
      if (oldest !== undefined) releaseHold(oldest);
    },
    isStarted: () => activeHolds() > 0,
    perform(interactionId, request, performOptions) {
      if (disposed) return Promise.resolve({ status: 'ignored' });
      return actions.perform(interactionId, request, performOptions);
    },
    dismissError(interactionId) {
      store.dispatch({ type: 'errorDismissed', interactionId });
    },
    retry() {
      if (running === undefined) return;
      if (channel.getStatus() === 'unauthorized') channel.reconnect?.();
      else snapshots.load(mediaTypes);
    },
    reconnect() {
      if (running === undefined) return;
      channel.reconnect?.();
    },
    getSnapshot: () => snapshot,
    subscribe(listener) {
      const record = { listener };
      listeners.add(record);
      return () => {
        listeners.delete(record);
      };
    },
    subscribeEntry(interactionId, listener) {
      const record = { listener };
      let records = entryListeners.get(interactionId);
      if (records === undefined) {
        records = new Set();
        entryListeners.set(interactionId, records);
      }
      records.add(record);
      return () => {
        const current = entryListeners.get(interactionId);
        if (current === undefined) return;
        current.delete(record);
        if (current.size === 0) entryListeners.delete(interactionId);
      };
    },
    getRecording: () => recorder?.getRecording(),
    alerts: alerts.engine,
    dispose() {
      if (disposed) return;
      disposed = true;
      actions.dispose();
      sharedActions.dispose();
      // A read still travelling (or retrying) would only reach a GWS nobody shows any more.
      snapshots.dispose();
      contradictions.dispose();
      for (const hold of holds) hold.released = true;
      holds.length = 0;
      close();
      // Whatever the abandoned actions changed is on screen now, not a frame later.
      store.flush();
    },
    isDisposed: () => disposed,
  };
}

/** A reason to keep the connection open: a widget or hook (`start`), or an action in flight. */
interface Hold {
  released: boolean;
  readonly forAction: boolean;
}
