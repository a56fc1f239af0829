import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor, within } from 'storybook/test';
import { StoryHarness } from '../../.storybook/story-harness';
import { mediaMessage } from '../protocol/workspace-v3/fixtures';
import { OpenmediaWidget } from './openmedia-widget';
import type { OpenmediaWidgetProps } from './openmedia-widget';

// The Workspace API v3 dialect: real simulator captures pushed on the story's channel and read by
// the v3 parser (kebab-case capabilities, KV-list user data). Display only: the story's scripted
// GWS answers operations in v2 terms, so the buttons are for looking at, not for clicking.

type Story = StoryObj<OpenmediaWidgetProps>;

const meta = {
  title: 'Widget/Workspace API v3',
  component: OpenmediaWidget,
  args: { title: 'Open media (v3)', compact: false, showDiagnostics: true, theme: 'light' },
} satisfies Meta<typeof OpenmediaWidget>;

export default meta;

export const SimulatorCaptures: Story = {
  render: (args) => (
    <StoryHarness
      widget={args}
      provider={{ dialect: 'workspace-v3' }}
      gws={{ snapshot: () => [] }}
      script={({ channel }) => {
        const timer = setTimeout(() => {
          channel.emit(mediaMessage('01-workitem-invited').data);
          channel.emit(mediaMessage('05b-email-transfer-agent-target-processing').data);
        }, 300);
        return () => clearTimeout(timer);
      }}
    />
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getByRole('article', { name: 'Capture email 1' })).toBeInTheDocument(), { timeout: 5_000 });
    // accept / reject in kebab-case are the widget's Accept and Reject.
    const workitem = canvas.getByRole('article', { name: 'Capture workitem 1' });
    await expect(within(workitem).getByRole('button', { name: 'Accept' })).toBeInTheDocument();
  },
};
