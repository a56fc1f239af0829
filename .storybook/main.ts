import type { StorybookConfig } from '@storybook/react-vite';

// Stories sit beside the components (src/**/*.stories.tsx) and run on an in-memory channel and a
// scripted GWS client (story-harness.tsx): no server. Storybook's own Vite config (vite.config.ts
// in this folder) keeps the app's page inputs and mock-GWS middleware out of it.
const config: StorybookConfig = {
  stories: ['../src/**/*.stories.tsx'],
  framework: {
    name: '@storybook/react-vite',
    options: { builder: { viteConfigPath: '.storybook/vite.config.ts' } },
  },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  // Build options go here, as Storybook sets its own after reading the Vite config. Its preview
  // bundle is one big chunk by design, and its docgen transform is slow: neither needs a warning.
  viteFinal: (config) => ({
    ...config,
    build: {
      ...config.build,
      chunkSizeWarningLimit: 2_000,
      rolldownOptions: { ...config.build?.rolldownOptions, checks: { ...config.build?.rolldownOptions?.checks, bundlerTimings: false } },
    },
  }),
};

export default config;
