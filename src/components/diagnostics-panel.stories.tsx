import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import type { Diagnostics } from '../core/types';
import { DiagnosticsPanel } from './diagnostics-panel';
import { DEFAULT_MESSAGES } from './messages';
import './openmedia-widget.css';

const now = Date.now();

const DIAGNOSTICS: Diagnostics = {
  received: 148,
  rejected: { 'missing-id': 2, 'unknown-message-type': 5, 'not-an-object': 1 },
  unmatchedReferenceIds: 3,
  log: [
    { at: now - 9_000, kind: 'snapshot', interactionId: undefined, referenceId: undefined, detail: 'promotion: 3 listed, 3 new, 0 gone' },
    { at: now - 8_000, kind: 'notification', interactionId: '03W0GH2KD56YV001', referenceId: undefined, detail: 'StatusChange Invited (new)' },
    { at: now - 6_500, kind: 'action-requested', interactionId: '03W0GH2KD56YV001', referenceId: undefined, detail: 'Accept' },
    { at: now - 6_400, kind: 'action-accepted', interactionId: '03W0GH2KD56YV001', referenceId: 17, detail: 'Accept' },
    { at: now - 6_100, kind: 'action-resolved', interactionId: '03W0GH2KD56YV001', referenceId: 17, detail: 'Accept done' },
    { at: now - 4_000, kind: 'rejected', interactionId: undefined, referenceId: undefined, detail: 'missing-id' },
    { at: now - 2_000, kind: 'action-failed', interactionId: '03W0GH2KD56YV002', referenceId: 18, detail: 'Complete: Operation is not valid in the current state' },
    { at: now - 500, kind: 'action-timed-out', interactionId: '03W0GH2KD56YV003', referenceId: 19, detail: 'Transfer' },
  ],
};

const meta = {
  title: 'Widget/DiagnosticsPanel',
  component: DiagnosticsPanel,
  args: { diagnostics: DIAGNOSTICS, defaultOpen: true },
  decorators: [
    (Story) => (
      <div className="omw-root" style={{ padding: 12 }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof DiagnosticsPanel>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Open: Story = {
  play: async ({ canvasElement }) => {
    // The body is downloaded when the panel opens (see lazy-parts): wait for it.
    await expect(await within(canvasElement).findByRole('button', { name: DEFAULT_MESSAGES.diagnosticsDownload })).toBeVisible();
    await expect(within(canvasElement).getByRole('region', { name: DEFAULT_MESSAGES.diagnosticsLog })).toBeVisible();
  },
};

export const Empty: Story = {
  args: { diagnostics: { received: 0, rejected: {}, unmatchedReferenceIds: 0, log: [] } },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText(DEFAULT_MESSAGES.diagnosticsLogEmpty)).toBeVisible();
  },
};

export const Collapsed: Story = { args: { defaultOpen: false } };

/** Raw messages recorded (`recordLimit` above 0): Download log offers "Redact values", on by default. */
export const WithRecording: Story = {
  args: {
    getRecording: () => ({
      version: 1,
      events: [{ at: 0, data: { messageType: 'OpenmediaStateChangeMessage', notificationType: 'StatusChange', openmedia: { id: 'IX-1', state: 'Invited', mediaType: 'promotion', capabilities: ['Accept'], userData: { Subject: 'Refund for a customer' } } } }],
    }),
  },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('checkbox', { name: DEFAULT_MESSAGES.diagnosticsRedact })).toBeChecked();
  },
};
