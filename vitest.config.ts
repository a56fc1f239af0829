import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// Two projects: plain Node for protocol/core/channel/mock-gws (including the integration tests that
// talk real HTTP and CometD, which must never share a process with jsdom: cometd-nodejs-client
// installs a global `window`), and jsdom for React hooks and components (*.test.tsx).
export default defineConfig({
  plugins: [react()],
  test: {
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['src/**/*.test.ts', 'bench/**/*.test.ts'],
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['src/**/*.test.tsx'],
          setupFiles: ['./src/test-setup.ts'],
        },
      },
    ],
  },
});
