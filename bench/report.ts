import { writeFileSync } from 'node:fs';
import type { Figure } from './figure';
import type { MachineInfo } from './machine';
import { machineLine } from './machine';

export interface BenchReport {
  readonly date: string;
  readonly mode: 'full' | 'quick';
  readonly machine: MachineInfo;
  readonly figures: readonly Figure[];
  /** Benchmarks that crashed, with the error: the only thing that fails the run. */
  readonly crashes: readonly { readonly benchmark: string; readonly error: string }[];
  readonly summary: { readonly passed: number; readonly failed: number; readonly unmeasured: number; readonly informational: number };
}

export function summarise(figures: readonly Figure[]): BenchReport['summary'] {
  let passed = 0;
  let failed = 0;
  let unmeasured = 0;
  let informational = 0;
  for (const figure of figures) {
    if (figure.target === '—') informational += 1;
    else if (figure.pass === null) unmeasured += 1;
    else if (figure.pass) passed += 1;
    else failed += 1;
  }
  return { passed, failed, unmeasured, informational };
}

function formatValue(figure: Figure): string {
  if (figure.value === null) return 'not measured';
  const digits = Math.abs(figure.value) >= 100 ? 0 : Math.abs(figure.value) >= 10 ? 1 : 3;
  const number = figure.value.toLocaleString('en', { maximumFractionDigits: digits });
  if (figure.unit === '×') return `${number}×`;
  return figure.unit === '' ? number : `${number} ${figure.unit}`;
}

function verdict(figure: Figure): string {
  if (figure.target === '—') return '';
  if (figure.pass === null) return 'n/a';
  return figure.pass ? 'PASS' : 'FAIL';
}

function escapeCell(text: string): string {
  return text.replaceAll('|', '\\|');
}

/** The figures as a Markdown table (readable in a terminal, pasteable into a README). */
export function renderTable(report: BenchReport): string {
  const lines = [
    `openmedia-widget benchmarks, ${report.mode} mode, ${report.date}`,
    `Machine: ${machineLine(report.machine)}`,
    '',
    '| benchmark | figure | value | target | result | how / note |',
    '|---|---|---|---|---|---|',
  ];
  for (const figure of report.figures) {
    const cells = [figure.benchmark, figure.label, formatValue(figure), figure.target, verdict(figure), figure.note ?? ''];
    lines.push(`| ${cells.map(escapeCell).join(' | ')} |`);
  }
  const { passed, failed, unmeasured } = report.summary;
  lines.push('', `${passed} targets met, ${failed} missed, ${unmeasured} not measured.`);
  for (const crash of report.crashes) lines.push(`CRASHED: ${crash.benchmark}: ${crash.error}`);
  return lines.join('\n');
}

export function writeReport(path: string, report: BenchReport): void {
  writeFileSync(path, `${JSON.stringify(report, null, 2)}\n`);
}
