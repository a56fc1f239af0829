import { defineConfig } from 'vitest/config';

// The tests StrykerJS runs for the mutants of one layer (stryker.config.mjs, STRYKER_LAYER): only
// that layer's fast plain-Node unit tests. No integration tests (they start real HTTP and CometD
// servers), no jsdom tests (hooks and components are not mutated), and not the reducer's property
// test (fast-check, 500–2,000 generated event sequences per property: run for every core mutant it
// covers, it made the core run take over an hour on 2 shared cores). The parser's property test
// is fast and stays.
const layer = process.env.STRYKER_LAYER ?? '{protocol,core,api,channel,client}';

export default defineConfig({
  test: {
    environment: 'node',
    include: [`src/${layer}/**/*.test.ts`],
    exclude: ['**/node_modules/**', '**/*.integration.test.ts', 'src/core/reducer.property.test.ts'],
    // A mutant that leaves a promise pending (a response never delivered, a timer never armed)
    // makes a test wait for its timeout. The tests of api, channel and client finish in well
    // under a second with fake timers, so 5 s fails such a mutant ("killed") long before
    // Stryker's own 10 s timeout would; protocol and core keep 30 s (property tests).
    testTimeout: ['api', 'channel', 'client'].includes(layer) ? 5_000 : 30_000,
    // Stryker runs the covering tests once per mutant; re-importing every module for every test
    // file each time dominated the run. The tests of these layers keep no module state between
    // files (the initial run fails if one did).
    isolate: false,
  },
});
