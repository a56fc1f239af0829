import type { Preview } from '@storybook/react-vite';

const preview: Preview = {
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
  },
  decorators: [
    (Story, context) => (
      // A page-like frame, dark for dark-theme stories, so contrast can be judged as a host would see it.
      <div
        data-theme={context.parameters.pageTheme === 'dark' ? 'dark' : undefined}
        style={{
          maxWidth: context.parameters.frameWidth ?? 560,
          padding: 16,
          borderRadius: 12,
          background: context.parameters.pageTheme === 'dark' ? '#0b0f15' : '#eef1f5',
        }}
      >
        <Story />
      </div>
    ),
  ],
};

export default preview;
