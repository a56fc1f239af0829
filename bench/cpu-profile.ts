import { SourceMapConsumer } from 'source-map-js';
import type { RawSourceMap } from 'source-map-js';

/** A V8 CPU profile as the DevTools protocol's `Profiler.stop` returns it (the parts used here). */
export interface CpuProfile {
  readonly nodes: readonly {
    readonly id: number;
    readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number; readonly columnNumber: number };
  }[];
  readonly startTime: number;
  readonly endTime: number;
  readonly samples?: readonly number[];
  readonly timeDeltas?: readonly number[];
}

/** Self time (ms) by where it went: page code, React, CometD, TanStack, JSON, GC, … */
export type ProfileSummary = Readonly<Record<string, number>>;

/** Self time per (url, line, column, name), before the source maps say whose code it is. */
interface RawSummary {
  readonly byFrame: Map<string, { url: string; line: number; column: number; name: string; ms: number }>;
}

function selfTimes(profile: CpuProfile): RawSummary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node.callFrame] as const));
  const byFrame: RawSummary['byFrame'] = new Map();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i += 1) {
    const frame = byId.get(samples[i] as number);
    if (frame === undefined) continue;
    // timeDeltas[i + 1] is how long sample i lasted (µs).
    const ms = (deltas[i + 1] ?? 0) / 1000;
    const key = `${frame.url}\u0000${frame.lineNumber}\u0000${frame.columnNumber}\u0000${frame.functionName}`;
    const entry = byFrame.get(key);
    if (entry) entry.ms += ms;
    else byFrame.set(key, { url: frame.url, line: frame.lineNumber, column: frame.columnNumber, name: frame.functionName, ms });
  }
  return { byFrame };
}

/** Whose code a source file of a bundle is. */
function categoryOfSource(source: string): string {
  if (/node_modules\/(react|react-dom|scheduler)\//.test(source)) return 'React';
  if (/node_modules\/cometd\//.test(source)) return 'CometD';
  if (/node_modules\/@tanstack\//.test(source)) return 'TanStack Query';
  if (/node_modules\//.test(source)) return 'other libraries';
  return 'page code';
}

/**
 * Sorts a CPU profile's self time by whose code ran, through the bundles' source maps (fetched from
 * `${url}.map`). V8's own entries are named: GC, JSON, the rest of the browser's native work.
 */
export async function summariseProfile(profile: CpuProfile, fetchMap: (url: string) => Promise<RawSourceMap | undefined>): Promise<ProfileSummary> {
  const { byFrame } = selfTimes(profile);
  const consumers = new Map<string, SourceMapConsumer | undefined>();
  const out: Record<string, number> = {};
  const add = (category: string, ms: number) => (out[category] = (out[category] ?? 0) + ms);
  for (const { url, line, column, name, ms } of byFrame.values()) {
    if (name === '(idle)') continue;
    if (name === '(garbage collector)') add('GC', ms);
    else if (name === '(program)') add('browser (program)', ms);
    else if (url === '') add(/^(parse|stringify)$/.test(name) ? 'JSON' : 'native', ms);
    else if (!/^https?:/.test(url)) add('browser (extensions, injected)', ms);
    else {
      if (!consumers.has(url)) {
        const map = await fetchMap(url).catch(() => undefined);
        consumers.set(url, map === undefined ? undefined : new SourceMapConsumer(map));
      }
      const consumer = consumers.get(url);
      const source = consumer?.originalPositionFor({ line: line + 1, column }).source;
      add(source ? categoryOfSource(source) : 'page code (no source map)', ms);
    }
  }
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, Math.round(v)]));
}
