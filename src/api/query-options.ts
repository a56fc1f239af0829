import type { FetchQueryOptions } from '@tanstack/query-core';
import type { GwsClient } from './client';
import { isGwsRequestError } from './errors';
import type { SnapshotResult } from './snapshot';

/** `['openmedia', 'snapshot', gwsBase, mediaType]` */
export function snapshotQueryKey(gwsBase: string, mediaType: string) {
  return ['openmedia', 'snapshot', gwsBase, mediaType] as const;
}

/** Transient failures (no answer, GWS 5xx) are worth another try; a refusal is not. */
function retrySnapshot(failureCount: number, error: unknown): boolean {
  if (failureCount >= 3 || !isGwsRequestError(error)) return false;
  return error.kind === 'network' || (error.kind === 'http' && (error.status ?? 0) >= 500);
}

/**
 * React Query options for one media type's snapshot. `staleTime: 0`: a snapshot is read to
 * recover from a gap, so a cached one is never good enough. The widget folds each answer into its
 * store (which keeps unchanged interactions' identity itself), so the cache need not keep it once
 * nobody observes it (`gcTime: 0`: 200 interactions superseded by later notifications would stay
 * in memory for five minutes), nor compare it with the previous answer (`structuralSharing: false`).
 */
export function snapshotQueryOptions(
  client: GwsClient,
  mediaType: string,
): FetchQueryOptions<SnapshotResult, Error, SnapshotResult, ReturnType<typeof snapshotQueryKey>> {
  return {
    queryKey: snapshotQueryKey(client.gwsBase, mediaType),
    queryFn: ({ signal }) => client.getSnapshot(mediaType, { signal }),
    staleTime: 0,
    gcTime: 0,
    structuralSharing: false,
    retry: retrySnapshot,
    // A host QueryClient that believes it is offline would park the read; the widget's own
    // resync logic decides when to read, and a failed read is shown.
    networkMode: 'always',
  };
}
