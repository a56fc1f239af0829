import { isCancelledError } from '@tanstack/query-core';
import type { QueryClient } from '@tanstack/query-core';
import type { GwsClient } from '../api/client';
import { isGwsRequestError, serverWordsOf } from '../api/errors';
import { snapshotQueryOptions } from '../api/query-options';
import type { OpenmediaStore } from '../core/store';
import type { ErrorReason } from '../core/types';
import { heldForOmitted, withOmittedFrom } from '../core/omitted-fields';
import { ignoresResource } from '../core/upsert-interaction';
import type { OpenmediaInteraction, OpenmediaNotification } from '../protocol/types';
import type { StateStarts } from './state-starts';

export interface SnapshotLoaderOptions {
  readonly client: GwsClient;
  readonly queryClient: QueryClient;
  readonly store: OpenmediaStore;
  readonly now: () => number;
  /** Called when the combined snapshot error text changes. */
  /** Why reads failed, joined in English, and each media type's failure for a translation (undefined: none). */
  readonly onErrorChange: (error: string | undefined, failures?: readonly SnapshotFailure[]) => void;
  /** A read was answered 401: the HTTP session is gone. */
  readonly onUnauthorized?: () => void;
  /**
   * A read was answered 403: the session may be gone (the Workspace API answers a cookie it no
   * longer knows so, after a sign-out elsewhere, while CometD may stay up and say nothing more):
   * worth asking the server, the dialect's way.
   */
  readonly onRefused?: () => void;
  /** Starts of states this browser saw, handed to the reducer with each read (see `snapshotLoaded.starts`). */
  readonly starts?: StateStarts;
  /** A read listed interactions of other media types too (see `SnapshotResult.otherMediaTypes`); `afterGap`: that read was one. */
  readonly onOtherMediaTypes?: (mediaTypes: readonly string[], afterGap: boolean) => void;
}

/** How often a read cancelled by someone else (a host's `queryClient.cancelQueries()`) is tried again. */
export const CANCELLED_READ_RETRIES = 2;

/**
 * After a read failed for a reason that passes (no answer, 429, 5xx) and its own quick retries
 * were spent, it is read again by itself after these delays (the last one repeating) until it
 * succeeds: a GWS restart takes minutes, and the list must not stay stale until someone presses
 * Try again. A refusal (another 4xx, a server code) is not read again by itself.
 */
export const REREAD_AFTER_FAILURE_MS: readonly number[] = [5_000, 10_000, 20_000, 40_000, 60_000];

function passes(error: unknown): boolean {
  if (!isGwsRequestError(error)) return false;
  if (error.kind === 'network') return true;
  const status = error.status ?? 0;
  return error.kind === 'http' && (status >= 500 || status === 429);
}

/** Reads snapshots through TanStack Query (`query-core`) and folds them into the store. */
export interface SnapshotLoader {
  /**
   * (Re-)read the snapshot of each media type; a read already in flight is replaced. `afterGap`:
   * read to recover from a gap in the push channel (pending actions are settled from it).
   */
  load(mediaTypes: Iterable<string>, options?: { readonly afterGap?: boolean }): void;
  /**
   * Every notification passes here before it is dispatched, so a snapshot read meanwhile cannot
   * roll it back.
   */
  noteNotification(notification: OpenmediaNotification): void;
  /** Why the last read of some media type failed, or undefined when all are fine. */
  error(): string | undefined;
  /**
   * No read by itself after a failure (see {@link REREAD_AFTER_FAILURE_MS}) until the next `load`:
   * the client stopped (nobody shows it), a read it makes then would be for no one.
   */
  stopRereads(): void;
  /**
   * Every media type of the first `load` has been read once: from then on an empty store means
   * "no interactions", before it "not read yet". Stays true (later reads refresh a listed store).
   */
  listed(): boolean;
  /**
   * Every media type of the first `load` has answered once, with its list or with a failure (the
   * error says which): from then on news is news, and a read asked for is sent. Unlike `listed`,
   * a media type whose read keeps failing does not hold the others' announcements and reads back.
   */
  settled(): boolean;
  /** The first read of this media type has not answered yet (not one of the first load: false). */
  awaitingFirst(mediaType: string): boolean;
  /**
   * The media types whose first list was read outside a gap (a new set object each time one is
   * added): what that list holds was there before, not news — a media type whose first read failed
   * and a retry answered, or one a read listed that the client then read too. A first list read
   * after a gap may hold what came during it: its type is not added (see
   * `OpenmediaClientSnapshot.baselineTypes`).
   */
  baselineTypes(): ReadonlySet<string>;
  /** A read of this media type is in flight. */
  reading(mediaType: string): boolean;
  /**
   * The client is disposed: the reads in flight are cancelled (their requests aborted, their
   * retries dropped) and nothing more is read or dispatched.
   */
  dispose(): void;
}

/**
 * Why one media type's read failed, for a host that translates the widget (`messages.snapshotFailure`):
 * `message` is the English text shown otherwise; `reason` the widget's own explanation (see
 * `ErrorReason`; `cancelled` for a read someone else kept cancelling); `serverText` the server's
 * own words, where it gave some.
 */
