/** One reported number of the benchmark suite, with its target and verdict. */
export interface Figure {
  /** Which benchmark produced it (e.g. `1 reducer throughput`). */
  readonly benchmark: string;
  readonly label: string;
  /** null when the figure could not be measured truly (see `note`). */
  readonly value: number | null;
  readonly unit: string;
  /** The target in words (`≥ 5×`), or `—` for an informational figure. */
  readonly target: string;
  /** true/false against the target; null for informational or unmeasured figures. */
  readonly pass: boolean | null;
  /** How it was measured, or why it could not be. */
  readonly note?: string;
}

/** A figure with a target: `pass` is computed from the value. */
export function judged(
  benchmark: string,
  label: string,
  value: number | null,
  unit: string,
  target: { readonly text: string; readonly met: (value: number) => boolean },
  note?: string,
): Figure {
  return { benchmark, label, value, unit, target: target.text, pass: value === null ? null : target.met(value), ...(note ? { note } : {}) };
}

/** A figure reported for context, with no target. */
export function info(benchmark: string, label: string, value: number | null, unit: string, note?: string): Figure {
  return { benchmark, label, value, unit, target: '—', pass: null, ...(note ? { note } : {}) };
}

/** At most `limit` (inclusive). */
export function atMost(limit: number, text: string): { text: string; met: (value: number) => boolean } {
  return { text, met: (value) => value <= limit };
}

/** At least `limit` (inclusive). */
export function atLeast(limit: number, text: string): { text: string; met: (value: number) => boolean } {
  return { text, met: (value) => value >= limit };
}
