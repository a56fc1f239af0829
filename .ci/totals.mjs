// Prints the totals of every test runner that ran, as one plain line "N passed, M failed", read
// from the runners' JSON reports (never hard-coded). Exits non-zero when no report was found.
import { existsSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
let skipped = 0;
const seen = [];

function read(path) {
  if (!existsSync(path)) return undefined;
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    console.error(`could not read ${path}: ${error.message}`);
    failed += 1;
    return undefined;
  }
}

const vitest = read('test-results/vitest.json');
if (vitest) {
  seen.push(`vitest ${vitest.numPassedTests}/${vitest.numTotalTests}`);
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests;
  skipped += (vitest.numPendingTests ?? 0) + (vitest.numTodoTests ?? 0);
  // A file that failed to load has no tests but is a failure all the same.
  failed += (vitest.testResults ?? []).filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length;
}

for (const [name, path] of [
  ['playwright', 'test-results/playwright.json'],
  ['simulator', 'test-results/playwright-simulator.json'],
]) {
  const playwright = read(path);
  if (!playwright) continue;
  const s = playwright.stats ?? {};
  seen.push(`${name} ${s.expected ?? 0}/${(s.expected ?? 0) + (s.unexpected ?? 0) + (s.flaky ?? 0)}`);
  passed += s.expected ?? 0;
  failed += (s.unexpected ?? 0) + (s.flaky ?? 0);
  skipped += s.skipped ?? 0;
}

const storybook = read('test-results/storybook.json');
if (storybook) {
  seen.push(`storybook ${storybook.passed}/${storybook.passed + storybook.failed}`);
  passed += storybook.passed;
  failed += storybook.failed;
}

if (seen.length === 0) {
  console.log('no test report found');
  console.log(`0 passed, 1 failed`);
  process.exit(1);
}
console.log(`runners: ${seen.join(', ')}`);
console.log(skipped > 0 ? `${passed} passed, ${failed} failed, ${skipped} skipped` : `${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
