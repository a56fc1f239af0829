/** A place an interaction can be transferred to. */
export interface TransferTarget {
  /** What the agent reads, e.g. "Billing queue" or "Dana Scully". */
  readonly name: string;
  /** The GWS URI sent as `targetUri`, e.g. `…/api/v2/queues/{id}` or `…/api/v2/users/{id}`. */
  readonly uri: string;
  readonly kind: 'agent' | 'queue';
}

/** Targets whose name or URI contains every word of `query`, case-insensitively. */
export function filterTargets(targets: readonly TransferTarget[], query: string): TransferTarget[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...targets];
  return targets.filter((t) => {
    const haystack = `${t.name} ${t.uri}`.toLowerCase();
    return words.every((w) => haystack.includes(w));
  });
}
