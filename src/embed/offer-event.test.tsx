import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createEmbedFixture } from '../test-support/embed-fixture';
import { resource, statusChange } from '../test-support/harness';
import { OPENMEDIA_OFFER_EVENT } from './dom-events';
import type { OpenmediaOfferEventDetail } from './dom-events';
import { defineOpenmediaWidgetElement } from './element';
import type { OpenmediaWidgetElement } from './element';
import type { OpenmediaWidgetMountOptions } from './mount-options';
import { stubNotifications } from '../test-support/fake-notifications';

defineOpenmediaWidgetElement();

function createWidgetElement(attributes: Record<string, string>, options: Omit<OpenmediaWidgetMountOptions, 'channel' | 'gwsClient'> = {}) {
  const fixture = createEmbedFixture();
  const element = document.createElement('openmedia-widget') as OpenmediaWidgetElement;
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  element.options = { ...options, channel: fixture.channel, gwsClient: fixture.gwsClient };
  const offers: string[] = [];
  element.addEventListener(OPENMEDIA_OFFER_EVENT, (event) => {
    offers.push((event as CustomEvent<OpenmediaOfferEventDetail>).detail.interaction.id);
  });
  act(() => {
    document.body.append(element);
  });
  return { element, offers, ...fixture };
}

afterEach(async () => {
  act(() => document.body.replaceChildren());
  await act(async () => {
    await Promise.resolve();
  });
  sessionStorage.clear();
  localStorage.clear();
  document.title = '';
  vi.unstubAllGlobals();
});

describe('<openmedia-widget> offer alerts', () => {
  it('dispatches openmedia-offer once per offer and badges the title while it waits (alerts attribute)', async () => {
    document.title = 'CRM';
    const { offers, channel } = createWidgetElement({ alerts: '' });
    expect(await screen.findByRole('checkbox', { name: 'Notify me of new offers' })).toBeInTheDocument();
    await waitFor(() => expect(channel.listenerCount()).toBe(1));

    act(() => channel.emit(statusChange(resource('E1', 'Invited', 'workitem', { Subject: 'New lead' }))));
    await waitFor(() => expect(offers).toEqual(['E1']));
    await waitFor(() => expect(document.title).toBe('(1) CRM'));

    // The same offer again (as after a re-handshake): no second event.
    act(() => channel.emit(statusChange(resource('E1', 'Invited', 'workitem', { Subject: 'New lead' }))));
    act(() => channel.emit(statusChange(resource('E1', 'Processing', 'workitem', { Subject: 'New lead' }))));
    await waitFor(() => expect(document.title).toBe('CRM'));
    expect(offers).toEqual(['E1']);
  });

  it('dispatches openmedia-offer without the alerts attribute, but leaves the title and shows no switches', async () => {
    document.title = 'CRM';
    const { offers, channel } = createWidgetElement({});
    await waitFor(() => expect(channel.listenerCount()).toBe(1));
    act(() => channel.emit(statusChange(resource('E2', 'Invited'))));
    await waitFor(() => expect(offers).toEqual(['E2']));
    expect(document.title).toBe('CRM');
    expect(screen.queryByRole('checkbox', { name: 'Notify me of new offers' })).not.toBeInTheDocument();
  });

  it("speaks the language of the element's messages: the alert switches above the widget, the desktop notification, and the widget's lang", async () => {
    const notified = stubNotifications();
    const { element, channel } = createWidgetElement(
      {},
      {
        alerts: { notifications: true },
        messages: { lang: 'de', alertsTitle: 'Angebotshinweise', alertsNotify: 'Bei neuen Angeboten benachrichtigen', newOffer: (subject) => `Neues Angebot: ${subject}` },
      },
    );
    expect(await screen.findByRole('checkbox', { name: 'Bei neuen Angeboten benachrichtigen' })).toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'Angebotshinweise' })).toHaveAttribute('lang', 'de');
    expect(within(element).getByRole('region', { name: 'Open media' })).toHaveAttribute('lang', 'de');
    await waitFor(() => expect(channel.listenerCount()).toBe(1));
    act(() => channel.emit(statusChange(resource('E3', 'Invited', 'workitem', { Subject: 'Rückruf' }))));
    await waitFor(() => expect(notified).toEqual(['Neues Angebot: Rückruf']));
  });
});
