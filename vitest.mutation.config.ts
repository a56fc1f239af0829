import { defineConfig } from 'vitest/config';

// The tests StrykerJS runs for the mutants of one layer (stryker.config.mjs, STRYKER_LAYER): only
// that layer's plain-Node unit tests. No integration tests (they start real HTTP and CometD
// servers), no jsdom tests (hooks and components are not mutated).
const layer = process.env.STRYKER_LAYER ?? '{protocol,core,api,channel,client}';

export default defineConfig({
  test: {
    environment: 'node',
    include: [`src/${layer}/**/*.test.ts`],
    exclude: ['**/node_modules/**', '**/*.integration.test.ts'],
    testTimeout: 30_000,
  },
});
