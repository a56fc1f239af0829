import { act, render, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createGwsClient } from '../api/client';
import { createMemoryChannel } from '../channel/memory-channel';
import type { OfferAlertOptions } from '../client/offer-alerts';
import { resource, statusChange } from '../test-support/harness';
import { createScriptedGws } from '../testing/scripted-gws';
import { OpenmediaProvider } from './openmedia-provider';
import { useOpenmedia } from './use-openmedia';
import { stubNotifications } from '../test-support/fake-notifications';
import { catchReportedErrors } from '../test-support/reported-errors';

function Subscriber() {
  useOpenmedia();
  return null;
}

afterEach(() => {
  vi.unstubAllGlobals();
  localStorage.clear();
  sessionStorage.clear();
});

describe('OpenmediaProvider alerts', () => {
  it('a new notificationText (the host switched language) applies to the next offer, though the rest of alerts is the same', async () => {
    const notified = stubNotifications();
    const channel = createMemoryChannel();
    const gwsClient = createGwsClient({ fetch: createScriptedGws().fetch });
    const tree = (alerts: OfferAlertOptions) => (
      <OpenmediaProvider channel={channel} gwsClient={gwsClient} alerts={alerts}>
        <Subscriber />
      </OpenmediaProvider>
    );
    const english: OfferAlertOptions = { notifications: true, notificationText: (offer) => ({ title: `New offer ${offer.id}`, body: '' }) };
    const german: OfferAlertOptions = { notifications: true, notificationText: (offer) => ({ title: `Neues Angebot ${offer.id}`, body: '' }) };
    const { rerender } = render(tree(english));
    await waitFor(() => expect(channel.listenerCount()).toBe(1));
    act(() => channel.emit(statusChange(resource('A1', 'Invited'))));
    await waitFor(() => expect(notified).toEqual(['New offer A1']));
    rerender(tree(german));
    act(() => channel.emit(statusChange(resource('A2', 'Invited'))));
    await waitFor(() => expect(notified).toEqual(['New offer A1', 'Neues Angebot A2']));
  });

  it('a notificationText that throws: the offer is still notified in the widget’s words, the next one too, and the error is reported', async () => {
    const notified = stubNotifications();
    const reported = catchReportedErrors();
    const bug = new Error('host bug in notificationText');
    const channel = createMemoryChannel();
    const gwsClient = createGwsClient({ fetch: createScriptedGws().fetch });
    render(
      <OpenmediaProvider channel={channel} gwsClient={gwsClient} alerts={{ notifications: true, notificationText: () => { throw bug; } }}>
        <Subscriber />
      </OpenmediaProvider>,
    );
    await waitFor(() => expect(channel.listenerCount()).toBe(1));
    act(() => channel.emit(statusChange(resource('A1', 'Invited', 'promotion', { Subject: 'First offer' }))));
    await waitFor(() => expect(notified).toHaveLength(1));
    act(() => channel.emit(statusChange(resource('A2', 'Invited', 'promotion', { Subject: 'Second offer' }))));
    await waitFor(() => expect(notified).toHaveLength(2));
    expect(notified).toEqual(['New offer: First offer', 'New offer: Second offer']);
    expect(reported).toEqual([bug, bug]);
  });
});
