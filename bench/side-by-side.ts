import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, resolveChromium } from '../e2e/browser';
import { ROOT, WIDGET_PAGE_PATH } from './builds';
import type { Figure } from './figure';
import { atMost, info, judged } from './figure';
import { measurePage, pct } from './page-measure';
import type { PageFigures, PhaseOptions } from './page-measure';
import { startPreview } from './preview-server';
import type { RunningPreview } from './preview-server';
import type { Progress } from './progress';
import { median, round } from './stats';

/** The naive reference page (read-only in CI: it is copied, installed and built in a temp folder). */
export const NAIVE_SOURCE = join(ROOT, '../shared/bench-reference/naive-page');

export interface SideBySideOptions {
  /** The heavy load: cards, then steady traffic, then a burst. */
  readonly heavy: PhaseOptions;
  /** A realistic agent's load. */
  readonly light: PhaseOptions;
  /** Runs of every page; each figure is the median over them. */
  readonly runs: number;
}

export const SIDE_BY_SIDE_FULL: SideBySideOptions = {
  heavy: { cards: 200, rate: 200, seconds: 20, burst: 2_000, profileSeconds: 5 },
  light: { cards: 10, rate: 1, seconds: 20, burst: 0, profileSeconds: 0 },
  runs: 3,
};
export const SIDE_BY_SIDE_QUICK: SideBySideOptions = {
  heavy: { cards: 200, rate: 200, seconds: 3, burst: 500, profileSeconds: 2 },
  light: { cards: 10, rate: 1, seconds: 3, burst: 0, profileSeconds: 0 },
  runs: 1,
};

const NAME = '6 side by side with the naive page';

interface Contender {
  readonly key: 'standalone' | 'widget' | 'naive';
  readonly label: string;
  readonly path: string;
  readonly outDir: string;
  readonly ready: (page: Page) => Promise<void>;
}

interface Measured {
  readonly heavy: PageFigures;
  readonly light: PageFigures;
}

/** Copies the naive page, installs its pinned dependencies (npm registry or cache) and builds it. */
function buildNaive(dir: string, progress: Progress): string {
  cpSync(NAIVE_SOURCE, dir, { recursive: true });
  progress('installing the naive page (npm ci)');
  execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel', 'error'], { cwd: dir, stdio: 'ignore' });
  progress('building the naive page');
  execFileSync('npm', ['run', 'build', '--', '--sourcemap'], { cwd: dir, stdio: 'ignore' });
  return join(dir, 'dist/app');
}

const liveWidget = async (page: Page) => {
  await page.getByRole('region', { name: 'My interactions', exact: true }).getByText('Live', { exact: true }).first().waitFor({ timeout: 30_000 });
};

function medianOf(values: readonly (number | null)[]): number | null {
  const known = values.filter((v): v is number => v !== null && Number.isFinite(v));
  return known.length === 0 ? null : median(known);
}

function ratio(a: number | null, b: number | null): number | null {
  return a === null || b === null || b === 0 ? null : round(a / b, 3);
}

const kib = (bytes: number) => round(bytes / 1024, 3);
const mib = (bytes: number) => round(bytes / 2 ** 20, 3);

/** One scalar of one page, the median over the runs. */
type Pick = (m: Measured) => number | null;

