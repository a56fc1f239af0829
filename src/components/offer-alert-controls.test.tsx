import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryChannel } from '../channel/memory-channel';
import { createGwsClient } from '../api/client';
import { OpenmediaProvider } from '../hooks/openmedia-provider';
import { createScriptedGws } from '../testing/scripted-gws';
import { OfferAlertControls } from './offer-alert-controls';
import { TabRoleIndicator } from './tab-role';

function stubNotification(permission: NotificationPermission, answer: NotificationPermission = permission) {
  const api = {
    permission,
    requestPermission: vi.fn(async () => {
      api.permission = answer;
      return answer;
    }),
  };
  vi.stubGlobal('Notification', api);
  return api;
}

function renderControls() {
  const gws = createScriptedGws();
  return render(
    <OpenmediaProvider channel={createMemoryChannel()} gwsClient={createGwsClient({ fetch: gws.fetch })} alerts>
      <OfferAlertControls />
      <TabRoleIndicator />
    </OpenmediaProvider>,
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
  localStorage.clear();
});

describe('<OfferAlertControls>', () => {
  it('asks the browser for permission from the click, and turns on once it is granted', async () => {
    const api = stubNotification('default', 'granted');
    renderControls();
    const notify = screen.getByRole('checkbox', { name: 'Notify me of new offers' });
    expect(notify).not.toBeChecked();
    expect(notify).toHaveAccessibleDescription('The browser asks for permission when you turn this on.');
    expect(api.requestPermission).not.toHaveBeenCalled();

    await userEvent.click(notify);
    expect(api.requestPermission).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(notify).toBeChecked());
    expect(notify).toHaveAccessibleDescription('Allowed by the browser.');
    // The choice is the agent's, kept for the next visit.
    expect(JSON.parse(localStorage.getItem('openmedia-widget:alert-preferences') ?? '{}')).toMatchObject({ notifications: true });
  });

  it('stays off when the agent refuses in the browser prompt, and says it is blocked', async () => {
    stubNotification('default', 'denied');
    renderControls();
    const notify = screen.getByRole('checkbox', { name: 'Notify me of new offers' });
    await userEvent.click(notify);
    await waitFor(() => expect(notify).toHaveAttribute('aria-disabled', 'true'));
    expect(notify).not.toBeChecked();
    expect(notify).toHaveAccessibleDescription(/Blocked by the browser/);
    // Focusable still (a disabled control would drop focus to the page under the agent), and the
    // refusal is said where the agent is; a press changes nothing.
    expect(notify).toBeEnabled();
    expect(notify).toHaveFocus();
    expect(screen.getByText(/Blocked by the browser/)).toHaveAttribute('aria-live', 'polite');
    await userEvent.click(notify);
    expect(notify).not.toBeChecked();
  });

  it('cannot be turned on where the browser has no notifications', () => {
    vi.stubGlobal('Notification', undefined);
    renderControls();
    const notify = screen.getByRole('checkbox', { name: 'Notify me of new offers' });
    expect(notify).toHaveAttribute('aria-disabled', 'true');
    expect(notify).toHaveAccessibleDescription('This browser cannot show notifications.');
  });

  it('mutes the sound only while the sound is on', async () => {
    stubNotification('granted');
    renderControls();
    const mute = screen.getByRole('button', { name: 'Mute' });
    expect(mute).toBeDisabled();
    await userEvent.click(screen.getByRole('checkbox', { name: 'Play a sound for new offers' }));
    expect(mute).toBeEnabled();
    await userEvent.click(mute);
    expect(mute).toHaveAttribute('aria-pressed', 'true');
  });

  it('says the sound waits for a first click or key press on a page that has had none (the browser plays nothing before one), and stops saying it after one', () => {
    stubNotification('granted');
    const userActivation = { hasBeenActive: false };
    vi.stubGlobal('navigator', Object.assign(Object.create(navigator) as Navigator, { userActivation }));
    localStorage.setItem('openmedia-widget:alert-preferences', JSON.stringify({ sound: true }));
    renderControls();
    const sound = screen.getByRole('checkbox', { name: 'Play a sound for new offers' });
    expect(sound).toBeChecked();
    expect(sound).toHaveAccessibleDescription('The sound may not play until your first click or key press on this page.');
    // Escape activates nothing: the browser still says no.
    fireEvent.keyDown(document.body, { key: 'Escape' });
    expect(sound).toHaveAccessibleDescription('The sound may not play until your first click or key press on this page.');
    userActivation.hasBeenActive = true;
    fireEvent.keyDown(document.body, { key: 'Shift' });
    expect(sound).not.toHaveAccessibleDescription();
    expect(screen.queryByText(/first click or key press/)).not.toBeInTheDocument();
  });

  it('shows that a tab with its own channel does not share a connection', () => {
    stubNotification('granted');
    renderControls();
    expect(screen.getByText('This tab: Own connection (not shared)')).toBeInTheDocument();
  });
});
