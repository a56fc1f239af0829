// StrykerJS over one framework-free layer at a time (scripts/mutation.mjs runs it once per layer,
// with STRYKER_LAYER set). One run per layer, because a layer's score should say how well ITS
// tests catch bugs in it, and because a layer being edited (a red test) then cannot block the
// others. See docs/testing.md#mutation-testing.
const LAYERS = ['protocol', 'core', 'api', 'channel', 'client'];
const layer = process.env.STRYKER_LAYER ?? 'protocol';
if (!LAYERS.includes(layer)) {
  throw new Error(`STRYKER_LAYER must be one of ${LAYERS.join(', ')}; got "${layer}"`);
}

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  plugins: ['@stryker-mutator/vitest-runner'],
  mutate: [
    `src/${layer}/**/*.ts`,
    '!src/**/*.test.ts',
    '!src/**/fixtures.ts',
    // Only types: nothing to mutate.
    '!src/**/types.ts',
  ],
  coverageAnalysis: 'perTest',
  // The machine's 2 cores are shared; one test runner keeps the rest of the team's runs usable.
  concurrency: 1,
  incremental: true,
  incrementalFile: `reports/stryker-incremental/${layer}.json`,
  reporters: ['clear-text', 'progress-append-only', 'json', 'html'],
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true, skipFull: false },
  jsonReporter: { fileName: `reports/mutation/${layer}.json` },
  htmlReporter: { fileName: `reports/mutation/${layer}.html` },
  // Only what the unit tests of these layers read is copied to the sandbox.
  ignorePatterns: [
    'dist',
    'storybook-static',
    'test-results',
    'playwright-report',
    'coverage',
    'e2e',
    'bench',
    'docs',
    'public',
    'reports',
    '.storybook',
  ],
  tempDirName: '.stryker-tmp',
  thresholds: { high: 90, low: 80, break: null },
  timeoutMS: 10_000,
};
