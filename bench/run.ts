import './production-env';
import { fileURLToPath } from 'node:url';
import type { BenchArgs } from './bench-args';
import { parseBenchArgs } from './bench-args';
import { WIDGET_PAGE_PATH, buildApp, buildWidgetPage, createBuildDirs } from './builds';
import type { BuildDirs } from './builds';
import { runBundleSize } from './bundle-size';
import { LATENCY_FULL, LATENCY_QUICK, runDomLatency } from './dom-latency';
import type { Figure } from './figure';
import { describeMachine, machineLine, withEndLoad } from './machine';
import { FAIR_FULL, FAIR_QUICK, runFairBaseline } from './fair-baseline';
import { createProgress } from './progress';
import type { Progress } from './progress';
import { THROUGHPUT_FULL, THROUGHPUT_QUICK, runReducerThroughput } from './reducer-throughput';
import type { BenchReport } from './report';
import { readReport, renderTable, summarise, writeBenchmarksDoc, writeReport } from './report';
import { SCALING_FULL, SCALING_QUICK, runScaling } from './scaling';
import { SOAK_FULL, SOAK_QUICK, runShiftSoak } from './shift-soak';
import { SIDE_BY_SIDE_FULL, SIDE_BY_SIDE_QUICK, runSideBySide } from './side-by-side';

interface Benchmark {
  readonly id: string;
  readonly name: string;
  run(progress: Progress): Promise<Figure[]> | Figure[];
}

/** Rewrites docs/benchmarks.md from bench/results.json without running anything. */
const REPORT_ONLY = '--report-only';

const argv = process.argv.slice(2);
const reportOnly = argv.includes(REPORT_ONLY);
const args = (() => {
  try {
    const parsed = parseBenchArgs(argv.filter((arg) => arg !== REPORT_ONLY));
    if (reportOnly && argv.length > 1) throw new Error(`${REPORT_ONLY} takes no other option: it renders the last full run's bench/results.json.`);
    return parsed;
  } catch (error) {
    console.error(`${(error as Error).message}\n  ${REPORT_ONLY}: rewrite docs/benchmarks.md from bench/results.json, running nothing`);
    process.exit(2);
  }
})();

const resultsPath = (quick: boolean): string => fileURLToPath(new URL(quick ? './results-quick.json' : './results.json', import.meta.url));
/** The generated page: a full run (never a quick one) rewrites it from what it wrote to results.json. */
const docPath = fileURLToPath(new URL('../docs/benchmarks.md', import.meta.url));

function benchmarkList({ quick, fullBaseline }: BenchArgs, dirs: BuildDirs): Benchmark[] {
  // One build of the standalone page serves the size figure and the browser benchmark.
  let appBuild: Promise<void> | undefined;
  const appBuilt = (): Promise<void> => (appBuild ??= buildApp(dirs.app));
  let widgetBuild: Promise<void> | undefined;
  const widgetBuilt = (): Promise<void> => (widgetBuild ??= buildWidgetPage(dirs.widgetPage));
  return [
    {
      id: '1',
      name: 'reducer throughput vs Redux Toolkit',
      run: (p) => runReducerThroughput({ ...(quick ? THROUGHPUT_QUICK : THROUGHPUT_FULL), ...(fullBaseline ? { baselineBudgetMs: Infinity } : {}) }, p),
    },
    {
      id: '1b',
      name: 'reducer at 50 and 1,000 open interactions vs fair baselines',
      run: (p) => runFairBaseline(quick ? FAIR_QUICK : FAIR_FULL, p),
    },
    {
      id: '2',
      name: 'scaling with open interactions',
      run: (p) => runScaling(quick ? SCALING_QUICK : SCALING_FULL, p),
    },
    { id: '4', name: 'shift soak', run: (p) => runShiftSoak(quick ? SOAK_QUICK : SOAK_FULL, p) },
    { id: '5', name: 'bundle size', run: (p) => runBundleSize(dirs, appBuilt, p) },
    {
      id: '3',
      name: 'event → DOM latency in Chromium, standalone page',
      run: async (p) => {
        p('building the standalone page');
        await appBuilt();
        const page = {
          name: '3 event → DOM (Chromium)',
          outDir: dirs.app,
          config: 'project' as const,
          path: '/',
          description: 'the standalone page (dist/app build: widget with its diagnostics panel, mock panel)',
        };
        return runDomLatency(quick ? LATENCY_QUICK : LATENCY_FULL, page, p);
      },
    },
    {
      id: '3b',
      name: 'event → DOM latency in Chromium, widget alone',
      run: async (p) => {
        p('building the widget-only page');
        await widgetBuilt();
        const page = {
          name: '3b event → DOM, widget alone',
          outDir: dirs.widgetPage,
          config: 'mock-only' as const,
          path: WIDGET_PAGE_PATH,
          description: 'bench/widget-page: OpenmediaProvider and OpenmediaWidget with defaults, nothing else',
        };
        return runDomLatency(quick ? LATENCY_QUICK : LATENCY_FULL, page, p);
      },
    },
    {
      id: '6',
      name: 'side by side with the naive reference page',
      run: (p) => runSideBySide(quick ? SIDE_BY_SIDE_QUICK : SIDE_BY_SIDE_FULL, dirs, { app: appBuilt, widgetPage: widgetBuilt }, p),
    },
  ];
}

