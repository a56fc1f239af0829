import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, within } from 'storybook/test';
import type { NotificationPermissionState } from '../client/notification-permission';
import { OfferAlertToggle } from './offer-alert-toggle';

interface ToggleStoryProps {
  readonly permission: NotificationPermissionState;
  readonly notifications: boolean;
  readonly sound: boolean;
  readonly muted: boolean;
  readonly soundWaitsForGesture?: boolean;
}

/** The switches with local state; asking for permission is the real hook's job, so the story only flips. */
function StatefulToggle(initial: ToggleStoryProps) {
  const [state, setState] = useState(initial);
  return (
    <div style={{ maxWidth: 420 }}>
      <OfferAlertToggle
        {...state}
        onNotificationsChange={(notifications) => setState((s) => ({ ...s, notifications }))}
        onSoundChange={(sound) => setState((s) => ({ ...s, sound }))}
        onMutedChange={(muted) => setState((s) => ({ ...s, muted }))}
      />
    </div>
  );
}

const meta = {
  title: 'Alerts/Offer alert toggle',
  component: StatefulToggle,
  args: { permission: 'default', notifications: false, sound: false, muted: false },
} satisfies Meta<typeof StatefulToggle>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Never asked: the switch is off, and turning it on makes the browser ask. */
export const NotAskedYet: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const notify = canvas.getByRole('checkbox', { name: 'Notify me of new offers' });
    await expect(notify).not.toBeChecked();
    await expect(notify).toBeEnabled();
    await expect(notify).toHaveAccessibleDescription(/asks for permission/);
  },
};

/** Allowed, and turned on, with the sound on too. */
export const Granted: Story = {
  args: { permission: 'granted', notifications: true, sound: true },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('checkbox', { name: 'Notify me of new offers' })).toBeChecked();
    await expect(canvas.getByRole('button', { name: 'Mute' })).toHaveAttribute('aria-pressed', 'false');
  },
};

/** The sound is on (kept from an earlier visit), but the page has had no click or key press yet: the browser would play nothing. */
export const SoundWaitsForFirstClick: Story = {
  args: { permission: 'granted', notifications: true, sound: true, soundWaitsForGesture: true },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('checkbox', { name: 'Play a sound for new offers' })).toHaveAccessibleDescription(
      'The sound may not play until your first click or key press on this page.',
    );
  },
};

/** Allowed by the browser, but the agent turned it off (and muted the sound). */
export const GrantedButOff: Story = {
  args: { permission: 'granted', notifications: false, sound: true, muted: true },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('checkbox', { name: 'Notify me of new offers' })).not.toBeChecked();
    await expect(canvas.getByRole('button', { name: 'Mute' })).toHaveAttribute('aria-pressed', 'true');
  },
};

/** Blocked by the browser: the switch cannot turn on, and says where to change it. */
export const BlockedByTheBrowser: Story = {
  args: { permission: 'denied', notifications: true },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const notify = canvas.getByRole('checkbox', { name: 'Notify me of new offers' });
    await expect(notify).toHaveAttribute('aria-disabled', 'true');
    await expect(notify).not.toBeChecked();
    await expect(notify).toHaveAccessibleDescription(/Blocked by the browser/);
  },
};

/** No Notification API (an embedded webview): the sound still works. */
export const Unsupported: Story = {
  args: { permission: 'unsupported', sound: true },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('checkbox', { name: 'Notify me of new offers' })).toHaveAttribute('aria-disabled', 'true');
    await expect(canvas.getByRole('checkbox', { name: 'Play a sound for new offers' })).toBeChecked();
  },
};
