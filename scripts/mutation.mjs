// npm run test:mutation [-- <layer> …] [-- --summary]
//
// Runs StrykerJS (stryker.config.mjs) once per framework-free layer — protocol, core, api,
// channel, client, or the ones named — each incremental against its committed results in
// reports/stryker-incremental/<layer>.json. Then prints the mutation score per folder, from those
// files, and writes the table into docs/testing.md between the mutation-scores markers.
// `--summary` skips the runs and only prints and writes the table.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const LAYERS = ['protocol', 'core', 'api', 'channel', 'client'];
const DOC = 'docs/testing.md';
const BEGIN = '<!-- mutation-scores:begin (written by npm run test:mutation) -->';
const END = '<!-- mutation-scores:end -->';

const args = process.argv.slice(2);
const summaryOnly = args.includes('--summary');
// Anything else starting with -- goes to Stryker (e.g. --force: re-test every mutant).
const strykerArgs = args.filter((arg) => arg.startsWith('--') && arg !== '--summary');
const named = args.filter((arg) => !arg.startsWith('--'));
const unknown = named.filter((layer) => !LAYERS.includes(layer));
if (unknown.length > 0) {
  console.error(`Unknown layer ${unknown.join(', ')}; the layers are ${LAYERS.join(', ')}.`);
  process.exit(2);
}
const layers = named.length > 0 ? named : LAYERS;

const durations = new Map();
const failed = [];
if (!summaryOnly) {
  const stryker = path.join('node_modules', '@stryker-mutator', 'core', 'bin', 'stryker.js');
  for (const layer of layers) {
    console.log(`\n=== StrykerJS: src/${layer} ===`);
    forgetSurvivingStaticMutants(`reports/stryker-incremental/${layer}.json`);
    const started = Date.now();
    const run = spawnSync(process.execPath, [stryker, 'run', 'stryker.config.mjs', ...strykerArgs], {
      stdio: 'inherit',
      env: { ...process.env, STRYKER_LAYER: layer },
    });
    durations.set(layer, (Date.now() - started) / 1000);
    if (run.status !== 0) failed.push(layer);
  }
}

/**
 * Stryker reuses a surviving mutant's result when no test that covers it was added; a static
 * (module-level) mutant has no per-test coverage, so a new test that kills it is never noticed
 * and it stays "survived" for ever. Dropping those few results makes Stryker test them again.
 */
function forgetSurvivingStaticMutants(file) {
  if (!existsSync(file)) return;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  let forgotten = 0;
  for (const result of Object.values(report.files)) {
    const kept = result.mutants.filter((mutant) => !(mutant.static && (mutant.status === 'Survived' || mutant.status === 'NoCoverage')));
    forgotten += result.mutants.length - kept.length;
    result.mutants = kept;
  }
  if (forgotten === 0) return;
  writeFileSync(file, JSON.stringify(report, null, 2));
  console.log(`(${forgotten} surviving static mutant(s) will be tested again: Stryker cannot tell whether a new test covers them)`);
}

/** Mutants per folder (a layer, or a folder inside it) from the layers' incremental results. */
function tally() {
  const folders = new Map();
  for (const layer of LAYERS) {
    const file = `reports/stryker-incremental/${layer}.json`;
    if (!existsSync(file)) continue;
    const report = JSON.parse(readFileSync(file, 'utf8'));
    for (const [name, { mutants }] of Object.entries(report.files)) {
      const folder = path.posix.dirname(name.split(path.sep).join('/'));
      const row = folders.get(folder) ?? { killed: 0, timeout: 0, survived: 0, noCoverage: 0, other: 0 };
      for (const { status } of mutants) {
        if (status === 'Killed') row.killed += 1;
        else if (status === 'Timeout') row.timeout += 1;
        else if (status === 'Survived') row.survived += 1;
        else if (status === 'NoCoverage') row.noCoverage += 1;
        else row.other += 1; // Ignored, CompileError, RuntimeError: not scored, as Stryker does.
      }
      folders.set(folder, row);
    }
  }
  const rows = [...folders.entries()].sort(([a], [b]) => a.localeCompare(b));
  // A layer with folders inside gets a total row too.
  for (const layer of LAYERS) {
    const inside = rows.filter(([folder]) => folder === `src/${layer}` || folder.startsWith(`src/${layer}/`));
    if (inside.length < 2) continue;
    const total = { killed: 0, timeout: 0, survived: 0, noCoverage: 0, other: 0 };
    for (const [, row] of inside) for (const key of Object.keys(total)) total[key] += row[key];
    const at = rows.indexOf(inside[0]);
    rows.splice(at, 0, [`src/${layer} (all)`, total]);
  }
  return rows;
}

/** Stryker's score: detected (killed + timed out) over valid mutants (those + survived + not covered). */
function score(row) {
  const detected = row.killed + row.timeout;
  const valid = detected + row.survived + row.noCoverage;
  return valid === 0 ? 'n/a' : `${((100 * detected) / valid).toFixed(1)} %`;
}

const rows = tally();
const table = [
  '| folder | mutants | killed | timeout | survived | no coverage | score |',
  '|---|---:|---:|---:|---:|---:|---:|',
  ...rows.map(([folder, r]) => {
    const total = r.killed + r.timeout + r.survived + r.noCoverage + r.other;
    return `| \`${folder}\` | ${total} | ${r.killed} | ${r.timeout} | ${r.survived} | ${r.noCoverage} | **${score(r)}** |`;
  }),
].join('\n');

console.log('\nMutation score per folder (reports/stryker-incremental/*.json):\n');
console.log(table);
for (const [layer, seconds] of durations) console.log(`src/${layer}: ${Math.round(seconds)} s`);

if (existsSync(DOC)) {
  const doc = readFileSync(DOC, 'utf8');
  const begin = doc.indexOf(BEGIN);
  const end = doc.indexOf(END);
  if (begin !== -1 && end > begin) {
    const stamp = `Last written ${new Date().toISOString().slice(0, 10)} from the committed incremental results.`;
    writeFileSync(DOC, `${doc.slice(0, begin + BEGIN.length)}\n${table}\n\n${stamp}\n${doc.slice(end)}`);
    console.log(`\nWritten to ${DOC}.`);
  }
}

if (failed.length > 0) {
  console.error(`\nStrykerJS failed for ${failed.map((layer) => `src/${layer}`).join(', ')} (see above).`);
  process.exit(1);
}