async function runBenchmarks(options: BenchArgs): Promise<BenchReport> {
  const machine = describeMachine();
  const mode = options.quick ? 'quick' : 'full';
  console.error(`openmedia-widget benchmarks (${mode}) on ${machineLine(machine)}`);

  const dirs = createBuildDirs();
  const figures: Figure[] = [];
  const crashes: { benchmark: string; error: string }[] = [];
  const selected = benchmarkList(options, dirs).filter((b) => options.only.size === 0 || options.only.has(b.id));
  for (const [i, benchmark] of selected.entries()) {
    const label = `[${i + 1}/${selected.length}] ${benchmark.id} ${benchmark.name}`;
    const progress = createProgress(`${label}:`);
    const started = performance.now();
    console.error(`${label} …`);
    try {
      const produced = await benchmark.run(progress.update);
      progress.end();
      figures.push(...produced);
      for (const figure of produced) {
        const verdict = figure.pass === null ? '' : figure.pass ? '  PASS' : '  FAIL';
        const value = figure.value === null ? 'not measured' : `${figure.value}${figure.unit === '' ? '' : ` ${figure.unit}`}`;
        console.error(`    ${figure.label}: ${value} (target ${figure.target})${verdict}`);
      }
    } catch (error) {
      progress.end();
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      crashes.push({ benchmark: `${benchmark.id} ${benchmark.name}`, error: message });
      console.error(`    CRASHED: ${message}`);
    }
    console.error(`    (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  }
  dirs.cleanup();

  // The table reads in benchmark order, whatever order they ran in (the browser one waits for a build).
  figures.sort((a, b) => a.benchmark.localeCompare(b.benchmark, 'en', { numeric: true }));
  return { date: new Date().toISOString(), mode, machine: withEndLoad(machine), figures, crashes, summary: summarise(figures) };
}

/**
 * A full run of some benchmarks (`--only`) keeps the other benchmarks' figures of the previous full
 * run, each marked with the date it was measured, so the published page stays complete.
 */
function withEarlierFigures(fresh: BenchReport, path: string, only: ReadonlySet<string>): BenchReport {
  let earlier: BenchReport;
  try {
    earlier = readReport(path);
  } catch {
    return fresh;
  }
  const rerun = (figure: { readonly benchmark: string }) => only.has(figure.benchmark.split(' ')[0] ?? '');
  const kept = earlier.figures
    .filter((figure) => !rerun(figure))
    .map((figure) => ({ ...figure, note: `${figure.note?.startsWith('(measured ') ? '' : `(measured ${earlier.date.slice(0, 10)}) `}${figure.note ?? ''}`.trim() }));
  const figures = [...kept, ...fresh.figures].sort((a, b) => a.benchmark.localeCompare(b.benchmark, 'en', { numeric: true }));
  return { ...fresh, figures, summary: summarise(figures) };
}

if (reportOnly) {
  const from = resultsPath(false);
  writeBenchmarksDoc(docPath, readReport(from));
  console.error(`Wrote ${docPath} from ${from}`);
} else {
  const fresh = await runBenchmarks(args);
  const out = resultsPath(args.quick);
  const report = !args.quick && args.only.size > 0 ? withEarlierFigures(fresh, out, args.only) : fresh;
  writeReport(out, report);
  console.log(renderTable(report));
  console.error(`\nWrote ${out}`);
  // Quick figures are only a proof that the benchmarks run: they never replace the published page.
  if (!args.quick) {
    writeBenchmarksDoc(docPath, report);
    console.error(`Wrote ${docPath}`);
  }
  // Timings never fail the run (they are noisy on shared machines); a benchmark that crashed does.
  process.exitCode = report.crashes.length > 0 ? 1 : 0;
}