export interface SnapshotFailure {
  readonly mediaType: string;
  readonly message: string;
  readonly reason?: ErrorReason | 'cancelled';
  readonly serverText?: string;
}

function failureOf(mediaType: string, error: unknown): SnapshotFailure {
  const message = `Could not load the ${mediaType} interactions: ${describe(error)}`;
  if (!isGwsRequestError(error)) return { mediaType, message };
  const serverText = serverWordsOf(error);
  return { mediaType, message, ...(error.reason === undefined ? {} : { reason: error.reason }), ...(serverText === undefined ? {} : { serverText }) };
}

function describe(error: unknown): string {
  return error instanceof Error && error.message ? error.message : String(error);
}

export function createSnapshotLoader(options: SnapshotLoaderOptions): SnapshotLoader {
  const { client, queryClient, store, now } = options;
  const sequence = new Map<string, number>();
  /** Per media type with a read in flight: the interactions notifications reported meanwhile, and whether it is a read after a gap. */
  const inFlight = new Map<string, { readonly heard: Map<string, OpenmediaInteraction>; readonly afterGap: boolean }>();
  const errors = new Map<string, SnapshotFailure>();
  let disposed = false;
  let combined: string | undefined;
  /** The media types of the first `load` not read yet; undefined before it. */
  let unlisted: Set<string> | undefined;
  /** The media types of the first `load` that have not answered yet, with a list or a failure; undefined before it. */
  let unsettled: Set<string> | undefined;
  /** Media types listed with success at least once. */
  const listedOnce = new Set<string>();
  let baseline: ReadonlySet<string> = new Set();
  /** Per media type whose last read failed for a passing reason: the re-read planned, and how many came before it. */
  const rereads = new Map<string, { readonly timer: ReturnType<typeof setTimeout> | undefined; readonly attempts: number }>();
  let rereadsStopped = false;

  function cancelReread(mediaType: string, forget: boolean): void {
    const planned = rereads.get(mediaType);
    if (planned?.timer !== undefined) clearTimeout(planned.timer);
    if (forget) rereads.delete(mediaType);
    else if (planned !== undefined) rereads.set(mediaType, { timer: undefined, attempts: planned.attempts });
  }

  function planReread(mediaType: string, afterGap: boolean): void {
    if (rereadsStopped) return;
    const attempts = rereads.get(mediaType)?.attempts ?? 0;
    const delay = REREAD_AFTER_FAILURE_MS[Math.min(attempts, REREAD_AFTER_FAILURE_MS.length - 1)] ?? 60_000;
    const planned = sequence.get(mediaType);
    const timer = setTimeout(() => {
      // Read since by anyone (a resync, Try again): that read decides, and counts as this attempt.
      rereads.set(mediaType, { timer: undefined, attempts: sequence.get(mediaType) === planned ? attempts + 1 : attempts });
      if (disposed || rereadsStopped || sequence.get(mediaType) !== planned || !errors.has(mediaType)) return;
      void loadOne(mediaType, afterGap);
    }, delay);
    rereads.set(mediaType, { timer, attempts });
  }

  function setError(mediaType: string, failure: SnapshotFailure | undefined): void {
    if (failure === undefined) errors.delete(mediaType);
    else errors.set(mediaType, failure);
    const next = errors.size === 0 ? undefined : [...errors.values()].map((each) => each.message).join(' ');
    if (next === combined) return;
    combined = next;
    options.onErrorChange(next, next === undefined ? undefined : [...errors.values()]);
  }

  /**
   * The snapshot may have been taken before a notification that arrived while it travelled; a
   * notification carries the resource, so its version is the newer one (with the fields it left
   * out, which it did not change, as known before it or else as listed). An interaction announced
   * meanwhile but not listed is a new one the snapshot missed, not a vanished one.
   */
  function withNewerNews(
    interactions: readonly OpenmediaInteraction[],
    heard: ReadonlyMap<string, OpenmediaInteraction>,
  ): readonly OpenmediaInteraction[] {
    if (heard.size === 0) return interactions;
    const byId = new Map(interactions.map((interaction) => [interaction.id, interaction] as const));
    for (const [id, interaction] of heard) byId.set(id, withOmittedFrom(byId.get(id), interaction));
    return [...byId.values()];
  }

  async function loadOne(mediaType: string, afterGapAsked: boolean, cancelledBefore = 0): Promise<void> {
    const mine = (sequence.get(mediaType) ?? 0) + 1;
    sequence.set(mediaType, mine);
    // A read replacing one still in flight inherits what that one was for: a read after a gap
    // stays one (its pending actions are settled from it). It inherits what was heard since that
    // one began too, so that news is not rolled back by an answer that may be as old as the first
    // request's (a shared Workspace API v3 request) — unless it is a read after a gap: what was
    // heard before the gap is older than its answer (its request is sent after the gap: a GWS
    // read always, a shared v3 request once every read of it was replaced), and could bring back
    // an interaction that ended during the gap.
    const replaced = inFlight.get(mediaType);
    const afterGap = afterGapAsked || replaced?.afterGap === true;
    const heard = new Map<string, OpenmediaInteraction>(afterGapAsked ? [] : (replaced?.heard ?? []));
    inFlight.set(mediaType, { heard, afterGap });
    const query = snapshotQueryOptions(client, mediaType);
    const isLatest = () => !disposed && sequence.get(mediaType) === mine;
    try {
      // A read started before the gap may miss what happened during it: the latest read wins.
      await queryClient.cancelQueries({ queryKey: query.queryKey, exact: true });
      // Disposed (or replaced) while the cancel ran: nothing to read any more.
      if (!isLatest()) return;
      const result = await queryClient.fetchQuery(query);
      if (!isLatest()) return;
      inFlight.delete(mediaType);
      const at = now();
      // Before the dispatch: the store's publish of this snapshot is the one that says "listed".
      unlisted?.delete(mediaType);
      unsettled?.delete(mediaType);
      if (!listedOnce.has(mediaType)) {
        listedOnce.add(mediaType);
        if (!afterGap) baseline = new Set([...baseline, mediaType]);
      }
      const interactions = withNewerNews(result.interactions, heard);
      const starts = options.starts?.lookup(
        interactions.map((interaction) => interaction.id),
        at,
      );
      store.dispatch({
        type: 'snapshotLoaded',
        mediaTypes: [mediaType],
        interactions,
        unreadableIds: result.unreadableIds ?? [],
        afterGap,
        ...(starts === undefined ? {} : { starts }),
        at,
      });
      for (const reason of result.rejected) store.dispatch({ type: 'messageRejected', reason, at });
      cancelReread(mediaType, true);
      setError(mediaType, undefined);
      if (result.otherMediaTypes !== undefined && result.otherMediaTypes.length > 0) options.onOtherMediaTypes?.(result.otherMediaTypes, afterGap);
    } catch (error) {
      if (!isLatest()) return;
      if (isCancelledError(error)) {
        // Cancelled by someone else (the host's own queryClient.cancelQueries): the read is how
        // the widget recovers from a gap, so it is read again (keeping what was heard meanwhile),
        // and shown if it keeps being cancelled.
        if (cancelledBefore < CANCELLED_READ_RETRIES) {
          void loadOne(mediaType, afterGap, cancelledBefore + 1);
          return;
        }
        inFlight.delete(mediaType);
        // Before the error's publish, which carries "settled".
        unsettled?.delete(mediaType);
        setError(mediaType, { mediaType, message: `Could not load the ${mediaType} interactions: the read was cancelled.`, reason: 'cancelled' });
        return;
      }
      inFlight.delete(mediaType);
      unsettled?.delete(mediaType);
      if (isGwsRequestError(error) && error.kind === 'unauthorized') options.onUnauthorized?.();
      else if (isGwsRequestError(error) && error.status === 403) options.onRefused?.();
      setError(mediaType, failureOf(mediaType, error));
      cancelReread(mediaType, !passes(error));
      if (passes(error)) planReread(mediaType, afterGap);
    }
  }

  return {
    load(mediaTypes, loadOptions) {
      if (disposed) return;
      rereadsStopped = false;
      if (unlisted === undefined) {
        unlisted = new Set(mediaTypes);
        unsettled = new Set(unlisted);
      }
      for (const mediaType of new Set(mediaTypes)) void loadOne(mediaType, loadOptions?.afterGap === true);
    },
    noteNotification(notification) {
      const interaction = notification.openmedia;
      if (interaction === undefined) return;
      // What the reducer ignores (a late resource for an ended interaction) must not come back
      // through the snapshot merge, which would revive the ended entry.
      const state = store.getState();
      if (ignoresResource(state, interaction)) return;
      // An Error's resource never makes a card (see applyNotification): nor through a read's merge.
      if (notification.notificationType === 'Error' && !state.byId.has(interaction.id)) return;
      const read = inFlight.get(interaction.mediaType);
      if (read === undefined) return;
      // The fields it left out as known until now (heard during this read, else held); without
      // either, as the read will list them.
      const before = read.heard.get(interaction.id) ?? heldForOmitted(state.byId.get(interaction.id));
      read.heard.set(interaction.id, before === undefined ? interaction : withOmittedFrom(before, interaction));
    },
    error: () => combined,
    stopRereads() {
      rereadsStopped = true;
      for (const mediaType of [...rereads.keys()]) cancelReread(mediaType, true);
    },
    listed: () => unlisted !== undefined && unlisted.size === 0,
    settled: () => unsettled !== undefined && unsettled.size === 0,
    awaitingFirst: (mediaType) => unsettled === undefined || unsettled.has(mediaType),
    baselineTypes: () => baseline,
    reading: (mediaType) => inFlight.has(mediaType),
    dispose() {
      if (disposed) return;
      disposed = true;
      for (const mediaType of [...rereads.keys()]) cancelReread(mediaType, true);
      for (const mediaType of inFlight.keys()) {
        void queryClient.cancelQueries({ queryKey: snapshotQueryOptions(client, mediaType).queryKey, exact: true });
      }
      inFlight.clear();
    },
  };
}