function profileNote(runs: readonly Measured[]): string {
  const totals: Record<string, number> = {};
  for (const m of runs) for (const [k, v] of Object.entries(m.heavy.profile)) totals[k] = (totals[k] ?? 0) + v / runs.length;
  const all = Object.values(totals).reduce((a, b) => a + b, 0);
  return Object.entries(totals)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k} ${Math.round((100 * v) / (all || 1))} %`)
    .join(', ');
}

function compare(results: Record<Contender['key'], Measured[]>, options: SideBySideOptions): Figure[] {
  const figures: Figure[] = [];
  const value = (key: Contender['key'], pick: Pick) => medianOf(results[key].map(pick));
  const { heavy, light } = options;
  const ratios = (label: string, pick: Pick, limit: number, unit: string, show: (v: number) => string, how: string) => {
    const naive = value('naive', pick);
    for (const key of ['standalone', 'widget'] as const) {
      const mine = value(key, pick);
      const note = `${key === 'standalone' ? 'standalone page' : 'widget alone'} ${mine === null ? '—' : show(mine)} ${unit}, naive ${naive === null ? '—' : show(naive)} ${unit}; ${how}`;
      figures.push(judged(NAME, `${label}: ${key} ÷ naive`, ratio(mine, naive), '×', atMost(limit, `≤ ${limit}×`), note));
    }
  };
  const absolute = (label: string, pick: Pick, limits: { standalone: number; widget: number }, unit: string, how: string) => {
    const naive = value('naive', pick);
    for (const key of ['standalone', 'widget'] as const) {
      const limit = limits[key];
      figures.push(judged(NAME, `${label}: ${key}`, value(key, pick), unit, atMost(limit, `≤ ${limit}${unit ? ` ${unit}` : ''}`), `naive ${naive ?? '—'}; ${how}`));
    }
  };
  const ms = (v: number) => `${round(v, 3)}`;
  const pctShare = (v: number) => `${round(100 * v, 3)} %`;

  ratios(`all ${heavy.cards} cards in the DOM after navigation`, (m) => m.heavy.cardsShownMs, 1, 'ms', ms, 'from navigation start (performance.now) to the frame where every seeded card is an article');
  ratios(`all ${light.cards} cards in the DOM after navigation`, (m) => m.light.cardsShownMs, 1, 'ms', ms, 'the realistic load');
  absolute('long tasks > 50 ms during startup', (m) => m.heavy.startupLongTasks.length, { standalone: 1, widget: 0 }, '', 'PerformanceObserver longtask, navigation until all cards are shown');
  absolute('long tasks > 50 ms during the burst', (m) => m.heavy.burstLongTasks.length, { standalone: 1, widget: 0 }, '', `${heavy.burst} notifications published at once`);
  ratios(`event → DOM p95 (${heavy.rate}/s × ${heavy.cards} cards)`, (m) => pct(m.heavy.latencies, 95), 0.6, 'ms', ms, 'mock publish → MutationObserver sees the value');
  ratios('event → DOM p99', (m) => pct(m.heavy.latencies, 99), 1, 'ms', ms, 'same samples');
  absolute('wire → DOM p95', (m) => pct(m.heavy.wireToDom, 95), { standalone: 16.7, widget: 16.7 }, 'ms', 'CometD response handled by the page → value in the DOM (one frame is 16.7 ms)');
  ratios('main thread busy, steady', (m) => m.heavy.busyShare, 0.25, '', pctShare, 'DevTools Performance.getMetrics TaskDuration ÷ wall time during the steady traffic (from 2 s after the page is ready)');
  ratios(`main thread busy at ${light.cards} cards × ${light.rate}/s`, (m) => m.light.busyShare, 1, '', pctShare, 'the realistic load');
  ratios(`last of a ${heavy.burst}-burst in the DOM`, (m) => m.heavy.burstLastMs, 1, 'ms', ms, 'burst request → its last value shown');
  ratios('JS heap after GC', (m) => m.heavy.heapBytes, 2, 'MiB', (v) => `${mib(v)}`, `Runtime.getHeapUsage after two HeapProfiler.collectGarbage, ${heavy.cards} cards`);
  ratios('DOM nodes per card', (m) => m.heavy.domNodes / heavy.cards, 1.5, 'nodes', (v) => `${round(v, 3)}`, 'every node of the document (TreeWalker SHOW_ALL) ÷ cards');
  absolute('page JavaScript, gzip', (m) => kib(m.heavy.jsGzipBytes), { standalone: 100, widget: 100 }, 'KiB', 'every .js response the page loaded, gzip -9');
  for (const key of ['standalone', 'widget', 'naive'] as const) {
    figures.push(
      info(NAME, `script share of the main thread (steady): ${key}`, medianOf(results[key].map((m) => round(100 * m.heavy.scriptShare, 3))), '%', `layout + style ${medianOf(results[key].map((m) => round(100 * m.heavy.layoutShare, 3)))} %; CPU profile self time (${heavy.profileSeconds} s more of the same traffic, profiled apart from the busy window): ${profileNote(results[key])}`),
    );
  }
  const problems = Object.entries(results).flatMap(([key, runs]) => runs.flatMap((m) => [...m.heavy.problems, ...m.light.problems].map((p) => `${key}: ${p}`)));
  if (problems.length > 0) figures.push(info(NAME, 'problems seen', problems.length, '', problems.slice(0, 5).join(' | ')));
  return figures;
}

/**
 * The project's standalone page and its widget alone, beside the naive reference page: the same
 * mock (no other interactions), the same load, the same browser, in one run, pages interleaved
 * run by run; every figure is the median over the runs and reported as a ratio to the naive page.
 */
export async function runSideBySide(
  options: SideBySideOptions,
  dirs: { app: string; widgetPage: string },
  built: { app: () => Promise<void>; widgetPage: () => Promise<void> },
  progress: Progress,
): Promise<Figure[]> {
  if (!existsSync(NAIVE_SOURCE)) {
    return [info(NAME, 'not measured', null, '', `the naive reference page is not beside this clone (${NAIVE_SOURCE})`)];
  }
  const naiveDir = mkdtempSync(join(tmpdir(), 'openmedia-naive-'));
  const servers: RunningPreview[] = [];
  let browser: Browser | undefined;
  try {
    const naiveOut = buildNaive(naiveDir, progress);
    progress('building the standalone page and the widget page');
    await built.app();
    await built.widgetPage();
    const contenders: Contender[] = [
      { key: 'naive', label: 'naive page', path: '/', outDir: naiveOut, ready: (page) => page.getByText('Connection: connected').waitFor({ timeout: 30_000 }) },
      { key: 'standalone', label: 'standalone page', path: '/', outDir: dirs.app, ready: liveWidget },
      { key: 'widget', label: 'widget alone', path: WIDGET_PAGE_PATH, outDir: dirs.widgetPage, ready: liveWidget },
    ];
    const origins = new Map<Contender['key'], string>();
    for (const c of contenders) {
      const server = await startPreview(c.outDir, 'mock-only', { initialData: [] });
      servers.push(server);
      origins.set(c.key, server.origin);
    }
    browser = await chromium.launch({ executablePath: resolveChromium(), args: CHROMIUM_ARGS, headless: true });
    const results: Record<Contender['key'], Measured[]> = { standalone: [], widget: [], naive: [] };
    for (let run = 1; run <= options.runs; run += 1) {
      for (const c of contenders) {
        const target = { origin: origins.get(c.key) as string, path: c.path };
        progress(`run ${run}/${options.runs}: ${c.label}, ${options.heavy.cards} cards`);
        const heavy = await measurePage(browser, target, options.heavy, c.ready);
        progress(`run ${run}/${options.runs}: ${c.label}, ${options.light.cards} cards`);
        const light = await measurePage(browser, target, options.light, c.ready);
        results[c.key].push({ heavy, light });
      }
    }
    return compare(results, options);
  } finally {
    await browser?.close();
    for (const server of servers) await server.close();
    rmSync(naiveDir, { recursive: true, force: true });
  }
}
