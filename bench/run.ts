import './production-env';
import { fileURLToPath } from 'node:url';
import { parseBenchArgs } from './bench-args';
import { WIDGET_PAGE_PATH, buildApp, buildWidgetPage, createBuildDirs } from './builds';
import { runBundleSize } from './bundle-size';
import { LATENCY_FULL, LATENCY_QUICK, runDomLatency } from './dom-latency';
import type { Figure } from './figure';
import { describeMachine, machineLine, withEndLoad } from './machine';
import { createProgress } from './progress';
import type { Progress } from './progress';
import { THROUGHPUT_FULL, THROUGHPUT_QUICK, runReducerThroughput } from './reducer-throughput';
import type { BenchReport } from './report';
import { renderTable, summarise, writeReport } from './report';
import { SCALING_FULL, SCALING_QUICK, runScaling } from './scaling';
import { SOAK_FULL, SOAK_QUICK, runShiftSoak } from './shift-soak';

interface Benchmark {
  readonly id: string;
  readonly name: string;
  run(progress: Progress): Promise<Figure[]> | Figure[];
}

const args = (() => {
  try {
    return parseBenchArgs(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
})();
const { quick } = args;

// One build of the standalone page serves the size figure and the browser benchmark.
const dirs = createBuildDirs();
let appBuild: Promise<void> | undefined;
const appBuilt = (): Promise<void> => (appBuild ??= buildApp(dirs.app));

const benchmarks: Benchmark[] = [
  {
    id: '1',
    name: 'reducer throughput vs Redux Toolkit',
    run: (p) => runReducerThroughput({ ...(quick ? THROUGHPUT_QUICK : THROUGHPUT_FULL), ...(args.fullBaseline ? { baselineBudgetMs: Infinity } : {}) }, p),
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
      await buildWidgetPage(dirs.widgetPage);
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
];

const machine = describeMachine();
const mode = quick ? 'quick' : 'full';
console.error(`openmedia-widget benchmarks (${mode}) on ${machineLine(machine)}`);

const figures: Figure[] = [];
const crashes: { benchmark: string; error: string }[] = [];
const selected = benchmarks.filter((b) => args.only.size === 0 || args.only.has(b.id));
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
const report: BenchReport = {
  date: new Date().toISOString(),
  mode,
  machine: withEndLoad(machine),
  figures,
  crashes,
  summary: summarise(figures),
};
const out = fileURLToPath(new URL(quick ? './results-quick.json' : './results.json', import.meta.url));
writeReport(out, report);
console.log(renderTable(report));
console.error(`\nWrote ${out}`);
// Timings never fail the run (they are noisy on shared machines); a benchmark that crashed does.
process.exitCode = crashes.length > 0 ? 1 : 0;
